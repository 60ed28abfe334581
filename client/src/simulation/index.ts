// The simulator in the editor: the Run lenses and command, the trace panel (restored after a
// reload), and the pattern tests of the Testing view. What it returns is the extension's API for
// the simulator: the tests' items and outcomes, and the run the trace panel shows.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CaseOutcome, PatternTests } from './patternTests';
import { RunLensProvider, runPatternCommand } from './runLens';
import { runPattern } from './runCommand';
import { TracePanel, traceViewType } from './tracePanel';
import type { TraceState, TraceView } from './traceMessages';

export interface SimulationApi {
  /** The Testing view's case items, discovered in the workspace. */
  testItems(): Promise<vscode.TestItem[]>;
  /** What the last run of a case reported, by item id. */
  outcome(id: string): CaseOutcome | undefined;
  /** The run the trace panel shows. */
  shownTrace(): TraceView | undefined;
  /** The Testing view's run profile of the pattern tests. */
  runProfile: vscode.TestRunProfile;
}

const flowSelector: vscode.DocumentSelector = [{ language: 'cxflow' }, { language: 'cxengage-pattern' }];

export function registerSimulation(context: vscode.ExtensionContext, client: LanguageClient): SimulationApi {
  const traces = new TracePanel(context.extensionUri);
  const lenses = new RunLensProvider(client);
  const tests = new PatternTests(client, traces);
  void tests.discover();
  context.subscriptions.push(
    traces,
    lenses,
    tests,
    vscode.languages.registerCodeLensProvider(flowSelector, lenses),
    vscode.commands.registerCommand(runPatternCommand, (uri?: unknown, pattern?: unknown) => runPattern(client, traces, uri, pattern)),
    vscode.commands.registerCommand('cxengage.showTestTrace', (argument?: unknown) => tests.showTrace(argument)),
    vscode.window.registerWebviewPanelSerializer(traceViewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        traces.adopt(panel, (state as TraceState | undefined)?.view);
      },
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('cxengage.simulation.codeLens')) lenses.refresh();
    }),
  );
  return {
    testItems: async () => {
      await tests.discover();
      return tests.caseItems();
    },
    outcome: (id) => tests.outcomes.get(id),
    shownTrace: () => traces.shown,
    runProfile: tests.runProfile,
  };
}
