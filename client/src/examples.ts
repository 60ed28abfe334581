// "Open the Examples" of the walkthrough: copies the examples shipped with the extension into a
// folder the user picks (never edits them in place), then opens them with the send preview.
import * as vscode from 'vscode';

const folderName = 'cxengage-examples';
const firstFlow = 'flows/escalations.cxflow';

/** A folder name under `parent` not taken yet: `cxengage-examples`, `cxengage-examples-2`, ... */
async function freeFolder(parent: vscode.Uri): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(parent, n === 1 ? folderName : `${folderName}-${n}`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

async function pickParent(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Copy the CxEngage examples into…',
    openLabel: 'Copy Here',
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0];
}

/**
 * Copies the examples into a new folder under `parent` (asked for when not given). Inside an open
 * workspace folder they open here, a flow beside its send form; elsewhere the copy opens as a
 * folder (in a new window when this one has a workspace).
 */
export async function openExamples(extensionUri: vscode.Uri, parent?: unknown): Promise<vscode.Uri | undefined> {
  const into = parent instanceof vscode.Uri ? parent : await pickParent();
  if (into === undefined) return undefined;
  const target = await freeFolder(into);
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'examples'), target);
  if (vscode.workspace.getWorkspaceFolder(target) !== undefined) {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(target, firstFlow), { preview: false });
    await vscode.commands.executeCommand('cxengage.previewSendForm');
  } else {
    await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: vscode.workspace.workspaceFolders !== undefined });
  }
  return target;
}
