// The simulator's run of 4.1 patterns, form by form: which events the when side takes, what the
// then side does on the virtual clock, and the exact steps of the trace with their ranges.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compactRange, rangeIn } from '../support/documents';
import { runCode, stepsOf, usesOf } from '../support/simulation';

const pattern = (when: string, then: string) => `;; When\n${when}\n;; Then\n${then}`;

describe('simulator, 4.1 when side', () => {
  it('(event pred) takes the first event the predicate holds for; the others are not used', () => {
    const code = pattern('(event (= type "a"))', '(send echo message {:message "hi"})');
    const trace = runCode(code, [{ id: 'k', type: 'b' }, { id: 'k', type: 'a' }, { id: 'k', type: 'c' }]);
    assert.equal(trace.dialect, '4.1');
    assert.deepEqual(stepsOf(trace), [
      ['event', '1s', rangeIn(code, '(event (= type "a"))'), 'event 2 taken by (event (= type "a"))'],
      ['match', '1s', rangeIn(code, '(event (= type "a"))'), 'matched (1) on events 2'],
      ['interaction', '1s', rangeIn(code, '(send echo message {:message "hi"})'), 'send echo message {"message":"hi"}: ok {}'],
    ]);
    assert.deepEqual(usesOf(trace), [[1, 'not used'], [2, '(event (= type "a"))'], [3, 'not used']]);
    assert.deepEqual(trace.groups[0].outcome, {
      kind: 'matched',
      matches: 1,
      waiting: { form: '(event (= type "a"))', range: trace.groups[0].steps[0].range, what: 'an event where (= type "a")' },
    });
  });

  it('predicates: and, or, not, > and < over numbers, contains over strings', () => {
    const code = pattern('(event (and (or (= tier "gold") (= tier "vip")) (not (= region "eu")) (> amount 10) (< amount 20) (contains note "late")))', '(set x 1)');
    const events = [
      { id: 'k', tier: 'gold', region: 'eu', amount: 15, note: 'late' },
      { id: 'k', tier: 'vip', region: 'us', amount: 25, note: 'late' },
      { id: 'k', tier: 'vip', region: 'us', amount: 15, note: 'early' },
      { id: 'k', tier: 'bronze', region: 'us', amount: 15, note: 'late' },
      { id: 'k', tier: 'vip', region: 'us', amount: 15, note: 'very late' },
    ];
    const trace = runCode(code, events);
    assert.deepEqual(trace.groups[0].steps.filter((s) => s.kind === 'event').map((s) => s.event), [5]);
  });

  it('(count n p) within a window: a spread-out pair is dropped, the window opens again at the next event', () => {
    const when = '(within 1 hours (count 2 (event (= CallAction "abandoned"))))';
    const code = pattern(when, '(set done true)');
    const a = { id: 'k', CallAction: 'abandoned' };
    const trace = runCode(code, [a, { ...a, '@time': '+2h' }, { ...a, '@time': '+30m' }]);
    const event = rangeIn(code, '(event (= CallAction "abandoned"))');
    assert.deepEqual(stepsOf(trace), [
      ['event', '2h', event, 'event 2 taken by (event (= CallAction "abandoned"))'],
      ['event', '2h 30m', event, 'event 3 taken by (event (= CallAction "abandoned"))'],
      ['match', '2h 30m', rangeIn(code, when), 'matched (1) on events 2, 3'],
      ['set', '2h 30m', rangeIn(code, '(set done true)'), 'done = true'],
    ]);
    assert.deepEqual(usesOf(trace)[0], [1, 'not used']);
  });

  it('a window never met: not matched, and the trace says which form waits for what', () => {
    const code = pattern('(within 10 minutes (count 2 (event (= t "x"))))', '(set done true)');
    const trace = runCode(code, [{ id: 'k', t: 'x' }, { id: 'k', t: 'x', '@time': '+1h' }]);
    assert.deepEqual(stepsOf(trace), []);
    const outcome = trace.groups[0].outcome;
    assert.equal(outcome.kind, 'not-matched');
    assert.equal(outcome.kind === 'not-matched' && outcome.waiting?.what, 'an event where (= t "x") (1 of 2 so far), within 10 minutes');
    assert.deepEqual(outcome.kind === 'not-matched' && outcome.waiting && compactRange(outcome.waiting.range), rangeIn(code, '(event (= t "x"))'));
    assert.equal(trace.outcome, 'not-matched');
  });

  it('(seq p...) takes its parts in order; (all p...) in any order; (any p...) whichever comes first', () => {
    const events = [{ id: 'k', t: 'b' }, { id: 'k', t: 'a' }, { id: 'k', t: 'b' }];
    const seq = runCode(pattern('(seq (event (= t "a")) (event (= t "b")))', '(set m 1)'), events);
    assert.deepEqual(seq.groups[0].steps.filter((s) => s.kind === 'match').map((s) => s.text), ['matched (1) on events 2, 3']);
    const all = runCode(pattern('(all (event (= t "a")) (event (= t "b")))', '(set m 1)'), events);
    assert.deepEqual(all.groups[0].steps.filter((s) => s.kind === 'match' || s.kind === 'assumed').map((s) => s.text), [
      'assumed: `all`/`and` gives each part the earliest event it accepts, part by part in written order',
      'matched (1) on events 1, 2',
    ]);
    const any = runCode(pattern('(any (event (= t "a")) (event (= t "b")))', '(set m 1)'), events);
    assert.deepEqual(any.groups[0].steps.filter((s) => s.kind === 'match').map((s) => s.text), [
      'matched (1) on events 1',
      'matched (2) on events 2',
      'matched (3) on events 3',
    ]);
    assert.equal(any.matches, 3);
  });

  it('(fail p) abandons the match when p happens first, and the pattern re-arms after it', () => {
    const when = '(seq (event (= t "start")) (fail (event (= t "cancel"))) (event (= t "done")))';
    const code = pattern(when, '(set m 1)');
    const trace = runCode(code, [
      { id: 'k', t: 'start' },
      { id: 'k', t: 'cancel' },
      { id: 'k', t: 'done' },
      { id: 'k', t: 'start' },
      { id: 'k', t: 'done' },
    ]);
    const steps = stepsOf(trace);
    assert.deepEqual(steps[0], ['abandon', '1s', rangeIn(code, '(fail (event (= t "cancel")))'), 'event 2 came first: (fail (event (= t "cancel"))) drops the match so far']);
    assert.deepEqual(
      steps.filter((s) => s[0] === 'match').map((s) => s[3]),
      ['matched (1) on events 4, 5'],
    );
    assert.deepEqual(usesOf(trace).map((u) => u[1] === 'not used'), [true, true, true, false, false]);
  });

  it('pattern maps: each is a pattern with its name; a `(when ...)` wrapper is read through', () => {
    const code = '[{:name "A" :when (when (event (= t "a"))) :then (set x 1)} {:name "B" :when (event (= t "b")) :then (set y 2)}]';
    const a = runCode(code, [{ id: 'k', t: 'a' }]);
    assert.equal(a.pattern, 'A');
    assert.equal(a.matches, 1);
    const b = runCode(code, [{ id: 'k', t: 'a' }], { pattern: 1 });
    assert.equal(b.pattern, 'B');
    assert.equal(b.matches, 0);
  });

  it('groups events by the key attribute: each group matches on its own; keyless events are reported', () => {
    const code = pattern('(count 2 (event (= t "x")))', '(set m 1)');
    const trace = runCode(code, [{ cust: 'a', t: 'x' }, { cust: 'b', t: 'x' }, { t: 'x' }, { cust: 'a', t: 'x' }], { key: 'cust' });
    assert.deepEqual(trace.groups.map((g) => [g.key, g.matches]), [['a', 1], ['b', 0]]);
    assert.deepEqual(trace.problems, [{ source: 'events', message: 'event 3 has no "cust" (the key attribute): skipped' }]);
  });
});

