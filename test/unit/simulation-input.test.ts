// What the simulator makes of bad input: events that are not objects, times going backwards,
// mocks that name no message, patterns with reader errors, templates that are not templates; and
// the dialect and test-case rules around a run.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DialectSetting,
  eventsFromJson,
  readEventsText,
  readMocks,
  patternsOf,
  readFlowDocument,
  readTemplate,
  readTestCases,
  runTestCase,
} from '../../server/src/service/simulation';
import { documentOf } from '../support/documents';
import { seededRandom } from '../support/random';
import { runCode } from '../support/simulation';

describe('simulator input', () => {
  it('events that are not objects, bad times and times going backwards are reported and skipped', () => {
    const read = eventsFromJson([
      { id: 'a', '@time': '2026-05-01T10:00:00Z' },
      5,
      [1],
      null,
      { id: 'a', '@time': '+90s' },
      { id: 'a', '@time': '2026-05-01T09:00:00Z' },
      { id: 'a', '@time': '+3 weeks' },
      { id: 'a', '@time': 'tomorrow' },
      { id: 'a', '@time': 12 },
      { id: 'a' },
    ]);
    assert.deepEqual(
      read.events.map((e) => [e.number, new Date(e.time).toISOString()]),
      [
        [1, '2026-05-01T10:00:00.000Z'],
        [5, '2026-05-01T10:01:30.000Z'],
        [10, '2026-05-01T10:01:31.000Z'],
      ],
    );
    assert.deepEqual(
      read.problems.map((p) => p.message),
      [
        'event 2 is 5, not an object of fields: skipped',
        'event 3 is an array, not an object of fields: skipped',
        'event 4 is nil, not an object of fields: skipped',
        'event 6: "@time" 2026-05-01T09:00:00Z is before the previous event (2026-05-01T10:01:30.000Z); events must be in time order: skipped',
        'event 7: "@time" offset "+3 weeks" is not a number followed by ms, s, m, h or d: skipped',
        'event 8: "@time" "tomorrow" is not an ISO-8601 instant nor an offset such as "+30s": skipped',
        'event 9: "@time" must be a string (an ISO-8601 instant or an offset such as "+30s"): skipped',
      ],
    );
  });

  it('JSON lines: one object a line, a bad line reported by number; a JSON file must be an array', () => {
    const lines = readEventsText('{"id":"a"}\n\n{"id":\n{"id":"b","@time":"+1m"}\n', 'jsonl');
    assert.deepEqual(lines.events.map((e) => e.fields.id), ['a', 'b']);
    assert.equal(lines.problems.length, 1);
    assert.match(lines.problems[0].message, /^line 3: not JSON \(/);
    assert.deepEqual(readEventsText('{"id":"a"}', 'json').problems, [{ source: 'events', message: 'the events must be a JSON array of objects' }]);
  });

  it('mocks: a name without a message, an unknown integration or message, and a bad outcome are reported', () => {
    const check = (integration: string, message: string) =>
      integration === 'twilio' ? (message === 'sms' ? undefined : `twilio has no message "${message}"`) : `no integration "${integration}" among the definitions`;
    const { mocks, problems } = readMocks({ twilio: { ok: {} }, 'twilio text': { ok: {} }, 'twillio sms': { ok: {} }, 'twilio sms': [{ ok: { sid: 1 } }, { bad: 1 }, { fail: 'busy' }] }, check);
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'mock "twilio" names no message: write "<integration> <message>", e.g. "twilio sms"',
        'mock "twilio text": twilio has no message "text"',
        'mock "twillio sms": no integration "twillio" among the definitions',
        'mock "twilio sms" outcome 2: an outcome is {"ok": {...}}, {"fail": "<reason>"} or {"timeout": true}',
      ],
    );
    assert.deepEqual([mocks.next('twilio', 'sms'), mocks.next('twilio', 'sms'), mocks.next('twilio', 'sms')], [
      { kind: 'ok', response: { sid: 1 } },
      { kind: 'fail', reason: 'busy' },
      { kind: 'fail', reason: 'busy' },
    ]);
    assert.deepEqual(mocks.next('echo', 'message'), { kind: 'ok', response: {} });
    assert.deepEqual(readMocks([1]).problems.map((p) => p.message), ['the mocks must be an object: {"<integration> <message>": [<outcome>, ...]}']);
  });

  it('a pattern with reader errors is not run: the trace says where', () => {
    const trace = runCode(';; When\n(event (= t "a")\n;; Then\n(send echo message {:message "x"})', [{ id: 'k', t: 'a' }]);
    assert.equal(trace.outcome, 'error');
    assert.deepEqual(trace.groups, []);
    assert.equal(trace.problems.length, 1);
    assert.match(trace.problems[0].message, /^2:1: .* \(a pattern with reader errors is not run\)$/);
  });

  it('a 4.1 pattern without a when side, and code nested past the run depth, are refused with a reason', () => {
    assert.deepEqual(runCode(';; Then\n(send echo message {:message "x"})', [{ id: 'k' }]).problems.map((p) => p.message), [
      'the pattern has no when side: nothing says which events match',
    ]);
    const deep = `(event {:t ${'['.repeat(250)}${']'.repeat(250)}})`;
    assert.deepEqual(runCode(deep, [{ id: 'k' }]).problems.map((p) => p.message), ['the code nests deeper than 200 forms; the simulator does not run it']);
  });

  it('templates: the platform payload, else a clear problem', () => {
    assert.deepEqual(readTemplate('{"id":"TM1","name":"n","description":"d","template":"Hi {{x}}"}', 'a.template.json'), {
      template: { id: 'TM1', name: 'n', description: 'd', template: 'Hi {{x}}', source: 'a.template.json' },
    });
    assert.deepEqual(readTemplate('{"name":"n"}', 'b.template.json').problem, {
      source: 'templates',
      message: 'b.template.json: a template is {"id": "TM1", "name": ..., "description": ..., "template": "<mustache text>"}',
    });
    const broken = runCode(';; When\n(event (= t "a"))\n;; Then\n(send echo message {:message +TM1})', [{ id: 'k', t: 'a' }], { templates: [{ id: 'TM1', template: 'Hi {{#x}}' }] });
    assert.equal(broken.groups[0].interactions[0].params.message, 'Hi {{#x}}');
    assert.match(broken.groups[0].steps.find((s) => s.kind === 'note')?.text ?? '', /^template not rendered \(Unclosed section "x" at \d+\): its text is used as written$/);
  });
});

