// The simulator inside a real VS Code, on a copy of the shipped examples: the Run lens runs the
// example's pattern through the quick pick and opens the trace panel; the Testing view discovers
// the examples' cases, follows new and deleted test files, and reports the case that fails on
// purpose as failed with expected against actual.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CxEngageApi } from '../../../client/src/extension';
import type { TraceView } from '../../../client/src/simulation/traceMessages';
import { waitFor, waitForPreview } from './waits';
import { fileUri, revert, showDocument } from './workspace';

const extensionId = 'cxengage.cxengage-language-tools';
const firstAnswerMs = 45_000;
const folder = 'cxengage-run-examples';

function api(): CxEngageApi {
  const extension = vscode.extensions.getExtension<CxEngageApi>(extensionId);
  assert.ok(extension?.isActive, `extension ${extensionId} is not active`);
  return extension.exports;
}

/** The case items of the copied examples, as `file name: case name`. */
async function caseLabels(): Promise<string[]> {
  const items = await api().simulation.testItems();
  return items
    .filter((i) => i.uri?.path.includes(`/${folder}/`))
    .map((i) => `${i.uri?.path.split('/').pop()}: ${i.label}`)
    .sort();
}

describe('running patterns in VS Code', function () {
  this.timeout(120_000);

  before(async function () {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await extension.activate();
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(extension.extensionUri, 'examples'), fileUri(folder), { overwrite: true });
  });

  afterEach(async function () {
    for (const doc of vscode.workspace.textDocuments) await revert(doc);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async function () {
    await vscode.workspace.fs.delete(fileUri(folder), { recursive: true });
  });

  it('runs the example\'s pattern from its Run lens against the events picked, and opens the trace panel with its steps', async function () {
    const editor = await showDocument(`${folder}/flows/abandoned-calls.cxflow`);
    const lens = await waitFor(
      'a Run lens on the example flow',
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
        return found?.find((l) => l.command?.command === 'cxengage.runPattern');
      },
      { timeoutMs: firstAnswerMs },
    );
    assert.equal(lens.command?.title, '$(play) Run');
    assert.equal(lens.range.start.line, 3, 'above the when side, the pattern\'s first form');
    assert.deepEqual(lens.command?.arguments, [editor.document.uri.toString(), '']);

    // The command asks with a quick pick; the events file named like the flow comes first.
    let done: TraceView | undefined | null = null;
    // eslint-disable-next-line no-restricted-syntax -- a command's own few arguments, as the editor passes them
    const running = vscode.commands.executeCommand<TraceView | undefined>(lens.command!.command, ...(lens.command!.arguments ?? [])).then((view) => (done = view));
    await waitFor('the run to end after the first item of the quick pick is accepted', async () => {
      if (done !== null) return true;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return undefined;
    });
    const view = await running;
    assert.ok(view, 'the run showed a trace');
    assert.deepEqual([view.input, view.mocks, view.trace.outcome, view.trace.matches], ['abandoned-calls.events.json', 'abandoned-calls.mocks.json', 'matched', 1]);
    await waitForPreview('Trace: abandoned-calls.cxflow');
    const shown = api().simulation.shownTrace();
    assert.deepEqual(shown?.trace.groups.map((g) => g.key), ['cust-7', 'cust-9']);
    const steps = shown?.trace.groups[0].steps ?? [];
    assert.deepEqual(
      steps.filter((s) => s.kind === 'interaction').map((s) => `${s.interaction?.integration} ${s.interaction?.message} ${s.interaction?.outcome}`),
      ['twilio sms fail', 'twilio sms ok', 'zendesk ticket ok', 'slack post ok'],
    );
    assert.deepEqual(steps.slice(0, 3).map((s) => s.kind), ['event', 'event', 'match']);
  });

  it('discovers the examples\' cases in the Testing view and follows test files created and deleted', async function () {
    const expected = [
      'abandoned-calls.cxtest.json: Two abandoned calls within an hour: a text (retried once) and a ticket',
      'escalations.cxtest.json: A platinum customer\'s failed check-in opens a Salesforce task',
      'escalations.cxtest.json: A requested call-back is polled until Twilio reports it completed',
      'service-reminders.cxtest.json: Four car services within 30 days costing 5,250: the dealer gets a mail, the manager a text',
      'vip.cxtest.json: A VIP call-back request opens a high-priority ticket (fails on purpose: the pattern says urgent)',
    ];
    await waitFor('the examples\' test cases', async () => ((await caseLabels()).length === expected.length ? true : undefined), {
      timeoutMs: firstAnswerMs,
      describeLast: () => 'fewer cases',
    });
    assert.deepEqual(await caseLabels(), expected);

    const extra = fileUri(`${folder}/tests/extra.cxtest.json`);
    const extraCase = { name: 'An extra case', pattern: '../flows/vip.pattern.json', events: [], expect: { matches: 0 } };
    await vscode.workspace.fs.writeFile(extra, new TextEncoder().encode(JSON.stringify(extraCase)));
    await waitFor('the new test file\'s case', async () => ((await caseLabels()).includes('extra.cxtest.json: An extra case') ? true : undefined));
    await vscode.workspace.fs.delete(extra);
    await waitFor('the deleted test file\'s case to go', async () => ((await caseLabels()).length === expected.length ? true : undefined));
  });

  it('runs the cases and reports the one that fails on purpose as failed, with expected against actual', async function () {
    const items = (await api().simulation.testItems()).filter((i) => i.uri?.path.includes(`/${folder}/`));
    assert.equal(items.length, 5);
    // Through the run profile VS Code calls: its own Run All first asks to trust a Restricted Mode folder.
    const source = new vscode.CancellationTokenSource();
    await api().simulation.runProfile.runHandler(new vscode.TestRunRequest(items), source.token);
    const outcomes = items.map((i) => [i.label, api().simulation.outcome(i.id)] as const);
    assert.ok(outcomes.every(([, o]) => o !== undefined), 'every case of the examples ran');
    const failed = outcomes.filter(([, o]) => !o?.passed);
    assert.deepEqual(failed.map(([label]) => label), ['A VIP call-back request opens a high-priority ticket (fails on purpose: the pattern says urgent)']);
    const vip = failed[0][1];
    assert.equal(vip?.message, 'expected the interaction zendesk ticket {"requester-email":"vip@example.com","priority":"high"}; it did not happen');
    assert.match(vip?.expected ?? '', /"priority": "high"/);
    assert.match(vip?.actual ?? '', /"priority": "urgent"/);
  });
});
