// The simulator's requests to the browser build of the server in a Worker of headless Chromium:
// the examples served as a `vscode-vfs://` workspace through the server's file requests, so the
// events, mocks, templates and test cases reach it only through the editor, as in github.dev.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PatternListRequest, RunPatternRequest, RunTestCaseRequest, SimulationInputsRequest } from '../../server/src/protocol';
import { compactRange } from '../support/documents';
import { repoRoot } from '../support/lspClient';
import { abandonedCallsInteractions, interactionsOf } from '../support/simulation';
import { VirtualWorkspace, WorkerSession, startWorkerHost, stopWorkerHost } from '../support/workerHost';

const folder = 'vscode-vfs://github/cxengage/examples';
const uri = (relative: string) => `${folder}/${relative}`;

/** The repository's examples, every file under its `vscode-vfs` uri. */
function examplesWorkspace(): VirtualWorkspace {
  const workspace = new VirtualWorkspace();
  const examples = path.join(repoRoot, 'examples');
  for (const entry of fs.readdirSync(examples, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    workspace.files.set(uri(path.relative(examples, file).split(path.sep).join('/')), fs.readFileSync(file, 'utf8'));
  }
  return workspace;
}

describe('the simulator in a web worker', () => {
  let session: WorkerSession;

  before(async () => {
    await startWorkerHost();
    session = await WorkerSession.start(examplesWorkspace(), { folders: [folder] });
  });
  after(async () => {
    await session.stop();
    await stopWorkerHost();
  });

  it('lists the runnable patterns of a flow file and of a pattern file read through the editor', async () => {
    const flow = await session.connection.sendRequest(PatternListRequest, { uri: uri('flows/abandoned-calls.cxflow') });
    assert.deepEqual(flow.map((p) => [p.name, p.dialect, compactRange(p.range)]), [['', '4.1', [3, 0, 3, 0]]]);
    const payload = await session.connection.sendRequest(PatternListRequest, { uri: uri('flows/escalations.cxflow') });
    assert.deepEqual(payload.map((p) => p.name), ['Escalate platinum', 'Call back and confirm']);
  });

  it('finds the events files, mocks files and test cases through the editor', async () => {
    const inputs = await session.connection.sendRequest(SimulationInputsRequest, {});
    assert.deepEqual(inputs.events, [uri('tests/abandoned-calls.events.json'), uri('tests/service-reminders.events.jsonl')]);
    assert.deepEqual(inputs.mocks, [uri('tests/abandoned-calls.mocks.json')]);
    assert.deepEqual(inputs.problems, []);
    assert.deepEqual(
      inputs.testCases.map((c) => [c.uri, c.index, c.patternUri, c.patternName ?? null]),
      [
        [uri('tests/abandoned-calls.cxtest.json'), 0, uri('flows/abandoned-calls.cxflow'), null],
        [uri('tests/escalations.cxtest.json'), 0, uri('flows/escalations.cxflow'), 'Escalate platinum'],
        [uri('tests/escalations.cxtest.json'), 1, uri('flows/escalations.cxflow'), 'Call back and confirm'],
        [uri('tests/service-reminders.cxtest.json'), 0, uri('flows/service-reminders.pattern.json'), 'Service reminder'],
        [uri('tests/vip.cxtest.json'), 0, uri('flows/vip.pattern.json'), 'VIP callback'],
      ],
    );
  });

  it('runs a pattern against an events file with the mocks beside it: the exact trace', async () => {
    const result = await session.connection.sendRequest(RunPatternRequest, { uri: uri('flows/abandoned-calls.cxflow'), pattern: '', events: uri('tests/abandoned-calls.events.json') });
    assert.deepEqual([result.error, result.mocks], [undefined, uri('tests/abandoned-calls.mocks.json')]);
    const trace = result.trace;
    assert.ok(trace);
    assert.deepEqual([trace.outcome, trace.matches], ['matched', 1]);
    // cust-7 abandoned twice within the hour (then waits afresh); cust-9 once, so it waits for a second.
    assert.deepEqual(
      trace.groups.map((g) => [g.key, g.outcome.kind, g.outcome.kind === 'stopped' ? undefined : g.outcome.waiting?.what]),
      [
        ['cust-7', 'matched', 'an event where (= CallAction "abandoned") (0 of 2 so far), within 1 hours'],
        ['cust-9', 'not-matched', 'an event where (= CallAction "abandoned") (1 of 2 so far), within 1 hours'],
      ],
    );
    assert.deepEqual(interactionsOf(trace), abandonedCallsInteractions);
    const interactions = trace.groups[0].steps.filter((s) => s.kind === 'interaction');
    // The template +TM1, a workspace file the worker read through the editor, was rendered with the event's fields.
    assert.equal(interactions[1].interaction?.params.message, 'Sorry we missed you, Ada. We will call you back at +15065550101.');
    assert.deepEqual(session.errors, []);
  });

  it('judges test cases: a passing one, and the failing-on-purpose one with expected against actual', async () => {
    const pass = await session.connection.sendRequest(RunTestCaseRequest, { uri: uri('tests/abandoned-calls.cxtest.json'), index: 0 });
    assert.deepEqual([pass.passed, pass.failures, pass.patternUri], [true, [], uri('flows/abandoned-calls.cxflow')]);
    const fail = await session.connection.sendRequest(RunTestCaseRequest, { uri: uri('tests/vip.cxtest.json'), index: 0 });
    assert.deepEqual([fail.passed, fail.failures], [false, ['expected the interaction zendesk ticket {"requester-email":"vip@example.com","priority":"high"}; it did not happen']]);
    assert.match(fail.expected, /"priority": "high"/);
    assert.match(fail.actual, /"priority": "urgent"/);
    assert.equal(fail.trace?.matches, 1);
  });
});
