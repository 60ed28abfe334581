// One run of a pattern against events: groups the events by key, runs each group on its own
// virtual clock within the limits, and gathers the trace.
import type { Definition } from '../definitions/model';
import { FlowNode, isContainer } from '../flow/syntax/tree';
import { groupByKey, InputProblem, SimEvent } from './events';
import { GroupRun, RunSetting } from './groupRun';
import { Mocks, noMocks } from './mocks';
import { Pattern } from './patterns';
import { Program42 } from './program42';
import { runGroup41 } from './run41';
import { SecretPlaces } from './secrets';
import { TemplateSet } from './templates';
import { defaultLimits, GroupOutcome, GroupTrace, LimitReached, Limits, SimulationTrace } from './trace';

export interface SimulationInput {
  /** The events, as `readEventsText`/`eventsFromJson` read them. */
  events: readonly SimEvent[];
  mocks?: Mocks;
  templates?: TemplateSet;
  /** The key attribute when the pattern names none (a test case's `key`, else the setting); default `id`. */
  key?: string;
  /** Definitions by integration type, for which params are credentials (masked in the trace). */
  lookup?: (integration: string) => Definition | undefined;
  /** Every definition visible: an integration name that is a typo of one still hides its credentials. */
  visible?: () => Definition[];
  limits?: Partial<Limits>;
  /** 4.1 `await`: virtual milliseconds between polls; default 10 s. */
  pollInterval?: number;
  /** Problems met while reading the inputs: carried into the trace. */
  problems?: readonly InputProblem[];
}

/** Nesting the run goes through (its evaluation descends the forms); deeper code is refused. */
export const maxRunDepth = 200;

function depthOf(forms: readonly FlowNode[]): number {
  let max = 0;
  const stack: [FlowNode, number][] = forms.map((f) => [f, 1]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [FlowNode, number];
    if (depth > max) max = depth;
    if (isContainer(node)) for (const c of node.children) stack.push([c, depth + 1]);
  }
  return max;
}

function refusal(pattern: Pattern, key: string, problems: InputProblem[], events: readonly SimEvent[]): SimulationTrace {
  return { pattern: pattern.name, dialect: pattern.dialect, dialectReason: pattern.dialectReason, key, groups: [], keyless: [], problems, matches: 0, outcome: 'error', events: events.length };
}

export function simulate(pattern: Pattern, input: SimulationInput): SimulationTrace {
  const key = pattern.key ?? input.key ?? 'id';
  const problems: InputProblem[] = [...(input.problems ?? [])];
  const show = (r: { start: { line: number; character: number } }) => `${r.start.line + 1}:${r.start.character + 1}`;
  if (pattern.errors.length > 0) {
    for (const e of pattern.errors) problems.push({ source: 'pattern', message: `${show(e.range)}: ${e.message} (a pattern with reader errors is not run)` });
    return refusal(pattern, key, problems, input.events);
  }
  const forms = pattern.dialect === '4.1' ? [...pattern.when, ...pattern.then] : pattern.program;
  if (depthOf(forms) > maxRunDepth) {
    problems.push({ source: 'pattern', message: `the code nests deeper than ${maxRunDepth} forms; the simulator does not run it` });
    return refusal(pattern, key, problems, input.events);
  }
  if (pattern.dialect === '4.1' && pattern.when.length !== 1) {
    const where = pattern.when.length === 0 ? 'no when side: nothing says which events match' : `${pattern.when.length} when-side forms; write one (combine them with all, any or seq)`;
    problems.push({ source: 'pattern', message: `the pattern has ${where}` });
    return refusal(pattern, key, problems, input.events);
  }
  if (pattern.dialect === '4.2' && pattern.program.length === 0) {
    problems.push({ source: 'pattern', message: 'the pattern has no code' });
    return refusal(pattern, key, problems, input.events);
  }

  const lookup = input.lookup ?? (() => undefined);
  const setting: RunSetting = {
    pattern,
    mocks: (input.mocks ?? noMocks).restart(),
    templates: input.templates ?? new Map(),
    lookup,
    limits: { ...defaultLimits, ...input.limits },
    pollInterval: input.pollInterval ?? 10_000,
    key,
    ranges: new WeakMap(),
    texts: new WeakMap(),
    credentials: new Map(),
    secrets: new SecretPlaces(pattern, lookup, input.visible ?? (() => [])),
  };
  const lastNumber = input.events.reduce((n, e) => Math.max(n, e.number), 0);
  const { groups, keyless } = groupByKey(input.events, key);
  for (const e of keyless) problems.push({ source: 'events', message: `event ${e.number} has no "${key}" (the key attribute): skipped` });
  const traces: GroupTrace[] = [];
  for (const group of groups) {
    const run = new GroupRun(setting, group.key, group.value, [...group.events], lastNumber);
    let outcome: GroupOutcome;
    try {
      outcome = pattern.dialect === '4.1' ? runGroup41(run, pattern.when[0], pattern.then) : new Program42(run).runGroup(pattern.program);
    } catch (error) {
      if (!(error instanceof LimitReached)) throw error;
      run.steps.push({ kind: 'limit', at: run.now, ...(error.range ? { range: error.range } : {}), text: error.message });
      outcome = { kind: 'stopped', matches: run.steps.filter((s) => s.kind === 'match').length, limit: error.limit, message: error.message };
    }
    const matches = outcome.kind === 'not-matched' ? 0 : outcome.matches;
    traces.push({
      key: group.key,
      events: run.events.map((event) => ({ event, ...(run.used.has(event) ? { usedBy: run.used.get(event) } : {}) })),
      steps: run.steps,
      interactions: run.interactions,
      matches,
      outcome,
    });
  }
  const matches = traces.reduce((n, g) => n + g.matches, 0);
  const stopped = traces.some((g) => g.outcome.kind === 'stopped');
  return {
    pattern: pattern.name,
    dialect: pattern.dialect,
    dialectReason: pattern.dialectReason,
    key,
    groups: traces,
    keyless,
    problems,
    matches,
    outcome: stopped ? 'stopped' : matches > 0 ? 'matched' : 'not-matched',
    events: input.events.length,
  };
}
