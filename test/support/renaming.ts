// Rename as tests see it: a language service over open documents, and the texts a WorkspaceEdit
// leaves behind, applied as an editor applies it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

/** The edits of a WorkspaceEdit by uri, from `changes` or `documentChanges` alike. */
export function editsByUri(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const result = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) result.set(uri, edits);
  for (const change of edit.documentChanges ?? []) {
    if (TextDocumentEdit.is(change)) result.set(change.textDocument.uri, change.edits.filter((e): e is TextEdit => 'range' in e));
  }
  return result;
}

/** The texts of `documents` after `edit`, by uri (only those it changes). */
export function appliedTexts(edit: WorkspaceEdit, documents: readonly TextDocument[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const [uri, edits] of editsByUri(edit)) {
    const doc = documents.find((d) => d.uri === uri);
    if (doc === undefined) throw new Error(`an edit for a document not given: ${uri}`);
    result.set(uri, TextDocument.applyEdits(doc, edits));
  }
  return result;
}
