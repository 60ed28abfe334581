// The trace panel's page: a run's outcome, a test case's verdict, the input problems, and per key
// group a timeline of steps (events taken, the match, interactions with their rendered params and
// mock outcomes, variables) and the events with the form that took each. Text nodes only.
import type { EventUse, FormRange, GroupTrace, InteractionRecord, SimulationTrace, TraceStep, Value } from '../../../server/src/protocol';
import { Children, code, el } from '../preview/dom';
import { Reveal, revealButton, richText, section } from '../preview/renderCommon';
import type { TraceView } from './traceMessages';
import { showTime } from './traceTime';

function showValue(value: Value | undefined): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function outcomeText(trace: SimulationTrace): string {
  switch (trace.outcome) {
    case 'matched':
      return `Matched ${plural(trace.matches, 'time')} in ${plural(trace.groups.length, 'key group')}`;
    case 'not-matched':
      return `Not matched in ${plural(trace.groups.length, 'key group')}`;
    case 'stopped':
      return 'Stopped by a limit before the run ended';
    default:
      return 'The pattern could not run';
  }
}

/** A block that reveals a range when clicked (and from the keyboard), or a plain one without a range. */
function revealing(range: FormRange | undefined, reveal: Reveal, className: string, children: Children): HTMLElement {
  if (range === undefined) return el('div', { class: className }, children);
  const block = el('button', { type: 'button', class: `${className} revealable`, title: 'Show the form in the editor' }, children);
  block.addEventListener('click', () => reveal(range));
  return block;
}

function paramsTable(params: Readonly<Record<string, Value>>, caption: string): HTMLElement | undefined {
  const entries = Object.entries(params);
  if (entries.length === 0) return undefined;
  return el(
    'table',
    { class: 'params' },
    el('caption', {}, caption),
    el('tbody', {}, entries.map(([name, value]) => el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, showValue(value))))),
  );
}

function interactionDetails(i: InteractionRecord): HTMLElement {
  const outcome = i.outcome === 'ok' ? 'ok' : i.outcome === 'fail' ? `failed: ${i.reason ?? ''}` : 'timed out';
  return el(
    'div',
    { class: 'interaction' },
    el(
      'p',
      { class: 'interaction-head' },
      code(`${i.verb} ${i.integration} ${i.message}`),
      i.attempt > 1 && el('span', { class: 'attempt' }, `attempt ${i.attempt}`),
      el('span', { class: `mock mock-${i.outcome}` }, `mock: ${outcome}`),
    ),
    paramsTable(i.params, 'Params (rendered)'),
    i.response && paramsTable(i.response, 'Response'),
  );
}

function stepItem(step: TraceStep, reveal: Reveal): HTMLElement {
  const head = revealing(step.range, reveal, 'step-head', [
    el('span', { class: 'time' }, showTime(step.at)),
    el('span', { class: `kind kind-${step.kind}` }, step.kind),
    el('span', { class: 'text' }, step.text),
  ]);
  return el(
    'li',
    { class: `step step-${step.kind}` },
    head,
    step.interaction && interactionDetails(step.interaction),
    step.variable && el('p', { class: 'variable' }, code(step.variable.name), ' = ', code(showValue(step.variable.value))),
  );
}

function groupOutcome(group: GroupTrace, reveal: Reveal): HTMLElement {
  const o = group.outcome;
  const text =
    o.kind === 'matched' ? `Matched ${plural(o.matches, 'time')}` : o.kind === 'not-matched' ? 'Not matched' : `Stopped: ${o.message}`;
  const waiting = o.kind === 'stopped' ? undefined : o.waiting;
  return el(
    'div',
    { class: `group-outcome outcome-${o.kind}` },
    el('p', {}, text),
    waiting &&
      revealing(waiting.range, reveal, 'waiting', [el('span', {}, o.kind === 'matched' ? 'Then waiting at ' : 'Still waiting at '), code(waiting.form), el('span', {}, ` for ${waiting.what}`)]),
  );
}

function eventRow(use: EventUse, reveal: Reveal): HTMLElement {
  const e = use.event;
  const fields = Object.entries(e.fields).map(([k, v]) => `${k}: ${showValue(v)}`).join(', ');
  const taken = use.usedBy
    ? el('td', {}, code(use.usedBy.form), revealButton(`the form that took event ${e.number}`, use.usedBy.range, reveal))
    : el('td', { class: 'unused' }, 'not used');
  return el(
    'tr',
    { class: use.usedBy ? 'event used' : 'event unused' },
    el('td', {}, `${e.number}${e.origin === 'emitted' ? ' (emitted)' : ''}`),
    el('td', { class: 'time' }, showTime(e.time)),
    el('td', { class: 'fields' }, fields),
    taken,
  );
}

function groupSection(group: GroupTrace, reveal: Reveal): HTMLElement {
  const events = el(
    'table',
    { class: 'events' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Event'), el('th', {}, 'Time'), el('th', {}, 'Fields'), el('th', {}, 'Taken by'))),
    el('tbody', {}, group.events.map((use) => eventRow(use, reveal))),
  );
  return section(
    ['Key ', code(group.key)],
    groupOutcome(group, reveal),
    el('h3', {}, 'Timeline'),
    group.steps.length > 0 ? el('ol', { class: 'timeline' }, group.steps.map((s) => stepItem(s, reveal))) : el('p', { class: 'empty' }, 'No step: no event was taken.'),
    el('h3', {}, 'Events'),
    events,
  );
}

export function renderTrace(view: TraceView, reveal: Reveal): HTMLElement {
  const trace = view.trace;
  const verdict = view.verdict;
  const problems = trace.problems.map((p) => el('li', {}, el('span', { class: 'source' }, p.source), ' ', p.message));
  return el(
    'main',
    { class: 'preview trace' },
    el('h1', {}, `Run: ${view.title}`),
    el(
      'p',
      { class: 'subtitle' },
      `${plural(trace.events, 'event')} from ${view.input}${view.mocks ? `, mocks from ${view.mocks}` : ''}; key attribute `,
      code(trace.key),
      `; ${trace.dialect} `,
      richText(trace.dialectReason),
    ),
    el('p', { class: `outcome outcome-${trace.outcome}` }, outcomeText(trace)),
    verdict &&
      el(
        'div',
        { class: `verdict ${verdict.passed ? 'passed' : 'failed'}` },
        el('p', {}, verdict.passed ? 'Test passed' : 'Test failed'),
        verdict.failures.length > 0 && el('ul', {}, verdict.failures.map((f) => el('li', {}, f))),
      ),
    problems.length > 0 && section(`Problems (${problems.length})`, el('ul', { class: 'input-problems' }, problems)),
    trace.groups.map((g) => groupSection(g, reveal)),
    trace.keyless.length > 0 &&
      section('Events without the key', el('p', { class: 'empty' }, `Skipped: ${trace.keyless.map((e) => `event ${e.number}`).join(', ')}`)),
  );
}
