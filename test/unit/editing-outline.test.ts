// The outline of flow code compared whole (name, detail, kind, range, selection, children): 4.2
// collections with their criteria, globals and locals in any container, interactions with their
// `catch`, and the symbol limit; 4.1 pattern maps without a name or with a string key, top-level
// forms in a vector, sends with words missing; pattern files with a code part, a repeated key and
// the limit. Each symbol is [name, detail, kind, range, selection range, children if any].
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentSymbol } from 'vscode-languageserver-types';
import { flowSymbols } from '../../server/src/service/flow/editing/features';
import { DialectSetting } from '../../server/src/service/flow/analysis/dialect';
import { CompactRange, compactRange, documentOf } from '../support/documents';
import { readFlow } from '../support/service';

type Shape = [string, string | undefined, number, CompactRange, CompactRange, Shape[]?];

function shape(s: DocumentSymbol): Shape {
  const out: Shape = [s.name, s.detail, s.kind, compactRange(s.range), compactRange(s.selectionRange)];
  if (s.children !== undefined && s.children.length > 0) out.push(s.children.map(shape));
  return out;
}

const cases: [string, DialectSetting, number, Shape[], ('flow' | 'pattern')?][] = [
  ['(within "x" days (event {:type "a" "b" 1 2 3}))\n(count 2 (event x))\n(all (event {}))', '4.2', Infinity, [['within … days', undefined, 24, [0, 0, 0, 47], [0, 1, 0, 7], [['event', 'type, b', 24, [0, 17, 0, 46], [0, 18, 0, 23]]]], ['event x', undefined, 24, [1, 9, 1, 18], [1, 10, 1, 15]], ['event', undefined, 24, [2, 5, 2, 15], [2, 6, 2, 11]]]],
  ['[(def a 1) {:k (def b 2)}]\n(def "x" 1)\n(def)\n(let x 1)', '4.2', Infinity, [['a', 'def', 13, [0, 1, 0, 10], [0, 6, 0, 7]], ['b', 'def', 13, [0, 15, 0, 24], [0, 20, 0, 21]]]],
  ['(let [a (perform crm note {} (catch (def z 1))) "b" 2 c] (def d a))', '4.2', Infinity, [['a', 'let', 13, [0, 6, 0, 47], [0, 6, 0, 7], [['perform crm note', undefined, 12, [0, 8, 0, 47], [0, 9, 0, 16], [['z', 'def', 13, [0, 36, 0, 45], [0, 41, 0, 42]]]]]], ['c', 'let', 13, [0, 54, 0, 55], [0, 54, 0, 55]], ['d', 'def', 13, [0, 57, 0, 66], [0, 62, 0, 63]]]],
  ['(def a 1)\n(def b 2)\n(let [c 1 d 2] (def e 3))', '4.2', 3, [['a', 'def', 13, [0, 0, 0, 9], [0, 5, 0, 6]], ['b', 'def', 13, [1, 0, 1, 9], [1, 5, 1, 6]], ['c', 'let', 13, [2, 6, 2, 9], [2, 6, 2, 7]]]],
  ['(def a 1)\n(let [c 1 d 2] (def e 3))', '4.2', 2, [['a', 'def', 13, [0, 0, 0, 9], [0, 5, 0, 6]], ['c', 'let', 13, [1, 6, 1, 9], [1, 6, 1, 7]]]],
  ['(if (> 1 2) (do (def a 1)) (def b 2))\n(foo (def c 3))', '4.2', Infinity, [['a', 'def', 13, [0, 16, 0, 25], [0, 21, 0, 22]], ['b', 'def', 13, [0, 27, 0, 36], [0, 32, 0, 33]], ['c', 'def', 13, [1, 5, 1, 14], [1, 10, 1, 11]]]],
  ['(perform crm note {})\n(def a 1)\n(def b 2)', '4.2', 2, [['perform crm note', undefined, 12, [0, 0, 0, 21], [0, 1, 0, 8]], ['a', 'def', 13, [1, 0, 1, 9], [1, 5, 1, 6]]]],
  ['(str [a 1])\n(event)', '4.2', Infinity, [['event', undefined, 24, [1, 0, 1, 7], [1, 1, 1, 6]]]],
  ['[{:when (event)} {:name 1 :then (seq)} {:name "p" "when" (event) :then (send twilio sms {})}]', '4.1', Infinity, [['(unnamed pattern)', 'pattern', 19, [0, 1, 0, 16], [0, 1, 0, 2], [['When', 'event', 24, [0, 2, 0, 15], [0, 2, 0, 7]]]], ['(unnamed pattern)', 'pattern', 19, [0, 17, 0, 38], [0, 24, 0, 25], [['Then', 'seq', 3, [0, 26, 0, 37], [0, 26, 0, 31]]]], ['p', 'pattern', 19, [0, 39, 0, 92], [0, 46, 0, 49], [['Then', 'send', 3, [0, 65, 0, 91], [0, 65, 0, 70], [['send twilio sms', undefined, 12, [0, 71, 0, 91], [0, 72, 0, 87]]]]]]]],
  [';; When\n[(event) [(event)] ()]\n;; Then\n(seq (send "x" sms) (send twilio) (send twilio sms))', '4.1', Infinity, [['When', 'event', 24, [1, 1, 1, 8], [1, 2, 1, 7]], ['When', undefined, 24, [1, 19, 1, 21], [1, 19, 1, 20]], ['Then', 'seq', 3, [3, 0, 3, 52], [3, 1, 3, 4], [['send sms', undefined, 12, [3, 5, 3, 19], [3, 6, 3, 18]], ['send twilio', undefined, 12, [3, 20, 3, 33], [3, 21, 3, 32]], ['send twilio sms', undefined, 12, [3, 34, 3, 51], [3, 35, 3, 50]]]]]],
  [';; When\n(event)\n;; Then\n(seq (send twilio sms {}))', '4.1', 2, [['When', 'event', 24, [1, 0, 1, 7], [1, 1, 1, 6]], ['Then', 'seq', 3, [3, 0, 3, 26], [3, 1, 3, 4]]]],
  ['[{"name": "a", "status": true, "when": "(event)", "then": "(seq (send twilio sms {}))"},\n {"status": true, "key": "k", "code": "(def x 1) (def y 2)"},\n {"name": "c", "when": "(event)"}]', 'auto', Infinity, [['a', 'pattern', 19, [0, 1, 0, 87], [0, 10, 0, 13], [['When', 'event', 24, [0, 31, 0, 48], [0, 31, 0, 37]], ['Then', 'seq', 3, [0, 50, 0, 86], [0, 50, 0, 56], [['send twilio sms', undefined, 12, [0, 64, 0, 84], [0, 65, 0, 80]]]]]], ['(unnamed pattern)', 'pattern', 19, [1, 1, 1, 60], [1, 1, 1, 2], [['Code', undefined, 2, [1, 30, 1, 59], [1, 30, 1, 36], [['x', 'def', 13, [1, 39, 1, 48], [1, 44, 1, 45]], ['y', 'def', 13, [1, 49, 1, 58], [1, 54, 1, 55]]]]]], ['c', 'pattern', 19, [2, 1, 2, 33], [2, 10, 2, 13], [['When', 'event', 24, [2, 15, 2, 32], [2, 15, 2, 21]]]]], 'pattern'],
  ['[{"name": "a", "status": true, "when": "(event)", "then": "(seq (send twilio sms {}))"},\n {"name": "c", "when": "(event)"}]', 'auto', 3, [['a', 'pattern', 19, [0, 1, 0, 87], [0, 10, 0, 13], [['When', 'event', 24, [0, 31, 0, 48], [0, 31, 0, 37]], ['Then', 'seq', 3, [0, 50, 0, 86], [0, 50, 0, 56]]]]], 'pattern'],
  ['{"name": "a", "when": "(event)", "when": "(event x)"}', 'auto', Infinity, [['a', 'pattern', 19, [0, 0, 0, 53], [0, 9, 0, 12], [['When', 'event', 24, [0, 14, 0, 31], [0, 14, 0, 20]], ['When', 'event', 24, [0, 33, 0, 52], [0, 33, 0, 39]]]]], 'pattern'],
];

describe('the outline of flow code', () => {
  it('gives each flow its exact symbols', () => {
    for (const [text, setting, limit, expected, kind] of cases) {
      assert.deepEqual(flowSymbols(readFlow(documentOf(text, kind ?? 'flow')), setting, limit).map(shape), expected, text);
    }
  });
});
