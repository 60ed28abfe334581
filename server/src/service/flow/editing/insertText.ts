// Text that completion, quick fixes and the send form's Apply put into flow code: string literals
// of the language, escaped for LSP snippets, and for the JSON string it lands in when the code is
// a pattern file's `when`/`then` value.
import { FlowRegion } from '../embedding/region';

/** The inside of a flow string literal holding `value` (without the quotes). */
export function stringContent(value: string): string {
  return value.replace(/[\\"]/g, (c) => `\\${c}`);
}

/** A flow string literal holding `value`. */
export function stringLiteral(value: string): string {
  return `"${stringContent(value)}"`;
}

/** Escapes code for a JSON string literal (the inside, without quotes). */
export function jsonEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** Code as it must be written into the region's document. */
export function forRegion(region: FlowRegion, code: string): string {
  return region.embedded ? jsonEscape(code) : code;
}

/** Escapes literal text for an LSP snippet. */
function snippetEscape(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Escapes one value of a snippet choice `${1|a,b|}`. */
function choiceEscape(text: string): string {
  return text.replace(/[\\$},|]/g, (c) => `\\${c}`);
}

/** A snippet built from parts, so that literal code is escaped once for both JSON and snippets. */
export type SnippetPart = string | { tabstop: number; placeholder?: string; choices?: readonly string[] };

export function renderSnippet(region: FlowRegion, parts: readonly SnippetPart[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return snippetEscape(forRegion(region, part));
      if (part.choices !== undefined && part.choices.length > 0) {
        return `\${${part.tabstop}|${part.choices.map((c) => choiceEscape(forRegion(region, c))).join(',')}|}`;
      }
      if (part.placeholder !== undefined) return `\${${part.tabstop}:${snippetEscape(forRegion(region, part.placeholder))}}`;
      return `$${part.tabstop}`;
    })
    .join('');
}

/** Plain text of the same parts: placeholders and first choices as written. */
export function renderPlain(region: FlowRegion, parts: readonly SnippetPart[]): string {
  return forRegion(
    region,
    parts
      .map((part) => {
        if (typeof part === 'string') return part;
        return part.placeholder ?? part.choices?.[0] ?? '';
      })
      .join(''),
  );
}

/**
 * A snippet body of the form table (written for a `.cxflow` file) made fit for the region: in a
 * JSON string, on one line and with quotes and backslashes escaped.
 */
export function adaptSnippet(region: FlowRegion, body: string): string {
  if (!region.embedded) return body;
  // Snippet syntax escapes a backslash as `\\`, so a JSON `\"` is written `\\"`.
  return body.replace(/\n\s*/g, ' ').replace(/"/g, '\\\\"');
}

/**
 * A form snippet as a whole new form: in its parentheses, and (unless it names its final stop)
 * ending where its last bare tabstop was when that is the last stop (`{$3}` becomes `{$0}`): the cursor ends inside the form, not after it.
 */
export function newFormSnippet(body: string): string {
  const stops = [...body.matchAll(/\$(\{?)(\d+)/g)].map((m) => ({ number: Number(m[2]), bare: m[1] === '' }));
  if (stops.length === 0 || stops.some((s) => s.number === 0)) return `(${body})`;
  const last = stops.reduce((max, s) => Math.max(max, s.number), 0);
  const at = stops.filter((s) => s.number === last);
  if (at.length !== 1 || !at[0].bare) return `(${body})`;
  return `(${body.replace(new RegExp(`\\$${last}(?!\\d)`), '$$0')})`;
}
