// Exact traces of small 4.1 patterns: every step with its kind, virtual time, form range and text,
// which form took each event, and the outcome, for each when-side combinator and guard, each
// then-side form and option, and the values of both sides.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompactRange } from '../support/documents';
import { GroupShape, runCode, RunOptions, shapesOf } from '../support/simulation';

interface Case {
  name: string;
  code: string;
  events?: unknown[];
  options?: RunOptions;
  groups: GroupShape[];
}

const cases: Case[] = [
  {
    name: 'set, do, success and failure blocks as then-side forms; an unknown form is noted and skipped',
    code: ';; When\n(event (= t "go"))\n;; Then\n(set a *name*)\n(do (set b 1) (set c 2))\n(success (set d 3))\n(failure (set e 4))\n(frob 1)\n"text"\n(set f)\n(set 5 6)\n(delay 5)\n(seq (if (= 1 1) (set g 1)) (retries "x") (template "t"))\n(par (if (= 1 1) (set h 1)))\n(set m {:a (frob 1)})',
    events: [{ id: 'k', t: 'go', name: 'Ada' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 18], 'event 1 taken by (event (= t "go"))'],
          ['match', '0s', [1, 0, 1, 18], 'matched (1) on events 1'],
          ['set', '0s', [3, 0, 3, 14], 'a = "Ada"'],
          ['set', '0s', [4, 4, 4, 13], 'b = 1'],
          ['set', '0s', [4, 14, 4, 23], 'c = 2'],
          ['set', '0s', [5, 9, 5, 18], 'd = 3'],
          ['set', '0s', [6, 9, 6, 18], 'e = 4'],
          ['note', '0s', [7, 0, 7, 8], '(frob 1) is not a then-side form: skipped'],
          ['note', '0s', [8, 0, 8, 6], '"text" is not a then-side form: skipped'],
          ['set', '0s', [9, 0, 9, 7], 'f = null'],
          ['set', '0s', [10, 0, 10, 9], '? = 6'],
          ['note', '0s', [11, 0, 11, 9], '(delay 5) is not (delay <n> <unit>): no time passes'],
          ['branch', '0s', [12, 5, 12, 27], 'if: the predicate holds'],
          ['set', '0s', [12, 17, 12, 26], 'g = 1'],
          ['branch', '0s', [13, 5, 13, 27], 'if: the predicate holds'],
          ['set', '0s', [13, 17, 13, 26], 'h = 1'],
          ['note', '0s', [14, 11, 14, 19], '(frob 1): `frob` is not a function the simulator knows; nil used'],
          ['set', '0s', [14, 0, 14, 21], 'm = {"a":null}'],
        ],
        uses: [[1, '(event (= t "go"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "go"))', [1, 0, 1, 18], 'an event where (= t "go")'] },
      },
    ],
  },
  {
    name: 'if: without success/failure takes its first or second form; a missing test does not hold',
    code: ';; When\n(event (= t "go"))\n;; Then\n(if (= *name* "Ada") (set a 1) (set a 2))\n(if (= *name* "Bob") (set b 1) (set b 2))\n(if (= *name* "Bob") (set c 1))\n(if)\n(if (= *name* "Bob") (success (set d 1)))\n(if (= *name* "Ada") (failure (set e 1)))\n(if (= *name* "Ada") (success (set s 1)) (failure (set s 2)))\n(if (= *name* "Bob") (success (set s 3)) (failure (set s 4)))\n(set z 0)',
    events: [{ id: 'k', t: 'go', name: 'Ada' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 18], 'event 1 taken by (event (= t "go"))'],
          ['match', '0s', [1, 0, 1, 18], 'matched (1) on events 1'],
          ['branch', '0s', [3, 0, 3, 41], 'if: the predicate holds'],
          ['set', '0s', [3, 21, 3, 30], 'a = 1'],
          ['branch', '0s', [4, 0, 4, 41], 'if: the predicate does not hold'],
          ['set', '0s', [4, 31, 4, 40], 'b = 2'],
          ['branch', '0s', [5, 0, 5, 31], 'if: the predicate does not hold'],
          ['branch', '0s', [6, 0, 6, 4], 'if: the predicate does not hold'],
          ['branch', '0s', [7, 0, 7, 41], 'if: the predicate does not hold'],
          ['branch', '0s', [8, 0, 8, 41], 'if: the predicate holds'],
          ['branch', '0s', [9, 0, 9, 61], 'if: the predicate holds'],
          ['set', '0s', [9, 30, 9, 39], 's = 1'],
          ['branch', '0s', [10, 0, 10, 61], 'if: the predicate does not hold'],
          ['set', '0s', [10, 50, 10, 59], 's = 4'],
          ['set', '0s', [11, 0, 11, 9], 'z = 0'],
        ],
        uses: [[1, '(event (= t "go"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "go"))', [1, 0, 1, 18], 'an event where (= t "go")'] },
      },
    ],
  },
  {
    name: 'seq within its window succeeds; past it fails, and retries run it again',
    code: ';; When\n(event (= t "go"))\n;; Then\n(seq (delay 10 seconds) (set a 1) (within 1 minutes))\n(seq (delay 1 minutes) (within 1 minutes))\n(seq (delay 2 minutes) (set b 1) (within 1 minutes) (retries 1) (failure (set late true)))\n(set never 1)',
    events: [{ id: 'k', t: 'go', name: 'Ada' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 18], 'event 1 taken by (event (= t "go"))'],
          ['match', '0s', [1, 0, 1, 18], 'matched (1) on events 1'],
          ['delay', '0s', [3, 5, 3, 23], 'wait 10s'],
          ['set', '10s', [3, 24, 3, 33], 'a = 1'],
          ['delay', '10s', [4, 5, 4, 22], 'wait 1m'],
          ['delay', '1m 10s', [5, 5, 5, 22], 'wait 2m'],
          ['set', '3m 10s', [5, 23, 5, 32], 'b = 1'],
          ['note', '3m 10s', [5, 0, 5, 90], 'took 2m, longer than its window of 1m: failed'],
          ['delay', '3m 10s', [5, 5, 5, 22], 'wait 2m'],
          ['set', '5m 10s', [5, 23, 5, 32], 'b = 1'],
          ['note', '5m 10s', [5, 0, 5, 90], 'took 2m, longer than its window of 1m: failed'],
          ['assumed', '5m 10s', [5, 0, 5, 90], 'assumed: a failure that a `(failure ...)` block handles still fails the enclosing `seq`'],
          ['set', '5m 10s', [5, 73, 5, 88], 'late = true'],
        ],
        uses: [[1, '(event (= t "go"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "go"))', [1, 0, 1, 18], 'an event where (= t "go")'] },
      },
    ],
  },
  {
    name: 'par: members start together; a failed member fails it; retries run it again; its window',
    code: ';; When\n(event (= t "go"))\n;; Then\n(par (seq (delay 1 minutes) (set a 1)) (send echo message {:message "x"}) (retries 1) (failure (set failed true)))\n(par (delay 30 seconds) (delay 2 minutes) (within 1 minutes) (success (set s 1)) (failure (set f 1)))\n(set never 1)',
    events: [{ id: 'k', t: 'go', name: 'Ada' }],
    options: { mocks: { 'echo message': { fail: 'down' } } },
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 18], 'event 1 taken by (event (= t "go"))'],
          ['match', '0s', [1, 0, 1, 18], 'matched (1) on events 1'],
          ['delay', '0s', [3, 10, 3, 27], 'wait 1m'],
          ['set', '1m', [3, 28, 3, 37], 'a = 1'],
          ['interaction', '0s', [3, 39, 3, 73], 'send echo message {"message":"x"}: failed: down'],
          ['delay', '1m', [3, 10, 3, 27], 'wait 1m'],
          ['set', '2m', [3, 28, 3, 37], 'a = 1'],
          ['interaction', '1m', [3, 39, 3, 73], 'send echo message {"message":"x"}: failed: down'],
          ['assumed', '2m', [3, 0, 3, 114], 'assumed: a failure that a `(failure ...)` block handles still fails the enclosing `seq`'],
          ['set', '2m', [3, 95, 3, 112], 'failed = true'],
        ],
        uses: [[1, '(event (= t "go"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "go"))', [1, 0, 1, 18], 'an event where (= t "go")'] },
      },
    ],
  },
  {
    name: 'par and seq that succeed run their success block',
    code: ';; When\n(event (= t "go"))\n;; Then\n(par (delay 30 seconds) (send echo message {:message "x"}) (within 1 minutes) (success (set s 1)) (failure (set f 1)))\n(seq (set q 1) (success (set t2 2)))\n(par (set r 1) (retries 2))',
    events: [{ id: 'k', t: 'go', name: 'Ada' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 18], 'event 1 taken by (event (= t "go"))'],
          ['match', '0s', [1, 0, 1, 18], 'matched (1) on events 1'],
          ['delay', '0s', [3, 5, 3, 23], 'wait 30s'],
          ['interaction', '0s', [3, 24, 3, 58], 'send echo message {"message":"x"}: ok {}'],
          ['set', '30s', [3, 87, 3, 96], 's = 1'],
          ['set', '30s', [4, 5, 4, 14], 'q = 1'],
          ['set', '30s', [4, 24, 4, 34], 't2 = 2'],
          ['set', '30s', [5, 5, 5, 14], 'r = 1'],
        ],
        uses: [[1, '(event (= t "go"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "go"))', [1, 0, 1, 18], 'an event where (= t "go")'] },
      },
    ],
  },
  {
    name: 'send: params from its map and template maps, a non-map param, success with $field, an unknown response field',
    code: ';; When\n(event (= t "go"))\n;; Then\n(send echo message {:message *name*} (template {:extra "e"}) (template "x") (success (set tx (template "got {{sid}}")) (set sid $sid) (set no $nope)))\n(send echo message (template {:only 1}))\n(send echo)\n(send echo message "ab")\n(set r $sid)',
    events: [{ id: 'k', t: 'go', name: 'Ada' }],
    options: { mocks: { 'echo message': { ok: { sid: 'S1' } } } },
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 18], 'event 1 taken by (event (= t "go"))'],
          ['match', '0s', [1, 0, 1, 18], 'matched (1) on events 1'],
          ['interaction', '0s', [3, 0, 3, 150], 'send echo message {"message":"Ada","extra":"e"}: ok {"sid":"S1"}'],
          ['assumed', '0s', [3, 103, 3, 116], 'assumed: `{{name}}` in templates is not HTML-escaped (the text goes to SMS, mail and chat)'],
          ['set', '0s', [3, 85, 3, 118], 'tx = "got S1"'],
          ['set', '0s', [3, 119, 3, 133], 'sid = "S1"'],
          ['note', '0s', [3, 142, 3, 147], '$nope: no field "nope" in the response; nil used'],
          ['set', '0s', [3, 134, 3, 148], 'no = null'],
          ['interaction', '0s', [4, 0, 4, 40], 'send echo message {"only":1}: ok {"sid":"S1"}'],
          ['interaction', '0s', [5, 0, 5, 11], 'send echo ? {}: ok {}'],
          ['interaction', '0s', [6, 0, 6, 24], 'send echo message {}: ok {"sid":"S1"}'],
          ['note', '0s', [7, 7, 7, 11], '$sid: $sid outside a success block; nil used'],
          ['set', '0s', [7, 0, 7, 12], 'r = null'],
        ],
        uses: [[1, '(event (= t "go"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "go"))', [1, 0, 1, 18], 'an event where (= t "go")'] },
      },
    ],
  },
  {
    name: 'send with retries: a count that is no number is none; a negative count is none',
    code: ';; When\n(event (= t "go"))\n;; Then\n(par (send echo a {:message "a"} (retries "x")) (send echo b {:message "b"} (retries -2)) (send echo c {:message "c"} (retries 1.7)))',
    events: [{ id: 'k', t: 'go', name: 'Ada' }],
    options: { mocks: { 'echo a': { fail: 'down' }, 'echo b': { fail: 'down' }, 'echo c': [{ fail: 'down' }, { ok: {} }] } },
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 18], 'event 1 taken by (event (= t "go"))'],
          ['match', '0s', [1, 0, 1, 18], 'matched (1) on events 1'],
          ['interaction', '0s', [3, 5, 3, 47], 'send echo a {"message":"a"}: failed: down'],
          ['interaction', '0s', [3, 48, 3, 89], 'send echo b {"message":"b"}: failed: down'],
          ['interaction', '0s', [3, 90, 3, 132], 'send echo c {"message":"c"}: failed: down'],
          ['interaction', '0s', [3, 90, 3, 132], 'send echo c {"message":"c"} (attempt 2): ok {}'],
        ],
        uses: [[1, '(event (= t "go"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "go"))', [1, 0, 1, 18], 'an event where (= t "go")'] },
      },
    ],
  },
  {
    name: 'a then-side event: its fields, a non-map, no fields; the pattern takes them',
    code: ';; When\n(event (= t "x"))\n;; Then\n(event {:t "y" :n *n*})\n(event 5)\n(event)',
    events: [{ id: 'k', t: 'x', n: 1 }, { id: 'k', t: 'z', '@time': '+1m' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 17], 'event 1 taken by (event (= t "x"))'],
          ['match', '0s', [1, 0, 1, 17], 'matched (1) on events 1'],
          ['emit', '0s', [3, 0, 3, 23], 'event 3 added: {"t":"y","n":1}'],
          ['emit', '0s', [4, 0, 4, 9], 'event 4 added: {}'],
          ['emit', '0s', [5, 0, 5, 7], 'event 5 added: {}'],
        ],
        uses: [[1, '(event (= t "x"))'], [3, 'not used'], [4, 'not used'], [5, 'not used'], [2, 'not used']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "x"))', [1, 0, 1, 17], 'an event where (= t "x")'] },
      },
    ],
  },
  {
    name: 'expect without a window waits to the last event; it takes only events from now on, not used ones',
    code: ';; When\n(seq (event (= t "go")) (event (= t "ack")))\n;; Then\n(expect (= t "ack")\n  (success (set got 1)))\n(expect)\n(expect (= t "ack"))',
    events: [{ id: 'k', t: 'ack' }, { id: 'k', t: 'go' }, { id: 'k', t: 'ack' }, { id: 'k', t: 'ack', '@time': '+1h' }, { id: 'k', t: 'x' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '1s', [1, 5, 1, 23], 'event 2 taken by (event (= t "go"))'],
          ['event', '2s', [1, 24, 1, 43], 'event 3 taken by (event (= t "ack"))'],
          ['match', '2s', [1, 0, 1, 44], 'matched (1) on events 2, 3'],
          ['assumed', '2s', [3, 0, 4, 24], 'assumed: an `expect` without `(within ...)` waits until the group\'s last event'],
          ['event', '1h 2s', [3, 0, 4, 24], 'event 4 taken by (expect (= t "ack") (success (set got 1)))'],
          ['branch', '1h 2s', [3, 0, 4, 24], 'expect: the event came'],
          ['set', '1h 2s', [4, 11, 4, 22], 'got = 1'],
          ['event', '1h 3s', [5, 0, 5, 8], 'event 5 taken by (expect)'],
          ['branch', '1h 3s', [5, 0, 5, 8], 'expect: the event came'],
          ['branch', '1h 3s', [6, 0, 6, 20], 'expect: no such event in its window'],
        ],
        uses: [[1, 'not used'], [2, '(event (= t "go"))'], [3, '(event (= t "ack"))'], [4, '(expect (= t "ack") (success (set got 1)))'], [5, '(expect)']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "go"))', [1, 5, 1, 23], 'an event where (= t "go")'] },
      },
    ],
  },
  {
    name: 'expect with a window: an event past it is not taken; the clock moves to the window end',
    code: ';; When\n(event (= t "go"))\n;; Then\n(expect (= t "now"))\n(expect (= t "ack") (within 5 minutes))\n(set m {:a (frob 1)})\n(expect (= t "ack") (within 10 seconds) (failure (set late 1)))\n(set never 1)',
    events: [{ id: 'k', t: 'go' }, { id: 'k', t: 'now', '@time': '+0s' }, { id: 'k', t: 'other', '@time': '+1m' }, { id: 'k', t: 'ack', '@time': '+4m' }, { id: 'k', t: 'ack', '@time': '+1m' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 18], 'event 1 taken by (event (= t "go"))'],
          ['match', '0s', [1, 0, 1, 18], 'matched (1) on events 1'],
          ['assumed', '0s', [3, 0, 3, 20], 'assumed: an `expect` without `(within ...)` waits until the group\'s last event'],
          ['event', '0s', [3, 0, 3, 20], 'event 2 taken by (expect (= t "now"))'],
          ['branch', '0s', [3, 0, 3, 20], 'expect: the event came'],
          ['event', '5m', [4, 0, 4, 39], 'event 4 taken by (expect (= t "ack") (within 5 minutes))'],
          ['branch', '5m', [4, 0, 4, 39], 'expect: the event came'],
          ['note', '5m', [5, 11, 5, 19], '(frob 1): `frob` is not a function the simulator knows; nil used'],
          ['set', '5m', [5, 0, 5, 21], 'm = {"a":null}'],
          ['branch', '5m 10s', [6, 0, 6, 63], 'expect: no such event in its window'],
          ['assumed', '5m 10s', [6, 0, 6, 63], 'assumed: a failure that a `(failure ...)` block handles still fails the enclosing `seq`'],
          ['set', '5m 10s', [6, 49, 6, 61], 'late = 1'],
        ],
        uses: [[1, '(event (= t "go"))'], [2, '(expect (= t "now"))'], [3, 'not used'], [4, '(expect (= t "ack") (within 5 minutes))'], [5, 'not used']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "go"))', [1, 0, 1, 18], 'an event where (= t "go")'] },
      },
    ],
  },
  {
    name: 'await without a test holds at the first ok; a failed poll polls again; the window counts from the start',
    code: ';; When\n(event (= t "go"))\n;; Then\n(await twilio call-status {:sid "C"} (success (set s $status)))\n(await twilio call-status {:sid "D"} (within 15 seconds) (failure (set f 1)))\n(set never 1)',
    events: [{ id: 'k', t: 'go', name: 'Ada' }],
    options: { mocks: { 'twilio call-status': [{ fail: 'busy' }, { ok: { status: 'done' } }, { fail: 'busy' }] } },
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 18], 'event 1 taken by (event (= t "go"))'],
          ['match', '0s', [1, 0, 1, 18], 'matched (1) on events 1'],
          ['assumed', '0s', [3, 0, 3, 63], 'assumed: an `await` without `(within ...)` polls until the run\'s virtual-time limit'],
          ['assumed', '0s', [3, 0, 3, 63], 'assumed: an `await` polls every 10s of virtual time; its `failure` branch runs once, when the window ends'],
          ['interaction', '0s', [3, 0, 3, 63], 'await twilio call-status {"sid":"C"}: failed: busy'],
          ['interaction', '10s', [3, 0, 3, 63], 'await twilio call-status {"sid":"C"}: ok {"status":"done"}'],
          ['branch', '10s', [3, 0, 3, 63], 'the predicate holds'],
          ['set', '10s', [3, 46, 3, 61], 's = "done"'],
          ['interaction', '10s', [4, 0, 4, 77], 'await twilio call-status {"sid":"D"}: failed: busy'],
          ['interaction', '20s', [4, 0, 4, 77], 'await twilio call-status {"sid":"D"}: failed: busy'],
          ['branch', '20s', [4, 0, 4, 77], 'window of 15s ended without the predicate holding'],
          ['assumed', '20s', [4, 0, 4, 77], 'assumed: a failure that a `(failure ...)` block handles still fails the enclosing `seq`'],
          ['set', '20s', [4, 66, 4, 75], 'f = 1'],
        ],
        uses: [[1, '(event (= t "go"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "go"))', [1, 0, 1, 18], 'an event where (= t "go")'] },
      },
    ],
  },
  {
    name: 'await with a test: success branch and the await\'s own success block both run',
    code: ';; When\n(event (= t "go"))\n;; Then\n(await twilio call-status {:sid "C"} (if (= $status "done") (success (set in $status)) (failure (set out 1))) (success (set own $status)) (within 1 minutes))',
    events: [{ id: 'k', t: 'go', name: 'Ada' }],
    options: { mocks: { 'twilio call-status': { ok: { status: 'done' } } } },
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 18], 'event 1 taken by (event (= t "go"))'],
          ['match', '0s', [1, 0, 1, 18], 'matched (1) on events 1'],
          ['assumed', '0s', [3, 0, 3, 157], 'assumed: an `await` polls every 10s of virtual time; its `failure` branch runs once, when the window ends'],
          ['interaction', '0s', [3, 0, 3, 157], 'await twilio call-status {"sid":"C"}: ok {"status":"done"}'],
          ['branch', '0s', [3, 37, 3, 109], 'the predicate holds'],
          ['set', '0s', [3, 69, 3, 85], 'in = "done"'],
          ['set', '0s', [3, 119, 3, 136], 'own = "done"'],
        ],
        uses: [[1, '(event (= t "go"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "go"))', [1, 0, 1, 18], 'an event where (= t "go")'] },
      },
    ],
  },
  {
    name: 'values: and, or, template strings and refs, unknown functions, variables, responses outside success',
    code: ';; When\n(event (= t "go"))\n;; Then\n(set a (and true (= 1 1)))\n(set b (and true nil))\n(set c (or nil (= 1 2)))\n(set d (or nil 1))\n(set e (template "Hi {{name}}"))\n(set f (template))\n(set g (template +TM1))\n(set h (frob 1))\n(set i ((inc) 1))\n(set j nobody)\n(set l $x)\n(set m *nope*)\n(set n +TM1)\n(set n2 +TM9)\n(set o a)\n(set p {:a (frob 1) :b 2})',
    events: [{ id: 'k', t: 'go', name: 'Ada' }],
    options: { templates: [{ id: 'TM1', template: 'T {{name}} {{a}}' }] },
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 18], 'event 1 taken by (event (= t "go"))'],
          ['match', '0s', [1, 0, 1, 18], 'matched (1) on events 1'],
          ['set', '0s', [3, 0, 3, 26], 'a = true'],
          ['set', '0s', [4, 0, 4, 22], 'b = false'],
          ['set', '0s', [5, 0, 5, 24], 'c = false'],
          ['set', '0s', [6, 0, 6, 18], 'd = true'],
          ['assumed', '0s', [7, 17, 7, 30], 'assumed: `{{name}}` in templates is not HTML-escaped (the text goes to SMS, mail and chat)'],
          ['set', '0s', [7, 0, 7, 32], 'e = "Hi Ada"'],
          ['set', '0s', [8, 0, 8, 18], 'f = null'],
          ['set', '0s', [9, 0, 9, 23], 'g = "T Ada true"'],
          ['note', '0s', [10, 7, 10, 15], '(frob 1): `frob` is not a function the simulator knows; nil used'],
          ['set', '0s', [10, 0, 10, 16], 'h = null'],
          ['note', '0s', [11, 7, 11, 16], '((inc) 1): `(...)` is not a function the simulator knows; nil used'],
          ['set', '0s', [11, 0, 11, 17], 'i = null'],
          ['note', '0s', [12, 7, 12, 13], 'nobody: variable nobody is not set; nil used'],
          ['set', '0s', [12, 0, 12, 14], 'j = null'],
          ['note', '0s', [13, 7, 13, 9], '$x: $x outside a success block; nil used'],
          ['set', '0s', [13, 0, 13, 10], 'l = null'],
          ['note', '0s', [14, 7, 14, 13], '*nope*: no field "nope" in the matched events; nil used'],
          ['set', '0s', [14, 0, 14, 14], 'm = null'],
          ['set', '0s', [15, 0, 15, 12], 'n = "T Ada true"'],
          ['note', '0s', [16, 8, 16, 12], 'no template with id TM9 (known: TM1): +TM9 stays as written'],
          ['set', '0s', [16, 0, 16, 13], 'n2 = "+TM9"'],
          ['set', '0s', [17, 0, 17, 9], 'o = true'],
          ['note', '0s', [18, 11, 18, 19], '(frob 1): `frob` is not a function the simulator knows; nil used'],
          ['set', '0s', [18, 0, 18, 26], 'p = {"a":null,"b":2}'],
        ],
        uses: [[1, '(event (= t "go"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "go"))', [1, 0, 1, 18], 'an event where (= t "go")'] },
      },
    ],
  },
  {
    name: 'when side: bare names read the candidate; a missing field is nil; errors do not hold',
    code: ';; When\n(any (event (= nope 1)) (event (frob t)) (event (and (= t "go") (or (= name "Bob") (= *name* "Ada")))) (event (= [t (frob 1)] ["go" nil])))\n;; Then\n(set x *name*)',
    events: [{ id: 'k', t: 'go', name: 'Cy' }, { id: 'k', t: 'go', name: 'Ada' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '1s', [1, 41, 1, 102], 'event 2 taken by (event (and (= t "go") (or (= name "Bob") (= *name* "Ada"))…'],
          ['match', '1s', [1, 0, 1, 139], 'matched (1) on events 2'],
          ['set', '1s', [3, 0, 3, 14], 'x = "Ada"'],
        ],
        uses: [[1, 'not used'], [2, '(event (and (= t "go") (or (= name "Bob") (= *name* "Ada"))…']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= nope 1))', [1, 5, 1, 23], 'any of: (event (= nope 1)), (event (frob t)), (event (and (= t "go") (or (= name "Bob") (= *name* "Ada"))…, (event (= [t (frob 1)] ["go" nil]))'] },
      },
    ],
  },
  {
    name: 'count of a non-number, (event) of any event, a lone fail, a form that is no collection',
    code: ';; When\n(any (count "2" (event)) (count) (fail (event)) (set x 1))\n;; Then\n(set y 1)',
    events: [{ id: 'k', t: 'go', name: 'Ada' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['assumed', '0s', [1, 33, 1, 47], 'assumed: a `(fail ...)` outside `seq`/`all` never matches'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'not-matched', waiting: ['(count "2" (event))', [1, 5, 1, 24], 'any of: (count "2" (event)), (count), (fail (event)), (set x 1)'] },
      },
    ],
  },
  {
    name: 'all with a fail guard: the guard before the match completes abandons it',
    code: ';; When\n(all (event (= t "a")) (event (= t "b")) (fail (event (= t "x"))))\n;; Then\n(set y 1)',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'x' }, { id: 'k', t: 'b' }, { id: 'k', t: 'a' }, { id: 'k', t: 'b' }, { id: 'k', t: 'x' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['assumed', '0s', [1, 0, 1, 66], 'assumed: `all`/`and` gives each part the earliest event it accepts, part by part in written order'],
          ['abandon', '1s', [1, 41, 1, 65], 'event 2 came first: (fail (event (= t "x"))) drops the match so far'],
          ['event', '2s', [1, 23, 1, 40], 'event 3 taken by (event (= t "b"))'],
          ['event', '3s', [1, 5, 1, 22], 'event 4 taken by (event (= t "a"))'],
          ['match', '3s', [1, 0, 1, 66], 'matched (1) on events 3, 4'],
          ['set', '3s', [3, 0, 3, 9], 'y = 1'],
        ],
        uses: [[1, 'not used'], [2, 'not used'], [3, '(event (= t "b"))'], [4, '(event (= t "a"))'], [5, 'not used'], [6, 'not used']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "a"))', [1, 5, 1, 22], 'an event where (= t "a")'] },
      },
    ],
  },
  {
    name: 'a guard after the match, and an empty guard, do not abandon it',
    code: ';; When\n(seq (event (= t "a")) (fail) (fail (event (= t "x"))) (event (= t "b")))\n;; Then\n(set y 1)',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'b' }, { id: 'k', t: 'x' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 5, 1, 22], 'event 1 taken by (event (= t "a"))'],
          ['event', '1s', [1, 55, 1, 72], 'event 2 taken by (event (= t "b"))'],
          ['match', '1s', [1, 0, 1, 73], 'matched (1) on events 1, 2'],
          ['set', '1s', [3, 0, 3, 9], 'y = 1'],
        ],
        uses: [[1, '(event (= t "a"))'], [2, '(event (= t "b"))'], [3, 'not used']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "a"))', [1, 5, 1, 22], 'an event where (= t "a")'] },
      },
    ],
  },
  {
    name: 'all and seq of nothing but guards, and within of nothing, wait for nothing',
    code: ';; When\n(any (all (fail (event))) (seq (fail (event))) (within 1 minutes) (when))\n;; Then\n(set y 1)',
    events: [{ id: 'k', t: 'go', name: 'Ada' }],
    groups: [
      {
        key: 'k',
        steps: [
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'not-matched', waiting: ['(all (fail (event)))', [1, 5, 1, 25], 'any of: (all (fail (event))), (seq (fail (event))), (within 1 minutes), (when)'] },
      },
    ],
  },
  {
    name: 'any takes the part whose match ends first',
    code: ';; When\n(any (seq (event (= t "a")) (event (= t "c"))) (seq (event (= t "b")) (event (= t "b"))))\n;; Then\n(set y 1)',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'b' }, { id: 'k', t: 'b' }, { id: 'k', t: 'c' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '1s', [1, 52, 1, 69], 'event 2 taken by (event (= t "b"))'],
          ['event', '2s', [1, 70, 1, 87], 'event 3 taken by (event (= t "b"))'],
          ['match', '2s', [1, 0, 1, 89], 'matched (1) on events 2, 3'],
          ['set', '2s', [3, 0, 3, 9], 'y = 1'],
        ],
        uses: [[1, 'not used'], [2, '(event (= t "b"))'], [3, '(event (= t "b"))'], [4, 'not used']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "a"))', [1, 10, 1, 27], 'any of: (seq (event (= t "a")) (event (= t "c"))), (seq (event (= t "b")) (event (= t "b")))'] },
      },
    ],
  },
  {
    name: 'a reaction that runs past the next match: reactions do not overlap',
    code: ';; When\n(event (= t "a"))\n;; Then\n(delay 1 minutes)',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'a' }, { id: 'k', t: 'a', '@time': '+5m' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 17], 'event 1 taken by (event (= t "a"))'],
          ['match', '0s', [1, 0, 1, 17], 'matched (1) on events 1'],
          ['delay', '0s', [3, 0, 3, 17], 'wait 1m'],
          ['assumed', '1m', [1, 0, 1, 17], 'assumed: a reaction runs to its end before the next match starts: reactions do not overlap'],
          ['event', '1s', [1, 0, 1, 17], 'event 2 taken by (event (= t "a"))'],
          ['match', '1m', [1, 0, 1, 17], 'matched (2) on events 2'],
          ['delay', '1m', [3, 0, 3, 17], 'wait 1m'],
          ['event', '5m 1s', [1, 0, 1, 17], 'event 3 taken by (event (= t "a"))'],
          ['match', '5m 1s', [1, 0, 1, 17], 'matched (3) on events 3'],
          ['delay', '5m 1s', [3, 0, 3, 17], 'wait 1m'],
        ],
        uses: [[1, '(event (= t "a"))'], [2, '(event (= t "a"))'], [3, '(event (= t "a"))']],
        outcome: { kind: 'matched', matches: 3, waiting: ['(event (= t "a"))', [1, 0, 1, 17], 'an event where (= t "a")'] },
      },
    ],
  },
  {
    name: 'a then side stops at its first failure',
    code: ';; When\n(event (= t "a"))\n;; Then\n(do (send echo message {:message "1"}) (set a 1))\n(set after 1)',
    events: [{ id: 'k', t: 'a' }],
    options: { mocks: { 'echo message': { fail: 'down' } } },
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 17], 'event 1 taken by (event (= t "a"))'],
          ['match', '0s', [1, 0, 1, 17], 'matched (1) on events 1'],
          ['interaction', '0s', [3, 4, 3, 38], 'send echo message {"message":"1"}: failed: down'],
        ],
        uses: [[1, '(event (= t "a"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "a"))', [1, 0, 1, 17], 'an event where (= t "a")'] },
      },
    ],
  },
  {
    name: 'a seq whose member fails inside its window still fails',
    code: ';; When\n(event (= t "a"))\n;; Then\n(seq (send echo message {:message "x"}) (within 1 minutes) (failure (set sf 1)))',
    events: [{ id: 'k', t: 'a' }],
    options: { mocks: { 'echo message': { fail: 'down' } } },
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 17], 'event 1 taken by (event (= t "a"))'],
          ['match', '0s', [1, 0, 1, 17], 'matched (1) on events 1'],
          ['interaction', '0s', [3, 5, 3, 39], 'send echo message {"message":"x"}: failed: down'],
          ['assumed', '0s', [3, 0, 3, 80], 'assumed: a failure that a `(failure ...)` block handles still fails the enclosing `seq`'],
          ['set', '0s', [3, 68, 3, 78], 'sf = 1'],
        ],
        uses: [[1, '(event (= t "a"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "a"))', [1, 0, 1, 17], 'an event where (= t "a")'] },
      },
    ],
  },
  {
    name: 'a guard at the same time as the last event still abandons the match',
    code: ';; When\n(all (event (= t "a")) (event (= t "b")) (fail (event (= t "x"))))\n;; Then\n(set y 1)',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'x' }, { id: 'k', t: 'b', '@time': '+0s' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['assumed', '0s', [1, 0, 1, 66], 'assumed: `all`/`and` gives each part the earliest event it accepts, part by part in written order'],
          ['abandon', '1s', [1, 41, 1, 65], 'event 2 came first: (fail (event (= t "x"))) drops the match so far'],
        ],
        uses: [[1, 'not used'], [2, 'not used'], [3, 'not used']],
        outcome: { kind: 'not-matched', waiting: ['(event (= t "a"))', [1, 5, 1, 22], 'an event where (= t "a")'] },
      },
    ],
  },
  {
    name: 'the first guard that abandons ends the check',
    code: ';; When\n(seq (event (= t "a")) (fail (event (= t "x"))) (fail (event (= t "y"))) (event (= t "b")))\n;; Then\n(set y 1)',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'x' }, { id: 'k', t: 'y' }, { id: 'k', t: 'b' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['abandon', '1s', [1, 23, 1, 47], 'event 2 came first: (fail (event (= t "x"))) drops the match so far'],
        ],
        uses: [[1, 'not used'], [2, 'not used'], [3, 'not used'], [4, 'not used']],
        outcome: { kind: 'not-matched', waiting: ['(event (= t "a"))', [1, 5, 1, 22], 'an event where (= t "a")'] },
      },
    ],
  },
  {
    name: 'all of one part: no assumption; re-arms right after its event',
    code: ';; When\n(all (event (= t "a")))\n;; Then\n(set y 1)',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'a' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 5, 1, 22], 'event 1 taken by (event (= t "a"))'],
          ['match', '0s', [1, 0, 1, 23], 'matched (1) on events 1'],
          ['set', '0s', [3, 0, 3, 9], 'y = 1'],
          ['event', '1s', [1, 5, 1, 22], 'event 2 taken by (event (= t "a"))'],
          ['match', '1s', [1, 0, 1, 23], 'matched (2) on events 2'],
          ['set', '1s', [3, 0, 3, 9], 'y = 1'],
        ],
        uses: [[1, '(event (= t "a"))'], [2, '(event (= t "a"))']],
        outcome: { kind: 'matched', matches: 2, waiting: ['(event (= t "a"))', [1, 5, 1, 22], 'an event where (= t "a")'] },
      },
    ],
  },
  {
    name: 'all in a window: retried from after its earliest event; events of one time in number order',
    code: ';; When\n(within 1 minutes (all (event (= t "b")) (event (= t "a"))))\n;; Then\n(set y 1)',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'a', '@time': '+5m' }, { id: 'k', t: 'b', '@time': '+0s' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['assumed', '0s', [1, 18, 1, 59], 'assumed: `all`/`and` gives each part the earliest event it accepts, part by part in written order'],
          ['event', '5m', [1, 41, 1, 58], 'event 2 taken by (event (= t "a"))'],
          ['event', '5m', [1, 23, 1, 40], 'event 3 taken by (event (= t "b"))'],
          ['match', '5m', [1, 0, 1, 60], 'matched (1) on events 2, 3'],
          ['set', '5m', [3, 0, 3, 9], 'y = 1'],
        ],
        uses: [[1, 'not used'], [2, '(event (= t "a"))'], [3, '(event (= t "b"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "b"))', [1, 23, 1, 40], 'an event where (= t "b"), within 1 minutes'] },
      },
    ],
  },
  {
    name: 'any of two parts that end together takes the first written',
    code: ';; When\n(any (event (= t "a")) (event (not (= t "b"))))\n;; Then\n(set y 1)',
    events: [{ id: 'k', t: 'a' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 5, 1, 22], 'event 1 taken by (event (= t "a"))'],
          ['match', '0s', [1, 0, 1, 47], 'matched (1) on events 1'],
          ['set', '0s', [3, 0, 3, 9], 'y = 1'],
        ],
        uses: [[1, '(event (= t "a"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "a"))', [1, 5, 1, 22], 'any of: (event (= t "a")), (event (not (= t "b")))'] },
      },
    ],
  },
  {
    name: 'a seq in a window: exactly the window is inside; spread pairs retried from the next event',
    code: ';; When\n(within 1 minutes (seq (event (= t "a")) (event (= t "b"))))\n;; Then\n(set y 1)',
    events: [{ id: 'k', t: 'x' }, { id: 'k', t: 'x' }, { id: 'k', t: 'a' }, { id: 'k', t: 'b', '@time': '+5m' }, { id: 'k', t: 'a' }, { id: 'k', t: 'b', '@time': '+1m' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '5m 3s', [1, 23, 1, 40], 'event 5 taken by (event (= t "a"))'],
          ['event', '6m 3s', [1, 41, 1, 58], 'event 6 taken by (event (= t "b"))'],
          ['match', '6m 3s', [1, 0, 1, 60], 'matched (1) on events 5, 6'],
          ['set', '6m 3s', [3, 0, 3, 9], 'y = 1'],
        ],
        uses: [[1, 'not used'], [2, 'not used'], [3, 'not used'], [4, 'not used'], [5, '(event (= t "a"))'], [6, '(event (= t "b"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "a"))', [1, 23, 1, 40], 'an event where (= t "a"), within 1 minutes'] },
      },
    ],
  },
  {
    name: 'a seq in a window retried from the event after its first: a later pair inside the window matches',
    code: ';; When\n(within 1 minutes (seq (event (= t "a")) (event (= t "b"))))\n;; Then\n(set y 1)',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'a', '@time': '+5m' }, { id: 'k', t: 'b', '@time': '+30s' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '5m', [1, 23, 1, 40], 'event 2 taken by (event (= t "a"))'],
          ['event', '5m 30s', [1, 41, 1, 58], 'event 3 taken by (event (= t "b"))'],
          ['match', '5m 30s', [1, 0, 1, 60], 'matched (1) on events 2, 3'],
          ['set', '5m 30s', [3, 0, 3, 9], 'y = 1'],
        ],
        uses: [[1, 'not used'], [2, '(event (= t "a"))'], [3, '(event (= t "b"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "a"))', [1, 23, 1, 40], 'an event where (= t "a"), within 1 minutes'] },
      },
    ],
  },
  {
    name: 'a form text of exactly 60 characters is shown whole',
    code: ';; When\n(event (= t "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))\n;; Then\n(set x 1)',
    events: [{ id: 'k', t: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [1, 0, 1, 60], 'event 1 taken by (event (= t "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))'],
          ['match', '0s', [1, 0, 1, 60], 'matched (1) on events 1'],
          ['set', '0s', [3, 0, 3, 9], 'x = 1'],
        ],
        uses: [[1, '(event (= t "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event (= t "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))', [1, 0, 1, 60], 'an event where (= t "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")'] },
      },
    ],
  },
];

