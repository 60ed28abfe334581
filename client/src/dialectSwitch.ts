// The command that switches the flow dialect of the active file (its language status item is one
// of `statusItems` in status.ts): a first-line comment for the file, or the setting.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DialectEditRequest, FlowDialectSetting } from '../../server/src/protocol';

export const switchDialectCommand = 'cxengage.switchFlowDialect';

export const flowLanguages: readonly string[] = ['cxflow', 'cxengage-pattern'];

export function isFlowDocument(document: vscode.TextDocument): boolean {
  return flowLanguages.includes(document.languageId);
}

interface DialectChoice extends vscode.QuickPickItem {
  apply: () => Thenable<unknown>;
}

async function switchDialect(client: BaseLanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || !isFlowDocument(editor.document)) {
    void vscode.window.showInformationMessage('Open a flow (.cxflow) or pattern (.pattern.json) file to switch its dialect.');
    return;
  }
  const uri = editor.document.uri.toString();
  const position = { line: editor.selection.active.line, character: editor.selection.active.character };
  const inFile = async (dialect: FlowDialectSetting) => {
    const edit = await client.sendRequest(DialectEditRequest, { uri, position, dialect });
    if (edit !== null) await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
  };
  const setting = (dialect: FlowDialectSetting) => vscode.workspace.getConfiguration('cxengage', editor.document.uri).update('flow.dialect', dialect, vscode.ConfigurationTarget.Workspace);
  const choices: DialectChoice[] = [
    { label: 'Read this file as 4.2', detail: 'Writes `; cxengage-dialect: 4.2` on its first line', apply: () => inFile('4.2') },
    { label: 'Read this file as 4.1', detail: 'Writes `; cxengage-dialect: 4.1` on its first line', apply: () => inFile('4.1') },
    { label: 'Let this file decide', detail: 'Removes the first-line comment: its forms decide (4.2 when nothing does)', apply: () => inFile('auto') },
    { label: 'Workspace: auto', detail: 'cxengage.flow.dialect: each file decides', apply: () => setting('auto') },
    { label: 'Workspace: 4.1', detail: 'cxengage.flow.dialect: every file without a first-line comment is 4.1', apply: () => setting('4.1') },
    { label: 'Workspace: 4.2', detail: 'cxengage.flow.dialect: every file without a first-line comment is 4.2', apply: () => setting('4.2') },
  ];
  const picked = await vscode.window.showQuickPick(choices, { title: 'CxEngage flow dialect', placeHolder: 'Read flow code as' });
  if (picked !== undefined) await picked.apply();
}

export function registerDialectSwitch(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand(switchDialectCommand, () => switchDialect(client)));
}
