// The simulator's run of 4.2 programs, form by form: event collection interleaved with
// interactions in program order, bindings and control, functions, and the trace's exact steps.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compactRange, rangeIn } from '../support/documents';
import { runCode, stepsOf, usesOf } from '../support/simulation';

/** Steps without their ranges, for tests about order and values. */
const plain = (code: string, events: unknown[], options = {}) => stepsOf(runCode(code, events, options)).map((s) => [s[0], s[1], s[3]]);

describe('simulator, 4.2 event collection', () => {
  it('event forms wait in program order; interactions run between them; $field is the last value seen', () => {
    const code = '(event {:type "start"})\n(perform echo message {:message $step})\n(event {:type "stop"})\n(perform echo message {:message $step})';
    const trace = runCode(code, [
      { id: 'k', type: 'stop', step: 0 },
      { id: 'k', type: 'start', step: 1, '@time': '+1m' },
      { id: 'k', type: 'stop', step: 2, '@time': '+1m' },
    ]);
    assert.equal(trace.dialect, '4.2');
    assert.equal(trace.dialectReason, 'because line 1 uses `event` with a map');
    assert.deepEqual(stepsOf(trace), [
      ['event', '1m', rangeIn(code, '(event {:type "start"})'), 'event 2 taken by (event {:type "start"})'],
      ['interaction', '1m', rangeIn(code, '(perform echo message {:message $step})'), 'perform echo message {"message":1}: ok {}'],
      ['event', '2m', rangeIn(code, '(event {:type "stop"})'), 'event 3 taken by (event {:type "stop"})'],
      ['interaction', '2m', rangeIn(code, '(perform echo message {:message $step})', 1), 'perform echo message {"message":2}: ok {}'],
      ['match', '2m', [0, 0, 3, 39], 'program ran through (1) on events 2, 3'],
    ]);
    assert.deepEqual(usesOf(trace), [[1, 'not used'], [2, '(event {:type "start"})'], [3, '(event {:type "stop"})']]);
  });

  it('criteria: constants, sets, implicit-argument predicates, and/or/not over them', () => {
    const code = '(event {:priority #{"high" "medium"} :amount (and (> 50000) (< 100000)) :sku (contains? "PEPSI") :region (not "eu")})';
    const trace = runCode(code, [
      { id: 'k', priority: 'low', amount: 60000, sku: '2L_PEPSI', region: 'us' },
      { id: 'k', priority: 'high', amount: 160000, sku: '2L_PEPSI', region: 'us' },
      { id: 'k', priority: 'high', amount: 60000, sku: 'COLA', region: 'us' },
      { id: 'k', priority: 'high', amount: 60000, sku: '2L_PEPSI', region: 'eu' },
      { id: 'k', priority: 'medium', amount: 60000, sku: '2L_PEPSI', region: 'us' },
    ]);
    assert.deepEqual(trace.groups[0].steps.filter((s) => s.kind === 'event').map((s) => s.event), [5]);
  });

  it('(and ...) takes distinct events in any order: one event meeting both does not match twice', () => {
    const code = '(and (event {:priority "high" :type "purchase"}) (event {:amount (> 50000)}))';
    const one = runCode(code, [{ id: 'john', priority: 'high', type: 'purchase', amount: 100000 }]);
    assert.equal(one.matches, 0);
    const two = runCode(code, [{ id: 'john', amount: 100000 }, { id: 'john', priority: 'high', type: 'purchase' }]);
    assert.equal(two.matches, 1);
    assert.deepEqual(usesOf(two), [[1, '(event {:amount (> 50000)})'], [2, '(event {:priority "high" :type "purchase"})']]);
  });

  it('(or ...) takes whichever comes first; (sequence ...) keeps order; (times n ...) n events', () => {
    const events = [{ id: 'k', s: 'b' }, { id: 'k', s: 'a' }, { id: 'k', s: 'a' }, { id: 'k', s: 'b' }];
    assert.deepEqual(runCode('(or (event {:s "a"}) (event {:s "b"}))', events).groups[0].steps.filter((s) => s.kind === 'match').map((s) => s.text), [
      'program ran through (1) on events 1',
      'program ran through (2) on events 2',
      'program ran through (3) on events 3',
      'program ran through (4) on events 4',
    ]);
    assert.deepEqual(runCode('(sequence (event {:s "a"}) (event {:s "b"}))', events).groups[0].steps.filter((s) => s.kind === 'match').map((s) => s.text), [
      'program ran through (1) on events 2, 4',
    ]);
    assert.deepEqual(runCode('(times 3 (event {:s #{"a" "b"}}))', events).groups[0].steps.filter((s) => s.kind === 'match').map((s) => s.text), [
      'program ran through (1) on events 1, 2, 3',
    ]);
  });

  it('(within n unit ...) needs all of its events inside one window', () => {
    const code = '(within 1 day (sequence (event {:status "call-started"}) (event {:status "call-ended"}) (event {:status "call-started"})))';
    const s = { id: 'k', status: 'call-started' };
    const e = { id: 'k', status: 'call-ended' };
    const trace = runCode(code, [s, { ...e, '@time': '+2d' }, { ...s, '@time': '+1h' }, { ...e, '@time': '+1h' }, { ...s, '@time': '+1h' }]);
    assert.deepEqual(trace.groups[0].steps.filter((st) => st.kind === 'match').map((st) => st.text), ['program ran through (1) on events 3, 4, 5']);
    const outcome = trace.groups[0].outcome;
    assert.equal(outcome.kind === 'matched' && outcome.waiting?.what, 'an event {:status "call-started"}, within 1 day');
  });

  it('(until (event ...) actions) repeats its actions until the event has come', () => {
    const code = '(event {:type "start"})\n(until (event {:type "stop"})\n  (perform echo message {:message "DING"})\n  (delay 10 seconds))';
    const trace = runCode(code, [{ id: 'k', type: 'start' }, { id: 'k', type: 'stop', '@time': '+25s' }]);
    assert.deepEqual(stepsOf(trace).map((s) => [s[0], s[1], s[3]]), [
      ['event', '0s', 'event 1 taken by (event {:type "start"})'],
      ['interaction', '0s', 'perform echo message {"message":"DING"}: ok {}'],
      ['delay', '0s', 'wait 10s'],
      ['interaction', '10s', 'perform echo message {"message":"DING"}: ok {}'],
      ['delay', '10s', 'wait 10s'],
      ['interaction', '20s', 'perform echo message {"message":"DING"}: ok {}'],
      ['delay', '20s', 'wait 10s'],
      ['event', '25s', 'event 2 taken by (event {:type "stop"})'],
      ['branch', '30s', 'until: holds in round 3'],
      ['match', '30s', 'program ran through (1) on events 1, 2'],
    ]);
  });

  it('an until that never ends is stopped by the virtual-time limit, or by the step limit when no time passes', () => {
    const timed = runCode('(event {:type "start"}) (until (event {:type "stop"}) (delay 1 hours))', [{ id: 'k', type: 'start' }]);
    const o = timed.groups[0].outcome;
    assert.equal(o.kind === 'stopped' && o.limit, 'time');
    const busy = runCode('(def n 0) (until (< n 0) (set n (inc n)))', [{ id: 'k' }], { limits: { maxSteps: 50 } });
    const b = busy.groups[0].outcome;
    assert.equal(b.kind === 'stopped' && b.message, 'stopped: step limit of 50 reached at (set n (inc n))');
  });

  it('a program still waiting for an event says which form waits, for what', () => {
    const code = '(event {:type "a"}) (event {:type "b" :n (> 3)})';
    const trace = runCode(code, [{ id: 'k', type: 'a' }, { id: 'k', type: 'b', n: 1 }]);
    const outcome = trace.groups[0].outcome;
    assert.equal(outcome.kind, 'not-matched');
    const waiting = outcome.kind === 'not-matched' ? outcome.waiting : undefined;
    assert.deepEqual(waiting && [waiting.form, compactRange(waiting.range), waiting.what], ['(event {:type "b" :n (> 3)})', rangeIn(code, '(event {:type "b" :n (> 3)})'), 'an event {:type "b" :n (> 3)}']);
  });
});

