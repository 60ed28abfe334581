// The simulator's requests as the language service answers them, over a copy of the examples on
// disk: the patterns of a file, the workspace's inputs, runs with mocks found beside the events or
// named, open documents read first, test cases judged, and every refusal with its exact reason.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DiskFileAccess } from '../../server/src/node/diskFileAccess';
import { LanguageService } from '../../server/src/service/languageService';
import { SimulationRequests } from '../../server/src/service/runs/simulationRequests';
import { defaultSettings, normaliseSettings, Settings } from '../../server/src/service/settings';
import { compactRange } from '../support/documents';
import { repoRoot } from '../support/lspClient';
import { builtinDefinitions } from '../support/service';
import { abandonedCallsInteractions, interactionsOf } from '../support/simulation';

describe('the simulator requests of the language service', () => {
  let workspace: string;
  let service: LanguageService;
  let runs: SimulationRequests;
  let settings: Settings = defaultSettings;
  const uri = (relative: string) => URI.file(path.join(workspace, relative)).toString();
  const names = (uris: string[]) => uris.map((u) => u.slice(URI.file(workspace).toString().length + 1));

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-sim-requests-'));
    fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    service = new LanguageService({ files: new DiskFileAccess(), settingsFor: () => settings, builtins: builtinDefinitions });
    service.setFolders([URI.file(workspace).toString()]);
    await service.scanWorkspace();
    runs = new SimulationRequests(service);
  });
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('lists the runnable patterns of flow and pattern files, and none of other files', async () => {
    assert.deepEqual(
      (await runs.patterns(uri('flows/abandoned-calls.cxflow'))).map((p) => [p.name, p.dialect, compactRange(p.range)]),
      [['', '4.1', [3, 0, 3, 0]]],
    );
    assert.deepEqual((await runs.patterns(uri('flows/escalations.cxflow'))).map((p) => [p.name, p.dialect]), [
      ['Escalate platinum', '4.1'],
      ['Call back and confirm', '4.1'],
    ]);
    assert.deepEqual((await runs.patterns(uri('flows/vip.pattern.json'))).map((p) => p.name), ['VIP callback', 'VIP survey (has a deliberate mistake)']);
    assert.deepEqual(await runs.patterns(uri('definitions/slack.integration.json')), []);
    assert.deepEqual(await runs.patterns(uri('flows/none.cxflow')), []);
  });

  it('lists the events files, mocks files and test cases of the workspace, or of one test file', async () => {
    const inputs = await runs.inputs();
    assert.deepEqual(names(inputs.events), ['tests/abandoned-calls.events.json', 'tests/service-reminders.events.jsonl']);
    assert.deepEqual(names(inputs.mocks), ['tests/abandoned-calls.mocks.json']);
    assert.deepEqual(inputs.problems, []);
    assert.deepEqual(
      inputs.testCases.map((c) => [names([c.uri])[0], c.index, c.name, names([c.patternUri])[0], c.patternName ?? null, compactRange(c.range)]),
      [
        ['tests/abandoned-calls.cxtest.json', 0, 'Two abandoned calls within an hour: a text (retried once) and a ticket', 'flows/abandoned-calls.cxflow', null, [0, 0, 16, 1]],
        ['tests/escalations.cxtest.json', 0, "A platinum customer's failed check-in opens a Salesforce task", 'flows/escalations.cxflow', 'Escalate platinum', [1, 2, 15, 3]],
        ['tests/escalations.cxtest.json', 1, 'A requested call-back is polled until Twilio reports it completed', 'flows/escalations.cxflow', 'Call back and confirm', [16, 2, 32, 3]],
        ['tests/service-reminders.cxtest.json', 0, 'Four car services within 30 days costing 5,250: the dealer gets a mail, the manager a text', 'flows/service-reminders.pattern.json', 'Service reminder', [0, 0, 15, 1]],
        ['tests/vip.cxtest.json', 0, 'A VIP call-back request opens a high-priority ticket (fails on purpose: the pattern says urgent)', 'flows/vip.pattern.json', 'VIP callback', [0, 0, 13, 1]],
      ],
    );
    const one = await runs.inputs(uri('tests/escalations.cxtest.json'));
    assert.deepEqual([one.events, one.mocks, one.testCases.map((c) => c.index)], [[], [], [0, 1]]);
  });

  it('runs a pattern with the mocks beside its events, templates rendered, the trace placed in the flow', async () => {
    const result = await runs.runPattern({ uri: uri('flows/abandoned-calls.cxflow'), pattern: '', events: uri('tests/abandoned-calls.events.json') });
    assert.deepEqual([result.error, result.uri, result.events, result.mocks], [undefined, uri('flows/abandoned-calls.cxflow'), uri('tests/abandoned-calls.events.json'), uri('tests/abandoned-calls.mocks.json')]);
    const trace = result.trace;
    assert.ok(trace);
    assert.deepEqual([trace.outcome, trace.matches, trace.groups.map((g) => g.key), trace.problems], ['matched', 1, ['cust-7', 'cust-9'], []]);
    assert.deepEqual(interactionsOf(trace), abandonedCallsInteractions);
    assert.equal(trace.groups[0].interactions[1].params.message, 'Sorry we missed you, Ada. We will call you back at +15065550101.');
  });

  it('reads open documents before the disk, and takes the key and the poll interval given', async () => {
    const eventsUri = uri('tests/abandoned-calls.events.json');
    const flowUri = uri('flows/abandoned-calls.cxflow');
    service.documentChanged(TextDocument.create(eventsUri, 'json', 1, '[{"id": "x", "CallAction": "abandoned"}]'));
    service.documentChanged(TextDocument.create(flowUri, 'cxflow', 1, ';; When\n(event (= CallAction "abandoned"))\n;; Then\n(send slack post {:channel "#a" :text "hi"})\n'));
    const result = await runs.runPattern({ uri: flowUri, events: eventsUri, mocks: uri('tests/abandoned-calls.mocks.json') });
    assert.deepEqual([result.trace?.matches, result.trace?.groups.map((g) => g.key)], [1, ['x']]);
    assert.deepEqual(result.trace?.groups[0].interactions.map((i) => [i.integration, i.message, i.params]), [['slack', 'post', { channel: '#a', text: 'hi' }]]);
    await service.documentClosed(eventsUri);
    await service.documentClosed(flowUri);

    const byAction = await runs.runPattern({ uri: flowUri, events: eventsUri, key: 'CallAction' });
    assert.deepEqual(byAction.trace?.groups.map((g) => g.key), ['abandoned', 'answered']);
  });

  it('polls at the interval given in seconds, and at the default for anything else', async () => {
    const polls = async (pollInterval: number | undefined) => {
      const result = await runs.runTestCase({ uri: uri('tests/escalations.cxtest.json'), index: 1, pollInterval });
      const steps = result.trace?.groups[0].steps ?? [];
      return steps.filter((s) => s.kind === 'interaction').map((s) => s.at - steps[0].at);
    };
    // The call-back request, then its status polled until it completes: every 10 s by default.
    assert.deepEqual(await polls(undefined), [0, 10_000, 20_000, 20_000]);
    for (const ignored of [0, -5, Infinity]) assert.deepEqual(await polls(ignored), [0, 10_000, 20_000, 20_000], String(ignored));
    assert.deepEqual(await polls(120), [0, 120_000, 240_000, 240_000]);
  });

  it('judges test cases: a passing one and the failing-on-purpose one, expected against actual', async () => {
    const pass = await runs.runTestCase({ uri: uri('tests/abandoned-calls.cxtest.json'), index: 0 });
    assert.deepEqual([pass.passed, pass.failures, pass.patternUri, pass.index, pass.uri], [true, [], uri('flows/abandoned-calls.cxflow'), 0, uri('tests/abandoned-calls.cxtest.json')]);
    const fail = await runs.runTestCase({ uri: uri('tests/vip.cxtest.json'), index: 0 });
    assert.equal(fail.passed, false);
    assert.deepEqual(fail.failures, ['expected the interaction zendesk ticket {"requester-email":"vip@example.com","priority":"high"}; it did not happen']);
    assert.equal(fail.trace?.matches, 1);
    assert.equal(fail.patternUri, uri('flows/vip.pattern.json'));
  });

  it('refuses what it cannot run, saying why', async () => {
    const flow = uri('flows/abandoned-calls.cxflow');
    const events = uri('tests/abandoned-calls.events.json');
    const outside = await runs.runPattern({ uri: flow, events: URI.file('/etc/hostname.events.json').toString() });
    assert.deepEqual([outside.trace, outside.error], [null, 'cannot read hostname.events.json: it is outside the workspace folders']);
    const noName = await runs.runPattern({ uri: uri('flows/escalations.cxflow'), pattern: 'Nope', events });
    assert.equal(noName.error, 'the file has no pattern named "Nope" (it has "Escalate platinum", "Call back and confirm")');
    const notFlow = await runs.runPattern({ uri: uri('definitions/slack.integration.json'), events });
    assert.equal(notFlow.error, `${uri('definitions/slack.integration.json')} is not a flow (*.cxflow) or pattern (*.pattern.json) file`);
    const missing = await runs.runPattern({ uri: uri('flows/missing.cxflow'), events });
    assert.equal(missing.error, `cannot read ${uri('flows/missing.cxflow')}`);
    // A payload file holding an empty list of patterns.
    const empty = uri('flows/empty.pattern.json');
    service.documentChanged(TextDocument.create(empty, 'cxengage-pattern', 1, '[]'));
    assert.deepEqual((await runs.runPattern({ uri: empty, events })).error, 'the file holds no pattern');
    assert.deepEqual((await runs.runPattern({ uri: empty, pattern: 'x', events })).error, 'the file has no pattern named "x" (it has none)');
    await service.documentClosed(empty);

    const noCase = await runs.runTestCase({ uri: uri('tests/vip.cxtest.json'), index: 3 });
    assert.deepEqual([noCase.name, noCase.passed, noCase.failures, noCase.expected, noCase.actual], ['#4', false, ['the file has no case 4'], '', '']);
  });

  it('reports broken mocks and test files as problems, not failures of the run', async () => {
    const broken = uri('tests/broken.cxtest.json');
    service.documentChanged(TextDocument.create(broken, 'json', 1, '{"pattern": 3}'));
    const inputs = await runs.inputs(broken);
    assert.deepEqual(inputs.problems, [{ uri: broken, message: '"pattern" must name the pattern file ("<path>" or "<path>#<name>")' }]);
    const run = await runs.runTestCase({ uri: broken, index: 0 });
    assert.deepEqual(run.failures, ['"pattern" must name the pattern file ("<path>" or "<path>#<name>")']);
    await service.documentClosed(broken);

    const mocks = uri('tests/bad.mocks.json');
    service.documentChanged(TextDocument.create(mocks, 'json', 1, '{"slack post": '));
    const result = await runs.runPattern({ uri: uri('flows/abandoned-calls.cxflow'), events: uri('tests/abandoned-calls.events.json'), mocks });
    assert.deepEqual(result.trace?.problems.map((p) => [p.source, p.message]), [['mocks', "bad.mocks.json: not JSON (Unexpected end of JSON input)"]]);
    await service.documentClosed(mocks);
  });

  it('reads a flow in the dialect the settings choose', async () => {
    settings = normaliseSettings({ flow: { dialect: '4.2' } });
    try {
      assert.deepEqual((await runs.patterns(uri('flows/abandoned-calls.cxflow'))).map((p) => p.dialect), ['4.2']);
    } finally {
      settings = defaultSettings;
    }
  });
});
