// The trace of a run: per key group, every step the pattern took in virtual time, each with the
// source range of the form that took it, and the limits that keep any run bounded.
import type { Range } from 'vscode-languageserver-types';
import { InputProblem, SimEvent } from './events';
import { Value, ValueMap } from './values';

export type StepKind =
  /** An event was consumed by a form. */
  | 'event'
  /** The pattern matched (4.1: its when side; 4.2: its program ran through). */
  | 'match'
  /** A `(fail ...)` guard happened first: the match so far is dropped. */
  | 'abandon'
  | 'interaction'
  | 'set'
  | 'delay'
  /** A branch taken (`if`, `when`, `cond`, `case`, `unless`, `until`, `expect`, `await` polls). */
  | 'branch'
  /** A then-side `(event {...})` added an event. */
  | 'emit'
  /** What the guides leave open, and the choice this run made. */
  | 'assumed'
  /** A step or virtual-time limit stopped the run of this group. */
  | 'limit'
  /** Anything else worth a line: a form skipped, a value that could not be computed. */
  | 'note';

export interface InteractionRecord {
  verb: string;
  integration: string;
  message: string;
  /** Params as rendered, credential values masked. */
  params: ValueMap;
  outcome: 'ok' | 'fail' | 'timeout';
  response?: ValueMap;
  reason?: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
  /** Virtual time the attempt started. */
  at: number;
}

export interface TraceStep {
  kind: StepKind;
  /** Virtual time, milliseconds since the epoch. */
  at: number;
  /** Document range of the form that took the step; undefined for steps of no form (limits of the whole run). */
  range?: Range;
  /** One line for people. */
  text: string;
  /** `event`, `emit`: the event's number. */
  event?: number;
  interaction?: InteractionRecord;
  variable?: { name: string; value: Value };
}

export interface EventUse {
  event: SimEvent;
  /** The form that consumed it (source text, shortened) and its range; undefined: not used. */
  usedBy?: { form: string; range: Range };
}

export type GroupOutcome =
  | { kind: 'matched'; matches: number; waiting?: Waiting }
  | { kind: 'not-matched'; waiting?: Waiting }
  | { kind: 'stopped'; matches: number; limit: 'steps' | 'time'; message: string };

/** What a pattern still waits for when the events run out. */
export interface Waiting {
  form: string;
  range: Range;
  what: string;
}

export interface GroupTrace {
  key: string;
  events: EventUse[];
  steps: TraceStep[];
  interactions: InteractionRecord[];
  matches: number;
  outcome: GroupOutcome;
}

export interface SimulationTrace {
  pattern: string;
  dialect: '4.1' | '4.2';
  /** Why the code was read as its dialect. */
  dialectReason: string;
  key: string;
  groups: GroupTrace[];
  /** Events without the key attribute: reported, not run. */
  keyless: SimEvent[];
  problems: InputProblem[];
  /** Matches over all groups. */
  matches: number;
  /** How many events the run was given. */
  events: number;
  /** `error`: the pattern could not run (reader errors, nothing to run). */
  outcome: 'matched' | 'not-matched' | 'stopped' | 'error';
}

export interface Limits {
  /** Steps per match (forms run, polls, loop rounds): what stops a loop in which no time passes. */
  maxSteps: number;
  /** Virtual time a group may run past its last event. */
  maxTimeAfterLastEvent: number;
}

export const defaultLimits: Limits = { maxSteps: 100_000, maxTimeAfterLastEvent: 30 * 86_400_000 };

/** Thrown to unwind a group's run when a limit is reached; caught where the group is run. */
export class LimitReached extends Error {
  constructor(
    readonly limit: 'steps' | 'time',
    message: string,
    readonly range: Range | undefined,
  ) {
    super(message);
  }
}
