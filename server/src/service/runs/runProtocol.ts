// The shapes of the simulator's requests between an editor and the language server: which
// patterns a file holds, the workspace's events, mocks and test cases, a run's trace and a
// judged test case. Plain JSON, declared once for both sides.
import type { Range } from 'vscode-languageserver-types';
import type { SimulationTrace } from '../simulation/trace';

export type { EventUse, GroupOutcome, GroupTrace, InteractionRecord, SimulationTrace, StepKind, TraceStep, Waiting } from '../simulation/trace';
export type { InputProblem, SimEvent } from '../simulation/events';
export type { Value, ValueMap } from '../simulation/values';

export interface PatternListParams {
  uri: string;
}

export interface RunnablePattern {
  /** The payload's or pattern map's name; `''` for a whole `.cxflow`. */
  name: string;
  dialect: '4.1' | '4.2';
  /** Where the pattern starts: a Run lens goes above it. */
  range: Range;
}

export interface SimulationInputsParams {
  /** Only the test cases of this `*.cxtest.json` (a file the Testing view watches changed); all without it. */
  testFile?: string;
}

export interface TestCaseInfo {
  /** The `*.cxtest.json` holding the case. */
  uri: string;
  /** Its place in the file: 0 for a file of one case. */
  index: number;
  /** The case's `name`, else `#1`, `#2` in its file. */
  name: string;
  /** Where the case's object is in its file. */
  range: Range;
  /** The pattern file the case names, as a uri, and the pattern's name after `#` if it gives one. */
  patternUri: string;
  patternName?: string;
}

export interface SimulationInputs {
  /** `*.events.json` and `*.events.jsonl` files, sorted. */
  events: string[];
  /** `*.mocks.json` files, sorted. */
  mocks: string[];
  testCases: TestCaseInfo[];
  /** Test files that could not be read or hold something that is not a case: the file and why. */
  problems: { uri: string; message: string }[];
}

export interface RunPatternParams {
  /** The flow or pattern file. */
  uri: string;
  /** Which pattern of the file, by name (`''` for a whole `.cxflow`); the first without it. */
  pattern?: string;
  /** The events file. */
  events: string;
  /** A mocks file; without it, `<name>.mocks.json` beside `<name>.events.json` if there is one. */
  mocks?: string;
  /** `cxengage.simulation.key`: the key attribute when the pattern names none (default `id`). */
  key?: string;
  /** `cxengage.simulation.pollInterval`: seconds of virtual time between `await` polls (default 10). */
  pollInterval?: number;
}

export interface RunPatternResult {
  /** The document the trace's ranges are in. */
  uri: string;
  /** The events and mocks files used. */
  events: string;
  mocks?: string;
  /** Null when nothing could run; `error` says why. */
  trace: SimulationTrace | null;
  error?: string;
}

export interface RunTestCaseParams {
  uri: string;
  index: number;
  /** `cxengage.simulation.key`, for a case that names no key. */
  key?: string;
  pollInterval?: number;
}

export interface TestCaseRun {
  uri: string;
  index: number;
  name: string;
  passed: boolean;
  /** Why it failed, one line each. */
  failures: string[];
  /** What was expected and what happened, as JSON, for a side-by-side view. */
  expected: string;
  actual: string;
  /** The pattern document the trace's ranges are in, when the pattern could be read. */
  patternUri?: string;
  trace?: SimulationTrace;
}
