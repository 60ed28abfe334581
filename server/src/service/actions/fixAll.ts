// Fix All: applies every safe fix of a document, checks the result again and repeats (a name put
// right may let the checks it held back find another misspelling), until no safe fix is left. The
// editor's `source.fixAll.cxengage` action and `cxengage-lint --fix` both run it.
import { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SourceDocument, diskDocument } from '../workspace/sourceDocument';
import { safeFixes } from './safeFixes';
import { fixAllKind } from './kinds';

/** What Fix All needs of the language service. */
export interface FixAllHost {
  sourceDiagnostics(source: SourceDocument): Promise<Diagnostic[]>;
  sourceCodeActions(source: SourceDocument, diagnostics: Diagnostic[]): CodeAction[];
}

export interface FixedText {
  text: string;
  /** The titles of the fixes applied, pass after pass. */
  applied: string[];
}

/** Enough for every name of a send to be put right in turn (integration, message, field, value). */
const maxPasses = 8;

/** The text of `source` with every safe fix applied; `applied` empty when there was none. */
export async function fixAllText(host: FixAllHost, source: SourceDocument): Promise<FixedText> {
  let current = source;
  const applied: string[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const diagnostics = await host.sourceDiagnostics(current);
    const fixes = safeFixes(current.document, host.sourceCodeActions(current, diagnostics));
    if (fixes.edits.length === 0) break;
    for (const title of fixes.titles) applied.push(title);
    const text = TextDocument.applyEdits(current.document, fixes.edits);
    if (text === current.document.getText()) break;
    // A revision no open document has: the store neither reuses nor keeps what is built for it.
    current = diskDocument(source.uri, text, -1 - pass, undefined, source.kind);
  }
  return { text: current.document.getText(), applied };
}

/** The one edit that turns `doc` into `text`: the span between their common start and end. */
export function replacementEdit(doc: TextDocument, text: string): TextEdit | undefined {
  const old = doc.getText();
  if (old === text) return undefined;
  let start = 0;
  const shorter = Math.min(old.length, text.length);
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF: step back over a low surrogate or a `\n` after `\r`.
  while (start > 0 && (isLowSurrogate(old.charCodeAt(start)) || (old[start] === '\n' && old[start - 1] === '\r'))) start--;
  const splits = (at: number) => isLowSurrogate(old.charCodeAt(at)) || (old[at] === '\n' && old[at - 1] === '\r');
  while (end > 0 && old.length - end > start && splits(old.length - end)) end--;
  const range: Range = { start: doc.positionAt(start), end: doc.positionAt(old.length - end) };
  return { range, newText: text.slice(start, text.length - end) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The `source.fixAll.cxengage` action of a document, or none when no safe fix applies. */
export async function fixAllAction(host: FixAllHost, source: SourceDocument): Promise<CodeAction | undefined> {
  const fixed = await fixAllText(host, source);
  const edit = replacementEdit(source.document, fixed.text);
  if (edit === undefined) return undefined;
  const count = fixed.applied.length;
  return {
    title: `Fix all safe problems (${count} fix${count === 1 ? '' : 'es'})`,
    kind: fixAllKind,
    edit: { changes: { [source.uri]: [edit] } },
  };
}