describe('simulator, 4.2 interactions', () => {
  const start = [{ id: 'k', type: 'go', amount: 7 }];

  it('unbound interactions in a row start together and last as long as the slowest', () => {
    const code = '(perform echo message {:message "a"} (timeout 2 minutes))\n(perform echo message {:message "b"})\n(create slack post {:channel "#c" :text "t"} (timeout 30 seconds))\n(def gap 0)\n(perform echo message {:message "after"})';
    const trace = runCode(code, start, { mocks: { 'echo message': [{ timeout: true }, { ok: {} }], 'slack post': { timeout: true } } });
    assert.deepEqual(stepsOf(trace).filter((s) => s[0] === 'interaction').map((s) => [s[1], s[3]]), [
      ['0s', 'perform echo message {"message":"a"}: timed out after 2m'],
      ['0s', 'perform echo message {"message":"b"}: ok {}'],
      ['0s', 'create slack post {"channel":"#c","text":"t"}: timed out after 30s'],
      ['2m', 'perform echo message {"message":"after"}: ok {}'],
    ]);
  });

  it('bound interactions run in order; the result is a map read with dots; if-let takes else on failure', () => {
    const code =
      '(if-let [call (create twilio call {:to-phone-number "1" :from-phone-number "2"})]\n  (perform echo message {:message call.sid})\n  (perform echo message {:message "no call"}))';
    const ok = runCode(code, start, { mocks: { 'twilio call': { ok: { sid: 'CA9' } } } });
    assert.deepEqual(plain(code, start, { mocks: { 'twilio call': { ok: { sid: 'CA9' } } } }).map((s) => s[2]), [
      'create twilio call {"to-phone-number":"1","from-phone-number":"2"}: ok {"sid":"CA9"}',
      'if-let: bound',
      'call = {"sid":"CA9"}',
      'perform echo message {"message":"CA9"}: ok {}',
      'program ran through (1)',
      'assumed: a program that collects no event runs once per key group',
    ]);
    assert.equal(ok.matches, 1);
    const failed = plain(code, start, { mocks: { 'twilio call': { fail: 'no answer' } } }).map((s) => s[2]);
    assert.deepEqual(failed.slice(0, 4), [
      'create twilio call {"to-phone-number":"1","from-phone-number":"2"}: failed: no answer',
      'assumed: an interaction that fails without `catch` gives nil and the program goes on',
      'if-let: nil, not bound',
      'perform echo message {"message":"no call"}: ok {}',
    ]);
  });

  it('retries, timeout and catch', () => {
    const code = '(create sendgrid email {:to "a@b.c" :from "x@y.z" :subject "s" :message "m"} (retries 2) (timeout 1 minute) (catch (perform echo message {:message "mail failed"})))';
    const steps = plain(code, start, { mocks: { 'sendgrid email': [{ fail: 'bounce' }, { timeout: true }, { fail: 'bounce' }] } });
    assert.deepEqual(steps.filter((s) => s[0] !== 'assumed').map((s) => [s[1], s[2]]), [
      ['0s', 'create sendgrid email {"to":"a@b.c","from":"x@y.z","subject":"s","message":"m"}: failed: bounce'],
      ['0s', 'create sendgrid email {"to":"a@b.c","from":"x@y.z","subject":"s","message":"m"} (attempt 2): timed out after 1m'],
      ['1m', 'create sendgrid email {"to":"a@b.c","from":"x@y.z","subject":"s","message":"m"} (attempt 3): failed: bounce'],
      ['1m', 'catch: the interaction failed'],
      ['1m', 'perform echo message {"message":"mail failed"}: ok {}'],
      ['1m', 'program ran through (1)'],
    ]);
    assert.ok(steps.some((s) => s[2] === 'assumed: `(retries n)` retries a failure up to n more times, as in 4.1 (the 4.2 guide says "how many times this interaction will be attempted")'));
  });

  it('templates: inline mustache over variables, results and event fields; +TM1 from the templates given', () => {
    const code =
      '(event {:type "go"})\n(def company "acme")\n(when-let [result (perform echo message {:the-amount $amount})]\n  (perform echo message {:message (template "{{company}}: {{result.the-amount}} of {{amount}}")})\n  (perform echo message {:message (template +TM1)}))';
    const trace = runCode(code, start, { mocks: { 'echo message': [{ ok: { 'the-amount': 7 } }, { ok: {} }] }, templates: [{ id: 'TM1', template: 'Total {{amount}} for {{company}}' }] });
    assert.deepEqual(trace.groups[0].interactions.map((i) => i.params.message ?? i.params['the-amount']), [7, 'acme: 7 of 7', 'Total 7 for acme']);
  });

  it('fetch is answered by its mock at once, and says so', () => {
    const code = '(event {:type "go"}) (def p 0) (let [plan (fetch telco plan-amount {:id $id})] (set p plan.amount))';
    assert.deepEqual(plain(code, start, { mocks: { 'telco plan-amount': { ok: { amount: 40 } } } }).slice(2, 6).map((s) => s[2]), [
      "assumed: `fetch` is answered by its mock at once: the data it waits for is the mock's response",
      'fetch telco plan-amount {"id":"k"}: ok {"amount":40}',
      'plan = {"amount":40}',
      'p = 40',
    ]);
  });

  it('a param that cannot be computed is noted and nil; the other params are sent', () => {
    const code = '(perform echo message {:message "hi" :who $nobody})';
    assert.deepEqual(plain(code, start).slice(0, 2).map((s) => s[2]), ['$nobody: no event of this match has the field "nobody"; nil used', 'perform echo message {"message":"hi","who":null}: ok {}']);
  });

  it('secrets are masked in 4.2 params too', () => {
    const trace = runCode('(create twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m" :password "hunter2"})', start);
    assert.equal(trace.groups[0].interactions[0].params.password, '•••');
  });
});

