// The names in scope where a message template renders, in both dialects: 4.1's `set` variables
// (once each, in source order, with every line that sets them) and the event fields its
// comparisons read, response and event values; 4.2's bindings in scope and event fields, at an
// inline template string and at a top-level `+TM1`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { templateNamesAt } from '../../server/src/service/flow/editing/templateNames';
import { DialectVersion } from '../../server/src/service/flow/analysis/grammar/signature';
import { nodeAt } from '../../server/src/service/flow/syntax/tree';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

function names(dialect: DialectVersion, text: string): [string, string, string][] {
  const at = text.indexOf('|');
  const region = readFlow(documentOf(text.slice(0, at) + text.slice(at + 1), 'flow')).regions[0];
  const node = nodeAt(region.tree, at);
  assert.ok(node !== undefined);
  return templateNamesAt(region, node, dialect).map((n) => [n.name, n.kind, n.detail]);
}

const cases: [DialectVersion, string, [string, string, string][]][] = [
  ['4.1',
    ';; When\n(event (= CallAction "a") (> Count 2) (foo Bar 1) (= "x" 1) (contains Tags "t") (< Low 1))\n;; Then\n(seq (set v 1)\n  (set "w" 2) (set u 3)\n  (set v 4)\n  (send echo message {} (template {:message "{{|x}}"})) $resp *ev* $resp *Count*)',
    [['v', 'variable', 'set on lines 4 and 6'], ['u', 'variable', 'set on line 5'], ['CallAction', 'event-field', 'event field'], ['Count', 'event-field', 'event field'], ['Tags', 'event-field', 'event field'], ['Low', 'event-field', 'event field'], ['resp', 'response-value', 'response value'], ['ev', 'event-field', 'event field']]],
  ['4.2',
    '(def a 1)\n(event {:type "x" :total 1})\n(let [b 2 a 3] (perform echo message {:message (template "|{{b}}")} ) $total $extra *star*)',
    [['a', 'variable', 'bound by let on line 3'], ['b', 'variable', 'bound by let on line 3'], ['type', 'event-field', 'event field'], ['total', 'event-field', 'event field'], ['extra', 'event-field', 'event field'], ['star', 'event-field', 'event field']]],
  ['4.2',
    '(def a 1)\n$x\n+TM1|',
    [['a', 'variable', 'bound by def on line 1'], ['x', 'event-field', 'event field']]],
  ['4.1',
    '(seq (set v 1))\n+TM1|',
    [['v', 'variable', 'set on line 1']]],
  ['4.1',
    '(seq (set v 1) (set v 2)\n(set v 3)\n(set v 4))\n+TM1|',
    [['v', 'variable', 'set on lines 1, 2 and 3']]],
];

describe('names in scope of a message template', () => {
  it('lists the exact names at each template', () => {
    for (const [dialect, text, expected] of cases) assert.deepEqual(names(dialect, text), expected, text);
  });
});
