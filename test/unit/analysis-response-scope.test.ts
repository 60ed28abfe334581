// Which form's response a 4.1 `$value` reads, walked up from the value: a send's `success` (not its
// params, `failure` or other arguments), everything after an await's message, the predicate of a
// then-side `expect`, the nearest such form when they nest; none at the top level.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { responseSource } from '../../server/src/service/flow/analysis/responseScope';
import { FlowNode, isContainer } from '../../server/src/service/flow/syntax/tree';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

function at(text: string, node: FlowNode): string {
  const before = text.slice(0, node.start).split('\n');
  return `${before.length}:${before[before.length - 1].length}`;
}

function sources(text: string): string[] {
  const region = readFlow(documentOf(text, 'flow')).regions[0];
  const found: string[] = [];
  const stack = [...region.tree.forms].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (node.kind === 'response') {
      const source = responseSource(region, node);
      found.push(`${text.slice(node.start, node.end)} ${source === undefined ? '-' : `${source.operator}@${at(text, source.form)}`}`);
    }
    if (isContainer(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return found;
}

describe('4.1 response values: the form whose response each reads', () => {
  it('every `$` value of a program', () => {
    const text = `(send twilio sms {:to $a} (success (delay 1 days) (send echo message {:message $b})) (failure $c) $d)
(await twilio call {:x $e} (if (= $f 1) (success $g) (failure $h)) (within 1 hours))
(seq (expect (= $i 1) (within 1 hours) (success $j)) $k)
$l
(success $m)
(send echo message {} (success (seq (send echo message {} (success $n)))))
(foo (success $o))
[(send echo message {} (success $p))]
(await twilio $q {})
(send echo message (success $s))
(seq (delay 1 days $t))`;
    assert.deepEqual(sources(text), [
      '$a -',
      '$b send@1:0',
      '$c -',
      '$d -',
      '$e await@2:0',
      '$f await@2:0',
      '$g await@2:0',
      '$h await@2:0',
      '$i expect@3:5',
      '$j -',
      '$k -',
      '$l -',
      '$m -',
      '$n send@6:36',
      '$o -',
      '$p send@8:1',
      '$q -',
      '$s -',
      '$t -',
    ]);
  });
});
