// The language status of CxEngage files (the `{}` in the status bar): one item per fact, each
// built from the server's answers for the active file (its status, the dialect of its flow code),
// so that a new fact is one more entry in `statusItems`.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { DialectInfo, DialectRequest, ServerStatus, StatusRequest } from '../../server/src/protocol';
import { flowLanguages, isFlowDocument, switchDialectCommand } from './dialectSwitch';

export const selector: vscode.DocumentSelector = [{ language: 'cxengage-integration' }, { language: 'cxflow' }, { language: 'cxengage-pattern' }, { language: 'cxengage-template' }];

/** What an item shows, from the client's state and (once answered) the server's status. */
interface StatusFacts {
  state: State;
  status?: ServerStatus;
  /** The dialect the code under the cursor is read as, in a flow or pattern file. */
  dialect?: DialectInfo;
}

interface StatusItemSpec {
  id: string;
  name: string;
  /** The documents it shows for, when not every CxEngage file. */
  selector?: vscode.DocumentSelector;
  render(facts: StatusFacts, item: vscode.LanguageStatusItem): void;
}

const stateText: Record<State, string> = {
  [State.Starting]: 'starting',
  [State.Running]: 'running',
  [State.Stopped]: 'stopped',
  [State.StartFailed]: 'failed to start',
};

const dialectSources: Record<DialectInfo['source'], string> = {
  directive: 'first-line comment',
  setting: 'setting',
  'payload-key': 'payload key',
  form: 'detected',
  default: 'default',
};

const statusItems: readonly StatusItemSpec[] = [
  {
    id: 'cxengage.server',
    name: 'CxEngage Language Server',
    render({ state, status }, item) {
      item.text = `CxEngage ${stateText[state]}`;
      item.detail = status ? `server ${status.version}` : undefined;
      const down = state === State.Stopped || state === State.StartFailed;
      item.severity = down ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
      item.busy = state === State.Starting;
      item.command =
        down
          ? { title: 'Restart', command: 'cxengage.restartServer' }
          : { title: 'Show Output', command: 'cxengage.showOutput' };
    },
  },
  {
    id: 'cxengage.definitions',
    name: 'CxEngage Definitions',
    render({ status }, item) {
      const d = status?.definitions;
      item.text = d ? `${d.workspace + d.builtin} definitions` : 'Definitions';
      item.detail = d ? `${d.workspace} in the workspace, ${d.builtin} built-in` : undefined;
      item.command = { title: 'Preview One', command: 'cxengage.previewIntegrationForm' };
    },
  },
  {
    id: 'cxengage.flowDialect',
    name: 'CxEngage flow dialect',
    selector: flowLanguages.map((language) => ({ language })),
    render({ dialect }, item) {
      item.text = dialect ? `Flow ${dialect.dialect}` : 'Flow dialect';
      item.detail = dialect ? `${dialectSources[dialect.source]}: ${dialect.because}` : undefined;
      item.command = { title: 'Switch', command: switchDialectCommand, tooltip: 'Read this file as 4.1 or 4.2' };
    },
  },
];

/** Creates the items and keeps them current with the server and the active editor. */
export function registerStatus(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const items = statusItems.map((spec) => {
    const item = vscode.languages.createLanguageStatusItem(spec.id, spec.selector ?? selector);
    item.name = spec.name;
    context.subscriptions.push(item);
    return { spec, item };
  });
  let facts: StatusFacts = { state: client.state };
  let seq = 0;
  const render = () => {
    for (const { spec, item } of items) spec.render(facts, item);
  };
  const refresh = async () => {
    const asked = ++seq;
    const editor = vscode.window.activeTextEditor;
    let status: ServerStatus | undefined;
    let dialect: DialectInfo | undefined;
    if (client.state === State.Running) {
      const uri = editor?.document.uri.toString();
      status = await client.sendRequest(StatusRequest, { uri }).then(undefined, () => undefined);
      if (editor !== undefined && uri !== undefined && isFlowDocument(editor.document)) {
        const { line, character } = editor.selection.active;
        const answer = await client.sendRequest(DialectRequest, { uri, position: { line, character } }).then(undefined, () => null);
        dialect = answer ?? undefined;
      }
    }
    if (asked !== seq) return;
    facts = { state: client.state, status, dialect };
    render();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Diagnostics change when the definition index does: a cheap sign that the counts may have.
  // Typing, and in a pattern file moving between strings, may change the dialect.
  const soon = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  };
  context.subscriptions.push(
    client.onDidChangeState(() => void refresh()),
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.languages.onDidChangeDiagnostics(soon),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      // A pattern file holds code of both dialects: the status follows the cursor's string.
      if (e.textEditor.document.languageId === 'cxengage-pattern') soon();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) soon();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cxengage.flow.dialect')) soon();
    }),
    { dispose: () => timer !== undefined && clearTimeout(timer) },
  );
  render();
  void refresh();
}
