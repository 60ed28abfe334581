// The edits of the safe quick fixes among a document's: a quick fix is safe when it has one
// unambiguous outcome, and the fixes mark that as `isPreferred`. Fixes whose edits overlap one
// already taken are left out, so that no text is changed twice.
import { CodeAction, CodeActionKind, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface SafeFixes {
  edits: TextEdit[];
  /** The titles of the fixes taken, in document order. */
  titles: string[];
}

interface Span {
  start: number;
  end: number;
}

/** Two edits conflict when their ranges overlap, or when both insert at one place (their order would be a guess). */
function conflicts(a: Span, b: Span): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

function firstStart(spans: readonly Span[]): number {
  let first = Infinity;
  for (const s of spans) first = Math.min(first, s.start);
  return first;
}

export function isSafeFix(action: CodeAction): boolean {
  return action.kind === CodeActionKind.QuickFix && action.isPreferred === true && action.edit?.changes !== undefined;
}

/** The safe fixes of `actions` that edit `doc`, each taken whole or not at all, in document order. */
export function safeFixes(doc: TextDocument, actions: readonly CodeAction[]): SafeFixes {
  const candidates: { action: CodeAction; edits: TextEdit[]; spans: Span[] }[] = [];
  for (const action of actions) {
    if (!isSafeFix(action)) continue;
    const changes = action.edit?.changes ?? {};
    const others = Object.keys(changes).filter((uri) => uri !== doc.uri);
    const edits = changes[doc.uri] ?? [];
    // A fix that touches another file is not one Fix All of this file may apply.
    if (others.length > 0 || edits.length === 0) continue;
    const spans = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end) }));
    candidates.push({ action, edits, spans });
  }
  candidates.sort((a, b) => firstStart(a.spans) - firstStart(b.spans));
  const taken: Span[] = [];
  const result: SafeFixes = { edits: [], titles: [] };
  for (const candidate of candidates) {
    if (candidate.spans.some((s) => taken.some((t) => conflicts(s, t)))) continue;
    for (const span of candidate.spans) taken.push(span);
    for (const edit of candidate.edits) result.edits.push(edit);
    result.titles.push(candidate.action.title);
  }
  return result;
}
