// Test cases (`*.cxtest.json`) read, run and judged: every reason a case file or a case is refused,
// how the pattern, events and mocks it names are found, which key groups the events, and the exact
// failure lines of each kind of unmet expectation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CaseEnvironment, readTestCases, runTestCase, TestCase } from '../../server/src/service/simulation';
import { jsonErrorOf } from '../support/simulation';

const files: Record<string, string> = {
  'p.cxflow': ';; When\n(event (= t "go"))\n;; Then\n(send twilio sms {:to-phone-number *phone* :from-phone-number "1" :message "m"})\n(send echo message {:message "after"})',
  'pair.cxflow': ';; When\n(count 2 (event (= t "go")))\n;; Then\n(set x 1)',
  'two.pattern.json': JSON.stringify([
    { name: 'A', key: 'cust', code: '(times 2 (event {:t "go"}))' },
    { name: 'B', code: '(event {:t "no"})' },
  ]),
  'none.pattern.json': '[]',
  'notes.txt': 'hello',
  'E.EVENTS.JSONL': '{"id":"k","t":"go","phone":"+1"}\n{"id":"k","t":"go","phone":"+2"}',
  'bad.events.json': '[{"id":"k","t":"go","phone":"+1"}, 5]',
  'm.mocks.json': '{"twilio sms": {"fail": "busy"}}',
  'bad.mocks.json': '{"twilio sms": ',
  'loop.cxflow': ';; When\n(event (= t "go"))\n;; Then\n(delay 100 days)',
};
const load: CaseEnvironment['load'] = (path) => (files[path] === undefined ? undefined : { uri: `file:///w/${path}`, text: files[path] });

const go = [{ id: 'k', t: 'go', phone: '+1' }];
const shared = [
  { id: 'k', cust: 'c1', t: 'go' },
  { id: 'j', cust: 'c1', t: 'go' },
];

/** [case, its index in the file, environment, [name, passed, failures, matches run (null: not run)]]. */
const runs: [TestCase, number, Partial<CaseEnvironment>, [string, boolean, string[], number | null]][] = [
  [{ name: '', pattern: 'p.cxflow', events: go, expect: { matches: 1 } }, 2, {}, ['#3', true, [], 1]],
  [{ name: 5 as unknown as string, pattern: '#A', events: go, expect: {} }, 0, {}, ['#1', false, ['"pattern" names no file before "#": write "<path>#A"'], null]],
  [{ name: 'txt', pattern: 'notes.txt', events: go, expect: {} }, 0, {}, ['txt', false, ['notes.txt is not a flow (*.cxflow) or pattern (*.pattern.json) file'], null]],
  [{ pattern: 'none.pattern.json#X', events: go, expect: {} }, 0, {}, ['#1', false, ['none.pattern.json has no pattern named "X" (it has none)'], null]],
  [{ pattern: 'none.pattern.json', events: go, expect: {} }, 0, {}, ['#1', false, ['none.pattern.json holds no pattern to run'], null]],
  [
    {
      pattern: 'p.cxflow',
      events: 'E.EVENTS.JSONL',
      mocks: 'm.mocks.json',
      expect: { matches: 2, interactions: [{ integration: 'twilio', message: 'sms', params: { 'to-phone-number': '+2' } }, { integration: 'twilio', message: 'sms', params: { 'to-phone-number': '+1' } }] },
    },
    0,
    {},
    ['#1', false, ['expected the interaction twilio sms {"to-phone-number":"+1"} after the ones before it; it did not happen'], 2],
  ],
  [
    { pattern: 'p.cxflow', events: 'bad.events.json', mocks: 'bad.mocks.json', expect: { matches: 3 } },
    0,
    {},
    ['#1', false, ['events: bad.events.json: event 2 is 5, not an object of fields: skipped', `mocks: bad.mocks.json: not JSON (${jsonErrorOf('{"twilio sms": ')})`, 'expected 3 matches, got 1'], 1],
  ],
  [
    { pattern: 'p.cxflow', events: go, mocks: 'gone.mocks.json', expect: { interactions: [{ integration: 'echo', message: 'sms' }, { integration: 'twilio', message: 'message' }] } },
    0,
    {},
    ['#1', false, ['mocks: cannot read the mocks file gone.mocks.json', 'expected the interaction echo sms; it did not happen'], 1],
  ],
  [
    { pattern: 'p.cxflow', events: go, expect: { interactions: [{ integration: 'echo', message: 'message' }, { integration: 'twilio', message: 'sms' }], noInteractions: [' echo   message ', 'twilio call'] } },
    0,
    {},
    ['#1', false, ['expected the interaction twilio sms after the ones before it; it did not happen', 'expected no  echo   message , but it happened: echo message {"message":"after"} (ok)'], 1],
  ],
  [
    { pattern: 'p.cxflow', events: go, expect: { interactions: [{ integration: 'twilio', message: 'sms', params: { message: 'm', nope: null } }] } },
    0,
    {},
    ['#1', false, ['expected the interaction twilio sms {"message":"m","nope":null}; it did not happen'], 1],
  ],
  [
    { pattern: 'p.cxflow', events: go, expect: { interactions: [{ integration: 'twilio', message: 'sms', params: { message: 'm' }, outcome: 'ok' }, { integration: 'echo', message: 'message', outcome: 'fail' }] } },
    0,
    {},
    ['#1', false, ['expected the interaction echo message (fail) after the ones before it; it did not happen'], 1],
  ],
  [
    { pattern: 'loop.cxflow', events: go, expect: { matches: 1 } },
    0,
    {},
    ['#1', false, ["key k: stopped: virtual-time limit (30d after the group's last event, 2026-01-31T00:00:00.000Z) reached at (delay 100 days)"], 1],
  ],
  // The key: the payload's, else the case's (a string), else the setting's, else `id`.
  [{ pattern: 'two.pattern.json#A', key: 'id', events: shared, expect: { matches: 1 } }, 0, { settingKey: 'id' }, ['#1', true, [], 1]],
  [{ pattern: 'pair.cxflow', key: 'cust', events: shared, expect: { matches: 1 } }, 0, { settingKey: 'id' }, ['#1', true, [], 1]],
  [{ pattern: 'pair.cxflow', key: 5 as unknown as string, events: shared, expect: { matches: 1 } }, 0, { settingKey: 'cust' }, ['#1', true, [], 1]],
  [{ pattern: 'pair.cxflow', key: 5 as unknown as string, events: shared, expect: { matches: 1 } }, 0, {}, ['#1', false, ['expected 1 match, got 0'], 0]],
  [{ pattern: 'pair.cxflow', events: shared, expect: { matches: 0 } }, 0, {}, ['#1', true, [], 0]],
  // An `expect` that is no object expects nothing.
  [{ pattern: 'p.cxflow', events: go, expect: [1] as unknown as TestCase['expect'] }, 0, {}, ['#1', true, [], 1]],
];