describe('simulator, 4.1 then side', () => {
  const when = '(event (= t "go"))';
  const go = [{ id: 'k', t: 'go', phone: '+1555', name: 'Ada' }];

  it('seq stops at the first failure; send retries a failure up to n more times', () => {
    const then = '(seq (send twilio sms {:to-phone-number *phone* :from-phone-number "1" :message "m"} (retries 1)) (send echo message {:message "after"}))';
    const code = pattern(when, then);
    const trace = runCode(code, go, { mocks: { 'twilio sms': { fail: 'busy' } } });
    const sms = rangeIn(code, '(send twilio sms {:to-phone-number *phone* :from-phone-number "1" :message "m"} (retries 1))');
    assert.deepEqual(stepsOf(trace).slice(2), [
      ['interaction', '0s', sms, 'send twilio sms {"to-phone-number":"+1555","from-phone-number":"1","message":"m"}: failed: busy'],
      ['interaction', '0s', sms, 'send twilio sms {"to-phone-number":"+1555","from-phone-number":"1","message":"m"} (attempt 2): failed: busy'],
    ]);
    assert.deepEqual(trace.groups[0].interactions.map((i) => [i.attempt, i.outcome, i.reason]), [[1, 'fail', 'busy'], [2, 'fail', 'busy']]);
  });

  it('success binds the response as $field; failure runs on failure; the last mock outcome repeats', () => {
    const then = '(seq (send echo message {:message "a"} (success (set got $sid)) (failure (set failed true))) (send echo message {:message "b"} (success (set got2 $sid)) (failure (set failed true))))';
    const trace = runCode(pattern(when, then), go, { mocks: { 'echo message': [{ ok: { sid: 'S1' } }, { fail: 'down' }] } });
    assert.deepEqual(trace.groups[0].steps.filter((s) => s.kind === 'set' || s.kind === 'assumed').map((s) => s.text), [
      'got = "S1"',
      'assumed: a failure that a `(failure ...)` block handles still fails the enclosing `seq`',
      'failed = true',
    ]);
  });

  it('par starts its members together and lasts as long as the longest; delay moves the clock', () => {
    const then = '(seq (par (seq (delay 5 minutes) (set a 1)) (seq (delay 2 hours) (set b 2))) (set c 3))';
    const code = pattern(when, then);
    const steps = stepsOf(runCode(code, go));
    assert.deepEqual(steps.slice(2), [
      ['delay', '0s', rangeIn(code, '(delay 5 minutes)'), 'wait 5m'],
      ['set', '5m', rangeIn(code, '(set a 1)'), 'a = 1'],
      ['delay', '0s', rangeIn(code, '(delay 2 hours)'), 'wait 2h'],
      ['set', '2h', rangeIn(code, '(set b 2)'), 'b = 2'],
      ['set', '2h', rangeIn(code, '(set c 3)'), 'c = 3'],
    ]);
  });

  it('within fails a send whose mock times out; the timeout lasts the window', () => {
    const then = '(send echo message {:message "x"} (within 45 seconds) (failure (set late true)))';
    const trace = runCode(pattern(when, then), go, { mocks: { 'echo message': { timeout: true } } });
    assert.deepEqual(stepsOf(trace).slice(2).map((s) => [s[0], s[1], s[3]]), [
      ['interaction', '0s', 'send echo message {"message":"x"}: timed out after 45s'],
      ['assumed', '45s', 'assumed: a failure that a `(failure ...)` block handles still fails the enclosing `seq`'],
      ['set', '45s', 'late = true'],
    ]);
  });

  it('templates: +TM1 renders over the matched event fields and variables; an unknown id is noted', () => {
    const then = '(seq (set who "agent") (send twilio sms {:to-phone-number *phone* :from-phone-number "1"} (template {:message +TM1})) (send echo message {:message +TM9}))';
    const trace = runCode(pattern(when, then), go, { templates: [{ id: 'TM1', template: 'Hi {{name}} <3, from {{who}}' }] });
    const interactions = trace.groups[0].interactions;
    assert.equal(interactions[0].params.message, 'Hi Ada <3, from agent');
    assert.equal(interactions[1].params.message, '+TM9');
    assert.ok(trace.groups[0].steps.some((s) => s.text === 'no template with id TM9 (known: TM1): +TM9 stays as written'));
  });

  it('credential values are masked in the trace as in the previews', () => {
    const then = '(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m" :password "hunter2"})';
    const trace = runCode(pattern(when, then), go);
    assert.equal(trace.groups[0].interactions[0].params.password, '•••');
    assert.ok(!JSON.stringify(trace).includes('hunter2'));
  });

  it('if branches on success/failure blocks; set binds; *field* reads the matched event', () => {
    const then = '(if (= *name* "Ada") (success (set greeting "hello")) (failure (set greeting "who?")))';
    const code = pattern(when, then);
    assert.deepEqual(stepsOf(runCode(code, go)).slice(2), [
      ['branch', '0s', rangeIn(code, then), 'if: the predicate holds'],
      ['set', '0s', rangeIn(code, '(set greeting "hello")'), 'greeting = "hello"'],
    ]);
  });

  it('a then-side (event {...}) adds an event with the group key at the current time, which the pattern can take', () => {
    const code = pattern('(event (= t "go"))', '(seq (delay 1 minutes) (event {:t "go" :from "reaction"}))');
    const trace = runCode(code, [{ id: 'k', t: 'go' }], { limits: { maxSteps: 40 } });
    const steps = stepsOf(trace);
    assert.deepEqual(steps.slice(0, 5), [
      ['event', '0s', rangeIn(code, '(event (= t "go"))'), 'event 1 taken by (event (= t "go"))'],
      ['match', '0s', rangeIn(code, '(event (= t "go"))'), 'matched (1) on events 1'],
      ['delay', '0s', rangeIn(code, '(delay 1 minutes)'), 'wait 1m'],
      ['emit', '1m', rangeIn(code, '(event {:t "go" :from "reaction"})'), 'event 2 added: {"t":"go","from":"reaction"}'],
      ['event', '1m', rangeIn(code, '(event (= t "go"))'), 'event 2 taken by (event (= t "go"))'],
    ]);
    // It feeds itself: the virtual-time limit (30 days after the last input event) stops it.
    assert.equal(trace.outcome, 'stopped');
    assert.equal(steps[steps.length - 1][0], 'limit');
  });

  it('expect waits for a matching event within its window: success when it comes, failure when not', () => {
    const then = '(expect (= t "ack") (within 10 minutes) (success (set acked true)) (failure (set acked false)))';
    const code = pattern(when, then);
    const ok = runCode(code, [{ id: 'k', t: 'go' }, { id: 'k', t: 'ack', '@time': '+5m' }]);
    assert.deepEqual(stepsOf(ok).slice(2), [
      ['event', '5m', rangeIn(code, then), 'event 2 taken by (expect (= t "ack") (within 10 minutes) (success (set acked…'],
      ['branch', '5m', rangeIn(code, then), 'expect: the event came'],
      ['set', '5m', rangeIn(code, '(set acked true)'), 'acked = true'],
    ]);
    const late = runCode(code, [{ id: 'k', t: 'go' }, { id: 'k', t: 'ack', '@time': '+15m' }]);
    assert.deepEqual(stepsOf(late).slice(2).map((s) => [s[0], s[1], s[3]]), [
      ['branch', '10m', 'expect: no such event in its window'],
      ['assumed', '10m', 'assumed: a failure that a `(failure ...)` block handles still fails the enclosing `seq`'],
      ['set', '10m', 'acked = false'],
    ]);
  });

  it('await polls every 10 s of virtual time until its predicate holds, then runs success', () => {
    const then = '(await twilio call-status {:sid "CA1"} (if (= $status "completed") (success (set done $status)) (failure (set done "no"))) (within 1 minutes))';
    const trace = runCode(pattern(when, then), go, { mocks: { 'twilio call-status': [{ ok: { status: 'ringing' } }, { ok: { status: 'ringing' } }, { ok: { status: 'completed' } }] } });
    const steps = stepsOf(trace).slice(2);
    assert.deepEqual(steps.filter((s) => s[0] !== 'assumed').map((s) => [s[0], s[1], s[3]]), [
      ['interaction', '0s', 'await twilio call-status {"sid":"CA1"}: ok {"status":"ringing"}'],
      ['branch', '0s', 'the predicate does not hold yet'],
      ['interaction', '10s', 'await twilio call-status {"sid":"CA1"}: ok {"status":"ringing"}'],
      ['branch', '10s', 'the predicate does not hold yet'],
      ['interaction', '20s', 'await twilio call-status {"sid":"CA1"}: ok {"status":"completed"}'],
      ['branch', '20s', 'the predicate holds'],
      ['set', '20s', 'done = "completed"'],
    ]);
  });

  it('await whose predicate never holds ends with its window and runs failure once', () => {
    const then = '(await twilio call-status {:sid "CA1"} (if (= $status "completed") (success (set done 1)) (failure (set done 0))) (within 30 seconds))';
    const trace = runCode(pattern(when, then), go, { mocks: { 'twilio call-status': { ok: { status: 'busy' } } } });
    const steps = stepsOf(trace).slice(2).filter((s) => s[0] !== 'assumed');
    assert.equal(steps.filter((s) => s[0] === 'interaction').length, 4);
    assert.deepEqual(steps.slice(-2).map((s) => [s[0], s[1], s[3]]), [
      ['branch', '30s', 'window of 30s ended without the predicate holding'],
      ['set', '30s', 'done = 0'],
    ]);
  });
});

