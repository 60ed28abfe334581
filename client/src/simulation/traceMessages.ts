// The messages between the trace panel and its webview script, typed on both sides.
import type { FormRange, SimulationTrace } from '../../../server/src/protocol';
import { isRange } from '../preview/messages';

/** One run as the panel shows it: what ran against what, its trace, and a test case's verdict. */
export interface TraceView {
  /** "abandoned-calls.cxflow", "vip.pattern.json › VIP callback". */
  title: string;
  /** The flow or pattern file the trace's ranges are in. */
  uri: string;
  /** What the pattern ran against: an events file, or a test case. */
  input: string;
  /** The mocks used, if any file held them. */
  mocks?: string;
  trace: SimulationTrace;
  /** A test case's verdict: why it failed (empty when it passed). */
  verdict?: { passed: boolean; failures: string[] };
}

export type TraceHostMessage = { type: 'trace'; view: TraceView } | { type: 'empty'; text: string };

export type TraceWebviewMessage = { type: 'ready' } | { type: 'reveal'; range: FormRange };

/** What the webview keeps across reloads. */
export interface TraceState {
  view?: TraceView;
  text?: string;
}

/** Messages from the webview are checked before use: the page is the less trusted side. */
export function isTraceWebviewMessage(value: unknown): value is TraceWebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'ready' || (type === 'reveal' && isRange((value as { range?: unknown }).range));
}
