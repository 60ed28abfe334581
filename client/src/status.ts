// The language status of CxEngage files (the `{}` in the status bar): one item per fact, each
// built from the server's status for the active file, so that a new fact is one more entry in
// `statusItems`.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { ServerStatus, StatusRequest } from '../../server/src/protocol';

export const selector: vscode.DocumentSelector = [{ language: 'cxengage-integration' }, { language: 'cxflow' }, { language: 'cxengage-pattern' }];

/** What an item shows, from the client's state and (once answered) the server's status. */
interface StatusFacts {
  state: State;
  status?: ServerStatus;
}

interface StatusItemSpec {
  id: string;
  name: string;
  render(facts: StatusFacts, item: vscode.LanguageStatusItem): void;
}

const stateText: Record<State, string> = {
  [State.Starting]: 'starting',
  [State.Running]: 'running',
  [State.Stopped]: 'stopped',
  [State.StartFailed]: 'failed to start',
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
];

/** Creates the items and keeps them current with the server and the active editor. */
export function registerStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  const items = statusItems.map((spec) => {
    const item = vscode.languages.createLanguageStatusItem(spec.id, selector);
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
    if (client.state === State.Running) {
      status = await client.sendRequest(StatusRequest, { uri: editor?.document.uri.toString() }).then(undefined, () => undefined);
    }
    if (asked !== seq) return;
    facts = { state: client.state, status };
    render();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Diagnostics change when the definition index does: a cheap sign that the counts may have.
  const soon = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  };
  context.subscriptions.push(
    client.onDidChangeState(() => void refresh()),
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.languages.onDidChangeDiagnostics(soon),
    { dispose: () => timer !== undefined && clearTimeout(timer) },
  );
  render();
  void refresh();
}
