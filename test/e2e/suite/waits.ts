// Waits of the in-editor suite: the editor and the language server answer asynchronously, so
// tests poll (test/support/poll.ts) for the diagnostics they expect.
import * as vscode from 'vscode';
import { waitFor } from '../../support/poll';
import { webviewTabs } from './workspace';

export { waitFor };

/** The server's diagnostics on a document, as sorted `line:code` strings. */
export function diagnosticKeys(uri: vscode.Uri): string[] {
  return cxengageDiagnostics(uri)
    .map((d) => `${d.range.start.line}:${codeOf(d)}`)
    .sort();
}

export function cxengageDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cxengage');
}

export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Waits until the document's cxengage diagnostics, as `line:code`, are exactly `expected`. */
export async function waitForDiagnostics(uri: vscode.Uri, expected: readonly string[], timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  const want = [...expected].sort();
  const name = uri.path.split('/').pop();
  await waitFor(
    `the diagnostics of ${name} to be exactly [${want.join(', ')}] (line:code, 0-based lines)`,
    () => (sameList(diagnosticKeys(uri), want) ? true : undefined),
    { timeoutMs, describeLast: () => `[${diagnosticKeys(uri).join(', ')}]` },
  );
  return cxengageDiagnostics(uri);
}

/** Waits until VS Code's hover providers answer at `position` (the first answer may wait for the server). */
export function waitForHovers(uri: vscode.Uri, position: vscode.Position, what: string, timeoutMs: number): Promise<vscode.Hover[]> {
  return waitFor(
    what,
    async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      return hovers.length > 0 ? hovers : undefined;
    },
    { timeoutMs },
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function previewTitles(): string[] {
  return webviewTabs().map((t) => t.label);
}

/** Waits for a preview (webview) tab of this title. */
export function waitForPreview(title: string): Promise<true> {
  return waitFor(`a preview tab titled "${title}"`, () => (previewTitles().includes(title) ? true : undefined), {
    timeoutMs: 20_000,
    describeLast: () => previewTitles().join(', ') || 'no webview tab',
  });
}
