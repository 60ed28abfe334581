// A small extension installed next to the one under test: once the workbench has started,
// it runs the in-editor suite in this extension host and writes the results to a file.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { runCollecting, type SuiteResults } from '../suite/index';

export interface RunnerReport {
  state: 'running' | 'done' | 'crashed';
  vscodeVersion: string;
  nodeVersion: string;
  workspaceFolders: string[];
  startedAt: string;
  finishedAt?: string;
  results?: SuiteResults;
  error?: string;
}

/** The environment variable that names the results file; without it the runner stays idle. */
export const resultsVariable = 'CXENGAGE_E2E_RESULTS';

export async function activate(): Promise<void> {
  const resultsPath = process.env[resultsVariable];
  if (!resultsPath) return;
  // A window reload (the workbench checks do one) starts the extension host again: run once only.
  if (fs.existsSync(resultsPath)) return;
  const report: RunnerReport = {
    state: 'running',
    vscodeVersion: vscode.version,
    nodeVersion: process.version,
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
    startedAt: new Date().toISOString(),
  };
  write(resultsPath, report);
  try {
    report.results = await runCollecting();
    report.state = 'done';
  } catch (err) {
    report.state = 'crashed';
    report.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  report.finishedAt = new Date().toISOString();
  write(resultsPath, report);
}

export function deactivate(): void {}

/** Writes through a temporary file so that the launcher never reads half a report. */
function write(file: string, report: RunnerReport): void {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(report, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}