describe('simulator test cases', () => {
  it('each case runs, or says why it cannot, with the exact failures', () => {
    const results = runs.map(([testCase, index, env]) => {
      const r = runTestCase(testCase, index, { load, ...env });
      assert.equal(r.expected, JSON.stringify(testCase.expect, null, 2));
      return [r.name, r.passed, r.failures, r.actual === '' ? null : (JSON.parse(r.actual) as { matches: number }).matches];
    });
    assert.deepEqual(results, runs.map((r) => r[3]));
  });

  it('what ran is summed up as matches and interactions, params as rendered', () => {
    const r = runTestCase({ pattern: 'p.cxflow', events: go, mocks: { 'twilio sms': { timeout: true } }, expect: {} }, 0, { load });
    assert.deepEqual(JSON.parse(r.actual), {
      matches: 1,
      interactions: [{ integration: 'twilio', message: 'sms', params: { 'to-phone-number': '+1', 'from-phone-number': '1', message: 'm' }, outcome: 'timeout' }],
    });
  });

  it('a case file: one case or a list of them; each problem says which case, when there are several', () => {
    const read = (text: string) => readTestCases(text);
    const expectShape = '"expect" must say what should happen: {"matches": n, "interactions": [...], "noInteractions": [...]}';
    assert.deepEqual(
      ['{', '[1]', 'null', '{"pattern":"","events":[],"expect":{}}', '{"pattern":5,"events":[],"expect":{}}', '{"pattern":"p","events":5,"expect":{}}', '{"pattern":"p","events":"e.json","expect":[]}'].map(read),
      [
        { cases: [], problems: [`not JSON: ${jsonErrorOf('{')}`] },
        { cases: [], problems: ['a test case is an object'] },
        { cases: [], problems: ['a test case is an object'] },
        { cases: [], problems: ['"pattern" must name the pattern file ("<path>" or "<path>#<name>")'] },
        { cases: [], problems: ['"pattern" must name the pattern file ("<path>" or "<path>#<name>")'] },
        { cases: [], problems: ['"events" must be a list of events or the path of an events file'] },
        { cases: [], problems: [expectShape] },
      ],
    );
    assert.deepEqual(read('[{"pattern":"p","events":"e.json","expect":{}}, null, {"pattern":"q","events":[],"expect":[]}]'), {
      cases: [{ pattern: 'p', events: 'e.json', expect: {} }],
      problems: ['case 2: a test case is an object', `case 3: ${expectShape}`],
    });
  });
});
