// The 4.2 analysis, form by form (flow-dsl-4.2.md), positive and negative with exact ranges: the
// interaction verbs and their options, units, event collection and criteria, bindings and scope
// (unbound-variable, shadowed-name), control forms, functions, templates, the timer's then code,
// credential values, and the bad input that must give one clear diagnostic each.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFlow } from '../support/service';
import { Diagnostic } from 'vscode-languageserver-types';
import { messages } from '../../server/src/service/codes';
import { messageText } from '../../server/src/service/diagnostics';
import { checkFlowDocument } from '../../server/src/service/flow/index';
import { compact, documentOf, rangeOfText } from '../support/documents';
import { builtinContext } from '../support/flowContext';

// Every file read as 4.2, so that the fixtures need no deciding form.
const ctx = builtinContext('4.2');

function diagnose(text: string): { diagnostics: Diagnostic[]; doc: ReturnType<typeof documentOf> } {
  const doc = documentOf(text, 'flow');
  return { diagnostics: checkFlowDocument(readFlow(doc), ctx), doc };
}

const check = (text: string) => compact(diagnose(text).diagnostics);

/** `[code, range]` for the n-th occurrence of a piece of the text. */
function at(doc: ReturnType<typeof documentOf>, code: string, needle: string, occurrence = 0): [string, [number, number, number, number]] {
  return [code, rangeOfText(doc, needle, occurrence)];
}

const sms = '{:to-phone-number "1" :from-phone-number "2" :message "m"}';

describe('4.2 analysis: interactions', () => {
  it('the five verbs take the checks of send, each a clean interaction here', () => {
    for (const verb of ['fetch', 'perform', 'create', 'update', 'delete']) assert.deepEqual(check(`(${verb} twilio sms ${sms})`), [], verb);
  });

  it('the params map may be left out: every mandatory field is then missing', () => {
    const { doc, diagnostics } = diagnose('(create salesforce case)\n(perform echo message)');
    assert.deepEqual(compact(diagnostics), [at(doc, 'missing-mandatory-field', 'salesforce case')]);
    assert.equal(messageText(diagnostics[0]), messages.missingMandatoryFields('salesforce', 'case', ['OwnerId', 'Status', 'Origin', 'Contact']));
    assert.equal((diagnostics[0].data as { paramsRange?: unknown }).paramsRange, undefined);
  });

  it('every check of a send: unknown integration, message, field, enum, secret, duplicate', () => {
    const { doc, diagnostics } = diagnose(
      [
        '(create twillio sms {})',
        '(create twilio smss {})',
        `(create twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m" :mesage "x" :password "p"})`,
        `(update salesforce task {:OwnerId "o" :WhoId "w" :WhatId "x" :Subject "Call" :Status "Not Started" :Description "d" :ActivityDate "a" :Priority "Urgent"})`,
        '(perform echo message {:message "a" :message "b"})',
      ].join('\n'),
    );
    assert.deepEqual(compact(diagnostics), [
      at(doc, 'unknown-integration', 'twillio'),
      at(doc, 'unknown-message', 'smss'),
      at(doc, 'unknown-field', ':mesage'),
      at(doc, 'secret-inline', ':password'),
      at(doc, 'invalid-enum-value', '"Urgent"'),
      at(doc, 'duplicate-field', ':message', 2),
    ]);
  });

  it('a verb without an integration or message, or with names that are not names, is the wrong shape', () => {
    const { doc, diagnostics } = diagnose('(create)\n(perform "echo" message {})\n(fetch echo)');
    assert.deepEqual(compact(diagnostics), [at(doc, 'arity', 'create'), at(doc, 'arity', '"echo"'), at(doc, 'arity', 'fetch')]);
    assert.equal(messageText(diagnostics[0]), messages.formShape('create', '(create <integration> <message> {<params>}? <options>*)'));
  });

  it('options: retries, timeout and catch, checked by their shapes; anything else after the params is reported', () => {
    assert.deepEqual(check(`(create twilio sms ${sms} (retries 3) (timeout 2 minutes) (catch (perform echo message {:message "failed"})))`), []);
    assert.deepEqual(check('(create salesforce case (retries 2))').map((d) => d[0]), ['missing-mandatory-field']);
    const { doc, diagnostics } = diagnose(
      `(create twilio sms ${sms} (retries) (timeout 2) (timeout 2 minuets) (retry 3) "x" (catch (perform echo mesage {})))`,
    );
    assert.deepEqual(compact(diagnostics), [
      at(doc, 'arity', 'retries'),
      at(doc, 'arity', 'timeout'),
      at(doc, 'unknown-unit', 'minuets'),
      at(doc, 'unknown-form', 'retry'),
      at(doc, 'arity', '"x"'),
      at(doc, 'unknown-message', 'mesage'),
    ]);
    assert.equal(messageText(diagnostics[3]), messages.unknownForm('retry', 'as an option of `create`', 'retries'));
    assert.equal(messageText(diagnostics[4]), messages.notAnOption('create', ['retries', 'timeout', 'catch']));
  });

  it("the timer's create takes 4.2 code as its then field", () => {
    const { doc, diagnostics } = diagnose('(create timer create {:trigger "t" :then (when-let [r (perform echo message {})] (perform echo message {:message r.id}) (seq))})');
    assert.deepEqual(compact(diagnostics), [at(doc, 'wrong-dialect', 'seq')]);
  });

  it('an interaction is a value: bound, tested, or an argument', () => {
    assert.deepEqual(check('(if (fetch generic fetch {:id $id} (timeout 60 seconds)) (perform echo message {}) (delay 1 day))'), []);
  });
});

