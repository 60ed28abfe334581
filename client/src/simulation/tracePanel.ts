// The trace panel: one webview that shows the last run, under the previews' locked rules (scripts
// by nonce from the extension's bundle only, text-only rendering), and reveals in the editor the
// form of the step the user selects.
import * as vscode from 'vscode';
import { revealRange, webviewOptions } from '../preview/previewPanel';
import { makeNonce, previewHtml } from '../preview/webviewHtml';
import { TraceHostMessage, TraceView, isTraceWebviewMessage } from './traceMessages';

export const traceViewType = 'cxengage.trace';

export class TracePanel {
  private panel: vscode.WebviewPanel | undefined;
  private last: TraceHostMessage | undefined;
  private uri: string | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The run shown last (for the in-editor suite and for "Show Trace" of a test). */
  get shown(): TraceView | undefined {
    return this.last?.type === 'trace' ? this.last.view : undefined;
  }

  show(view: TraceView): void {
    this.last = { type: 'trace', view };
    this.uri = view.uri;
    if (this.panel === undefined) {
      const panel = vscode.window.createWebviewPanel(traceViewType, 'Trace', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { ...webviewOptions(this.extensionUri), enableFindWidget: true });
      this.adopt(panel);
    } else {
      this.panel.reveal(undefined, true);
    }
    this.post();
  }

  /** Takes a panel VS Code restored after a reload, with the run it last showed. */
  adopt(panel: vscode.WebviewPanel, restored?: TraceView): void {
    this.panel?.dispose();
    this.panel = panel;
    if (restored !== undefined && this.last === undefined) {
      this.last = { type: 'trace', view: restored };
      this.uri = restored.uri;
    }
    panel.webview.options = webviewOptions(this.extensionUri);
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'trace.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'trace.css')).toString(),
      nonce: makeNonce(),
      title: 'Trace',
    });
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (!isTraceWebviewMessage(message)) return;
      if (message.type === 'ready') this.post();
      else if (this.uri !== undefined) void revealRange(this.uri, message.range);
    });
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    this.post();
  }

  private post(): void {
    if (this.panel === undefined || this.last === undefined) return;
    this.panel.title = this.last.type === 'trace' ? `Trace: ${this.last.view.title}` : 'Trace';
    void this.panel.webview.postMessage(this.last);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
