// Test cases (`*.cxtest.json`): a pattern, events, mocks and what should happen. Read, run and
// judged here without touching any file system: the caller hands in a loader for the files a
// case names (relative to the case's own file), so the CLI and the editor share it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Definition } from '../definitions/model';
import { documentKind, languageIds } from '../documentKind';
import { DialectSetting } from '../flow/analysis/dialect';
import { eventsFromJson, InputProblem, readEventsText, SimEvent } from './events';
import { MessageCheck, readMocks } from './mocks';
import { Pattern, patternsOf, readFlowDocument } from './patterns';
import { simulate } from './simulate';
import { TemplateSet } from './templates';
import { InteractionRecord, SimulationTrace } from './trace';
import { equal, fromJson, isMap, Value, ValueMap } from './values';

export interface ExpectedInteraction {
  integration: string;
  message: string;
  /** A subset of the rendered params. */
  params?: ValueMap;
  outcome?: 'ok' | 'fail' | 'timeout';
}

export interface TestCase {
  name?: string;
  /** `<path>` or `<path>#<pattern name>`, relative to the test file. */
  pattern: string;
  key?: string;
  /** Events inline, or the path of an events file. */
  events: unknown[] | string;
  /** Mocks inline, or the path of a mocks file. */
  mocks?: unknown;
  expect: { matches?: number; interactions?: ExpectedInteraction[]; noInteractions?: string[] };
}

export interface TestResult {
  /** The case's `name`, else `#1`, `#2` in its file. */
  name: string;
  passed: boolean;
  /** Why it failed, one line each. */
  failures: string[];
  /** What was expected and what happened, as JSON for a side-by-side view. */
  expected: string;
  actual: string;
  trace?: SimulationTrace;
}

/** Text of a file the case names, relative to the case file; its uri says what kind of file it is. */
export type CaseLoader = (relativePath: string) => { uri: string; text: string } | undefined;

export interface CaseEnvironment {
  load: CaseLoader;
  templates?: TemplateSet;
  lookup?: (integration: string) => Definition | undefined;
  /** Whether "<integration> <message>" of a mock exists (undefined: fine). */
  checkMock?: MessageCheck;
  /** `cxengage.simulation.key`; default `id`. */
  settingKey?: string;
  dialect?: DialectSetting;
  /** Virtual milliseconds between 4.1 `await` polls; default 10 s. */
  pollInterval?: number;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The cases of a `*.cxtest.json` text (one object or an array of them), or why it holds none. */
export function readTestCases(text: string): { cases: TestCase[]; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { cases: [], problems: [`not JSON: ${(error as Error).message}`] };
  }
  const items = Array.isArray(data) ? data : [data];
  const cases: TestCase[] = [];
  const problems: string[] = [];
  items.forEach((item, i) => {
    const where = items.length > 1 ? `case ${i + 1}: ` : '';
    if (!isObject(item)) return problems.push(`${where}a test case is an object`);
    if (typeof item.pattern !== 'string' || item.pattern === '') return problems.push(`${where}"pattern" must name the pattern file ("<path>" or "<path>#<name>")`);
    if (!Array.isArray(item.events) && typeof item.events !== 'string') return problems.push(`${where}"events" must be a list of events or the path of an events file`);
    if (!isObject(item.expect)) return problems.push(`${where}"expect" must say what should happen: {"matches": n, "interactions": [...], "noInteractions": [...]}`);
    cases.push(item as unknown as TestCase);
    return undefined;
  });
  return { cases, problems };
}

function pickPattern(patterns: Pattern[], name: string | undefined, file: string): Pattern | string {
  if (name !== undefined) {
    const found = patterns.find((p) => p.name === name);
    return found ?? `${file} has no pattern named "${name}" (it has ${patterns.map((p) => `"${p.name}"`).join(', ') || 'none'})`;
  }
  if (patterns.length === 1) return patterns[0];
  if (patterns.length === 0) return `${file} holds no pattern to run`;
  return `${file} holds ${patterns.length} patterns: name one as ${file}#<name> (${patterns.map((p) => `"${p.name}"`).join(', ')})`;
}

/** Loads a case's pattern; a message when it cannot. */
export function loadPattern(ref: string, load: CaseLoader, dialect: DialectSetting = 'auto'): Pattern | string {
  const hash = ref.indexOf('#');
  const file = hash < 0 ? ref : ref.slice(0, hash);
  const name = hash < 0 ? undefined : ref.slice(hash + 1);
  if (file === '') return `"pattern" names no file before "#": write "<path>#${name ?? '<name>'}"`;
  const loaded = load(file);
  if (loaded === undefined) return `cannot read the pattern file ${file}`;
  const kind = documentKind(loaded.uri);
  if (kind !== 'flow' && kind !== 'pattern') return `${file} is not a flow (*.cxflow) or pattern (*.pattern.json) file`;
  const doc = TextDocument.create(loaded.uri, languageIds[kind], 0, loaded.text);
  return pickPattern(patternsOf(readFlowDocument(doc, kind), dialect), name, file);
}

