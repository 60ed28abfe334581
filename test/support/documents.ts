// Test helpers: documents from inline text, `|` cursor fixtures, and compact diagnostic shapes
// (`[code, [startLine, startChar, endLine, endChar]]`) that read like the editor.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, Position } from 'vscode-languageserver-types';
import { languageIds, DocumentKind } from '../../server/src/service/documentKind';

const languageOf: Record<Exclude<DocumentKind, 'other'>, string> = languageIds;

let counter = 0;

export function documentOf(text: string, kind: Exclude<DocumentKind, 'other'> = 'definition', name?: string): TextDocument {
  const suffix = kind === 'definition' ? '.integration.json' : kind === 'flow' ? '.cxflow' : '.pattern.json';
  const uri = `file:///workspace/${name ?? `doc${++counter}`}${suffix}`;
  return TextDocument.create(uri, languageOf[kind], 1, text);
}

/** Text with one `|` marking the cursor: the document without it, and the cursor's position. */
export function withCursor(text: string, kind: Exclude<DocumentKind, 'other'> = 'definition'): { doc: TextDocument; position: Position } {
  const offset = text.indexOf('|');
  if (offset < 0) throw new Error('fixture has no | cursor');
  const doc = documentOf(text.slice(0, offset) + text.slice(offset + 1), kind);
  return { doc, position: doc.positionAt(offset) };
}

export type CompactRange = [number, number, number, number];

export function compact(diagnostics: Diagnostic[]): [string, CompactRange][] {
  return diagnostics
    .map((d): [string, CompactRange] => [String(d.code), [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]])
    .sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1] || (a[0] < b[0] ? -1 : 1));
}

/** The range of the n-th (0-based) occurrence of `needle` in `doc`, as a compact range. */
export function rangeOfText(doc: TextDocument, needle: string, occurrence = 0): CompactRange {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  const s = doc.positionAt(at);
  const e = doc.positionAt(at + needle.length);
  return [s.line, s.character, e.line, e.character];
}
