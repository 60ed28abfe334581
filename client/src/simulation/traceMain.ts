// The trace webview's script: renders the run the panel posts, keeps it as webview state for
// reloads, and asks the panel to reveal the form of a step in the editor.
import type { FormRange } from '../../../server/src/protocol';
import { el, resetIds } from '../preview/dom';
import { renderTrace } from './renderTrace';
import type { TraceHostMessage, TraceState, TraceWebviewMessage } from './traceMessages';
import '../preview/preview.css';
import './trace.css';

interface VsCodeApi {
  postMessage(message: TraceWebviewMessage): void;
  getState(): TraceState | undefined;
  setState(state: TraceState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') ?? document.body;

function reveal(range: FormRange): void {
  vscode.postMessage({ type: 'reveal', range });
}

function render(state: TraceState): void {
  resetIds();
  root.replaceChildren(state.view ? renderTrace(state.view, reveal) : el('main', { class: 'preview' }, el('p', { class: 'empty' }, state.text ?? 'No run yet.')));
}

function isHostMessage(data: unknown): data is TraceHostMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Partial<TraceHostMessage>;
  return (m.type === 'trace' && typeof m.view === 'object' && m.view !== null) || (m.type === 'empty' && typeof m.text === 'string');
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) return;
  const state: TraceState = message.type === 'trace' ? { view: message.view } : { text: message.text };
  vscode.setState(state);
  render(state);
});

render(vscode.getState() ?? {});
vscode.postMessage({ type: 'ready' });
