// The simulator's requests over stdio against a copy of the examples: the patterns of a file, the
// workspace's events, mocks and test cases, a run with the trace's ranges in the flow, open
// documents read before the disk, test cases judged, and bad requests answered, never thrown.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PatternListRequest, RunPatternRequest, RunTestCaseRequest, SimulationInputsRequest } from '../../server/src/protocol';
import { TestClient, fileUri, repoRoot } from '../support/lspClient';
import { compactRange } from '../support/documents';
import { abandonedCallsInteractions, interactionsOf } from '../support/simulation';

describe('the simulator over LSP', () => {
  let workspace: string;
  let client: TestClient;
  const uri = (relative: string) => fileUri(path.join(workspace, relative));
  const names = (uris: string[]) => uris.map((u) => u.slice(fileUri(workspace).length + 1));

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-sim-'));
    fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    client = await TestClient.start({ rootPath: workspace });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('lists the runnable patterns of a flow file and of a pattern file, where each starts', async () => {
    const flow = await client.connection.sendRequest(PatternListRequest, { uri: uri('flows/abandoned-calls.cxflow') });
    assert.deepEqual(flow.map((p) => [p.name, p.dialect, compactRange(p.range)]), [['', '4.1', [3, 0, 3, 0]]]);
    const payload = await client.connection.sendRequest(PatternListRequest, { uri: uri('flows/escalations.cxflow') });
    assert.deepEqual(payload.map((p) => p.name), ['Escalate platinum', 'Call back and confirm']);
    assert.deepEqual(await client.connection.sendRequest(PatternListRequest, { uri: uri('definitions/slack.integration.json') }), []);
  });

  it('lists the events files, mocks files and test cases of the workspace', async () => {
    const inputs = await client.connection.sendRequest(SimulationInputsRequest, {});
    assert.deepEqual(names(inputs.events), ['tests/abandoned-calls.events.json', 'tests/service-reminders.events.jsonl']);
    assert.deepEqual(names(inputs.mocks), ['tests/abandoned-calls.mocks.json']);
    assert.deepEqual(inputs.problems, []);
    assert.deepEqual(
      inputs.testCases.map((c) => [names([c.uri])[0], c.index, names([c.patternUri])[0], c.patternName ?? null, compactRange(c.range)[0]]),
      [
        ['tests/abandoned-calls.cxtest.json', 0, 'flows/abandoned-calls.cxflow', null, 0],
        ['tests/escalations.cxtest.json', 0, 'flows/escalations.cxflow', 'Escalate platinum', 1],
        ['tests/escalations.cxtest.json', 1, 'flows/escalations.cxflow', 'Call back and confirm', 16],
        ['tests/service-reminders.cxtest.json', 0, 'flows/service-reminders.pattern.json', 'Service reminder', 0],
        ['tests/vip.cxtest.json', 0, 'flows/vip.pattern.json', 'VIP callback', 0],
      ],
    );
    const one = await client.connection.sendRequest(SimulationInputsRequest, { testFile: uri('tests/escalations.cxtest.json') });
    assert.deepEqual([one.events, one.testCases.length], [[], 2]);
  });

  it('runs a pattern against an events file with the mocks beside it, the trace placed in the flow', async () => {
    const result = await client.connection.sendRequest(RunPatternRequest, { uri: uri('flows/abandoned-calls.cxflow'), pattern: '', events: uri('tests/abandoned-calls.events.json') });
    assert.equal(result.error, undefined);
    assert.equal(result.mocks, uri('tests/abandoned-calls.mocks.json'));
    const trace = result.trace;
    assert.ok(trace);
    assert.deepEqual([trace.outcome, trace.matches, trace.groups.map((g) => g.key)], ['matched', 1, ['cust-7', 'cust-9']]);
    assert.deepEqual(interactionsOf(trace), abandonedCallsInteractions);
    const interactions = trace.groups[0].steps.filter((s) => s.kind === 'interaction');
    // The template +TM1 was rendered with the event's fields.
    assert.equal(interactions[1].interaction?.params.message, 'Sorry we missed you, Ada. We will call you back at +15065550101.');
    assert.deepEqual(trace.groups[0].events.map((e) => e.usedBy?.range && compactRange(e.usedBy.range)), [[3, 25, 3, 59], [3, 25, 3, 59], undefined]);
  });

  it('reads open documents before the disk: an unsaved events file and an unsaved flow count', async () => {
    const eventsUri = uri('tests/abandoned-calls.events.json');
    await client.open(eventsUri, 'json', '[{"id": "x", "CallAction": "abandoned"}]');
    const flowUri = uri('flows/abandoned-calls.cxflow');
    await client.open(flowUri, 'cxflow', ';; When\n(event (= CallAction "abandoned"))\n;; Then\n(send slack post {:channel "#a" :text "hi"})\n');
    const result = await client.connection.sendRequest(RunPatternRequest, { uri: flowUri, events: eventsUri, mocks: uri('tests/abandoned-calls.mocks.json') });
    assert.deepEqual([result.trace?.matches, result.trace?.groups.map((g) => g.key)], [1, ['x']]);
    assert.deepEqual(result.trace?.groups[0].interactions.map((i) => [i.integration, i.message, i.params]), [['slack', 'post', { channel: '#a', text: 'hi' }]]);
    await client.close(eventsUri);
    await client.close(flowUri);
  });

  it('uses the key and poll interval the client passes', async () => {
    const result = await client.connection.sendRequest(RunPatternRequest, { uri: uri('flows/abandoned-calls.cxflow'), events: uri('tests/abandoned-calls.events.json'), key: 'CallAction' });
    assert.deepEqual(result.trace?.groups.map((g) => g.key), ['abandoned', 'answered']);
  });

  it('runs test cases: a passing one, and the failing-on-purpose one with expected against actual', async () => {
    const pass = await client.connection.sendRequest(RunTestCaseRequest, { uri: uri('tests/abandoned-calls.cxtest.json'), index: 0 });
    assert.deepEqual([pass.passed, pass.failures, pass.patternUri], [true, [], uri('flows/abandoned-calls.cxflow')]);
    const second = await client.connection.sendRequest(RunTestCaseRequest, { uri: uri('tests/escalations.cxtest.json'), index: 1 });
    assert.deepEqual([second.name, second.passed], ['A requested call-back is polled until Twilio reports it completed', true]);
    const fail = await client.connection.sendRequest(RunTestCaseRequest, { uri: uri('tests/vip.cxtest.json'), index: 0 });
    assert.equal(fail.passed, false);
    assert.deepEqual(fail.failures, ['expected the interaction zendesk ticket {"requester-email":"vip@example.com","priority":"high"}; it did not happen']);
    assert.match(fail.expected, /"priority": "high"/);
    assert.match(fail.actual, /"priority": "urgent"/);
    assert.equal(fail.trace?.matches, 1);
  });

  it('answers bad requests with a reason and files outside the folders with a refusal', async () => {
    const missing = await client.connection.sendRequest(RunPatternRequest, { uri: uri('flows/abandoned-calls.cxflow') } as never);
    assert.deepEqual([missing.trace, missing.error], [null, 'the request did not name a flow file and an events file']);
    const outside = await client.connection.sendRequest(RunPatternRequest, { uri: uri('flows/abandoned-calls.cxflow'), events: fileUri('/etc/hostname.events.json') });
    assert.match(outside.error ?? '', /outside the workspace folders/);
    const noName = await client.connection.sendRequest(RunPatternRequest, { uri: uri('flows/escalations.cxflow'), pattern: 'Nope', events: uri('tests/abandoned-calls.events.json') });
    assert.equal(noName.error, 'the file has no pattern named "Nope" (it has "Escalate platinum", "Call back and confirm")');
    const noCase = await client.connection.sendRequest(RunTestCaseRequest, { uri: uri('tests/vip.cxtest.json'), index: 3 });
    assert.deepEqual([noCase.passed, noCase.failures], [false, ['the file has no case 4']]);
    const badIndex = await client.connection.sendRequest(RunTestCaseRequest, { uri: uri('tests/vip.cxtest.json'), index: -1 });
    assert.deepEqual(badIndex.failures, ['the request did not name a test file and a case index']);
    const broken = path.join(workspace, 'tests', 'broken.cxtest.json');
    fs.writeFileSync(broken, '{"pattern": 3}');
    const inputs = await client.connection.sendRequest(SimulationInputsRequest, { testFile: fileUri(broken) });
    assert.deepEqual(inputs.problems.map((p) => p.message), ['"pattern" must name the pattern file ("<path>" or "<path>#<name>")']);
    fs.rmSync(broken);
  });
});
