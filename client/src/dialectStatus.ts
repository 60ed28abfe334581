// The flow dialect of the active file in the language status area (which dialect, and why, from the
// server), and the command that switches it: a first-line comment for the file, or the setting.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DialectEditRequest, DialectInfo, DialectRequest, FlowDialectSetting } from '../../server/src/protocol';

export const switchDialectCommand = 'cxengage.switchFlowDialect';

const flowLanguages = ['cxflow', 'cxengage-pattern'];
/** Typing re-asks after this pause; the answer changes only when a deciding form does. */
const editDelay = 300;

function isFlowDocument(document: vscode.TextDocument): boolean {
  return flowLanguages.includes(document.languageId);
}

const sources: Record<DialectInfo['source'], string> = {
  directive: 'first-line comment',
  setting: 'setting',
  'payload-key': 'payload key',
  form: 'detected',
  default: 'default',
};

class DialectStatus {
  private readonly item = vscode.languages.createLanguageStatusItem('cxengage.flowDialect', flowLanguages.map((language) => ({ language })));
  private timer: NodeJS.Timeout | undefined;
  /** Answers to older questions are dropped. */
  private asked = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'CxEngage flow dialect';
    this.item.command = { title: 'Switch', command: switchDialectCommand, tooltip: 'Read this file as 4.1 or 4.2' };
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
  }

  later(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), editDelay);
  }

  async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || !isFlowDocument(editor.document)) return;
    const asked = ++this.asked;
    const position = editor.selection.active;
    let info: DialectInfo | null = null;
    try {
      info = await this.client.sendRequest(DialectRequest, { uri: editor.document.uri.toString(), position: { line: position.line, character: position.character } });
    } catch {
      // The server is restarting or the document closed: the next change asks again.
    }
    if (asked !== this.asked) return;
    this.item.text = info === null ? 'Flow dialect' : `Flow ${info.dialect}`;
    this.item.detail = info === null ? undefined : `${sources[info.source]}: ${info.because}`;
  }
}

interface DialectChoice extends vscode.QuickPickItem {
  apply: () => Thenable<unknown>;
}

async function switchDialect(client: LanguageClient): Promise<void> {
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

export function registerDialectStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  const status = new DialectStatus(client);
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(switchDialectCommand, () => switchDialect(client)),
    vscode.window.onDidChangeActiveTextEditor(() => void status.update()),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      // A pattern file holds code of both dialects: the status follows the cursor's string.
      if (e.textEditor.document.languageId === 'cxengage-pattern') status.later();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) status.later();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cxengage.flow.dialect')) status.later();
    }),
  );
  void status.update();
}