describe('4.2 analysis: units', () => {
  it('takes the singular and the plural of each unit', () => {
    for (const unit of ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days']) assert.deepEqual(check(`(delay 1 ${unit})`), [], unit);
  });

  it('names the units of 4.2 in the message', () => {
    const { doc, diagnostics } = diagnose('(delay 1 dai)\n(within 2 weeks (event {:a 1}))');
    assert.deepEqual(compact(diagnostics), [at(doc, 'unknown-unit', 'dai'), at(doc, 'unknown-unit', 'weeks')]);
    assert.equal(messageText(diagnostics[0]), messages.unknownUnit('dai', 'day', 'second(s), minute(s), hour(s), day(s)'));
  });
});

describe('4.2 analysis: event collection', () => {
  it('an event map takes constants, sets, predicates missing their first argument, and and/or/not of them', () => {
    assert.deepEqual(
      check(
        [
          '(def limit 50000)',
          '(event {:priority #{"high" "medium"} :type "purchase" :n 3 :ok true :tag :vip :none nil',
          '        :amount (and (> limit) (< 100000)) :items (contains? "2L_PEPSI") :flag (not "x")',
          '        :even (even?) :big (or (>= 10) (= 0)) :owner limit :at #inst "2014-06-18"})',
        ].join('\n'),
      ),
      [],
    );
  });

  it('criteria are a map; a criterion is a predicate that leaves out its first argument', () => {
    const { doc, diagnostics } = diagnose('(event "x")\n(event)\n(event {:a (>)})\n(event {:b (contains? "x" "y")})\n(event {:c (nope 1)})');
    assert.deepEqual(compact(diagnostics), [
      at(doc, 'arity', '"x"'),
      at(doc, 'arity', 'event', 1),
      at(doc, 'arity', '>'),
      at(doc, 'arity', '"y"'),
      at(doc, 'unknown-form', 'nope'),
    ]);
    assert.equal(messageText(diagnostics[0]), messages.criteriaNotMap('event'));
    assert.equal(messageText(diagnostics[2]), messages.formShape('>', '(> <b>+)'));
    assert.equal(messageText(diagnostics[4]), messages.unknownForm('nope', 'in an event criterion'));
  });

  it('and, or, sequence, times and within combine collections', () => {
    const text = [
      '(and (event {:priority "high"}) (event {:amount (> 50000)}))',
      '(or (event {:a 1}) (event {:b 2}))',
      '(within 1 day (sequence (event {:status "call-started"}) (event {:status "call-ended"})))',
      '(within 30 days (times 4 (event {:product "car"})))',
      '(times 100 (event {:type "order"}))',
    ].join('\n');
    assert.deepEqual(check(text), []);
  });

  it('the shapes of the combinators; an action where a collection must stand', () => {
    const { doc, diagnostics } = diagnose('(sequence)\n(times 4)\n(within 1 days)\n(sequence (perform echo message {}))\n(within 1 day (delay 1 day))');
    assert.deepEqual(compact(diagnostics), [
      at(doc, 'arity', 'sequence'),
      at(doc, 'arity', 'times'),
      at(doc, 'arity', 'within'),
      at(doc, 'unknown-form', 'perform'),
      at(doc, 'unknown-form', 'delay'),
    ]);
    assert.equal(messageText(diagnostics[3]), messages.unknownForm('perform', 'in an event collection'));
  });

  it('until repeats its actions until a predicate holds or an event arrives', () => {
    assert.deepEqual(check('(def n 0)\n(until (event {:type "stop"}) (perform echo message {:message "DING"}) (delay 10 seconds))\n(until (= n 3) (set n (inc n)))'), []);
    const { doc, diagnostics } = diagnose('(until)');
    assert.deepEqual(compact(diagnostics), [at(doc, 'arity', 'until')]);
  });
});

describe('4.2 analysis: bindings and scope', () => {
  it('def is visible after its form, everywhere; not before it, nor in its own value', () => {
    const { doc, diagnostics } = diagnose('(perform echo message {:message early})\n(def early "x")\n(def loop (inc loop))\n(let [y 1] (perform echo message {:message early}))');
    assert.deepEqual(compact(diagnostics), [at(doc, 'unbound-variable', 'early'), at(doc, 'unbound-variable', 'loop', 1)]);
    assert.equal(messageText(diagnostics[0]), messages.unboundVariable('early', undefined));
  });

  it('a def inside a body is a global after it', () => {
    assert.deepEqual(check('(when true (def flag 1))\n(perform echo message {:message flag})'), []);
  });

  it('let: names in the body and in the later bindings, not after the form', () => {
    const { doc, diagnostics } = diagnose('(let [alpha 1 beta (inc alpha)] (perform echo message {:message beta}))\n(perform echo message {:message alpha})');
    assert.deepEqual(compact(diagnostics), [at(doc, 'unbound-variable', 'alpha', 2)]);
  });

  it('if-let: the name in the then branch only; when-let: in the whole body', () => {
    const { doc, diagnostics } = diagnose(
      '(if-let [call (create twilio call {:to-phone-number "1" :from-phone-number "2"})]\n  (perform echo message {:message call.sid})\n  (perform echo message {:message call.sid}))\n' +
        '(when-let [w (fetch generic fetch {:id 1})] (delay 1 day) (perform echo message {:message w.id}))',
    );
    // Only the name before the dot is the variable.
    const [line, character] = rangeOfText(doc, 'call.sid', 1);
    assert.deepEqual(compact(diagnostics), [['unbound-variable', [line, character, line, character + 4]]]);
    assert.equal(messageText(diagnostics[0]), messages.unboundVariable('call', 'sid', 'all'));
  });

  it('a local shadows a global; set changes a variable that exists', () => {
    assert.deepEqual(check('(def m "")\n(let [m 1] (set m 2))\n(set m "x")'), []);
    const { doc, diagnostics } = diagnose('(set nope 1)\n(set 5 1)');
    assert.deepEqual(compact(diagnostics), [at(doc, 'unbound-variable', 'nope'), at(doc, 'arity', '5')]);
  });

  it('did-you-mean among the variables in scope and the functions', () => {
    const { diagnostics } = diagnose('(let [total 1] (perform echo message {:message totl}))\n(perform echo message {:message (sum (fiter even? [1]))})\n(perform echo message {:message cuont})');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, (d.data as { suggestions?: string[] }).suggestions?.[0]]),
      [
        ['unbound-variable', 'total'],
        ['unknown-form', 'filter'],
        ['unbound-variable', 'count'],
      ],
    );
  });

  it('$field is an event field anywhere, and a function is a value (filter takes even?)', () => {
    assert.deepEqual(check('(perform echo message {:message $amount})\n(def evens (filter even? (all $n)))\n(def amounts (remove (< 10) (all $amounts)))'), []);
  });

  it('binding vectors: pairs of a name and a value; if-let and when-let bind one', () => {
    const { doc, diagnostics } = diagnose('(let [x 1 y] x)\n(let x 1)\n(let [5 1] 2)\n(if-let [a 1 b 2] a)\n(when-let wl 1)\n(let [a.b 1] 2)');
    assert.deepEqual(compact(diagnostics), [
      at(doc, 'arity', 'y'),
      at(doc, 'arity', 'x', 2),
      at(doc, 'arity', '5'),
      at(doc, 'arity', '[a 1 b 2]'),
      at(doc, 'arity', 'wl'),
      at(doc, 'arity', 'a.b'),
    ]);
    assert.equal(messageText(diagnostics[0]), messages.bindingWithoutValue('let', 'y'));
    assert.equal(messageText(diagnostics[1]), messages.bindingsNotVector('let', '[name value ...]'));
    assert.equal(messageText(diagnostics[3]), messages.bindingOnePair('if-let'));
    assert.equal(messageText(diagnostics[4]), messages.bindingsNotVector('when-let', '[name value]'));
  });

  it('a variable named like a function or form is a warning, and still a variable', () => {
    const { doc, diagnostics } = diagnose('(def count 0)\n(set count (inc count))\n(if-let [case (create salesforce case {:OwnerId "o" :Status "s" :Origin "w" :Contact "c"})] (perform echo message {:message case.id}))');
    assert.deepEqual(compact(diagnostics), [at(doc, 'shadowed-name', 'count'), at(doc, 'shadowed-name', 'case')]);
    assert.equal(messageText(diagnostics[0]), messages.shadowedName('count', 'function'));
    assert.equal(messageText(diagnostics[1]), messages.shadowedName('case', 'form'));
  });
});