/** A case's events, inline or from its file (`.jsonl`: one object a line). */
export function loadEvents(events: TestCase['events'], load: CaseLoader): { events: SimEvent[]; problems: InputProblem[] } {
  if (Array.isArray(events)) return eventsFromJson(events);
  const loaded = load(events);
  if (loaded === undefined) return { events: [], problems: [{ source: 'events', message: `cannot read the events file ${events}` }] };
  const read = readEventsText(loaded.text, events.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'json');
  return { events: read.events, problems: read.problems.map((p) => ({ ...p, message: `${events}: ${p.message}` })) };
}

function loadMocks(mocks: unknown, env: CaseEnvironment) {
  if (typeof mocks !== 'string') return readMocks(mocks, env.checkMock);
  const loaded = env.load(mocks);
  if (loaded === undefined) return { ...readMocks(undefined), problems: [{ source: 'mocks' as const, message: `cannot read the mocks file ${mocks}` }] };
  try {
    return readMocks(JSON.parse(loaded.text), env.checkMock);
  } catch (error) {
    return { ...readMocks(undefined), problems: [{ source: 'mocks' as const, message: `${mocks}: not JSON (${(error as Error).message})` }] };
  }
}

function subsetOf(expected: ValueMap | undefined, actual: ValueMap): boolean {
  if (expected === undefined) return true;
  return Object.entries(expected).every(([k, v]) => Object.prototype.hasOwnProperty.call(actual, k) && equal(fromJson(v) ?? null, actual[k]));
}

function describe(i: ExpectedInteraction | InteractionRecord): string {
  return `${i.integration} ${i.message}${i.params ? ` ${JSON.stringify(i.params)}` : ''}${i.outcome ? ` (${i.outcome})` : ''}`;
}

/** Compares a trace with a case's expectations: one line per difference. */
export function judge(trace: SimulationTrace, expect: TestCase['expect']): string[] {
  const failures: string[] = [];
  for (const p of trace.problems) failures.push(`${p.source}: ${p.message}`);
  for (const g of trace.groups) if (g.outcome.kind === 'stopped') failures.push(`key ${g.key}: ${g.outcome.message}`);
  if (expect.matches !== undefined && trace.matches !== expect.matches) failures.push(`expected ${expect.matches} match${expect.matches === 1 ? '' : 'es'}, got ${trace.matches}`);
  const actual = trace.groups.flatMap((g) => g.interactions);
  let from = 0;
  for (const want of expect.interactions ?? []) {
    let found = -1;
    for (let i = from; i < actual.length && found < 0; i++) {
      const a = actual[i];
      if (a.integration === want.integration && a.message === want.message && subsetOf(want.params, a.params) && (want.outcome === undefined || want.outcome === a.outcome)) found = i;
    }
    if (found < 0) {
      failures.push(`expected the interaction ${describe(want)}${from > 0 ? ' after the ones before it' : ''}; it did not happen`);
      break;
    }
    from = found + 1;
  }
  for (const name of expect.noInteractions ?? []) {
    const hit = actual.find((a) => `${a.integration} ${a.message}` === name.trim().split(/\s+/).join(' '));
    if (hit) failures.push(`expected no ${name}, but it happened: ${describe(hit)}`);
  }
  return failures;
}

function actualSummary(trace: SimulationTrace): Value {
  return {
    matches: trace.matches,
    interactions: trace.groups.flatMap((g) => g.interactions.map((i) => ({ integration: i.integration, message: i.message, params: i.params, outcome: i.outcome }))),
  };
}

export function runTestCase(testCase: TestCase, index: number, env: CaseEnvironment): TestResult {
  const name = typeof testCase.name === 'string' && testCase.name !== '' ? testCase.name : `#${index + 1}`;
  const expected = JSON.stringify(testCase.expect, null, 2);
  const pattern = loadPattern(testCase.pattern, env.load, env.dialect);
  if (typeof pattern === 'string') return { name, passed: false, failures: [pattern], expected, actual: '' };
  const events = loadEvents(testCase.events, env.load);
  const mocks = loadMocks(testCase.mocks, env);
  const trace = simulate(pattern, {
    events: events.events,
    mocks: mocks.mocks,
    templates: env.templates,
    key: typeof testCase.key === 'string' ? testCase.key : (env.settingKey ?? 'id'),
    lookup: env.lookup,
    pollInterval: env.pollInterval,
    problems: [...events.problems, ...mocks.problems],
  });
  const failures = judge(trace, isMap(fromJson(testCase.expect) ?? null) ? testCase.expect : {});
  return { name, passed: failures.length === 0, failures, expected, actual: JSON.stringify(actualSummary(trace), null, 2), trace };
}
