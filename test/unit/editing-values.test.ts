// The value under a cursor in 4.1 flow code, from a table of cursors: reaction variables (with the
// `(set ...)` forms that define them, in source order) and the places that are not one (the when
// side, map keys, operators, interaction words, units, the top level), sets, tagged literals, event
// fields, response values and template references.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { valueAt } from '../../server/src/service/flow/editing/values';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

/** A value as [kind, its text, then: the starts of its sets, the members of a set, the tag, the name, or the response source's operator]. */
type Shape = [string, string, number[] | number | string | null] | null;

function valueShape(text: string): Shape {
  const at = text.indexOf('|');
  const code = text.slice(0, at) + text.slice(at + 1);
  const v = valueAt(readFlow(documentOf(code, 'flow')).regions[0], at);
  if (v === undefined) return null;
  const node = code.slice(v.node.start, v.node.end);
  switch (v.kind) {
    case 'variable':
      return [v.kind, node, v.sets.map((s) => s.start)];
    case 'set':
      return [v.kind, node, v.members];
    case 'tagged-literal':
      return [v.kind, node, v.tag];
    case 'response-value':
      return [v.kind, node, v.source === undefined ? null : v.source.operator];
    default:
      return [v.kind, node, v.name];
  }
}

const cases: [string, Shape][] = [
  [';; Then\n(seq (set x 1) (set "x" 0) (set y 2) (set x 3) (send echo message {:message x|}))', ['variable', 'x', [13, 45]]],
  ['x|', null],
  [';; When\n(event (= x| 1))', null],
  [';; Then\n(send echo message {x| 1})', null],
  [';; Then\n(seq x|)', ['variable', 'x', []]],
  [';; Then\n(set x| 1)', ['variable', 'x', [8]]],
  [';; Then\n(delay 5 minutes|)', null],
  [';; Then\n(send echo| message {})', null],
  [';; Then\n(foo x|)', ['variable', 'x', []]],
  [';; Then\n(foo| x)', null],
  [';; Then\n[x|]', ['variable', 'x', []]],
  [';; Then\n(seq #{1 2|})', null],
  [';; Then\n(seq #inst "x|")', ['tagged-literal', '#inst "x"', 'inst']],
  [';; Then\n(seq #inst| "x")', ['tagged-literal', '#inst "x"', 'inst']],
  [';; When\n(event *x*|)', ['event-field', '*x*', 'x']],
  [';; Then\n(send echo message {:message $x|})', ['response-value', '$x', null]],
  [';; Then\n(send echo message {} (success (send echo message {:message $x|})))', ['response-value', '$x', 'send']],
  [';; Then\n(send echo message {} (template {:message +TM1|}))', ['template-ref', '+TM1', 'TM1']],
  [';; Then\n(seq 1|)', null],
  [';; Then\n(seq (set x 1) x|)', ['variable', 'x', [13]]],
  [';; Then\n(seq #{1 | 2})', ['set', '#{1  2}', 2]],
  [';; Then\n(send echo message {:message (str x|)})', ['variable', 'x', []]],
  [';; Then\n(set x 1)\n(set x 2)\n(seq (str x) ((set x 3)) (set) x|)', ['variable', 'x', [8, 18, 42]]],
];

describe('the value under the cursor', () => {
  it('finds the exact value at each cursor, or none', () => {
    for (const [text, expected] of cases) assert.deepEqual(valueShape(text), expected, text);
  });
});