describe('simulator, 4.2 bindings, control and functions', () => {
  const ev = [{ id: 'k', amount: 300, type: 3 }];
  const sets = (code: string, events: unknown[] = ev) => runCode(code, events).groups[0].steps.filter((s) => s.kind === 'set').map((s) => s.text);

  it('def and set change globals; let binds locally and shadows', () => {
    assert.deepEqual(sets('(def m 1) (set m (+ m 1)) (let [m 10 n (* m 2)] (set total (+ m n))) (set after m)'), [
      'm = 1',
      'm = 2',
      'm = 10',
      'n = 20',
      'total = 30',
      'after = 2',
    ]);
  });

  it('if, when, unless, do', () => {
    assert.deepEqual(sets('(event {:type 3}) (if (> $amount 500) (set a "big") (set a "small")) (when (= $amount 300) (set b 1) (set c 2)) (do (set d 1) (set e 2))'), [
      'a = "small"',
      'b = 1',
      'c = 2',
      'd = 1',
      'e = 2',
    ]);
    assert.deepEqual(sets('(def counter 0) (unless (>= counter 2) (set counter (inc counter)) (set counter (inc counter)) (set counter (inc counter)))'), [
      'counter = 0',
      'counter = 1',
      'counter = 2',
    ]);
  });

  it('cond takes the first predicate that holds, else its default; case compares constants, else its default', () => {
    const cond = '(event {:type 3}) (def m "") (cond (= 200 $amount) (set m "Two Hundred") (> $amount 500) (set m "Big") (set m "Medium"))';
    assert.deepEqual(sets(cond), ['m = ""', 'm = "Medium"']);
    const caseCode = '(event {:type 3}) (def m "") (case $amount 200 (set m "Two") 300 (set m "Three") (set m "Else"))';
    assert.deepEqual(sets(caseCode), ['m = ""', 'm = "Three"']);
    assert.deepEqual(sets(caseCode, [{ id: 'k', type: 3, amount: 999 }]), ['m = ""', 'm = "Else"']);
  });

  it('(all $field) lists every value so far; math and list functions as in Clojure', () => {
    const code =
      '(times 3 (event {:type 3}))\n(let [xs (all $amount)] (set s (sum xs)) (set a (avg xs)) (set mx (max xs)) (set f (filter (>= 20) xs)) (set r (remove (>= 20) xs)) (set q (quot 7 2)) (set md (mod -7 3)) (set n (nth xs 1)) (set c (count xs)) (set e (even? (first xs))))';
    const events = [10, 20, 30].map((amount) => ({ id: 'k', type: 3, amount }));
    assert.deepEqual(sets(code, events).slice(1), ['s = 60', 'a = 20', 'mx = 30', 'f = [20,30]', 'r = [10]', 'q = 3', 'md = 2', 'n = 20', 'c = 3', 'e = true']);
  });

  it('times repeats actions; a value that cannot be computed is noted and gives nil', () => {
    const trace = runCode('(times 2 (perform echo message {:message "hi"})) (set x (+ 1 "a")) (set y missing)', ev);
    assert.deepEqual(trace.groups[0].steps.map((s) => s.text).slice(0, 7), [
      'perform echo message {"message":"hi"}: ok {}',
      'perform echo message {"message":"hi"}: ok {}',
      'assumed: `set` of a name no `def` made defines it',
      '(+ 1 "a"): + takes numbers, not "a"; nil used',
      'x = null',
      'missing: missing is not defined; nil used',
      'y = null',
    ]);
  });

  it('(delay 100 days) is stopped at the virtual-time limit', () => {
    const code = '(event {:type 3}) (delay 100 days) (perform echo message {:message "late"})';
    const trace = runCode(code, ev);
    const steps = stepsOf(trace);
    assert.deepEqual(steps.slice(1), [
      ['delay', '0s', rangeIn(code, '(delay 100 days)'), 'wait 100d'],
      ['limit', '30d', rangeIn(code, '(delay 100 days)'), "stopped: virtual-time limit (30d after the group's last event, 2026-01-31T00:00:00.000Z) reached at (delay 100 days)"],
    ]);
    assert.equal(trace.groups[0].interactions.length, 0);
  });
});
