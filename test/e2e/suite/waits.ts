// Bounded polling for the in-editor suite: the editor and the language server answer
// asynchronously, so tests wait for a condition instead of sleeping a fixed time.
import * as vscode from 'vscode';

export interface Probe<T> {
  /** The value seen now, or undefined while the condition does not hold yet. */
  (): T | undefined | Promise<T | undefined>;
}

/**
 * Polls `probe` every `intervalMs` until it returns a value; after `timeoutMs` fails with
 * what was awaited and, from `describeLast`, what was seen instead.
 */
export async function waitFor<T>(
  what: string,
  probe: Probe<T>,
  options: { timeoutMs?: number; intervalMs?: number; describeLast?: () => string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const seen = options.describeLast?.() ?? '';
      const error = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}${seen ? `; saw: ${seen}` : ''}${error}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

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

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