describe('4.2 analysis: control', () => {
  it('if, when, unless, cond, case, do, delay in their shapes', () => {
    const text = [
      '(def m "")',
      '(if (> $amount 500) (perform echo message {:message "big"}) (perform echo message {:message "small"}))',
      '(if (> $amount 500) (set m "big"))',
      '(when (> $amount 500) (set m "a") (set m "b"))',
      '(unless (>= $n 10) (times 20 (do (perform echo message {:message "Hello"}) (set m "c"))))',
      '(cond (= 200 $amount) (set m "200") (> $amount 500) (set m "big") (set m "other"))',
      '(case $amount 200 (set m "200") red (set m "a symbol is a constant here") (set m "other"))',
      '(do)',
      '(delay 5 minutes)',
    ].join('\n');
    assert.deepEqual(check(text), []);
  });

  it('the wrong shapes', () => {
    const { doc, diagnostics } = diagnose('(if (= 1 1))\n(if true 1 2 3)\n(when)\n(unless)\n(case)\n(delay 5)');
    assert.deepEqual(compact(diagnostics), [
      at(doc, 'arity', 'if'),
      at(doc, 'arity', '3'),
      at(doc, 'arity', 'when'),
      at(doc, 'arity', 'unless'),
      at(doc, 'arity', 'case'),
      at(doc, 'arity', 'delay'),
    ]);
    assert.equal(messageText(diagnostics[0]), messages.formShape('if', '(if <pred> <then> <else>?)'));
  });

  it('the branches and bodies are checked as actions', () => {
    const { doc, diagnostics } = diagnose('(cond (= 1 $a) (perform echo mesage {}) (crate twilio sms {}))');
    assert.deepEqual(compact(diagnostics), [at(doc, 'unknown-message', 'mesage'), at(doc, 'unknown-form', 'crate')]);
    assert.equal(messageText(diagnostics[1]), messages.unknownForm('crate', 'in an action', 'create'));
  });
});