describe('simulator dialect', () => {
  it('runs each pattern in the dialect the editor reads it as, and says why', () => {
    const dialect = (text: string, setting: DialectSetting = 'auto', kind: 'flow' | 'pattern' = 'flow') =>
      patternsOf(readFlowDocument(documentOf(text, kind), kind), setting).map((p) => [p.dialect, p.dialectReason]);
    assert.deepEqual(dialect('; cxengage-dialect: 4.1\n(event {:a 1})'), [['4.1', 'because of the `; cxengage-dialect: 4.1` comment on line 1']]);
    assert.deepEqual(dialect('(event {:a 1})', '4.1'), [['4.1', 'because cxengage.flow.dialect is 4.1']]);
    assert.deepEqual(dialect('{"code": "(send a b {})"}', 'auto', 'pattern'), [['4.2', 'because it is the `code` of a pattern payload']]);
    assert.deepEqual(dialect('{"when": "(event {:a 1})", "then": "(delay 1 days)"}', 'auto', 'pattern'), [
      ['4.1', 'because it is the `when` of a pattern payload (4.2 payloads have `code`)'],
    ]);
    assert.deepEqual(dialect('(if x (do (create a b)) (send c d {}))'), [['4.2', 'because line 1 uses `do`']]);
    assert.deepEqual(dialect('(seq (delay 1 days))'), [['4.1', 'because line 1 uses `seq`']]);
    assert.deepEqual(dialect('(delay 1 days)'), [['4.2', 'because nothing in it says which (4.2, the version of the shipped definitions, is the default)']]);
  });
});

