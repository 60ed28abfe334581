// The messages between a preview panel and its webview script, typed on both sides.
import type { FormModel, FormPosition, FormRange } from '../../../server/src/protocol';

/** What a panel shows: a definition (by file or by integration type) or the send at a position. */
export type PreviewTarget =
  | { kind: 'integration'; uri?: string; integrationType?: string }
  | { kind: 'send'; uri: string; position: FormPosition };

/** The values a send was last run with by the simulator (params rendered, credentials masked). */
export interface LastRunValues {
  /** The key value of the group the run was for. */
  key: string;
  /** Virtual time of the attempt, as the trace shows it. */
  at: string;
  attempt: number;
  /** The mock's outcome: `ok`, `failed: <reason>`, `timed out`. */
  outcome: string;
  params: Record<string, string>;
}

export type HostMessage =
  | { type: 'model'; target: PreviewTarget; model: FormModel; lastRun?: LastRunValues }
  /** Nothing to show (no send in the file, the file is gone, ...). */
  | { type: 'empty'; target: PreviewTarget; text: string };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; range: FormRange }
  /** Write the values chosen in a send form (field name → text) into the flow. */
  | { type: 'apply'; values: Record<string, string> };

/** What the webview keeps across reloads; the panel serializer reads `target` back. */
export interface PreviewState {
  target: PreviewTarget;
  model?: FormModel;
  lastRun?: LastRunValues;
  text?: string;
}

function isPosition(value: unknown): boolean {
  const p = value as { line?: unknown; character?: unknown } | null;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}

export function isRange(value: unknown): value is FormRange {
  const r = value as { start?: unknown; end?: unknown } | null;
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end);
}

/** Messages from the webview are checked before use: the page is the less trusted side. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  if (type === 'apply') return isStringRecord((value as { values?: unknown }).values);
  return type === 'ready' || (type === 'reveal' && isRange((value as { range?: unknown }).range));
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

export function isPreviewTarget(value: unknown): value is PreviewTarget {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { kind?: unknown; uri?: unknown; integrationType?: unknown; position?: unknown };
  if (v.kind === 'send') return typeof v.uri === 'string' && typeof v.position === 'object' && v.position !== null;
  return v.kind === 'integration' && (typeof v.uri === 'string' || typeof v.integrationType === 'string');
}