describe('4.2 analysis: functions and templates', () => {
  it('math, list and predicate functions by their arity', () => {
    assert.deepEqual(check('(def xs [1 2 3])\n(def r (+ (* 2 (sum xs)) (abs -1) (sqrt 4) (mod 5 2) (rand) (nth xs 0) (first xs) (last xs) (count xs) (avg xs) (max 1 2)))\n(when (and (even? 2) (contains? xs 1) (not false) (<= 1 2)) (delay 1 day))'), []);
    const { doc, diagnostics } = diagnose('(def xs [1])\n(def a (inc))\n(def b (mod 1 2 3))\n(def c (nth xs))');
    assert.deepEqual(compact(diagnostics), [at(doc, 'arity', 'inc'), at(doc, 'arity', '3'), at(doc, 'arity', 'nth')]);
    assert.equal(messageText(diagnostics[0]), messages.formShape('inc', '(inc <x>)'));
  });

  it('a template is a stored template or a string, and provides its field', () => {
    assert.deepEqual(check('(create twilio sms {:to-phone-number $phone :from-phone-number "1" :message (template +TM1)})\n(perform echo message {:message (template "Total {{total}}")})'), []);
    const { doc, diagnostics } = diagnose('(perform echo message {:message (template 5)})\n(perform echo message {:message (template)})');
    assert.deepEqual(compact(diagnostics), [at(doc, 'arity', '5'), at(doc, 'arity', 'template', 1)]);
    assert.equal(messageText(diagnostics[0]), messages.templateArgument());
  });

  it('a form where a value must stand', () => {
    const { doc, diagnostics } = diagnose('(perform echo message {:message (def x 1)})\n(perform echo message {:message (event {:a 1})})');
    assert.deepEqual(compact(diagnostics), [at(doc, 'unknown-form', 'def'), at(doc, 'unknown-form', 'event')]);
    assert.equal(messageText(diagnostics[0]), messages.unknownForm('def', 'in an expression'));
  });
});

