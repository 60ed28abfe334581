// How the analyser starts at each kind of top-level form, diagnostic by diagnostic: 4.1 pattern maps
// wherever they stand (alone, in a top-level vector, inside a platform configuration), their `:when`
// and `:then` read as code of their side; a pattern map in a 4.2 file; options and the other
// dialect's forms standing alone; unbound names with a field access and the did-you-means of both.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diagnoseFlow } from '../support/flowContext';

type Found = [string, number, number, number, string];

/** Code, line, start and end character, and message of each diagnostic of `text`. */
function found(text: string): Found[] {
  return diagnoseFlow(text).diagnostics.map((d) => [String(d.code), d.range.start.line, d.range.start.character, d.range.end.character, String(d.message)]);
}

const missingAll = '`twilio sms` is missing mandatory fields `to-phone-number`, `from-phone-number`, `message`';
const mesage = '`sms` has no field `mesage`; did you mean `message`?';
const readAs = (dialect: string) => `this file is read as ${dialect} because of the \`; cxengage-dialect: ${dialect}\` comment on line 1`;

const cases: [string, Found[]][] = [
  [
    '; cxengage-dialect: 4.1\n{:name "p" :when (send twilio sms {}) :then (send twilio sms {:mesage "x"}) :extra (seq)}',
    [
      ['unknown-form', 1, 18, 22, '`send` is not a form in an event pattern'],
      ['missing-mandatory-field', 1, 23, 33, missingAll],
      ['missing-mandatory-field', 1, 50, 60, missingAll],
      ['unknown-field', 1, 62, 69, mesage],
    ],
  ],
  [
    '; cxengage-dialect: 4.1\n[{:when (event (= t "a")) :then (send twilio sms {:mesage "x"})} 5 {:then (retries 2)}]',
    [
      ['missing-mandatory-field', 1, 38, 48, missingAll],
      ['unknown-field', 1, 50, 57, mesage],
      ['unknown-form', 1, 75, 82, '`retries` is not a form in a reaction (it is an option of a form)'],
    ],
  ],
  [
    '; cxengage-dialect: 4.1\n{:patterns [{:when (event (= t "a")) :then (send twilio sms {:mesage "x"})}]}',
    [
      ['missing-mandatory-field', 1, 49, 59, missingAll],
      ['unknown-field', 1, 61, 68, mesage],
    ],
  ],
  [
    '; cxengage-dialect: 4.2\n{:when (event {:type "a"}) :then (perform twilio sms {})}',
    [
      ['wrong-dialect', 1, 1, 6, `a pattern map with \`:when\` is a 4.1 form; ${readAs('4.2')}`],
      ['missing-mandatory-field', 1, 42, 52, missingAll],
    ],
  ],
  ['; cxengage-dialect: 4.2\n{"when" 1}', []],
  [
    '; cxengage-dialect: 4.1\n;; Then\n(retries 3)\n(sum 1 2)\n(perform twilio sms {})',
    [
      ['unknown-form', 2, 1, 8, '`retries` is not a form in a reaction (it is an option of a form)'],
      ['wrong-dialect', 3, 1, 4, `\`sum\` is a 4.2 function; ${readAs('4.1')}`],
      ['wrong-dialect', 4, 1, 8, `\`perform\` is a 4.2 form; ${readAs('4.1')}`],
      ['missing-mandatory-field', 4, 9, 19, missingAll],
    ],
  ],
  [
    '; cxengage-dialect: 4.2\n(def total 1)\n(perform twilio sms {:message totl :to-phone-number .x :from-phone-number totl.sid})\n(evn? 1)',
    [
      ['unbound-variable', 2, 30, 34, '`totl` names no variable in scope here and no function; did you mean `total`?'],
      ['unbound-variable', 2, 74, 78, '`totl` (before `.sid`) names no variable in scope here and no function; did you mean `total`?'],
      ['unknown-form', 3, 1, 5, '`evn?` is not a form at the top level; did you mean `even?`?'],
    ],
  ],
  [
    '; cxengage-dialect: 4.1\n;; Then\n(send twilio sms {:message (seq 1)} (success (set x $sid)))\n(set y 2)',
    [
      ['missing-mandatory-field', 2, 6, 16, '`twilio sms` is missing mandatory fields `to-phone-number`, `from-phone-number`'],
      ['arity', 2, 32, 33, '`1` is a value, not a reaction: the members of `seq` are forms such as `(send ...)` or `(delay ...)`'],
    ],
  ],
];

describe('the analyser at each kind of top-level form', () => {
  it('gives the exact diagnostics of pattern maps, lone options, the other dialect and unbound names', () => {
    for (const [text, expected] of cases) assert.deepEqual(found(text), expected, text);
  });
});
