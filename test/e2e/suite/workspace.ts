// The fixture workspace as the in-editor suite sees it: documents by file name and
// positions by the text they point at, so tests read like the files they exercise.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export { fixtureFiles as files } from '../expectations';

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor has no workspace folder open: start it on a copy of test/fixtures/e2e-workspace');
  return folder;
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, name);
}

export async function openDocument(name: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(fileUri(name));
}

export async function showDocument(name: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await openDocument(name), { viewColumn: column, preview: false });
}

/**
 * The position of the first `marker` on the first line (from `fromLine`) that holds
 * `lineText`; `offset` moves it within the marker (e.g. to its end).
 */
export function positionOf(doc: vscode.TextDocument, lineText: string, marker: string, offset = 0, fromLine = 0): vscode.Position {
  for (let line = fromLine; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    if (!text.includes(lineText)) continue;
    const at = text.indexOf(marker);
    assert.ok(at >= 0, `line ${line} of ${doc.uri.path} holds "${lineText}" but not "${marker}"`);
    return new vscode.Position(line, at + offset);
  }
  assert.fail(`no line of ${doc.uri.path} holds "${lineText}"`);
}

/** Undoes unsaved edits of a document through the editor, so no dialog ever asks to save. */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  // An untitled document has nothing to revert to: closing it unsaved is its revert.
  await vscode.commands.executeCommand(doc.isUntitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert');
}

/** The text of hover contents, whatever form each part takes. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
}
