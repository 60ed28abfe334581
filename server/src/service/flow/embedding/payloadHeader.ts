// The payload keys of a 4.2 program kept in its `.cxflow` file. A program has no map to hold a
// payload's `name`, `description`, `status` and `key`, so converting a payload into a `.cxflow`
// writes them as labelled comments above the code (`; key: customer-id`): converting back reads
// them, and the simulator takes the key from them as it takes a payload's, so nothing of the
// payload is lost on the way.
import type { FlowTree } from '../syntax/tree';

/** A pattern as the REST API takes it; `code` for 4.2, `when` and `then` for 4.1. */
export interface PatternPayload {
  name: string;
  description?: string;
  status: boolean;
  key?: string;
  code?: string;
  when?: string;
  then?: string;
}

/** The header's keys, in the REST API's order. */
const headerKeys = ['name', 'description', 'status', 'key'] as const;
type HeaderKey = (typeof headerKeys)[number];
export type PayloadHeader = Partial<Pick<PatternPayload, HeaderKey>>;

const headerLine = /^;+[ \t]*(name|description|key|status):[ \t]?(.*)$/;

/** A header value as written: plain when it reads back the same, else as a JSON string. */
function headerValue(value: string): string {
  return value === '' || value !== value.trim() || value.startsWith('"') || /[\r\n]/.test(value) ? JSON.stringify(value) : value;
}

/** The text of a header value: a JSON string unquoted, anything else (a broken one too) as written. */
function readHeaderValue(written: string): string {
  const text = written.trimEnd();
  if (!text.startsWith('"')) return text;
  try {
    // Text that starts with a quote and parses is a JSON string.
    return JSON.parse(text) as string;
  } catch {
    return text;
  }
}

/** The header lines of a payload's keys (those it has), each ending in a line break. */
export function payloadHeader(payload: PatternPayload): string {
  return headerKeys
    .filter((k) => payload[k] !== undefined)
    .map((k) => `; ${k}: ${k === 'status' ? String(payload.status) : headerValue(payload[k] as string)}\n`)
    .join('');
}

/**
 * The payload keys in the labelled comments above a program's first form; the last of a key
 * wins, and a status other than `true` or `false` is not read.
 */
export function readPayloadHeader(tree: FlowTree): PayloadHeader {
  const header: PayloadHeader = {};
  const firstForm = tree.forms[0]?.start ?? tree.text.length;
  for (const comment of tree.comments) {
    if (comment.start >= firstForm) break;
    const match = headerLine.exec(comment.text);
    if (match === null) continue;
    const key = match[1] as HeaderKey;
    const value = readHeaderValue(match[2]);
    if (key === 'status') {
      if (value === 'true' || value === 'false') header.status = value === 'true';
    } else header[key] = value;
  }
  return header;
}
