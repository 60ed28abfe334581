// Hover markdown of flow values, exact, in both dialects: sets, tagged literals, template
// references, event fields and variables (a field read from one too) in 4.2; response values in
// 4.1 with where they come from (a send or await named by its words or not, an expect) or that none
// is in scope, and reaction variables with the lines of their `set` forms.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MarkupContent, Range } from 'vscode-languageserver-types';
import { hoverFlow } from '../../server/src/service/flow/editing/features';
import { analysisContext } from '../../server/src/service/analysisContext';
import { defaultSettings } from '../../server/src/service/settings';
import { crmIndex } from '../support/definitions';
import { CompactRange, compactRange, withCursor } from '../support/documents';
import { readFlow } from '../support/service';

const ctx = analysisContext(crmIndex(), 'file:///workspace/flow.cxflow', defaultSettings);

function hover(text: string): [string, CompactRange] | null {
  const { doc, position } = withCursor(text, 'flow');
  const h = hoverFlow(readFlow(doc), position, ctx);
  return h === null ? null : [(h.contents as MarkupContent).value, compactRange(h.range as Range)];
}

const cases: [string, [string, CompactRange] | null][] = [
  ['(def a 1)\n(str #inst| "x")', ['tagged literal `#inst`: an instant: a date and time (RFC 3339), read as a timestamp', [1, 5, 1, 14]]],
  ['(def a 1)\n(str +TM1|)', ['message template `TM1`, rendered when the message is sent', [1, 5, 1, 9]]],
  ['(def a 1)\n(str $x|)', ['event field `x`: read from the triggering event at run time', [1, 5, 1, 7]]],
  ['(let [r (fetch generic fetch {:id 1})] (str r.sid|))', ['field `sid` of variable `r`: local of `let` at line 1', [0, 44, 0, 49]]],
  ['(let [r (fetch generic fetch {:id 1})] (str r|))', ['variable `r`: local of `let` at line 1', [0, 44, 0, 45]]],
  ['(def a 1)\n(str 5|)', null],
  [';; Then\n(expect twilio sms {} (success (set x $sid|)))', ['response value `sid`: no response is in scope here; response values are visible only inside the success block of a send, inside an await, or in an expect predicate', [1, 38, 1, 42]]],
  [';; Then\n(send "twilio" sms {} (success (set x $sid|)))', ['response value `sid`: in scope, from the response of `send` at line 2', [1, 38, 1, 42]]],
  [';; Then\n(send twilio "sms" {} (success (set x $sid|)))', ['response value `sid`: in scope, from the response of `send` at line 2', [1, 38, 1, 42]]],
  [';; Then\n(send twilio sms {} (success (set x $sid|)))', ['response value `sid`: in scope, from the response of `(send twilio sms)` at line 2', [1, 36, 1, 40]]],
  [';; Then\n(seq (set x 1) (set x 2) x|)', ['reaction variable `x`: `set` at lines 2, 2', [1, 25, 1, 26]]],
  ['(def a 1)\n(str #{1 | 2})', ['set `#{...}` of 2 values: a value matches when it equals one of them', [1, 5, 1, 12]]],
  [';; Then\n(await twilio sms {} (if (= $sid| 1) (success) (failure)) (within 1 minutes))', ['response value `sid`: in scope, from the response of `(await twilio sms)` at line 2', [1, 28, 1, 32]]],
  [';; Then\n(expect (= $sid| 1))', ['response value `sid`: in scope, from the event the `expect` at line 2 waits for', [1, 11, 1, 15]]],
  ['(def a 1)\n"{{a|}}"', null],
  ['(def a 1)\n(str "{{a|}}")', null],
  ['(def a 1)\n(template "{{a|}}")', ['`{{a}}`: variable `a`, bound by def on line 1', [1, 13, 1, 14]]],
  ['(def a 1)\n(template {:k "{{a|}}"})', ['`{{a}}`: variable `a`, bound by def on line 1', [1, 17, 1, 18]]],
  [';; Then\n(send echo message {} (template {"{{a|}}" 1}))', null],
];

describe('hover on flow values', () => {
  it('gives the exact markdown and range at each cursor', () => {
    for (const [text, expected] of cases) assert.deepEqual(hover(text), expected, text);
  });
});
