// Exact traces of small 4.2 programs: every step with its kind, virtual time, form range and text,
// which form took each event, and the outcome, for each control form, criterion, collection and
// interaction option of the simulator.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
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
    name: 'if, when and when-let: each branch step names the branch, on the form',
    code: '(def x 1)\n(if (> x 0) (set y "pos") (set y "neg"))\n(if (< x 0) (set z 1))\n(if)\n(when (set t1 1) (set w 1) (set v 2))\n(when)\n(when (= x 2) (set u 1))\n(when-let [a x] (set b a) (set c 3))\n(when-let [n nil] (set d 1) (set d2 2))\n(when-let)',
    groups: [
      {
        key: 'k',
        steps: [
          ['set', '0s', [0, 0, 0, 9], 'x = 1'],
          ['branch', '0s', [1, 0, 1, 40], 'if: then'],
          ['assumed', '0s', [1, 12, 1, 25], 'assumed: `set` of a name no `def` made defines it'],
          ['set', '0s', [1, 12, 1, 25], 'y = "pos"'],
          ['branch', '0s', [2, 0, 2, 22], 'if: else'],
          ['branch', '0s', [3, 0, 3, 4], 'if: else'],
          ['set', '0s', [4, 6, 4, 16], 't1 = 1'],
          ['branch', '0s', [4, 0, 4, 37], 'when: holds'],
          ['set', '0s', [4, 17, 4, 26], 'w = 1'],
          ['set', '0s', [4, 27, 4, 36], 'v = 2'],
          ['branch', '0s', [5, 0, 5, 6], 'when: does not hold'],
          ['branch', '0s', [6, 0, 6, 24], 'when: does not hold'],
          ['branch', '0s', [7, 0, 7, 36], 'when-let: bound'],
          ['set', '0s', [7, 11, 7, 12], 'a = 1'],
          ['set', '0s', [7, 16, 7, 25], 'b = 1'],
          ['set', '0s', [7, 26, 7, 35], 'c = 3'],
          ['branch', '0s', [8, 0, 8, 39], 'when-let: nil, not bound'],
          ['branch', '0s', [9, 0, 9, 10], 'when-let: nil, not bound'],
          ['match', '0s', [0, 0, 9, 10], 'program ran through (1)'],
          ['assumed', '0s', [0, 0, 0, 9], 'assumed: a program that collects no event runs once per key group'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'matched', matches: 1 },
      },
    ],
  },
  {
    name: 'if-let: bound, nil with and without else; let binds pairs, ignores a lone name and a non-vector',
    code: '(def s nil)\n(if-let [a 5] (set r a) (set r 0))\n(if-let [b s] (set r 1) (set r 2))\n(if-let [c s] (set r 3))\n(if-let [d 4])\n(let [e 1 f] (set r e))\n(let e (set r 9))\n(def g)\n(def 5 6)\n(def)\n(let)\n(let [5 1])\n(if-let [h])',
    groups: [
      {
        key: 'k',
        steps: [
          ['set', '0s', [0, 0, 0, 11], 's = null'],
          ['branch', '0s', [1, 0, 1, 34], 'if-let: bound'],
          ['set', '0s', [1, 9, 1, 10], 'a = 5'],
          ['assumed', '0s', [1, 14, 1, 23], 'assumed: `set` of a name no `def` made defines it'],
          ['set', '0s', [1, 14, 1, 23], 'r = 5'],
          ['branch', '0s', [2, 0, 2, 34], 'if-let: nil, not bound'],
          ['set', '0s', [2, 24, 2, 33], 'r = 2'],
          ['branch', '0s', [3, 0, 3, 24], 'if-let: nil, not bound'],
          ['branch', '0s', [4, 0, 4, 14], 'if-let: bound'],
          ['set', '0s', [4, 9, 4, 10], 'd = 4'],
          ['set', '0s', [5, 6, 5, 7], 'e = 1'],
          ['set', '0s', [5, 13, 5, 22], 'r = 1'],
          ['set', '0s', [6, 7, 6, 16], 'r = 9'],
          ['set', '0s', [7, 0, 7, 7], 'g = null'],
          ['set', '0s', [8, 0, 8, 9], '? = 6'],
          ['set', '0s', [9, 0, 9, 5], '? = null'],
          ['set', '0s', [11, 6, 11, 7], '? = 1'],
          ['branch', '0s', [12, 0, 12, 12], 'if-let: nil, not bound'],
          ['match', '0s', [0, 0, 12, 12], 'program ran through (1)'],
          ['assumed', '0s', [0, 0, 0, 11], 'assumed: a program that collects no event runs once per key group'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'matched', matches: 1 },
      },
    ],
  },
  {
    name: 'unless stops as soon as its predicate holds, before any action or between them',
    code: '(def n 0)\n(unless (= n 0) (set n 5))\n(unless (> n 1) (set n (inc n)) (set n (inc n)) (set n (inc n)))',
    groups: [
      {
        key: 'k',
        steps: [
          ['set', '0s', [0, 0, 0, 9], 'n = 0'],
          ['branch', '0s', [1, 0, 1, 26], 'unless: the predicate holds, the rest is skipped'],
          ['set', '0s', [2, 16, 2, 31], 'n = 1'],
          ['set', '0s', [2, 32, 2, 47], 'n = 2'],
          ['branch', '0s', [2, 0, 2, 64], 'unless: the predicate holds, the rest is skipped'],
          ['match', '0s', [0, 0, 2, 64], 'program ran through (1)'],
          ['assumed', '0s', [0, 0, 0, 9], 'assumed: a program that collects no event runs once per key group'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'matched', matches: 1 },
      },
    ],
  },
  {
    name: 'cond: the first predicate that holds, the default, or nothing',
    code: '(def x 5)\n(cond (> x 10) (set r "big") (> x 1) (set r "mid") (set r "small"))\n(cond (> x 10) (set r "big") (set r "default"))\n(cond (> x 10) (set r "big") (< x 0) (set r "neg"))\n(cond)',
    groups: [
      {
        key: 'k',
        steps: [
          ['set', '0s', [0, 0, 0, 9], 'x = 5'],
          ['branch', '0s', [1, 29, 1, 36], 'cond: (> x 1) holds'],
          ['assumed', '0s', [1, 37, 1, 50], 'assumed: `set` of a name no `def` made defines it'],
          ['set', '0s', [1, 37, 1, 50], 'r = "mid"'],
          ['branch', '0s', [2, 29, 2, 46], 'cond: the default'],
          ['set', '0s', [2, 29, 2, 46], 'r = "default"'],
          ['branch', '0s', [3, 0, 3, 51], 'cond: nothing holds'],
          ['branch', '0s', [4, 0, 4, 6], 'cond: nothing holds'],
          ['match', '0s', [0, 0, 4, 6], 'program ran through (1)'],
          ['assumed', '0s', [0, 0, 0, 9], 'assumed: a program that collects no event runs once per key group'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'matched', matches: 1 },
      },
    ],
  },
  {
    name: 'case: a constant, a set, the default, or no constant matches',
    code: '(def x 2)\n(case x 1 (set r "one") 2 (set r "two") (set r "other"))\n(case x #{5 6} (set r "5/6") (set r "default"))\n(case x 7 (set r "seven"))\n(case)',
    groups: [
      {
        key: 'k',
        steps: [
          ['set', '0s', [0, 0, 0, 9], 'x = 2'],
          ['branch', '0s', [1, 24, 1, 25], 'case: 2'],
          ['assumed', '0s', [1, 26, 1, 39], 'assumed: `set` of a name no `def` made defines it'],
          ['set', '0s', [1, 26, 1, 39], 'r = "two"'],
          ['branch', '0s', [2, 29, 2, 46], 'case: the default'],
          ['set', '0s', [2, 29, 2, 46], 'r = "default"'],
          ['branch', '0s', [3, 0, 3, 26], 'case: no constant matches'],
          ['branch', '0s', [4, 0, 4, 6], 'case: no constant matches'],
          ['match', '0s', [0, 0, 4, 6], 'program ran through (1)'],
          ['assumed', '0s', [0, 0, 0, 9], 'assumed: a program that collects no event runs once per key group'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'matched', matches: 1 },
      },
    ],
  },
  {
    name: 'until: a test that holds at once, after rounds, or in a round',
    code: '(def n 0)\n(until (= 1 1) (set n 9))\n(until (do (set n (inc n)) (> n 2)))\n(def m 0)\n(until (> m 1) (set m (inc m)) (set q m))\n(until (do (set n (inc n)) (> n 4)))\n(until)',
    groups: [
      {
        key: 'k',
        steps: [
          ['set', '0s', [0, 0, 0, 9], 'n = 0'],
          ['branch', '0s', [1, 0, 1, 25], 'until: holds after 0 rounds'],
          ['set', '0s', [2, 11, 2, 26], 'n = 1'],
          ['set', '0s', [2, 11, 2, 26], 'n = 2'],
          ['set', '0s', [2, 11, 2, 26], 'n = 3'],
          ['branch', '0s', [2, 0, 2, 36], 'until: holds after 2 rounds'],
          ['set', '0s', [3, 0, 3, 9], 'm = 0'],
          ['set', '0s', [4, 15, 4, 30], 'm = 1'],
          ['assumed', '0s', [4, 31, 4, 40], 'assumed: `set` of a name no `def` made defines it'],
          ['set', '0s', [4, 31, 4, 40], 'q = 1'],
          ['set', '0s', [4, 15, 4, 30], 'm = 2'],
          ['branch', '0s', [4, 0, 4, 41], 'until: holds in round 2'],
          ['set', '0s', [5, 11, 5, 26], 'n = 4'],
          ['set', '0s', [5, 11, 5, 26], 'n = 5'],
          ['branch', '0s', [5, 0, 5, 36], 'until: holds after 1 round'],
          ['match', '0s', [0, 0, 6, 7], 'program ran through (1)'],
          ['assumed', '0s', [0, 0, 0, 9], 'assumed: a program that collects no event runs once per key group'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'matched', matches: 1 },
      },
    ],
  },
  {
    name: 'times repeats its actions; a count that is no number is noted',
    code: '(times (do (set k 2) k) (set a 1) (set b 2))\n(times "x" (set c 1))\n(times 0 (set d 1))',
    groups: [
      {
        key: 'k',
        steps: [
          ['assumed', '0s', [0, 11, 0, 20], 'assumed: `set` of a name no `def` made defines it'],
          ['set', '0s', [0, 11, 0, 20], 'k = 2'],
          ['set', '0s', [0, 24, 0, 33], 'a = 1'],
          ['set', '0s', [0, 34, 0, 43], 'b = 2'],
          ['set', '0s', [0, 24, 0, 33], 'a = 1'],
          ['set', '0s', [0, 34, 0, 43], 'b = 2'],
          ['note', '0s', [1, 0, 1, 21], '(times "x" (set c 1)): times takes a number; nil used'],
          ['match', '0s', [0, 0, 2, 19], 'program ran through (1)'],
          ['assumed', '0s', [0, 0, 0, 44], 'assumed: a program that collects no event runs once per key group'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'matched', matches: 1 },
      },
    ],
  },
  {
    name: 'and, or, all, template, filter, rand and unknown functions as values',
    code: '(event {:t "a"})\n(set a (and 1 nil 2))\n(set b (and 1 2))\n(set c (or nil false))\n(set d (or nil 3 4))\n(set e (all t))\n(set f (all $t))\n(set g (template 5))\n(set h (template "{{t}}!"))\n(set i (filter (> 1)))\n(set j (remove (> 1) [1 2 3]))\n(set l (rand))\n(set m (frob 1))\n(set o ((inc) 2))\n(set p (and))\n(set q (template))\n(set r (all))',
    events: [{ id: 'k', t: 'a' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [0, 0, 0, 16], 'event 1 taken by (event {:t "a"})'],
          ['assumed', '0s', [1, 0, 1, 21], 'assumed: `set` of a name no `def` made defines it'],
          ['set', '0s', [1, 0, 1, 21], 'a = null'],
          ['set', '0s', [2, 0, 2, 17], 'b = 2'],
          ['set', '0s', [3, 0, 3, 22], 'c = null'],
          ['set', '0s', [4, 0, 4, 20], 'd = 3'],
          ['note', '0s', [5, 7, 5, 14], '(all t): all takes an event field: (all $amount); nil used'],
          ['set', '0s', [5, 0, 5, 15], 'e = null'],
          ['set', '0s', [6, 0, 6, 16], 'f = ["a"]'],
          ['note', '0s', [7, 7, 7, 19], '(template 5): template takes +TM1 or a "string"; nil used'],
          ['set', '0s', [7, 0, 7, 20], 'g = null'],
          ['assumed', '0s', [8, 17, 8, 25], 'assumed: `{{name}}` in templates is not HTML-escaped (the text goes to SMS, mail and chat)'],
          ['set', '0s', [8, 0, 8, 27], 'h = "a!"'],
          ['note', '0s', [9, 7, 9, 21], '(filter (> 1)): filter takes a predicate and a list; nil used'],
          ['set', '0s', [9, 0, 9, 22], 'i = null'],
          ['set', '0s', [10, 0, 10, 30], 'j = [1]'],
          ['assumed', '0s', [11, 7, 11, 13], 'assumed: `rand` gives 0, so that every run is the same'],
          ['set', '0s', [11, 0, 11, 14], 'l = 0'],
          ['note', '0s', [12, 7, 12, 15], '(frob 1): `frob` is not a function the simulator knows; nil used'],
          ['set', '0s', [12, 0, 12, 16], 'm = null'],
          ['note', '0s', [13, 7, 13, 16], '((inc) 2): `(...)` is not a function the simulator knows; nil used'],
          ['set', '0s', [13, 0, 13, 17], 'o = null'],
          ['set', '0s', [14, 0, 14, 13], 'p = true'],
          ['note', '0s', [15, 7, 15, 17], '(template): template takes +TM1 or a "string"; nil used'],
          ['set', '0s', [15, 0, 15, 18], 'q = null'],
          ['note', '0s', [16, 7, 16, 12], '(all): all takes an event field: (all $amount); nil used'],
          ['set', '0s', [16, 0, 16, 13], 'r = null'],
          ['match', '0s', [0, 0, 16, 13], 'program ran through (1) on events 1'],
        ],
        uses: [[1, '(event {:t "a"})']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event {:t "a"})', [0, 0, 0, 16], 'an event {:t "a"}'] },
      },
    ],
  },
  {
    name: 'names: 4.1 event fields, template refs, fields of maps, unknown fields, responses',
    code: '(event {:t "a"})\n(def r {:sid "S1" :n {:m 2}})\n(set a *t*)\n(set b +TM1)\n(set c r.sid)\n(set d r.n.m)\n(set e r.nope)\n(set f $t)\n(set g $nope)\n(set h [1 $t "x"])\n(event {:t "b"})\n(set i $n)\n(set j (all $n))\n(set l (event {:t "c"}))',
    events: [{ id: 'k', t: 'a', n: 1 }, { id: 'k', t: 'b' }, { id: 'k', t: 'c' }],
    options: { templates: [{ id: 'TM1', template: 'T {{t}} {{r.sid}}' }] },
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [0, 0, 0, 16], 'event 1 taken by (event {:t "a"})'],
          ['set', '0s', [1, 0, 1, 29], 'r = {"sid":"S1","n":{"m":2}}'],
          ['assumed', '0s', [2, 0, 2, 11], 'assumed: `set` of a name no `def` made defines it'],
          ['note', '0s', [2, 7, 2, 10], '*t*: *t* is 4.1; 4.2 reads event fields as $t; nil used'],
          ['set', '0s', [2, 0, 2, 11], 'a = null'],
          ['assumed', '0s', [3, 7, 3, 11], 'assumed: `{{name}}` in templates is not HTML-escaped (the text goes to SMS, mail and chat)'],
          ['set', '0s', [3, 0, 3, 12], 'b = "T a S1"'],
          ['set', '0s', [4, 0, 4, 13], 'c = "S1"'],
          ['set', '0s', [5, 0, 5, 13], 'd = 2'],
          ['note', '0s', [6, 7, 6, 13], 'r.nope: r.nope: no such field; nil used'],
          ['set', '0s', [6, 0, 6, 14], 'e = null'],
          ['set', '0s', [7, 0, 7, 10], 'f = "a"'],
          ['note', '0s', [8, 7, 8, 12], '$nope: no event of this match has the field "nope"; nil used'],
          ['set', '0s', [8, 0, 8, 13], 'g = null'],
          ['set', '0s', [9, 0, 9, 18], 'h = [1,"a","x"]'],
          ['event', '1s', [10, 0, 10, 16], 'event 2 taken by (event {:t "b"})'],
          ['set', '1s', [11, 0, 11, 10], 'i = 1'],
          ['set', '1s', [12, 0, 12, 16], 'j = [1]'],
          ['event', '2s', [13, 7, 13, 23], 'event 3 taken by (event {:t "c"})'],
          ['set', '2s', [13, 0, 13, 24], 'l = true'],
          ['match', '2s', [0, 0, 13, 24], 'program ran through (1) on events 1, 2, 3'],
        ],
        uses: [[1, '(event {:t "a"})'], [2, '(event {:t "b"})'], [3, '(event {:t "c"})']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event {:t "a"})', [0, 0, 0, 16], 'an event {:t "a"}'] },
      },
    ],
  },
  {
    name: 'criteria: and, or, not, an empty not, unknown functions, sets and variables',
    code: '(def lim 3)\n(event {:n (and (> 1) (< 5)) :s (or "a" "b") :x (not "no")})\n(or (event {:n (not)}) (event {:n (frob 1)}) (event {:n lim :s #{"c" "d"}}))',
    events: [{ id: 'k', n: 7, s: 'a', x: 'y' }, { id: 'k', n: 2, s: 'c', x: 'no' }, { id: 'k', n: 2, s: 'b', x: 'y' }, { id: 'k', n: 3, s: 'd' }, { id: 'k', n: 3, s: 'c' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['set', '0s', [0, 0, 0, 11], 'lim = 3'],
          ['event', '2s', [1, 0, 1, 60], 'event 3 taken by (event {:n (and (> 1) (< 5)) :s (or "a" "b") :x (not "no")})'],
          ['event', '3s', [2, 45, 2, 75], 'event 4 taken by (event {:n lim :s #{"c" "d"}})'],
          ['match', '3s', [0, 0, 2, 76], 'program ran through (1) on events 3, 4'],
          ['set', '3s', [0, 0, 0, 11], 'lim = 3'],
        ],
        uses: [[1, 'not used'], [2, 'not used'], [3, '(event {:n (and (> 1) (< 5)) :s (or "a" "b") :x (not "no")})'], [4, '(event {:n lim :s #{"c" "d"}})'], [5, 'not used']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event {:n (and (> 1) (< 5)) :s (or "a" "b") :x (not "no")})', [1, 0, 1, 60], 'an event {:n (and (> 1) (< 5)) :s (or "a" "b") :x (not "no")}'] },
      },
    ],
  },
  {
    name: 'event forms: no criteria takes any event; a non-map takes none; a missing field fails',
    code: '(event)\n(event {:t "b" :u 1})\n(event "x")',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'b' }, { id: 'k', t: 'b', u: 1 }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [0, 0, 0, 7], 'event 1 taken by (event)'],
          ['event', '2s', [1, 0, 1, 21], 'event 3 taken by (event {:t "b" :u 1})'],
        ],
        uses: [[1, '(event)'], [2, 'not used'], [3, '(event {:t "b" :u 1})']],
        outcome: { kind: 'not-matched', waiting: ['(event "x")', [2, 0, 2, 11], 'an event "x"'] },
      },
    ],
  },
  {
    name: 'a count that is no number collects nothing',
    code: '(times "2" (event {:t "a"}))',
    events: [{ id: 'k', t: 'a' }],
    groups: [
      {
        key: 'k',
        steps: [
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'not-matched', waiting: ['(times "2" (event {:t "a"}))', [0, 0, 0, 28], 'nothing: (times "2" (event {:t "a"})) is not a collection form'] },
      },
    ],
  },
  {
    name: 'a window without its unit collects nothing',
    code: '(within 5 (event {:t "a"}))',
    events: [{ id: 'k', t: 'a' }],
    groups: [
      {
        key: 'k',
        steps: [
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'not-matched', waiting: ['(within 5 (event {:t "a"}))', [0, 0, 0, 27], 'nothing: (within 5 (event {:t "a"})) is not a collection form'] },
      },
    ],
  },
  {
    name: 'and with a non-collection part is the logical and; or of collections takes the earliest',
    code: '(and true (def x 1) (event {:t "a"}))\n(or (event {:t "c"}) (event {:t "b"}))\n(set y x)',
    events: [{ id: 'k', t: 'b' }, { id: 'k', t: 'a' }, { id: 'k', t: 'b' }, { id: 'k', t: 'c' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['set', '0s', [0, 10, 0, 19], 'x = 1'],
          ['event', '1s', [0, 20, 0, 36], 'event 2 taken by (event {:t "a"})'],
          ['event', '2s', [1, 21, 1, 37], 'event 3 taken by (event {:t "b"})'],
          ['assumed', '2s', [2, 0, 2, 9], 'assumed: `set` of a name no `def` made defines it'],
          ['set', '2s', [2, 0, 2, 9], 'y = 1'],
          ['match', '2s', [0, 0, 2, 9], 'program ran through (1) on events 2, 3'],
          ['set', '2s', [0, 10, 0, 19], 'x = 1'],
        ],
        uses: [[1, 'not used'], [2, '(event {:t "a"})'], [3, '(event {:t "b"})'], [4, 'not used']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event {:t "a"})', [0, 20, 0, 36], 'an event {:t "a"}'] },
      },
    ],
  },
  {
    name: 'or waits for any of its parts: the waiting message lists them',
    code: '(or (event {:t "c"}) (event {:t "d"}))',
    events: [{ id: 'k', t: 'a' }],
    groups: [
      {
        key: 'k',
        steps: [
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'not-matched', waiting: ['(event {:t "c"})', [0, 4, 0, 20], 'any of: (event {:t "c"}), (event {:t "d"})'] },
      },
    ],
  },
  {
    name: 'times and within of collections; the window spread retried from the next event',
    code: '(within 1 minutes (times 2 (event {:t "a"})))\n(perform echo message {:message "two"})',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'a', '@time': '+2m' }, { id: 'k', t: 'a', '@time': '+30s' }, { id: 'k', t: 'a', '@time': '+10m' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '2m', [0, 27, 0, 43], 'event 2 taken by (event {:t "a"})'],
          ['event', '2m 30s', [0, 27, 0, 43], 'event 3 taken by (event {:t "a"})'],
          ['interaction', '2m 30s', [1, 0, 1, 39], 'perform echo message {"message":"two"}: ok {}'],
          ['match', '2m 30s', [0, 0, 1, 39], 'program ran through (1) on events 2, 3'],
        ],
        uses: [[1, 'not used'], [2, '(event {:t "a"})'], [3, '(event {:t "a"})'], [4, 'not used']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event {:t "a"})', [0, 27, 0, 43], 'an event {:t "a"} (1 of 2 so far), within 1 minutes'] },
      },
    ],
  },
  {
    name: 'times 2.7 takes 2; sequence of and/or',
    code: '(times 2.7 (event {:t "a"}))\n(sequence (and (event {:t "x"}) (event {:t "y"})) (or (event {:t "z"}) (event {:t "w"})))',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'a' }, { id: 'k', t: 'y' }, { id: 'k', t: 'x' }, { id: 'k', t: 'w' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [0, 11, 0, 27], 'event 1 taken by (event {:t "a"})'],
          ['event', '1s', [0, 11, 0, 27], 'event 2 taken by (event {:t "a"})'],
          ['assumed', '1s', [1, 10, 1, 49], 'assumed: `all`/`and` gives each part the earliest event it accepts, part by part in written order'],
          ['event', '2s', [1, 32, 1, 48], 'event 3 taken by (event {:t "y"})'],
          ['event', '3s', [1, 15, 1, 31], 'event 4 taken by (event {:t "x"})'],
          ['event', '4s', [1, 71, 1, 87], 'event 5 taken by (event {:t "w"})'],
          ['match', '4s', [0, 0, 1, 89], 'program ran through (1) on events 1, 2, 3, 4, 5'],
        ],
        uses: [[1, '(event {:t "a"})'], [2, '(event {:t "a"})'], [3, '(event {:t "y"})'], [4, '(event {:t "x"})'], [5, '(event {:t "w"})']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event {:t "a"})', [0, 11, 0, 27], 'an event {:t "a"} (0 of 2 so far)'] },
      },
    ],
  },
  {
    name: 'interactions: no params, options without params, a param that is no map, retries, catch',
    code: '(perform echo message)\n(def p 1)\n(perform echo message (retries 1) (catch (set failed true)))\n(perform echo message (retries "x"))\n(create slack post p)\n(perform echo)',
    options: { mocks: { 'echo message': [{ ok: {} }, { fail: 'down' }, { fail: 'down' }, { fail: 'again' }] } },
    groups: [
      {
        key: 'k',
        steps: [
          ['interaction', '0s', [0, 0, 0, 22], 'perform echo message {}: ok {}'],
          ['set', '0s', [1, 0, 1, 9], 'p = 1'],
          ['assumed', '0s', [2, 0, 2, 60], 'assumed: `(retries n)` retries a failure up to n more times, as in 4.1 (the 4.2 guide says "how many times this interaction will be attempted")'],
          ['interaction', '0s', [2, 0, 2, 60], 'perform echo message {}: failed: down'],
          ['interaction', '0s', [2, 0, 2, 60], 'perform echo message {} (attempt 2): failed: down'],
          ['branch', '0s', [2, 34, 2, 59], 'catch: the interaction failed'],
          ['assumed', '0s', [2, 41, 2, 58], 'assumed: `set` of a name no `def` made defines it'],
          ['set', '0s', [2, 41, 2, 58], 'failed = true'],
          ['interaction', '0s', [3, 0, 3, 36], 'perform echo message {}: failed: again'],
          ['assumed', '0s', [3, 0, 3, 36], 'assumed: an interaction that fails without `catch` gives nil and the program goes on'],
          ['interaction', '0s', [4, 0, 4, 21], 'create slack post {}: ok {}'],
          ['interaction', '0s', [5, 0, 5, 14], 'perform echo ? {}: ok {}'],
          ['match', '0s', [0, 0, 5, 14], 'program ran through (1)'],
          ['assumed', '0s', [0, 0, 0, 22], 'assumed: a program that collects no event runs once per key group'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'matched', matches: 1 },
      },
    ],
  },
  {
    name: 'a bound interaction between unbound ones ends the row: rows start together',
    code: '(perform echo message {:message "a"} (timeout 1 minutes))\n(perform echo message {:message "b"} (timeout 2 minutes))\n(def r (perform echo message {:message "c"} (timeout 3 minutes)))\n(perform echo message {:message "d"})',
    options: { mocks: { 'echo message': { timeout: true } } },
    groups: [
      {
        key: 'k',
        steps: [
          ['interaction', '0s', [0, 0, 0, 57], 'perform echo message {"message":"a"}: timed out after 1m'],
          ['assumed', '1m', [0, 0, 0, 57], 'assumed: an interaction that fails without `catch` gives nil and the program goes on'],
          ['interaction', '0s', [1, 0, 1, 57], 'perform echo message {"message":"b"}: timed out after 2m'],
          ['interaction', '2m', [2, 7, 2, 64], 'perform echo message {"message":"c"}: timed out after 3m'],
          ['set', '5m', [2, 0, 2, 65], 'r = null'],
          ['assumed', '5m', [3, 0, 3, 37], 'assumed: a mocked timeout without a window lasts 30s'],
          ['interaction', '5m', [3, 0, 3, 37], 'perform echo message {"message":"d"}: timed out after 30s'],
          ['match', '5m 30s', [0, 0, 3, 37], 'program ran through (1)'],
          ['assumed', '5m 30s', [0, 0, 0, 57], 'assumed: a program that collects no event runs once per key group'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'matched', matches: 1 },
      },
    ],
  },
  {
    name: 'the program starts over after its last event; the cursor moves past taken events',
    code: '(event {:t "a"})\n(set n $n)',
    events: [{ id: 'k', t: 'a', n: 1 }, { id: 'k', t: 'b', n: 2 }, { id: 'k', t: 'a', n: 3 }, { id: 'k', t: 'a', n: 4, '@time': '+1m' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [0, 0, 0, 16], 'event 1 taken by (event {:t "a"})'],
          ['assumed', '0s', [1, 0, 1, 10], 'assumed: `set` of a name no `def` made defines it'],
          ['set', '0s', [1, 0, 1, 10], 'n = 1'],
          ['match', '0s', [0, 0, 1, 10], 'program ran through (1) on events 1'],
          ['event', '2s', [0, 0, 0, 16], 'event 3 taken by (event {:t "a"})'],
          ['set', '2s', [1, 0, 1, 10], 'n = 3'],
          ['match', '2s', [0, 0, 1, 10], 'program ran through (2) on events 3'],
          ['event', '1m 2s', [0, 0, 0, 16], 'event 4 taken by (event {:t "a"})'],
          ['set', '1m 2s', [1, 0, 1, 10], 'n = 4'],
          ['match', '1m 2s', [0, 0, 1, 10], 'program ran through (3) on events 4'],
        ],
        uses: [[1, '(event {:t "a"})'], [2, 'not used'], [3, '(event {:t "a"})'], [4, '(event {:t "a"})']],
        outcome: { kind: 'matched', matches: 3, waiting: ['(event {:t "a"})', [0, 0, 0, 16], 'an event {:t "a"}'] },
      },
    ],
  },
  {
    name: 'groups by key: each group on its own clock from its first event',
    code: '(event {:t "a"})\n(delay 1 minutes)\n(perform echo message {:message $t})',
    events: [{ id: 'x', t: 'a' }, { id: 'y', t: 'a', '@time': '+5m' }, { id: 'x', t: 'b', '@time': '+5m' }],
    groups: [
      {
        key: 'x',
        steps: [
          ['event', '0s', [0, 0, 0, 16], 'event 1 taken by (event {:t "a"})'],
          ['delay', '0s', [1, 0, 1, 17], 'wait 1m'],
          ['interaction', '1m', [2, 0, 2, 36], 'perform echo message {"message":"a"}: ok {}'],
          ['match', '1m', [0, 0, 2, 36], 'program ran through (1) on events 1'],
        ],
        uses: [[1, '(event {:t "a"})'], [3, 'not used']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event {:t "a"})', [0, 0, 0, 16], 'an event {:t "a"}'] },
      },
      {
        key: 'y',
        steps: [
          ['event', '5m', [0, 0, 0, 16], 'event 2 taken by (event {:t "a"})'],
          ['delay', '5m', [1, 0, 1, 17], 'wait 1m'],
          ['interaction', '6m', [2, 0, 2, 36], 'perform echo message {"message":"a"}: ok {}'],
          ['match', '6m', [0, 0, 2, 36], 'program ran through (1) on events 2'],
        ],
        uses: [[2, '(event {:t "a"})']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event {:t "a"})', [0, 0, 0, 16], 'an event {:t "a"}'] },
      },
    ],
  },
  {
    name: 'an until over an event takes it once it has come; the next form goes on from after it',
    code: '(event {:t "a"})\n(until (event {:t "b"}) (delay 10 seconds))\n(event {:t "c"})',
    events: [{ id: 'k', t: 'a' }, { id: 'k', t: 'c' }, { id: 'k', t: 'b' }, { id: 'k', t: 'c', '@time': '+20s' }],
    groups: [
      {
        key: 'k',
        steps: [
          ['event', '0s', [0, 0, 0, 16], 'event 1 taken by (event {:t "a"})'],
          ['delay', '0s', [1, 24, 1, 42], 'wait 10s'],
          ['event', '2s', [1, 7, 1, 23], 'event 3 taken by (event {:t "b"})'],
          ['branch', '10s', [1, 0, 1, 43], 'until: holds in round 1'],
          ['event', '22s', [2, 0, 2, 16], 'event 4 taken by (event {:t "c"})'],
          ['match', '22s', [0, 0, 2, 16], 'program ran through (1) on events 1, 3, 4'],
        ],
        uses: [[1, '(event {:t "a"})'], [2, 'not used'], [3, '(event {:t "b"})'], [4, '(event {:t "c"})']],
        outcome: { kind: 'matched', matches: 1, waiting: ['(event {:t "a"})', [0, 0, 0, 16], 'an event {:t "a"}'] },
      },
    ],
  },
  {
    name: 'data literals: nil, keywords, sets, tagged literals, maps keep name keys only',
    code: '(def a nil)\n(def b :kw)\n(def c #{1 2})\n(def d #inst "2020-01-01T00:00:00Z")\n(def e {1 2 "s" 3 :k 4})\n(def f #uuid "f81d4fae-7dec-11d0-a765-00a0c91e6bf6")\n(def g [nil :x])',
    groups: [
      {
        key: 'k',
        steps: [
          ['set', '0s', [0, 0, 0, 11], 'a = null'],
          ['set', '0s', [1, 0, 1, 11], 'b = "kw"'],
          ['set', '0s', [2, 0, 2, 14], 'c = [1,2]'],
          ['set', '0s', [3, 0, 3, 36], 'd = "2020-01-01T00:00:00Z"'],
          ['set', '0s', [4, 0, 4, 24], 'e = {"s":3,"k":4}'],
          ['set', '0s', [5, 0, 5, 52], 'f = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"'],
          ['set', '0s', [6, 0, 6, 16], 'g = [null,"x"]'],
          ['match', '0s', [0, 0, 6, 16], 'program ran through (1)'],
          ['assumed', '0s', [0, 0, 0, 11], 'assumed: a program that collects no event runs once per key group'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'matched', matches: 1 },
      },
    ],
  },
  {
    name: 'functions at their edges: contains? over strings, maps and nil; lcm of zeros; min and max of one number; unknown templates',
    code: '(def a (contains? "a1" 1))\n(def b (contains? {"1" 2} 1))\n(def c (contains? nil "a"))\n(def d (contains? {:a 1} "a"))\n(def e (lcm 0 0))\n(def f (min 5))\n(def g (max 5))\n(def h (min [3 1 2]))\n(def i (max 3 9 2))\n(def j +TM9)\n(def k (= ["a"] "a"))\n(def l (= {:a 1} {:a 1}))\n(def m (= [1 [2]] [1 [2]]))',
    groups: [
      {
        key: 'k',
        steps: [
          ['set', '0s', [0, 0, 0, 26], 'a = false'],
          ['set', '0s', [1, 0, 1, 29], 'b = false'],
          ['set', '0s', [2, 0, 2, 27], 'c = false'],
          ['set', '0s', [3, 0, 3, 30], 'd = true'],
          ['set', '0s', [4, 0, 4, 17], 'e = 0'],
          ['set', '0s', [5, 0, 5, 15], 'f = 5'],
          ['set', '0s', [6, 0, 6, 15], 'g = 5'],
          ['set', '0s', [7, 0, 7, 21], 'h = 1'],
          ['set', '0s', [8, 0, 8, 19], 'i = 9'],
          ['note', '0s', [9, 7, 9, 11], 'no template with id TM9 (no templates were given): +TM9 stays as written'],
          ['set', '0s', [9, 0, 9, 12], 'j = "+TM9"'],
          ['set', '0s', [10, 0, 10, 21], 'k = false'],
          ['set', '0s', [11, 0, 11, 25], 'l = true'],
          ['set', '0s', [12, 0, 12, 27], 'm = true'],
          ['match', '0s', [0, 0, 12, 27], 'program ran through (1)'],
          ['assumed', '0s', [0, 0, 0, 26], 'assumed: a program that collects no event runs once per key group'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'matched', matches: 1 },
      },
    ],
  },
  {
    name: 'no trace text shows a credential: a form after one, and a form inside one',
    code: '(create twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m" :password "hunter2"})\n(set x (frob 1))\n(create twilio sms {:to-phone-number "1" :password (+ 1 "x")})\n(create twilio sms {:password (until false (def q 1))})',
    options: { limits: { maxSteps: 13 } },
    groups: [
      {
        key: 'k',
        steps: [
          ['interaction', '0s', [0, 0, 0, 98], 'create twilio sms {"to-phone-number":"1","from-phone-number":"2","message":"m","password":"•••"}: ok {}'],
          ['assumed', '0s', [1, 0, 1, 16], 'assumed: `set` of a name no `def` made defines it'],
          ['note', '0s', [1, 7, 1, 15], '(frob 1): `frob` is not a function the simulator knows; nil used'],
          ['set', '0s', [1, 0, 1, 16], 'x = null'],
          ['note', '0s', [2, 51, 2, 60], 'a credential\'s value could not be computed; nil used'],
          ['interaction', '0s', [2, 0, 2, 62], 'create twilio sms {"to-phone-number":"1","password":"•••"}: ok {}'],
          ['set', '0s', [3, 43, 3, 52], 'q = 1'],
          ['limit', '0s', [3, 43, 3, 52], 'stopped: step limit of 13 reached at •••'],
        ],
        uses: [[1, 'not used']],
        outcome: { kind: 'stopped', matches: 0, limit: 'steps', message: 'stopped: step limit of 13 reached at •••' },
      },
    ],
  },
];

describe('simulator, exact traces of 4.2 programs', () => {
  for (const c of cases) {
    it(c.name, () => {
      const trace = runCode(c.code, c.events ?? [{ id: 'k' }], c.options);
      assert.equal(trace.dialect, '4.2');
      assert.deepEqual(shapesOf(trace), c.groups);
    });
  }

  it('steps carry what they are about: the variable set, the interaction, the event taken or added', () => {
    const code = '(event {:t "a"})\n(def n $n)\n(perform echo message {:message "m"})';
    const trace = runCode(code, [{ id: 'k', t: 'a', n: 4 }], { mocks: { 'echo message': { ok: { sid: 'S' } } } });
    assert.deepEqual(
      trace.groups[0].steps.map((s) => [s.kind, s.event, s.variable, s.interaction]),
      [
        ['event', 1, undefined, undefined],
        ['set', undefined, { name: 'n', value: 4 }, undefined],
        ['interaction', undefined, undefined, { verb: 'perform', integration: 'echo', message: 'message', params: { message: 'm' }, outcome: 'ok', attempt: 1, at: trace.groups[0].steps[0].at, response: { sid: 'S' } }],
        ['match', undefined, undefined, undefined],
      ],
    );
    const emitted = runCode(';; When\n(event (= t "a"))\n;; Then\n(event {:t "b"})', [{ id: 'k', t: 'a' }]).groups[0];
    assert.deepEqual(emitted.steps.map((s) => [s.kind, s.event]), [['event', 1], ['match', undefined], ['emit', 2]]);
    assert.deepEqual(emitted.events.map((u) => [u.event.number, u.event.origin, u.event.fields]), [[1, 'input', { id: 'k', t: 'a' }], [2, 'emitted', { t: 'b', id: 'k' }]]);
  });
});
