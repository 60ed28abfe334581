// The checks made once per document version, before any parse: too many bytes, binary data, and
// JSON nested deep enough to overflow a recursive parser. A document that fails one is not read:
// its model is empty and carries the guard's diagnostic, so every feature inherits the guard.
import { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { messages } from '../codes';
import { makeDiagnostic } from '../diagnostics';
import { DocumentKind } from '../documentKind';
import { countForms } from '../flow/syntax/formCount';

/**
 * Deeper than any definition or pattern file can be: the JSON parsers, which recurse per level,
 * stay far from their stack limit, and the formatter never indents a line thousands of levels deep.
 */
export const maxJsonNesting = 256;

/**
 * More forms than five megabytes of real flow code hold (about 650,000): beyond it a text is made
 * of tiny forms (a run of empty strings), and reading and checking it would take seconds and gigabytes.
 */
export const maxFlowForms = 1_200_000;

const fileStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The diagnostic saying why a document is not analysed, or undefined when analysis can go ahead.
 * `bytes`: the size on disk when known (a file over the limit is never read whole, so its text
 * may be empty or cut).
 */
export function guardDocument(doc: TextDocument, kind: DocumentKind, maxFileSize: number, bytes?: number): Diagnostic | undefined {
  const text = doc.getText();
  const size = bytes ?? utf8Length(text);
  if (size > maxFileSize) return makeDiagnostic('file-too-large', fileStart, messages.fileTooLarge(size, maxFileSize));
  if (looksBinary(text)) return makeDiagnostic('not-analysed', fileStart, messages.binaryFile());
  if (kind === 'definition' || kind === 'pattern') {
    const tooDeep = jsonNestingBeyond(text, maxJsonNesting);
    if (tooDeep !== undefined) {
      const range = { start: doc.positionAt(tooDeep), end: doc.positionAt(tooDeep + 1) };
      return kind === 'definition'
        ? makeDiagnostic('schema', range, messages.tooDeep(maxJsonNesting))
        : makeDiagnostic('syntax', range, messages.patternTooDeep(maxJsonNesting));
    }
  }
  // Every form takes at least one character: a text no longer than the limit needs no count.
  if ((kind === 'flow' || kind === 'pattern') && text.length > maxFlowForms && countForms(text, maxFlowForms, kind === 'pattern') > maxFlowForms) {
    return makeDiagnostic('not-analysed', fileStart, messages.tooManyForms(maxFlowForms));
  }
  return undefined;
}

/** The length of `text` encoded as UTF-8, without encoding it (natively where Node's Buffer is there). */
function utf8Length(text: string): number {
  if (typeof Buffer !== 'undefined') return Buffer.byteLength(text, 'utf8');
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two UTF-16 units, four bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** NUL characters, or many control characters, in the first 8 KiB mean binary data. */
function looksBinary(text: string): boolean {
  const sample = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample > 0 && control / sample > 0.1;
}

/**
 * The offset where JSON nesting first exceeds `limit`, ignoring brackets inside strings. Strings,
 * most of a file, are crossed with `indexOf` (native) rather than character by character: the
 * loop would otherwise cost more than the JSON parse it guards.
 */
export function jsonNestingBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // The closing quote: the next one not escaped by an odd run of backslashes.
      let end = text.indexOf('"', i + 1);
      while (end > 0 && escaped(text, end)) end = text.indexOf('"', end + 1);
      if (end < 0) return undefined; // an unterminated string runs to the end
      i = end;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return undefined;
}

/** Whether the character at `at` follows an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (at - backslashes - 1 >= 0 && text.charCodeAt(at - backslashes - 1) === 92) backslashes++;
  return backslashes % 2 === 1;
}
