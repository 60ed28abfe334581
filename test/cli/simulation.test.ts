// cxengage-lint run and test as CI runs them: each exit code, the text, JSON and JUnit reports of
// passing and failing cases, and the trace of a run; in folders written for each test, and over
// the examples, whose one failing case fails on purpose.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { folderWith, removeFolders } from '../support/folders';
import { lint } from '../support/lint';
import { repoRoot } from '../support/lspClient';

after(removeFolders);

const flow = ';; When\n(event (= t "go"))\n;; Then\n(send twilio sms {:to-phone-number *phone* :from-phone-number "1" :message +TM1 :password "hunter2"})\n';
const template = JSON.stringify({ id: 'TM1', name: 'Hello', description: 'd', template: 'Hello {{name}}' });
const events = JSON.stringify([{ id: 'k', t: 'go', phone: '+1', name: 'Ada' }]);
const passing = JSON.stringify({
  name: 'sends a text',
  pattern: 'flows/p.cxflow',
  events: JSON.parse(events),
  expect: { matches: 1, interactions: [{ integration: 'twilio', message: 'sms', params: { 'to-phone-number': '+1', message: 'Hello Ada', password: '•••' } }] },
});
const failing = JSON.stringify([
  { name: 'expects two', pattern: 'flows/p.cxflow', events: JSON.parse(events), expect: { matches: 2 } },
  { name: 'no text', pattern: 'flows/p.cxflow', events: JSON.parse(events), expect: { noInteractions: ['twilio sms'] } },
]);

function workspace(extra: Record<string, string> = {}): string {
  return folderWith({ 'flows/p.cxflow': flow, 'templates/TM1.template.json': template, 'pass.cxtest.json': passing, ...extra });
}

describe('cxengage-lint test', () => {
  it('exits 0 when every case passes, and prints PASS per case', () => {
    const r = lint(['test'], workspace());
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'PASS pass.cxtest.json sends a text\n1 case: 1 passed, 0 failed\n');
    assert.equal(r.status, 0);
  });

  it('exits 1 on a failing case, with one line per difference', () => {
    const r = lint(['test'], workspace({ 'fail.cxtest.json': failing }));
    assert.equal(r.stdout.split('\n').join('\n'), [
      'FAIL fail.cxtest.json expects two',
      '     expected 2 matches, got 1',
      'FAIL fail.cxtest.json no text',
      '     expected no twilio sms, but it happened: twilio sms {"to-phone-number":"+1","from-phone-number":"1","message":"Hello Ada","password":"•••"} (ok)',
      'PASS pass.cxtest.json sends a text',
      '3 cases: 1 passed, 2 failed',
      '',
    ].join('\n'));
    assert.equal(r.status, 1);
  });

  it('--format json gives a summary and every case', () => {
    const r = lint(['test', '--format', 'json', 'fail.cxtest.json'], workspace({ 'fail.cxtest.json': failing }));
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout), {
      summary: { cases: 2, passed: 0, failed: 2 },
      cases: [
        { file: 'fail.cxtest.json', name: 'expects two', passed: false, failures: ['expected 2 matches, got 1'], matches: 1, interactions: 1 },
        {
          file: 'fail.cxtest.json',
          name: 'no text',
          passed: false,
          failures: ['expected no twilio sms, but it happened: twilio sms {"to-phone-number":"+1","from-phone-number":"1","message":"Hello Ada","password":"•••"} (ok)'],
          matches: 1,
          interactions: 1,
        },
      ],
    });
  });

  it('--format junit gives JUnit XML with the failure and the trace', () => {
    const r = lint(['test', '--format', 'junit'], workspace({ 'fail.cxtest.json': failing }));
    assert.equal(r.status, 1);
    const lines = r.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 5), [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="cxengage-lint test" tests="3" failures="2">',
      '  <testsuite name="fail.cxtest.json" tests="2" failures="2">',
      '    <testcase classname="fail.cxtest.json" name="expects two">',
      '      <failure message="expected 2 matches, got 1">expected 2 matches, got 1</failure>',
    ]);
    assert.ok(lines.includes('    <testcase classname="pass.cxtest.json" name="sends a text"/>'));
    assert.match(r.stdout, /<system-out>pattern: 4\.1 \(because line 1 has a `;; When` section\); key attribute &quot;id&quot;; 1 event\n/);
    assert.ok(!r.stdout.includes('hunter2'));
  });

  it('exits 2 on usage errors: an unknown option, a bad format, a missing path, a foreign file, no cases', () => {
    const ws = workspace();
    const cases: [string[], string][] = [
      [['test', '--fast'], 'cxengage-lint test: unknown option --fast\n'],
      [['test', '--format', 'sarif'], 'cxengage-lint test: --format must be text, json or junit, not "sarif"\n'],
      [['test', 'gone'], 'cxengage-lint test: cannot read gone: no such file or folder, or no permission\n'],
      [['test', 'flows/p.cxflow'], 'cxengage-lint test: flows/p.cxflow is not a test case file (*.cxtest.json)\n'],
      [['test', 'flows'], 'cxengage-lint test: no test cases (*.cxtest.json) under flows\n'],
      [['test', '--events', 'e.json'], 'cxengage-lint test: test takes no --events: a test case names its own\n'],
    ];
    for (const [args, message] of cases) {
      const r = lint(args, ws);
      assert.deepEqual([r.status, r.stderr, r.stdout], [2, message, ''], args.join(' '));
    }
  });

  it('runs the examples: every case passes but the one that fails on purpose', () => {
    const r = lint(['test'], path.join(repoRoot, 'examples'));
    assert.equal(r.status, 1);
    assert.deepEqual(r.stdout.split('\n').filter((l) => l.startsWith('FAIL') || l.startsWith('PASS')).map((l) => l.split(' ').slice(0, 2).join(' ')), [
      'PASS tests/abandoned-calls.cxtest.json',
      'PASS tests/escalations.cxtest.json',
      'PASS tests/escalations.cxtest.json',
      'PASS tests/service-reminders.cxtest.json',
      'FAIL tests/vip.cxtest.json',
    ]);
    assert.ok(r.stdout.endsWith('5 cases: 4 passed, 1 failed\n'));
  });
});