describe('simulator, 4.1 limits', () => {
  const when = '(event (= t "go"))';
  const go = [{ id: 'k', t: 'go' }];

  it('(delay 100 days) stops at the virtual-time limit, reported with its form', () => {
    const code = pattern(when, '(delay 100 days)');
    const trace = runCode(code, go);
    const last = stepsOf(trace).pop();
    assert.deepEqual(last, ['limit', '30d', rangeIn(code, '(delay 100 days)'), 'stopped: virtual-time limit (30d after the group\'s last event, 2026-01-31T00:00:00.000Z) reached at (delay 100 days)']);
    assert.equal(trace.outcome, 'stopped');
    assert.deepEqual(trace.groups[0].outcome, { kind: 'stopped', matches: 1, limit: 'time', message: last?.[3] });
  });

  it('an await without a window polls until the limit', () => {
    const code = pattern(when, '(await twilio call-status {:sid "x"} (if (= $status "done") (success (set a 1))))');
    const trace = runCode(code, go, { limits: { maxTimeAfterLastEvent: 60_000 } });
    assert.equal(trace.groups[0].outcome.kind, 'stopped');
    assert.equal(trace.groups[0].interactions.length, 7);
  });

  it('the step limit stops a match that does too much; it is counted per match', () => {
    const code = pattern('(event (= t "go"))', '(send echo message {:message "x"} (retries 1000000))');
    const trace = runCode(code, [{ id: 'k', t: 'go' }], { limits: { maxSteps: 20 }, mocks: { 'echo message': { fail: 'down' } } });
    const outcome = trace.groups[0].outcome;
    assert.equal(trace.groups[0].interactions.length, 18);
    assert.deepEqual(outcome, { kind: 'stopped', matches: 1, limit: 'steps', message: 'stopped: step limit of 20 reached at (send echo message {:message "x"} (retries 1000000))' });
    assert.deepEqual(stepsOf(trace).pop()?.slice(0, 3), ['limit', '0s', rangeIn(code, '(send echo message {:message "x"} (retries 1000000))')]);
    // Fifty quick matches of a few steps each are well within a budget of 20 per match.
    const many = runCode(pattern('(event (= t "go"))', '(set a 1)'), Array.from({ length: 50 }, () => ({ id: 'k', t: 'go' })), { limits: { maxSteps: 20 } });
    assert.deepEqual([many.outcome, many.matches], ['matched', 50]);
  });

  it('a reaction that feeds its own pattern with no time passing stops after 10,000 added events', () => {
    const code = pattern('(event (= t "go"))', '(event {:t "go"})');
    const trace = runCode(code, [{ id: 'k', t: 'go' }]);
    const outcome = trace.groups[0].outcome;
    assert.deepEqual(outcome, { kind: 'stopped', matches: 10_001, limit: 'steps', message: 'stopped: more than 10000 events added by (event {:t "go"})' });
  });
});

describe('simulator and credentials', () => {
  const when = '(event (= t "go"))';
  const go = [{ id: 'k', t: 'go' }];

  it('no trace text repeats a credential value: not a form quoted by a limit, not a value in an error', () => {
    const code = pattern(when, '(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m" :password (+ 1 "hunter2")} (retries 100000))');
    const trace = runCode(code, go, { mocks: { 'twilio sms': { fail: 'down' } }, limits: { maxSteps: 5 } });
    const texts = trace.groups[0].steps.map((s) => s.text);
    assert.ok(!JSON.stringify(trace).includes('hunter2'), JSON.stringify(texts));
    assert.ok(texts.includes("a credential's value could not be computed; nil used"));
    assert.equal(texts[texts.length - 1], 'stopped: step limit of 5 reached at (send twilio sms {:to-phone-number "1" :from-phone-number "…');
    const shortCode = pattern(when, '(send twilio sms {:password "hunter2"} (retries 100000))');
    const short = runCode(shortCode, go, { mocks: { 'twilio sms': { fail: 'down' } }, limits: { maxSteps: 5 } });
    assert.equal(short.groups[0].steps.pop()?.text, 'stopped: step limit of 5 reached at (send twilio sms {:password •••} (retries 100000))');
  });
});
