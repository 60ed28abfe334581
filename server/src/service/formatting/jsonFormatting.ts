// JSON formatting of definitions and pattern payloads: the JSON language service's formatter, with
// the seed files' `"key" : value` spacing as an option.
import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { jsonService } from '../jsonService';
import { lineBreakOf } from '../flow/formatting/layout';

/** `compact`: `"key": value` (VS Code's JSON style); `spaced`: `"key" : value` (the platform's own files). */
export type JsonKeySpacing = 'compact' | 'spaced';

export interface JsonLayout {
  keySpacing: JsonKeySpacing;
  /** Keep line breaks as written (VS Code's `json.format.keepLines`): `[ "a", "b" ]` stays on its line. */
  keepLines: boolean;
}

export function formatJson(doc: TextDocument, options: FormattingOptions, layout: JsonLayout, range?: Range): TextEdit[] {
  const edits = jsonService().format(doc, range, { ...options, keepLines: layout.keepLines });
  const spaced = layout.keySpacing === 'spaced' ? withSpaceBeforeColons(doc, edits, range) : edits;
  // Line breaks the service writes are the file's own, whatever it took them to be.
  const lineBreak = lineBreakOf(doc.getText());
  if (lineBreak === '\n') return spaced;
  return spaced.map((e) => (/[\r\n]/.test(e.newText) ? { ...e, newText: e.newText.replace(/\r\n|\r|\n/g, lineBreak) } : e));
}

/**
 * The formatter's edits with one space between each property key and its colon. The formatter
 * writes layout only between tokens, so the layout before a colon is either one of its edits or
 * untouched text; either way it is replaced here.
 */
function withSpaceBeforeColons(doc: TextDocument, edits: TextEdit[], range: Range | undefined): TextEdit[] {
  const text = doc.getText();
  const from = range === undefined ? 0 : doc.offsetAt(range.start);
  const to = range === undefined ? text.length : doc.offsetAt(range.end);
  const gaps = new Map<number, number>();
  const scanner = createScanner(text, false);
  let lastEnd = -1;
  let lastWasString = false;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    const start = scanner.getTokenOffset();
    if (kind === SyntaxKind.ColonToken && lastWasString && start >= from && lastEnd <= to) gaps.set(lastEnd, start);
    lastWasString = kind === SyntaxKind.StringLiteral;
    lastEnd = start + scanner.getTokenLength();
  }
  const result: TextEdit[] = [];
  for (const edit of edits) {
    const start = doc.offsetAt(edit.range.start);
    if (gaps.get(start) !== doc.offsetAt(edit.range.end)) result.push(edit);
  }
  for (const [start, end] of gaps) {
    if (text.slice(start, end) !== ' ') result.push(TextEdit.replace({ start: doc.positionAt(start), end: doc.positionAt(end) }, ' '));
  }
  return result;
}

/**
 * Whether the JSON has a token the scanner cannot read (an unterminated string, a raw line break
 * in a string, a stray character). Around one, the formatter's idea of where strings begin and end
 * can differ from a later reading: layout it moved could change what is a string.
 */
export function hasUnreadableToken(text: string): boolean {
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Unknown || scanner.getTokenError() !== ScanError.None) return true;
  }
  return false;
}
