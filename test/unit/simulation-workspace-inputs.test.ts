// The simulator's requests over a small workspace of their own: which files are inputs (sorted),
// where each test case sits, mocks found beside events files (open or on disk), templates and
// files the workspace cannot give, each with its exact reason.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DiskFileAccess } from '../../server/src/node/diskFileAccess';
import { LanguageService } from '../../server/src/service/languageService';
import { SimulationRequests } from '../../server/src/service/runs/simulationRequests';
import { defaultSettings, normaliseSettings } from '../../server/src/service/settings';
import { compactRange } from '../support/documents';
import { builtinDefinitions } from '../support/service';
import { jsonErrorOf } from '../support/simulation';
import { suiteFolders } from '../support/suiteFolders';

const flow = ';; When\n(event (= t "go"))\n;; Then\n(send echo message {:message "hi"})\n';
const big = `;; ${'x'.repeat(300)}\n${flow}`;
const events = '[{"id": "k", "t": "go"}]';

const files: Record<string, string> = {
  'flows/p.cxflow': flow,
  'flows/big.cxflow': big,
  'z.events.json': events,
  'a/x.events.json': events,
  'tests/a.events.json': events,
  'tests/a.mocks.json': '{"echo message": {"fail": "down"}}',
  'tests/b.events.JSONL': '{"id": "k", "t": "go"}\n',
  'tests/c.events.json.txt': events,
  'tests/c.mocks.json': '{"echo message": {"fail": "beside"}}',
  'tests/big.mocks.json': `{"echo message": {"fail": "${'x'.repeat(300)}"}}`,
  'z.mocks.json': '{}',
  'a/y.mocks.json': '{}',
  'tests/cases.cxtest.json': JSON.stringify([
    { name: '', pattern: '../flows/p.cxflow', events: 'a.events.json', mocks: 'a.mocks.json', expect: { matches: 1 } },
    5,
    { name: 7, pattern: '#A', events: [], expect: {} },
    { name: 'hash', pattern: '../flows/p.cxflow#', events: 'gone.events.json', expect: { matches: 0 } },
  ]),
  'tests/bad.cxtest.json': '[1, 2]',
  'tests/big.cxtest.json': `{"name": "${'x'.repeat(300)}"}`,
  'tests/scalar.cxtest.json': '5',
  'tests/empty.cxtest.json': '',
  'flows/tm.cxflow': ';; When\n(event (= t "go"))\n;; Then\n(send echo message {:message +TM9})\n',
  'templates/t1.template.json': '{"id": "TM1", "template": "Hi"}',
  'templates/bad.template.json': '{"id": ""}',
  'templates/big.template.json': `{"id": "TM2", "template": "${'x'.repeat(300)}"}`,
};

const bytes = (file: string) => Buffer.byteLength(files[file]);

