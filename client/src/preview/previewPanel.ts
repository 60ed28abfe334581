// One preview panel: asks the server for the form model of its target, posts it to the webview,
// and reveals in the editor the ranges the webview asks for.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FormModelRequest, FormModelParams, FormModel, FormRange, SendFormEditRequest } from '../../../server/src/protocol';
import { HostMessage, PreviewTarget, isWebviewMessage } from './messages';
import { makeNonce, previewHtml } from './webviewHtml';
import { lastRuns } from '../simulation/lastRuns';

export const integrationViewType = 'cxengage.integrationForm';
export const sendViewType = 'cxengage.sendForm';

export function viewTypeOf(target: PreviewTarget): string {
  return target.kind === 'integration' ? integrationViewType : sendViewType;
}

/** Scripts on, and nothing readable but the bundle folder. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Only the answer to the latest request is shown; an older one arriving late is dropped. */
  private requestSeq = 0;
  private last: HostMessage | undefined;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private target: PreviewTarget,
    private readonly client: LanguageClient,
    extensionUri: vscode.Uri,
    onDispose: () => void,
  ) {
    // Set again here because a panel restored after a reload comes without them.
    panel.webview.options = webviewOptions(extensionUri);
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'preview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'preview.css')).toString(),
      nonce: makeNonce(),
      title: panel.title,
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
    void this.refresh();
  }

  get currentTarget(): PreviewTarget {
    return this.target;
  }

  /** The document whose edits change this preview. */
  get sourceUri(): string | undefined {
    return this.target.uri;
  }

  retarget(target: PreviewTarget, delay = 0): void {
    this.target = target;
    this.schedule(delay);
  }

  schedule(delay: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  async refresh(): Promise<void> {
    const seq = ++this.requestSeq;
    const target = this.target;
    let message: HostMessage;
    try {
      const model = await this.client.sendRequest(FormModelRequest, requestParams(target));
      const lastRun = model?.kind === 'send' ? lastRuns.of(model.uri, model.range) : undefined;
      message = model ? { type: 'model', target: followModel(target, model), model, ...(lastRun ? { lastRun } : {}) } : { type: 'empty', target, text: emptyText(target) };
    } catch (error) {
      message = { type: 'empty', target, text: `The form could not be built: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (seq !== this.requestSeq || this.disposed) return;
    this.target = message.target;
    this.last = message;
    this.panel.title = panelTitle(message);
    void this.panel.webview.postMessage(message);
  }

  private onMessage(message: unknown): void {
    if (!isWebviewMessage(message)) return;
    if (message.type === 'ready') {
      if (this.last) void this.panel.webview.postMessage(this.last);
    } else if (message.type === 'reveal') {
      const uri = this.last?.type === 'model' ? this.last.model.uri : this.target.uri;
      if (uri !== undefined) void revealRange(uri, message.range);
    } else if (message.type === 'apply' && this.last?.type === 'model' && this.last.model.kind === 'send') {
      void this.apply(this.last.model.uri, this.last.model.range.start, message.values);
    }
  }

  /** Writes the values into the send the form shows; the edit re-renders the form. */
  private async apply(uri: string, sendStart: FormRange['start'], values: Record<string, string>): Promise<void> {
    try {
      const result = await this.client.sendRequest(SendFormEditRequest, { uri, position: sendStart, values });
      // No edit: the server says why (nothing filled in, a field Apply never writes, no such send).
      if (result.edit === null) {
        void vscode.window.showWarningMessage(`The send could not be updated: ${result.reason}.`);
        return;
      }
      // The edit names the version it was made for: the editor refuses it if the flow changed since.
      const applied = await vscode.workspace.applyEdit(await this.client.protocol2CodeConverter.asWorkspaceEdit(result.edit));
      if (!applied) void vscode.window.showWarningMessage('The send could not be updated: it changed since the form was shown.');
    } catch (error) {
      void vscode.window.showErrorMessage(`The send could not be updated: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

function requestParams(target: PreviewTarget): FormModelParams {
  if (target.kind === 'send') return { uri: target.uri, position: target.position };
  if (target.uri !== undefined) return { uri: target.uri };
  return { integrationType: target.integrationType ?? '' };
}

/** Once a definition is found by type, the panel follows its file, so edits to it show. */
function followModel(target: PreviewTarget, model: FormModel): PreviewTarget {
  if (target.kind === 'integration' && model.kind === 'integration') {
    return { kind: 'integration', uri: model.uri, integrationType: model.type ?? target.integrationType };
  }
  return target;
}

function emptyText(target: PreviewTarget): string {
  if (target.kind === 'send') return 'This file has no send or await.';
  return target.integrationType !== undefined && target.uri === undefined
    ? `No integration of type ${target.integrationType} is known.`
    : 'This file is not an integration definition.';
}

function panelTitle(message: HostMessage): string {
  if (message.type === 'empty') return message.target.kind === 'send' ? 'Send Form' : 'Integration Form';
  const model = message.model;
  return model.kind === 'integration' ? `Form: ${model.displayName}` : `Send Form: ${model.integration} ${model.message}`;
}

export async function revealRange(uri: string, range: FormRange): Promise<void> {
  const target = vscode.Uri.parse(uri);
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
  const editor = await vscode.window.showTextDocument(target, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
    selection,
    preserveFocus: false,
  });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
