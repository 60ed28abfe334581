// A run's trace as text (what `cxengage-lint run` prints and a failing test case shows), line by
// line: the header, each group's timeline with places, unused events, the outcome in each of its
// forms, and the closing count, singular and plural.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { traceText } from '../../server/src/service/simulation';
import { runCode, RunOptions } from '../support/simulation';

const lines = (code: string, events: unknown[], options?: RunOptions): string[] => traceText(runCode(code, events, options)).split('\n');

describe('a trace as text', () => {
  it('shows each key group, its unused event, a wait after a match and a wait without one', () => {
    const code = '(event {:type "start"})\n(perform echo message {:message $step})\n(event {:type "stop"})';
    const events = [
      { id: 'a', type: 'start', step: 1 },
      { id: 'a', type: 'noise' },
      { id: 'a', type: 'stop', '@time': '+1m' },
      { id: 'b', type: 'start', step: 2 },
    ];
    assert.deepEqual(lines(code, events), [
      'pattern: 4.2 (because line 1 uses `event` with a map); key attribute "id"; 4 events',
      '',
      'key a:',
      '  2026-01-01T00:00:00.000Z  event       event 1 taken by (event {:type "start"}) (1:1)',
      '  2026-01-01T00:00:00.000Z  interaction perform echo message {"message":1}: ok {} (2:1)',
      '  2026-01-01T00:01:01.000Z  event       event 3 taken by (event {:type "stop"}) (3:1)',
      '  2026-01-01T00:01:01.000Z  match       program ran through (1) on events 1, 3 (1:1)',
      '  not used: event 2',
      '  outcome: matched 1 time; then waiting at (event {:type "start"}) (1:1) for an event {:type "start"}',
      '',
      'key b:',
      '  2026-01-01T00:01:02.000Z  event       event 4 taken by (event {:type "start"}) (1:1)',
      '  2026-01-01T00:01:02.000Z  interaction perform echo message {"message":2}: ok {} (2:1)',
      '  outcome: not matched: (event {:type "stop"}) (3:1) still waits for an event {:type "stop"}',
      '',
      'matched: 1 match in 2 key groups',
    ]);
  });

  it('shows input problems, plural counts and unused events', () => {
    const events = [{ id: 'k', type: 'x' }, { id: 'k', type: 'x' }, { id: 'k', type: 'y' }, { id: 'k', type: 'z' }, 7];
    assert.deepEqual(lines('(event {:type "x"})', events), [
      'pattern: 4.2 (because line 1 uses `event` with a map); key attribute "id"; 4 events',
      '  events: event 5 is 7, not an object of fields: skipped',
      '',
      'key k:',
      '  2026-01-01T00:00:00.000Z  event       event 1 taken by (event {:type "x"}) (1:1)',
      '  2026-01-01T00:00:00.000Z  match       program ran through (1) on events 1 (1:1)',
      '  2026-01-01T00:00:01.000Z  event       event 2 taken by (event {:type "x"}) (1:1)',
      '  2026-01-01T00:00:01.000Z  match       program ran through (2) on events 2 (1:1)',
      '  not used: events 3, 4',
      '  outcome: matched 2 times; then waiting at (event {:type "x"}) (1:1) for an event {:type "x"}',
      '',
      'matched: 2 matches in 1 key group',
    ]);
  });

  it('says when nothing matched, and the singular event', () => {
    assert.deepEqual(lines('(event {:type "x"})', [{ id: 'k', type: 'y' }]), [
      'pattern: 4.2 (because line 1 uses `event` with a map); key attribute "id"; 1 event',
      '',
      'key k:',
      '  not used: event 1',
      '  outcome: not matched: (event {:type "x"}) (1:1) still waits for an event {:type "x"}',
      '',
      'not-matched: 0 matches in 1 key group',
    ]);
    assert.deepEqual(lines('(perform echo message {:message "hi"})', []), [
      'pattern: 4.2 (because line 1 uses `perform`); key attribute "id"; 0 events',
      '',
      'not-matched: 0 matches in 0 key groups',
    ]);
  });

  it('names the pattern of a payload and places its steps in the document', () => {
    const payload = '{"name": "Alerts", "status": true, "key": "id", "code": "(perform echo message {:message \\"hi\\"})"}';
    assert.deepEqual(lines(payload, [{ id: 'k' }], { kind: 'pattern' }), [
      'pattern "Alerts": 4.2 (because it is the `code` of a pattern payload); key attribute "id"; 1 event',
      '',
      'key k:',
      '  2026-01-01T00:00:00.000Z  interaction perform echo message {"message":"hi"}: ok {} (1:58)',
      '  2026-01-01T00:00:00.000Z  match       program ran through (1) (1:58)',
      '  2026-01-01T00:00:00.000Z  assumed     assumed: a program that collects no event runs once per key group (1:58)',
      '  not used: event 1',
      '  outcome: matched 1 time',
      '',
      'matched: 1 match in 1 key group',
    ]);
  });

  it('says where a limit stopped a group, after one match or several', () => {
    const fail = { mocks: { 'echo message': { fail: 'down' } } };
    const code41 = ';; When\n(event (= t "go"))\n;; Then\n(send echo message {:message "x"} (retries 1000000))';
    assert.deepEqual(lines(code41, [{ id: 'k', t: 'go' }], { ...fail, limits: { maxSteps: 4 } }).slice(3), [
      '  2026-01-01T00:00:00.000Z  event       event 1 taken by (event (= t "go")) (2:1)',
      '  2026-01-01T00:00:00.000Z  match       matched (1) on events 1 (2:1)',
      '  2026-01-01T00:00:00.000Z  interaction send echo message {"message":"x"}: failed: down (4:1)',
      '  2026-01-01T00:00:00.000Z  interaction send echo message {"message":"x"} (attempt 2): failed: down (4:1)',
      '  2026-01-01T00:00:00.000Z  limit       stopped: step limit of 4 reached at (send echo message {:message "x"} (retries 1000000)) (4:1)',
      '  outcome: stopped: step limit of 4 reached at (send echo message {:message "x"} (retries 1000000)) after 1 match',
      '',
      'stopped: 1 match in 1 key group',
    ]);
    const code42 = '(event {:t "go"})\n(when (= $n 2) (perform echo message {:message "x"} (retries 1000000)))';
    const events = [{ id: 'k', t: 'go', n: 1 }, { id: 'k', t: 'go', n: 1 }, { id: 'k', t: 'go', n: 2 }];
    assert.deepEqual(lines(code42, events, { ...fail, limits: { maxSteps: 6 } }).slice(-3), [
      '  outcome: stopped: step limit of 6 reached at (perform echo message {:message "x"} (retries 1000000)) after 2 matches',
      '',
      'stopped: 2 matches in 1 key group',
    ]);
  });
});
