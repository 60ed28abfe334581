// CxEngage: Run Pattern: which pattern (the lens's, else the one at the cursor), then a quick pick
// of the workspace's events files and the test cases of that pattern; the run's trace opens in
// the trace panel.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PatternListRequest, RunPatternRequest, RunTestCaseRequest, RunnablePattern, SimulationInputsRequest, TestCaseInfo } from '../../../server/src/protocol';
import { lastRuns } from './lastRuns';
import { simulationSettings } from './settings';
import type { TracePanel } from './tracePanel';
import type { TraceView } from './traceMessages';

type RunInput = { kind: 'events'; uri: string } | { kind: 'case'; testCase: TestCaseInfo };

const flowFile = /\.(cxflow|pattern\.json)$/i;

export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** `flows/vip.pattern.json › VIP callback`: what a run is called in titles. */
export function runTitle(uri: string, pattern: string | undefined): string {
  return pattern ? `${fileName(uri)} › ${pattern}` : fileName(uri);
}

/** The file's pattern that holds the cursor: the last one starting at or before it. */
function patternAtCursor(patterns: readonly RunnablePattern[], cursor: vscode.Position | undefined): RunnablePattern | undefined {
  if (cursor === undefined) return patterns[0];
  let found = patterns[0];
  for (const p of patterns) if (p.range.start.line <= cursor.line) found = p;
  return found;
}

/** Whether a test case runs this pattern of this file. */
function casesPattern(testCase: TestCaseInfo, uri: string, pattern: string, only: boolean): boolean {
  if (testCase.patternUri !== uri) return false;
  return testCase.patternName === undefined ? only : testCase.patternName === pattern;
}

/** Events files named like the flow first (`abandoned-calls.events.json` for `abandoned-calls.cxflow`). */
function byLikeness(flowUri: string): (a: string, b: string) => number {
  const stem = fileName(flowUri).replace(flowFile, '').toLowerCase();
  const like = (u: string) => (fileName(u).toLowerCase().startsWith(`${stem}.`) ? 0 : 1);
  return (a, b) => like(a) - like(b) || a.localeCompare(b);
}

async function pickInput(client: LanguageClient, uri: string, pattern: string, only: boolean): Promise<RunInput | undefined> {
  const inputs = await client.sendRequest(SimulationInputsRequest, {});
  const cases = inputs.testCases.filter((c) => casesPattern(c, uri, pattern, only));
  if (inputs.events.length === 0 && cases.length === 0) {
    void vscode.window.showInformationMessage(
      'Nothing to run the pattern against: add an events file (*.events.json or *.events.jsonl) or a test case (*.cxtest.json) to the workspace.',
    );
    return undefined;
  }
  type Item = vscode.QuickPickItem & { input?: RunInput };
  const items: Item[] = [];
  if (inputs.events.length > 0) items.push({ label: 'Events files', kind: vscode.QuickPickItemKind.Separator });
  for (const events of [...inputs.events].sort(byLikeness(uri))) {
    items.push({ label: `$(list-unordered) ${fileName(events)}`, description: vscode.workspace.asRelativePath(vscode.Uri.parse(events)), input: { kind: 'events', uri: events } });
  }
  if (cases.length > 0) items.push({ label: 'Test cases', kind: vscode.QuickPickItemKind.Separator });
  for (const testCase of cases) {
    items.push({ label: `$(beaker) ${testCase.name}`, description: vscode.workspace.asRelativePath(vscode.Uri.parse(testCase.uri)), input: { kind: 'case', testCase } });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `Run ${runTitle(uri, pattern)}`,
    placeHolder: 'Run the pattern against an events file or a test case',
    matchOnDescription: true,
  });
  return picked?.input;
}

/** Runs a pattern and shows its trace; the view shown, or undefined when nothing ran. */
export async function runPattern(client: LanguageClient, traces: TracePanel, uriArg?: unknown, patternArg?: unknown): Promise<TraceView | undefined> {
  let uri = typeof uriArg === 'string' ? uriArg : undefined;
  let pattern = typeof patternArg === 'string' ? patternArg : undefined;
  const editor = vscode.window.activeTextEditor;
  if (uri === undefined) {
    if (editor === undefined || !flowFile.test(editor.document.uri.path)) {
      void vscode.window.showInformationMessage('Open a flow (*.cxflow) or pattern (*.pattern.json) file to run one of its patterns.');
      return undefined;
    }
    uri = editor.document.uri.toString();
  }
  const patterns = await client.sendRequest(PatternListRequest, { uri });
  const chosen = pattern === undefined ? patternAtCursor(patterns, editor?.document.uri.toString() === uri ? editor.selection.active : undefined) : patterns.find((p) => p.name === pattern);
  if (chosen === undefined) {
    void vscode.window.showInformationMessage(`${fileName(uri)} holds no pattern to run${pattern ? ` named "${pattern}"` : ''}.`);
    return undefined;
  }
  pattern = chosen.name;
  const input = await pickInput(client, uri, pattern, patterns.length === 1);
  if (input === undefined) return undefined;
  const settings = simulationSettings(vscode.Uri.parse(uri));
  const title = runTitle(uri, pattern);
  let view: TraceView;
  if (input.kind === 'events') {
    const result = await client.sendRequest(RunPatternRequest, { uri, pattern, events: input.uri, key: settings.key, pollInterval: settings.pollInterval });
    if (result.trace === null) {
      void vscode.window.showErrorMessage(`The pattern could not run: ${result.error ?? 'no reason given'}.`);
      return undefined;
    }
    view = { title, uri, input: fileName(input.uri), mocks: result.mocks && fileName(result.mocks), trace: result.trace };
  } else {
    const run = await client.sendRequest(RunTestCaseRequest, { uri: input.testCase.uri, index: input.testCase.index, key: settings.key, pollInterval: settings.pollInterval });
    if (run.trace === undefined) {
      void vscode.window.showErrorMessage(`The test case could not run: ${run.failures.join('; ')}`);
      return undefined;
    }
    view = { title, uri: run.patternUri ?? uri, input: `the test case "${run.name}"`, trace: run.trace, verdict: { passed: run.passed, failures: run.failures } };
  }
  traces.show(view);
  lastRuns.record(view.uri, view.trace);
  return view;
}
