// The `cxengage.simulation.*` settings as the client reads them for a file: what it passes to the
// server with each run, and whether the Run lenses show.
import * as vscode from 'vscode';

export interface SimulationSettings {
  /** The key attribute when neither the pattern nor a test case names one. */
  key: string;
  /** Seconds of virtual time between the polls of a 4.1 `await`. */
  pollInterval: number;
  codeLens: boolean;
}

export function simulationSettings(scope?: vscode.Uri): SimulationSettings {
  const section = vscode.workspace.getConfiguration('cxengage.simulation', scope);
  const key = section.get<unknown>('key');
  const poll = section.get<unknown>('pollInterval');
  return {
    key: typeof key === 'string' && key.trim() !== '' ? key.trim() : 'id',
    pollInterval: typeof poll === 'number' && Number.isFinite(poll) && poll > 0 ? poll : 10,
    codeLens: section.get<boolean>('codeLens', true) !== false,
  };
}