describe('simulator test cases', () => {
  const files: Record<string, string> = {
    'p.cxflow': ';; When\n(event (= t "go"))\n;; Then\n(send twilio sms {:to-phone-number *phone* :from-phone-number "1" :message "hi"})',
    'e.events.jsonl': '{"id":"k","t":"go","phone":"+1"}\n',
    'two.pattern.json': '[{"name":"A","status":true,"code":"(event {:t \\"go\\"}) (perform echo message {:message \\"a\\"})"},{"name":"B","status":true,"code":"(event {:t \\"no\\"})"}]',
  };
  const load = (p: string) => (files[p] === undefined ? undefined : { uri: `file:///w/${p}`, text: files[p] });

  it('reads one case or an array; a case without pattern, events or expect is a problem', () => {
    assert.equal(readTestCases('{"pattern":"p.cxflow","events":[],"expect":{}}').cases.length, 1);
    assert.deepEqual(readTestCases('[{"pattern":"p.cxflow","events":[]}, 3, {"events":[]}]').problems, [
      'case 1: "expect" must say what should happen: {"matches": n, "interactions": [...], "noInteractions": [...]}',
      'case 2: a test case is an object',
      'case 3: "pattern" must name the pattern file ("<path>" or "<path>#<name>")',
    ]);
    assert.deepEqual(readTestCases('{').problems.length, 1);
  });

  it('passes when matches and interactions (a params subset, in order) are as expected', () => {
    const result = runTestCase(
      { pattern: 'p.cxflow', events: 'e.events.jsonl', expect: { matches: 1, interactions: [{ integration: 'twilio', message: 'sms', params: { 'to-phone-number': '+1' } }], noInteractions: ['twilio call'] } },
      0,
      { load },
    );
    assert.deepEqual([result.name, result.passed, result.failures], ['#1', true, []]);
  });

  it('fails with one line per difference, and shows expected against actual', () => {
    const result = runTestCase(
      {
        name: 'wrong',
        pattern: 'p.cxflow',
        events: [{ id: 'k', t: 'go', phone: '+1' }],
        mocks: { 'twilio sms': { fail: 'busy' } },
        expect: { matches: 2, interactions: [{ integration: 'twilio', message: 'sms', outcome: 'ok' }], noInteractions: ['twilio sms'] },
      },
      0,
      { load },
    );
    assert.equal(result.passed, false);
    assert.deepEqual(result.failures, [
      'expected 2 matches, got 1',
      'expected the interaction twilio sms (ok); it did not happen',
      'expected no twilio sms, but it happened: twilio sms {"to-phone-number":"+1","from-phone-number":"1","message":"hi"} (fail)',
    ]);
    assert.deepEqual(JSON.parse(result.actual), {
      matches: 1,
      interactions: [{ integration: 'twilio', message: 'sms', params: { 'to-phone-number': '+1', 'from-phone-number': '1', message: 'hi' }, outcome: 'fail' }],
    });
  });

  it('picks a pattern by #name; a file of several patterns needs one; missing files are named', () => {
    const env = { load };
    const expect = { matches: 1 };
    assert.equal(runTestCase({ pattern: 'two.pattern.json#A', events: [{ id: 'k', t: 'go' }], expect }, 0, env).passed, true);
    assert.deepEqual(runTestCase({ pattern: 'two.pattern.json', events: [], expect }, 0, env).failures, [
      'two.pattern.json holds 2 patterns: name one as two.pattern.json#<name> ("A", "B")',
    ]);
    assert.deepEqual(runTestCase({ pattern: 'two.pattern.json#C', events: [], expect }, 0, env).failures, ['two.pattern.json has no pattern named "C" (it has "A", "B")']);
    assert.deepEqual(runTestCase({ pattern: 'gone.cxflow', events: [], expect }, 0, env).failures, ['cannot read the pattern file gone.cxflow']);
    assert.deepEqual(runTestCase({ pattern: 'p.cxflow', events: 'gone.events.json', expect }, 0, env).failures, ['events: cannot read the events file gone.events.json', 'expected 1 match, got 0']);
  });
});

describe('simulator robustness', () => {
  // Balanced random programs of the language's own words, so that most of them read and run.
  const words = [
    'event', 'and', 'or', 'seq', 'sequence', 'all', 'any', 'count', 'times', 'within', 'fail', 'until', 'unless', 'when', 'if', 'cond', 'case',
    'let', 'if-let', 'when-let', 'def', 'set', 'do', 'delay', 'send', 'await', 'expect', 'par', 'success', 'failure', 'retries', 'timeout',
    'catch', 'template', 'create', 'perform', 'fetch', 'echo', 'message', 'twilio', 'sms', '+', '-', '/', 'sum', 'all', 'first', 'nth',
    '=', '>', '<', 'not', 'contains?', 'x', 'y', 'x.y', '$amount', '*amount*', '+TM1', '1', '0', '-3', '2.5', '"a"', ':k', 'nil', 'true',
    'seconds', 'minutes', 'days', '{:t "a"}', '{:amount (> 1)}', '#{"a" 1}', '[x 1]', '[]', '{}',
  ];
  function randomForm(random: ReturnType<typeof seededRandom>, depth: number): string {
    if (depth > 5 || random.chance(0.35)) return random.pick(words);
    const n = 1 + random.int(5);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(randomForm(random, depth + 1));
    return `(${parts.join(' ')})`;
  }

  it('runs 400 random programs of both dialects to an outcome, never throwing', () => {
    const random = seededRandom(14);
    const outcomes = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const body = Array.from({ length: 1 + random.int(4) }, () => randomForm(random, 0)).join('\n');
      const code = i % 2 === 0 ? body : `;; When\n${randomForm(random, 0)}\n;; Then\n${body}`;
      const events = Array.from({ length: random.int(6) }, (_, n) => ({ id: `k${n % 2}`, t: random.pick(['a', 'b']), amount: random.int(5), '@time': `+${random.int(90)}m` }));
      const trace = runCode(code, events, { limits: { maxSteps: 2000 }, mocks: { 'echo message': [{ ok: { y: 1 } }, { fail: 'no' }, { timeout: true }] } });
      outcomes.add(trace.outcome);
      for (const g of trace.groups) for (const s of g.steps) assert.ok(s.text.length > 0 && Number.isFinite(s.at));
    }
    assert.deepEqual([...outcomes].sort(), ['error', 'matched', 'not-matched', 'stopped']);
  });
});
