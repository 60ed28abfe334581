// Runs the simulator on inline code and events, and shows a trace compactly: each step as
// [kind, virtual time after the default start, compact range of its form, text].
import { loadBuiltinDocuments } from '../../server/src/service/definitions/builtin';
import { Definition, definitionType } from '../../server/src/service/definitions/model';
import {
  defaultStart,
  eventsFromJson,
  Limits,
  MessageTemplate,
  patternsOf,
  readFlowDocument,
  readMocks,
  simulate,
  SimulationTrace,
  templateSet,
} from '../../server/src/service/simulation';
import { showDuration } from '../../server/src/service/simulation/units';
import { CompactRange, compactRange, documentOf } from './documents';

export interface RunOptions {
  mocks?: unknown;
  templates?: MessageTemplate[];
  key?: string;
  limits?: Partial<Limits>;
  kind?: 'flow' | 'pattern';
  /** Which pattern of the file (default the first). */
  pattern?: number;
}

const builtins = new Map<string, Definition>();
for (const { definition: d } of loadBuiltinDocuments()) {
  const type = definitionType(d);
  if (type !== undefined) builtins.set(type, d);
}

export function runCode(code: string, events: unknown[], options: RunOptions = {}): SimulationTrace {
  const kind = options.kind ?? 'flow';
  const flowDoc = readFlowDocument(documentOf(code, kind), kind);
  const pattern = patternsOf(flowDoc)[options.pattern ?? 0];
  const read = eventsFromJson(events);
  const mocks = readMocks(options.mocks);
  return simulate(pattern, {
    events: read.events,
    mocks: mocks.mocks,
    templates: templateSet(options.templates ?? []),
    key: options.key,
    lookup: (type) => builtins.get(type),
    limits: options.limits,
    problems: [...read.problems, ...mocks.problems],
  });
}

export type ShownStep = [string, string, CompactRange | null, string];

/** The steps of one key group (default the first). */
export function stepsOf(trace: SimulationTrace, group = 0): ShownStep[] {
  return trace.groups[group].steps.map((s) => [s.kind, showDuration(s.at - defaultStart), s.range ? compactRange(s.range) : null, s.text]);
}

/** Per event of a group: its number and the form that took it, or 'not used'. */
export function usesOf(trace: SimulationTrace, group = 0): [number, string][] {
  return trace.groups[group].events.map((u) => [u.event.number, u.usedBy?.form ?? 'not used']);
}

/** The interaction steps of a group: [integration, message, outcome, attempt, compact range in the flow]. */
export function interactionsOf(trace: SimulationTrace, group = 0): [string?, string?, string?, number?, CompactRange?][] {
  return trace.groups[group].steps
    .filter((s) => s.kind === 'interaction')
    .map((s) => [s.interaction?.integration, s.interaction?.message, s.interaction?.outcome, s.interaction?.attempt, s.range ? compactRange(s.range) : undefined]);
}

/** What the examples' abandoned-calls pattern does for cust-7 against its events and mocks, wherever the server runs. */
export const abandonedCallsInteractions = [
  ['twilio', 'sms', 'fail', 1, [7, 2, 10, 20]],
  ['twilio', 'sms', 'ok', 2, [7, 2, 10, 20]],
  ['zendesk', 'ticket', 'ok', 1, [11, 2, 16, 74]],
  ['slack', 'post', 'ok', 1, [15, 17, 15, 74]],
];

/** A group's outcome with its waiting form as [form, compact range, what]. */
export type ShownOutcome =
  | { kind: 'matched'; matches: number; waiting?: [string, CompactRange, string] }
  | { kind: 'not-matched'; waiting?: [string, CompactRange, string] }
  | { kind: 'stopped'; matches: number; limit: 'steps' | 'time'; message: string };

/** Everything a group's trace says, compactly: key, steps, event uses and outcome. */
export interface GroupShape {
  key: string;
  steps: ShownStep[];
  uses: [number, string][];
  outcome: ShownOutcome;
}

export function shapesOf(trace: SimulationTrace): GroupShape[] {
  return trace.groups.map((g, i) => {
    const o = g.outcome;
    let outcome: ShownOutcome;
    if (o.kind === 'stopped') outcome = o;
    else {
      const { waiting, ...rest } = o;
      outcome = waiting === undefined ? rest : { ...rest, waiting: [waiting.form, compactRange(waiting.range), waiting.what] };
    }
    return { key: g.key, steps: stepsOf(trace, i), uses: usesOf(trace, i), outcome };
  });
}

/** The message `JSON.parse` gives for a text that is not JSON (it differs between Node versions). */
export function jsonErrorOf(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} is JSON`);
}
