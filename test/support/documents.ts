// Test helpers of every tier: documents from inline text, `|` cursor fixtures, and compact shapes
// of ranges (`[startLine, startChar, endLine, endChar]`) and diagnostics (`[code, range]`) that
// read like the editor.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { languageIds, DocumentKind } from '../../server/src/service/documentKind';

const languageOf: Record<Exclude<DocumentKind, 'other'>, string> = languageIds;

let counter = 0;

export function documentOf(text: string, kind: Exclude<DocumentKind, 'other'> = 'definition', name?: string): TextDocument {
  const suffix = { definition: '.integration.json', flow: '.cxflow', pattern: '.pattern.json', template: '.template.json' }[kind];
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

/** Any range-shaped value: LSP, form model and VS Code ranges alike. */
interface RangeLike {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function compactRange(r: RangeLike): CompactRange {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

/** Diagnostics as `[code, range]`, in document order (ties by code). */
export function compact(diagnostics: readonly Pick<Diagnostic, 'code' | 'range'>[]): [string, CompactRange][] {
  return diagnostics
    .map((d): [string, CompactRange] => [String(d.code), compactRange(d.range)])
    .sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The range of the n-th (0-based) occurrence of `needle` in `text`, as a compact range. */
export function rangeIn(text: string, needle: string, occurrence = 0): CompactRange {
  return rangeOfText(TextDocument.create('file:///text', 'plaintext', 1, text), needle, occurrence);
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