/** When sides that can never match, with the steps they take and what the pattern waits for. */
const waitingForever: [string, string[], [string, CompactRange, string]][] = [
  ['(count)', [], ['(count)', [1, 0, 1, 7], 'nothing: (count) is not a collection form']],
  ['(count 2)', [], ['(count 2)', [1, 0, 1, 9], 'nothing: (count 2) is not a collection form']],
  ['(count "2" (event))', [], ['(count "2" (event))', [1, 0, 1, 19], 'nothing: (count "2" (event)) is not a collection form']],
  ['(count 0 (event))', [], ['(count 0 (event))', [1, 0, 1, 17], 'nothing: (count 0 (event)) is not a collection form']],
  ['(within 1 minutes)', [], ['(within 1 minutes)', [1, 0, 1, 18], 'nothing: (within 1 minutes) is not a collection form']],
  ['(within "1" minutes (event))', [], ['(within "1" minutes (event))', [1, 0, 1, 28], 'nothing: (within "1" minutes (event)) is not a collection form']],
  ['(when)', [], ['(when)', [1, 0, 1, 6], 'nothing: (when) is not a collection form']],
  ['(any)', [], ['(any)', [1, 0, 1, 5], 'nothing: (any) is not a collection form']],
  ['(any "x")', [], ['"x"', [1, 5, 1, 8], 'any of: "x"']],
  ['(seq)', [], ['(seq)', [1, 0, 1, 5], 'nothing: (seq) is not a collection form']],
  ['(all)', [], ['(all)', [1, 0, 1, 5], 'nothing: (all) is not a collection form']],
  ['(fail (event))', ['assumed: a `(fail ...)` outside `seq`/`all` never matches'], ['(fail (event))', [1, 0, 1, 14], 'nothing: a lone (fail ...) never matches']],
  ['(set x 1)', [], ['(set x 1)', [1, 0, 1, 9], 'nothing: (set x 1) is not a collection form']],
  ['(seq (fail (event)))', [], ['(seq (fail (event)))', [1, 0, 1, 20], 'nothing: (seq (fail (event))) is not a collection form']],
  ['(all (fail (event)))', [], ['(all (fail (event)))', [1, 0, 1, 20], 'nothing: (all (fail (event))) is not a collection form']],
  ['(seq (event) (event))', [], ['(event)', [1, 13, 1, 20], 'any event']],
];

describe('simulator, exact traces of 4.1 patterns', () => {
  for (const c of cases) {
    it(c.name, () => {
      const trace = runCode(c.code, c.events ?? [{ id: 'k' }], c.options);
      assert.equal(trace.dialect, '4.1');
      assert.deepEqual(shapesOf(trace), c.groups);
    });
  }

  it('when sides that never match say what they wait for', () => {
    const shown = waitingForever.map(([when]): [string, string[], unknown] => {
      const group = shapesOf(runCode(`;; When\n${when}\n;; Then\n(set y 1)`, [{ id: 'k', t: 'go' }]))[0];
      return [when, group.steps.map((s) => s[3]), group.outcome.kind === 'not-matched' ? group.outcome.waiting : group.outcome];
    });
    assert.deepEqual(shown, waitingForever);
  });
});
