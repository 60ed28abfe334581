// The slot a cursor stands in, in both dialects, from a table of cursors: operators, new forms with
// the 4.2 variables in scope (or none where an event collection or criterion stands), units,
// interaction words, params keys and values of every kind, pattern-map keys, event fields and
// comments. Forms are listed by their first four names and how many more there are.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CursorSlot, cursorSlot } from '../../server/src/service/flow/editing/cursor';
import { grammarOf } from '../../server/src/service/flow/analysis/grammar/grammar';
import { DialectVersion } from '../../server/src/service/flow/analysis/grammar/signature';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

/** A slot as [kind, word text, forms, variables, field, number of units], each only where the slot has it. */
function shape(slot: CursorSlot, text: string): (string | number | null)[] {
  const out: (string | number | null)[] = [slot.kind, 'word' in slot && slot.word !== undefined ? text.slice(slot.word.start, slot.word.end) : null];
  if ('forms' in slot) out.push(slot.forms.slice(0, 4).map((f) => f.name).join(' ') + (slot.forms.length > 4 ? ` +${slot.forms.length - 4}` : ''));
  if ('variables' in slot) out.push(slot.variables === undefined ? null : slot.variables.map((v) => v.name).join(' '));
  if ('field' in slot) out.push(slot.field);
  if ('units' in slot) out.push(slot.units.length);
  return out;
}

function slotAt(dialect: DialectVersion, text: string): (string | number | null)[] {
  const at = text.indexOf('|');
  const code = text.slice(0, at) + text.slice(at + 1);
  return shape(cursorSlot(readFlow(documentOf(code, 'flow')).regions[0], at, grammarOf(dialect)), code);
}

const cases: [DialectVersion, string, (string | number | null)[]][] = [
  ['4.2', '(def a 1)\n(when (> a 1) |)', ['new-form', null, 'fetch perform create update +62', 'a']],
  ['4.2', '(def a 1)\n(event |)', ['none', null]],
  ['4.2', '(def a 1)\n(def b |)', ['new-form', null, 'fetch perform create update +54', 'a']],
  ['4.2', '(def a 1)\n(str a| 1)', ['new-form', 'a', 'fetch perform create update +62', 'a']],
  ['4.2', '(def a 1)\n(str "a|" 1)', ['none', null]],
  ['4.2', '(def a 1)\n(str 1| 1)', ['none', null]],
  ['4.2', '(def a 1)\n(all |)', ['new-form', null, 'fetch perform create update +54', 'a']],
  ['4.2', '(def a 1)\n(within 5 |)', ['unit', null, 8]],
  ['4.2', '(def a 1)\n(within 5 "m|")', ['none', null]],
  ['4.2', '(def a 1)\n(within 5 m|)', ['unit', 'm', 8]],
  ['4.1', '(seq (a) (b) (c) (d)|)', ['new-form', null, 'send await seq par +9', null]],
  ['4.1', '(seq (a) (b)| (c) (d))', ['new-form', null, 'send await seq par +9', null]],
  ['4.1', '(seq (a) (b) |(c) (d))', ['new-form', null, 'send await seq par +9', null]],
  ['4.1', '("x|")', ['none', null]],
  ['4.1', '(1| 2)', ['none', null]],
  ['4.1', '(seq 1|)', ['none', null]],
  ['4.1', '(seq "x|")', ['none', null]],
  ['4.1', '(send twilio sms {1| 2})', ['none', null]],
  ['4.1', '(send twilio sms {:message 1 [|] 2})', ['none', null]],
  ['4.1', '(send twilio sms {"message"| 2})', ['field', '"message"']],
  ['4.1', '(send twilio sms {message| 2})', ['field', 'message']],
  ['4.1', '(send twilio sms {[1] |})', ['none', null]],
  ['4.2', '(def a 1)\n(perform twilio sms {:message |})', ['field-value', null, 'a', 'message']],
  ['4.1', '(send twilio sms {:message |})', ['field-value', null, null, 'message']],
  ['4.1', '[{:name "x" wh|}]', ['none', null]],
  ['4.1', '[{:name "x" :wh|}]', ['pattern-key', ':wh']],
  ['4.1', '[{:name "x" "wh|"}]', ['none', null]],
  ['4.1', '{:a 1 :b |}', ['none', null]],
  ['4.1', '{:a 1 b|}', ['none', null]],
  ['4.2', '(def a 1)\n(let [x 1] |)', ['new-form', null, 'fetch perform create update +62', 'x a']],
  ['4.2', '(def a 1)\n(perform twilio sms {} |)', ['new-form', null, 'retries timeout catch', null]],
  ['4.1', '(send twilio sms {} (retries |))', ['none', null]],
  ['4.2', '(def a 1)\n(event {:type "x"} |)', ['none', null]],
  ['4.2', '(def a 1)\n(count (event) |)', ['none', null]],
  ['4.2', '(def a 1)\n(seq |)', ['new-form', null, 'fetch perform create update +62', 'a']],
  ['4.2', '(def a 1)\n(def |)', ['new-form', null, '', 'a']],
  ['4.2', '(def a 1)\n(def b| 1)', ['new-form', 'b', '', 'a']],
  ['4.1', '(within 5 |)', ['unit', null, 4]],
  ['4.1', '(send tw|)', ['integration', 'tw']],
  ['4.1', '(send "tw|")', ['integration', '"tw"']],
  ['4.1', '(send twilio s|)', ['message', 's']],
  ['4.1', '(send twilio 1|)', ['none', null]],
  ['4.1', '(send twilio sms {} |)', ['new-form', null, 'retries within template success +1', null]],
  ['4.1', '(se|)', ['operator', 'se', 'send await seq par +18']],
  ['4.1', '("se|")', ['none', null]],
  ['4.2', '$to|', ['event-field', '$to']],
  ['4.1', '$to|', ['none', null]],
  ['4.1', 'x ;c|', ['none', null]],
];

describe('the cursor slot', () => {
  it('finds the exact slot at each cursor', () => {
    for (const [dialect, text, expected] of cases) assert.deepEqual(slotAt(dialect, text), expected, `${dialect}: ${text}`);
  });
});