describe('cxengage-lint run', () => {
  it('prints the trace as text: events, the match, the interaction with masked params, the outcome', () => {
    const r = lint(['run', 'flows/p.cxflow', '--events', 'e.events.json'], workspace({ 'e.events.json': events }));
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.deepEqual(r.stdout.split('\n'), [
      'pattern: 4.1 (because line 1 has a `;; When` section); key attribute "id"; 1 event',
      '',
      'key k:',
      '  2026-01-01T00:00:00.000Z  event       event 1 taken by (event (= t "go")) (2:1)',
      '  2026-01-01T00:00:00.000Z  match       matched (1) on events 1 (2:1)',
      '  2026-01-01T00:00:00.000Z  assumed     assumed: `{{name}}` in templates is not HTML-escaped (the text goes to SMS, mail and chat) (4:76)',
      '  2026-01-01T00:00:00.000Z  interaction send twilio sms {"to-phone-number":"+1","from-phone-number":"1","message":"Hello Ada","password":"•••"}: ok {} (4:1)',
      '  outcome: matched 1 time; then waiting at (event (= t "go")) (2:1) for an event where (= t "go")',
      '',
      'matched: 1 match in 1 key group',
      '',
    ]);
  });

  it('--format json gives the whole trace; mocks and JSON-lines events are read', () => {
    const mocks = JSON.stringify({ 'twilio sms': { fail: 'busy' } });
    const r = lint(['run', 'flows/p.cxflow', '--events', 'e.events.jsonl', '--mocks', 'm.json', '--format', 'json'], workspace({ 'e.events.jsonl': '{"id":"k","t":"go","name":"Bo","phone":"+2"}\n', 'm.json': mocks }));
    assert.equal(r.status, 0, r.stderr);
    const trace = JSON.parse(r.stdout);
    assert.deepEqual([trace.outcome, trace.matches, trace.groups[0].interactions[0].outcome, trace.groups[0].interactions[0].reason, trace.groups[0].interactions[0].params.message], [
      'matched',
      1,
      'fail',
      'busy',
      'Hello Bo',
    ]);
    assert.deepEqual(trace.groups[0].steps[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } });
  });

  it('exits 1 when an input has problems or the pattern has reader errors, saying so', () => {
    const ws = workspace({ 'e.events.json': '[3, {"id":"k","t":"go"}]', 'm.json': '{"twilio": {"ok": {}}}', 'broken.cxflow': ';; When\n(event (= t "go")\n' });
    const bad = lint(['run', 'flows/p.cxflow', '--events', 'e.events.json', '--mocks', 'm.json'], ws);
    assert.equal(bad.status, 1);
    assert.deepEqual(bad.stdout.split('\n').slice(0, 3), [
      'pattern: 4.1 (because line 1 has a `;; When` section); key attribute "id"; 1 event',
      '  events: e.events.json: event 1 is 3, not an object of fields: skipped',
      '  mocks: m.json: mock "twilio" names no message: write "<integration> <message>", e.g. "twilio sms"',
    ]);
    const broken = lint(['run', 'broken.cxflow', '--events', 'e.events.json'], ws);
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /\n {2}pattern: 2:1: .*\(a pattern with reader errors is not run\)\n/);
    assert.match(broken.stdout, /\n\nerror: 0 matches in 0 key groups\n$/);
  });

  it('exits 2 on usage errors: no --events, two files, an unreadable file, a file of several patterns unnamed', () => {
    const ws = workspace({ 'e.events.json': events, 'two.pattern.json': '[{"name":"A","code":"(event {})"},{"name":"B","code":"(event {})"}]' });
    const cases: [string[], string][] = [
      [['run', 'flows/p.cxflow'], 'cxengage-lint run: run needs --events <file>\n'],
      [['run', 'a.cxflow', 'b.cxflow', '--events', 'e.events.json'], 'cxengage-lint run: run takes one flow or pattern file (<path>[#<name>])\n'],
      [['run', 'flows/p.cxflow', '--events', 'gone.json'], 'cxengage-lint run: cannot read gone.json: no such file, or no permission\n'],
      [['run', 'two.pattern.json', '--events', 'e.events.json'], 'cxengage-lint run: two.pattern.json holds 2 patterns: name one as two.pattern.json#<name> ("A", "B")\n'],
      [['run', 'flows/p.cxflow', '--events', 'e.events.json', '--workspace', 'nowhere'], 'cxengage-lint run: --workspace nowhere is not a folder that can be read\n'],
    ];
    for (const [args, message] of cases) {
      const r = lint(args, ws);
      assert.deepEqual([r.status, r.stderr, r.stdout], [2, message, ''], args.join(' '));
    }
  });
});