describe('the simulator requests over a workspace of their own', () => {
  const folders = suiteFolders('cxengage-sim-inputs-');
  let workspace: string;
  let service: LanguageService;
  let runs: SimulationRequests;
  const uri = (relative: string) => URI.file(path.join(workspace, relative)).toString();
  const names = (uris: string[]) => uris.map((u) => u.slice(URI.file(workspace).toString().length + 1));
  // Files named "big" are over a max file size of 200 bytes.
  const small = normaliseSettings({ maxFileSize: 200 });
  const templateProblems = [
    'templates: bad.template.json: a template is {"id": "TM1", "name": ..., "description": ..., "template": "<mustache text>"}',
    `templates: big.template.json is larger than cxengage.maxFileSize (${bytes('templates/big.template.json')} bytes): not read`,
  ];

  before(async () => {
    workspace = folders.make(files);
    service = new LanguageService({ files: new DiskFileAccess(), settingsFor: (u) => (u.includes('big') ? small : defaultSettings), builtins: builtinDefinitions });
    service.setFolders([URI.file(workspace).toString()]);
    await service.scanWorkspace();
    runs = new SimulationRequests(service);
  });
  after(() => folders.remove());

  it('lists inputs sorted by uri; each case with its name, range and pattern; unreadable test files as problems', async () => {
    const inputs = await runs.inputs();
    assert.deepEqual(names(inputs.events), ['a/x.events.json', 'tests/a.events.json', 'z.events.json']);
    assert.deepEqual(names(inputs.mocks), ['a/y.mocks.json', 'tests/a.mocks.json', 'tests/big.mocks.json', 'tests/c.mocks.json', 'z.mocks.json']);
    assert.deepEqual(
      inputs.testCases.map((c) => [c.index, c.name, names([c.patternUri])[0], c.patternName ?? null, compactRange(c.range)]),
      [
        [0, '#1', 'flows/p.cxflow', null, [0, 1, 0, 113]],
        [1, '#2', 'tests', 'A', [0, 116, 0, 165]],
        [2, 'hash', 'flows/p.cxflow', '', [0, 166, 0, 263]],
      ],
    );
    assert.deepEqual(
      inputs.problems.map((p) => [names([p.uri])[0], p.message]),
      [
        ['tests/bad.cxtest.json', 'case 1: a test case is an object'],
        ['tests/bad.cxtest.json', 'case 2: a test case is an object'],
        ['tests/big.cxtest.json', `big.cxtest.json is larger than cxengage.maxFileSize (${bytes('tests/big.cxtest.json')} bytes): not read`],
        ['tests/cases.cxtest.json', 'case 2: a test case is an object'],
        ['tests/empty.cxtest.json', `not JSON: ${jsonErrorOf('')}`],
        ['tests/scalar.cxtest.json', 'a test case is an object'],
      ],
    );
  });

  it('a test file whose root is no object or array places its cases at its start', async () => {
    const scalar = uri('tests/one.cxtest.json');
    service.documentChanged(TextDocument.create(scalar, 'json', 1, '{"pattern": "p", "events": [], "expect": {}}'));
    const one = await runs.inputs(scalar);
    assert.deepEqual(one.testCases.map((c) => compactRange(c.range)), [[0, 0, 0, 44]]);
    await service.documentClosed(scalar);
  });

  it('runs with the mocks beside the events: an open one first, else one on disk, else none', async () => {
    const p = uri('flows/p.cxflow');
    const outcomes = async (eventsFile: string) => {
      const result = await runs.runPattern({ uri: p, events: uri(eventsFile) });
      return [result.mocks === undefined ? null : names([result.mocks])[0], 'mocks' in result, result.trace?.groups[0].interactions.map((i) => i.reason ?? i.outcome), result.trace?.problems.map((q) => q.message)];
    };
    assert.deepEqual(await outcomes('tests/a.events.json'), ['tests/a.mocks.json', true, ['down'], templateProblems.map((t) => t.slice('templates: '.length))]);
    assert.deepEqual(await outcomes('tests/b.events.JSONL'), [null, false, ['ok'], templateProblems.map((t) => t.slice('templates: '.length))]);
    assert.deepEqual(await outcomes('tests/c.events.json.txt'), [null, false, ['ok'], templateProblems.map((t) => t.slice('templates: '.length))]);
    const openMocks = uri('tests/b.mocks.json');
    service.documentChanged(TextDocument.create(openMocks, 'json', 1, '{"echo message": {"fail": "open"}}'));
    assert.deepEqual((await outcomes('tests/b.events.JSONL')).slice(0, 3), ['tests/b.mocks.json', true, ['open']]);
    await service.documentClosed(openMocks);
  });

  it('a mocks file it cannot read, an events file that is not there, a flow too large to analyse', async () => {
    const p = uri('flows/p.cxflow');
    const tooBig = await runs.runPattern({ uri: p, events: uri('tests/a.events.json'), mocks: uri('tests/big.mocks.json') });
    assert.deepEqual(tooBig.trace?.problems.map((q) => `${q.source}: ${q.message}`), [...templateProblems, `mocks: big.mocks.json is larger than cxengage.maxFileSize (${bytes('tests/big.mocks.json')} bytes): not read`]);
    const gone = await runs.runPattern({ uri: p, events: uri('tests/gone.events.json') });
    assert.deepEqual([gone.trace, gone.error], [null, 'cannot read gone.events.json: no such file, or no permission']);
    const guarded = await runs.runPattern({ uri: uri('flows/big.cxflow'), events: uri('tests/a.events.json') });
    assert.equal(guarded.trace, null);
    assert.match(guarded.error ?? '', /^the file is not analysed: /);
    assert.deepEqual(await runs.patterns(uri('flows/big.cxflow')), []);
  });

  it('runs test cases: the files they name read beside them; template problems shown with the trace, not failing it', async () => {
    const cases = uri('tests/cases.cxtest.json');
    const first = await runs.runTestCase({ uri: cases, index: 0 });
    const shown = (run: typeof first) => run.trace?.problems.map((q) => `${q.source}: ${q.message}`);
    // The workspace's template problems are the trace's input problems; the case itself passed.
    assert.deepEqual([first.name, first.passed, first.failures, first.patternUri, shown(first)], ['#1', true, [], uri('flows/p.cxflow'), templateProblems]);
    assert.deepEqual(first.trace?.groups[0].interactions.map((i) => i.reason), ['down']);
    const hash = await runs.runTestCase({ uri: cases, index: 2 });
    const gone = 'events: cannot read the events file gone.events.json';
    assert.deepEqual([hash.name, hash.passed, hash.failures, shown(hash)], ['hash', false, [gone], [...templateProblems, gone]]);
    const noPattern = await runs.runTestCase({ uri: cases, index: 1 });
    // No trace to show them with: they follow the case's own failure.
    assert.deepEqual([noPattern.name, noPattern.passed, noPattern.failures, 'trace' in noPattern], ['#2', false, ['"pattern" names no file before "#": write "<path>#A"', ...templateProblems], false]);
    const bad = await runs.runTestCase({ uri: uri('tests/bad.cxtest.json'), index: 0 });
    assert.deepEqual([bad.name, bad.passed, bad.failures, bad.expected, bad.actual], ['#1', false, ['case 1: a test case is an object; case 2: a test case is an object'], '', '']);
    const tooBig = await runs.runTestCase({ uri: uri('tests/big.cxtest.json'), index: 0 });
    assert.deepEqual([tooBig.name, tooBig.failures], ['#1', [`big.cxtest.json is larger than cxengage.maxFileSize (${bytes('tests/big.cxtest.json')} bytes): not read`]]);
    const missing = await runs.runTestCase({ uri: uri('tests/scalar.cxtest.json'), index: 1 });
    assert.deepEqual([missing.name, missing.failures, 'patternUri' in missing], ['#2', ['a test case is an object'], false]);
  });

  it('reads open documents outside the workspace folders, and the mocks open beside them', async () => {
    const outside = URI.file(path.join(path.dirname(workspace), 'elsewhere', 'o.events.json')).toString();
    const outsideMocks = outside.replace('.events.json', '.mocks.json');
    service.documentChanged(TextDocument.create(outside, 'json', 1, events));
    service.documentChanged(TextDocument.create(outsideMocks, 'json', 1, '{"echo message": {"fail": "outside"}}'));
    const result = await runs.runPattern({ uri: uri('flows/p.cxflow'), events: outside });
    assert.deepEqual([result.error, result.mocks, result.trace?.groups[0].interactions.map((i) => i.reason)], [undefined, outsideMocks, ['outside']]);
    await service.documentClosed(outside);
    await service.documentClosed(outsideMocks);
  });

  it('renders templates from the workspace: an unknown id lists the ones there are', async () => {
    const result = await runs.runPattern({ uri: uri('flows/tm.cxflow'), events: uri('z.events.json') });
    assert.deepEqual(result.trace?.groups[0].steps.filter((s) => s.kind === 'note').map((s) => s.text), ['no template with id TM9 (known: TM1): +TM9 stays as written']);
  });
});
