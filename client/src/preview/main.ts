// The preview webview's script: renders the form model the panel posts, keeps it as webview
// state for reloads, and asks the panel to reveal ranges in the editor.
import type { FormRange } from '../../../server/src/protocol';
import { el, resetIds } from './dom';
import type { HostMessage, PreviewState, WebviewMessage } from './messages';
import { renderIntegration } from './renderIntegration';
import { renderSend } from './renderSend';
import './preview.css';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') ?? document.body;

function reveal(range: FormRange): void {
  vscode.postMessage({ type: 'reveal', range });
}

function render(state: Pick<PreviewState, 'model' | 'text' | 'lastRun'>): void {
  const focusedId = document.activeElement?.id;
  const scroll = document.scrollingElement?.scrollTop ?? 0;
  resetIds();
  let content: HTMLElement;
  if (state.model?.kind === 'integration') content = renderIntegration(state.model, reveal);
  else if (state.model?.kind === 'send') {
    content = renderSend(state.model, { reveal, apply: (values) => vscode.postMessage({ type: 'apply', values }) }, state.lastRun);
  }
  else content = el('main', { class: 'preview' }, el('p', { class: 'empty' }, state.text ?? 'Loading…'));
  root.replaceChildren(content);
  if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
  if (document.scrollingElement) document.scrollingElement.scrollTop = scroll;
}

function isHostMessage(data: unknown): data is HostMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Partial<HostMessage>;
  return (m.type === 'model' && typeof m.model === 'object') || (m.type === 'empty' && typeof m.text === 'string');
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) return;
  const state: PreviewState =
    message.type === 'model'
      ? { target: message.target, model: message.model, ...(message.lastRun ? { lastRun: message.lastRun } : {}) }
      : { target: message.target, text: message.text };
  vscode.setState(state);
  render(state);
});

// After a reload the last model shows at once; the panel sends a fresh one when it is ready.
render(vscode.getState() ?? {});
vscode.postMessage({ type: 'ready' });