describe('4.2 analysis: credential values', () => {
  it('are never looked into: no unbound variable, and a reader error there does not quote them', () => {
    const { doc, diagnostics } = diagnose(`(create twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m" :password hunter2})\n(create twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m" :password 12PLANTED})`);
    assert.deepEqual(compact(diagnostics), [at(doc, 'secret-inline', ':password'), at(doc, 'secret-inline', ':password', 1), at(doc, 'syntax', '12PLANTED')]);
    for (const d of diagnostics) assert.ok(!messageText(d).includes('hunter2') && !messageText(d).includes('PLANTED'), messageText(d));
    assert.equal(messageText(diagnostics[2]), messages.invalidNumber('•••'));
  });
});

describe('4.2 analysis: bad input', () => {
  it('10,000 nested lets: every name in scope below its let, no recursion, one diagnostic for one unbound name', () => {
    const depth = 10_000;
    let text = '';
    for (let i = 0; i < depth; i++) text += `(let [x${i} ${i === 0 ? 1 : `x${i - 1}`}]\n`;
    text += `(perform echo message {:message (+ x${depth - 1} x0 nope)})${')'.repeat(depth)}`;
    const { doc, diagnostics } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [at(doc, 'unbound-variable', 'nope')]);
  });

  it('10,000 nested ifs and dos: the interaction at the bottom is still checked', () => {
    const depth = 10_000;
    const { doc, diagnostics } = diagnose(`${'(do (if true '.repeat(depth)}(perform twilio sms {})${'))'.repeat(depth)}`);
    assert.deepEqual(compact(diagnostics), [at(doc, 'missing-mandatory-field', 'twilio sms')]);
  });
});
