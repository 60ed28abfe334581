// The Testing view's pattern tests: one item per case of every `*.cxtest.json`, under an item per
// file, discovered through the server and kept current by a file watcher and unsaved edits; a
// run judges each case on the server, and a failure shows expected against actual and the trace.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RunTestCaseRequest, SimulationInputsRequest, TestCaseInfo, TestCaseRun } from '../../../server/src/protocol';
import { traceText } from '../../../server/src/service/simulation/traceText';
import { fileName, runTitle } from './runCommand';
import { lastRuns } from './lastRuns';
import { simulationSettings } from './settings';
import type { TracePanel } from './tracePanel';

/** Marks a failure message that has a trace to show (the Testing view's message menu). */
export const traceMessageContext = 'cxengage.caseWithTrace';

/** What the last run reported of a case, as VS Code was told. */
export interface CaseOutcome {
  passed: boolean;
  message?: string;
  expected?: string;
  actual?: string;
}

const editDelay = 400;

function toRange(r: TestCaseInfo['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export class PatternTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('cxengage.patternTests', 'CxEngage Pattern Tests');
  private readonly runs = new Map<string, TestCaseRun>();
  private readonly cases = new Map<string, TestCaseInfo>();
  readonly outcomes = new Map<string, CaseOutcome>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private discovered: Promise<void> | undefined;
  readonly runProfile: vscode.TestRunProfile;

  constructor(
    private readonly client: LanguageClient,
    private readonly traces: TracePanel,
  ) {
    this.controller.resolveHandler = async (item) => {
      if (item === undefined) await this.discover();
    };
    this.controller.refreshHandler = () => this.discover(true);
    this.runProfile = this.controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true);
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.cxtest.json');
    this.disposables.push(
      this.controller,
      watcher,
      watcher.onDidCreate((uri) => this.refreshFile(uri.toString())),
      watcher.onDidChange((uri) => this.refreshFile(uri.toString())),
      watcher.onDidDelete((uri) => this.forgetFile(uri.toString())),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.path.toLowerCase().endsWith('.cxtest.json')) this.scheduleRefresh(event.document.uri.toString());
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.discover(true)),
    );
  }

  /** Finds every case of the workspace (once, unless asked again). */
  discover(again = false): Promise<void> {
    if (this.discovered === undefined || again) {
      this.discovered = this.client.sendRequest(SimulationInputsRequest, {}).then((inputs) => {
        const byFile = new Map<string, TestCaseInfo[]>();
        for (const c of inputs.testCases) byFile.set(c.uri, [...(byFile.get(c.uri) ?? []), c]);
        const problems = new Map<string, string[]>();
        for (const p of inputs.problems) problems.set(p.uri, [...(problems.get(p.uri) ?? []), p.message]);
        const files = [...new Set([...byFile.keys(), ...problems.keys()])].sort();
        this.controller.items.replace(files.map((uri) => this.fileItem(uri, byFile.get(uri) ?? [], problems.get(uri) ?? [])));
      });
    }
    return this.discovered;
  }

  /** The items of every case, by id (`<file uri>#<index>`). */
  caseItems(): vscode.TestItem[] {
    const items: vscode.TestItem[] = [];
    this.controller.items.forEach((file) => file.children.forEach((c) => items.push(c)));
    return items;
  }

  private fileItem(uri: string, cases: readonly TestCaseInfo[], problems: readonly string[]): vscode.TestItem {
    const file = this.controller.createTestItem(uri, fileName(uri), vscode.Uri.parse(uri));
    file.description = vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
    file.error = problems.length > 0 ? problems.join('\n') : undefined;
    file.children.replace(
      cases.map((c) => {
        const id = `${uri}#${c.index}`;
        this.cases.set(id, c);
        const item = this.controller.createTestItem(id, c.name, vscode.Uri.parse(uri));
        item.range = toRange(c.range);
        item.description = c.patternName ?? fileName(c.patternUri);
        return item;
      }),
    );
    return file;
  }

  private scheduleRefresh(uri: string): void {
    const previous = this.timers.get(uri);
    if (previous !== undefined) clearTimeout(previous);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.refreshFile(uri);
      }, editDelay),
    );
  }

  private async refreshFile(uri: string): Promise<void> {
    const inputs = await this.client.sendRequest(SimulationInputsRequest, { testFile: uri });
    const problems = inputs.problems.map((p) => p.message);
    if (inputs.testCases.length === 0 && problems.length === 0) this.forgetFile(uri);
    else this.controller.items.add(this.fileItem(uri, inputs.testCases, problems));
  }

  private forgetFile(uri: string): void {
    this.controller.items.delete(uri);
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    await this.discover();
    const excluded = new Set((request.exclude ?? []).map((i) => i.id));
    const queue: vscode.TestItem[] = [];
    const add = (item: vscode.TestItem) => {
      if (excluded.has(item.id)) return;
      if (item.children.size === 0) queue.push(item);
      else item.children.forEach(add);
    };
    if (request.include) request.include.forEach(add);
    else this.controller.items.forEach(add);
    const run = this.controller.createTestRun(request);
    for (const item of queue) run.enqueued(item);
    for (const item of queue) {
      if (token.isCancellationRequested) run.skipped(item);
      else await this.runCase(run, item);
    }
    run.end();
  }

  private async runCase(run: vscode.TestRun, item: vscode.TestItem): Promise<void> {
    const info = this.cases.get(item.id);
    if (info === undefined) return run.skipped(item);
    run.started(item);
    const started = Date.now();
    const settings = simulationSettings(vscode.Uri.parse(info.uri));
    let result: TestCaseRun;
    try {
      result = await this.client.sendRequest(RunTestCaseRequest, { uri: info.uri, index: info.index, key: settings.key, pollInterval: settings.pollInterval });
    } catch (error) {
      const message = `The case could not run: ${error instanceof Error ? error.message : String(error)}`;
      this.outcomes.set(item.id, { passed: false, message });
      return run.errored(item, new vscode.TestMessage(message));
    }
    this.runs.set(item.id, result);
    if (result.trace && result.patternUri) lastRuns.record(result.patternUri, result.trace);
    const duration = Date.now() - started;
    if (result.trace) run.appendOutput(`${result.name}\r\n${traceText(result.trace).replace(/\r?\n/g, '\r\n')}\r\n\r\n`, undefined, item);
    if (result.passed) {
      this.outcomes.set(item.id, { passed: true });
      return run.passed(item, duration);
    }
    const text = result.failures.join('\n');
    const message = result.actual !== '' ? vscode.TestMessage.diff(text, result.expected, result.actual) : new vscode.TestMessage(text);
    message.location = new vscode.Location(vscode.Uri.parse(info.uri), toRange(info.range));
    if (result.trace) message.contextValue = traceMessageContext;
    this.outcomes.set(item.id, { passed: false, message: text, expected: result.expected, actual: result.actual });
    run.failed(item, message, duration);
  }

  /** Shows the trace of a case's last run (the Testing view's "Show Trace"). */
  showTrace(argument: unknown): void {
    const test = (argument as { test?: vscode.TestItem } | undefined)?.test ?? (argument as vscode.TestItem | undefined);
    const result = test?.id === undefined ? undefined : this.runs.get(test.id);
    const info = test?.id === undefined ? undefined : this.cases.get(test.id);
    if (result?.trace === undefined || info === undefined) {
      void vscode.window.showInformationMessage('Run the test case first: its trace shows after a run.');
      return;
    }
    this.traces.show({
      title: runTitle(result.patternUri ?? info.patternUri, info.patternName),
      uri: result.patternUri ?? info.patternUri,
      input: `the test case "${result.name}"`,
      trace: result.trace,
      verdict: { passed: result.passed, failures: result.failures },
    });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
