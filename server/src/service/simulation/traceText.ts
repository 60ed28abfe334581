// A trace as text for people (the CLI's `run`, a test failure): per key group, the timeline of
// steps with their place in the file, the events with the form that took them, and the outcome.
import { GroupTrace, SimulationTrace } from './trace';
import { showTime } from './units';

function place(range: { start: { line: number; character: number } } | undefined): string {
  return range === undefined ? '' : ` (${range.start.line + 1}:${range.start.character + 1})`;
}

function outcomeText(g: GroupTrace): string {
  const o = g.outcome;
  switch (o.kind) {
    case 'matched':
      return `matched ${o.matches} time${o.matches === 1 ? '' : 's'}${o.waiting ? `; then waiting at ${o.waiting.form}${place(o.waiting.range)} for ${o.waiting.what}` : ''}`;
    case 'not-matched':
      return o.waiting ? `not matched: ${o.waiting.form}${place(o.waiting.range)} still waits for ${o.waiting.what}` : 'not matched';
    case 'stopped':
      return `${o.message} after ${o.matches} match${o.matches === 1 ? '' : 'es'}`;
  }
}

export function traceText(trace: SimulationTrace): string {
  const lines: string[] = [];
  const title = trace.pattern === '' ? 'pattern' : `pattern "${trace.pattern}"`;
  lines.push(`${title}: ${trace.dialect} (${trace.dialectReason}); key attribute "${trace.key}"; ${trace.events} event${trace.events === 1 ? '' : 's'}`);
  for (const p of trace.problems) lines.push(`  ${p.source}: ${p.message}`);
  for (const g of trace.groups) {
    lines.push('', `key ${g.key}:`);
    for (const s of g.steps) lines.push(`  ${showTime(s.at)}  ${s.kind.padEnd(11)} ${s.text}${place(s.range)}`);
    const unused = g.events.filter((e) => e.usedBy === undefined).map((e) => e.event.number);
    if (unused.length > 0) lines.push(`  not used: event${unused.length === 1 ? '' : 's'} ${unused.join(', ')}`);
    lines.push(`  outcome: ${outcomeText(g)}`);
  }
  lines.push('', `${trace.outcome}: ${trace.matches} match${trace.matches === 1 ? '' : 'es'} in ${trace.groups.length} key group${trace.groups.length === 1 ? '' : 's'}`);
  return lines.join('\n');
}
