// What every answer keeps to, whatever the input: positions inside the document, ranges that never
// split a surrogate pair, and text with no half of a pair (JSON-RPC would turn one into U+FFFD,
// and a client may reject the message).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, Range } from 'vscode-languageserver-types';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether `text` holds any half of a surrogate pair (a character beyond U+FFFF, or a broken one). */
export function hasSurrogates(text: string): boolean {
  return /[\ud800-\udfff]/.test(text);
}

/** `text` with every lone surrogate replaced by U+FFFD (whole pairs are kept). */
export function wholeCharacters(text: string): string {
  // Fast path: most text has no surrogates at all.
  if (!hasSurrogates(text)) return text;
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Whether an offset stands between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** A client's position moved into the document (a line or character past the end is clamped). */
export function clampPosition(doc: TextDocument, position: Position): Position {
  const line = Number.isFinite(position.line) ? Math.max(0, Math.floor(position.line)) : 0;
  const character = Number.isFinite(position.character) ? Math.max(0, Math.floor(position.character)) : 0;
  let offset = doc.offsetAt({ line, character });
  if (splitsPair(doc.getText(), offset)) offset--;
  return doc.positionAt(offset);
}

/** A range inside the document whose ends are not inside a surrogate pair (the start moves back, the end forward). */
export function wholeRange(doc: TextDocument, range: Range): Range {
  const text = doc.getText();
  let start = doc.offsetAt(range.start);
  let end = doc.offsetAt(range.end);
  if (end < start) end = start;
  if (splitsPair(text, start)) start--;
  if (splitsPair(text, end)) end++;
  const s = doc.positionAt(start);
  const e = doc.positionAt(end);
  const same = (a: Position, b: Position) => a.line === b.line && a.character === b.character;
  return same(s, range.start) && same(e, range.end) ? range : { start: s, end: e };
}
