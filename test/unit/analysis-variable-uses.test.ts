// The 4.2 variable each symbol binds or reads, and every use of a binding, symbol by symbol: `def`
// and the binding vectors of `let`, `if-let` and `when-let` (one name), a read through a field
// access, the scopes of each, and the places that read no variable (operators, integrations,
// messages, units, the vector of an unknown form, the second name of a one-name binding).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { usesOf, variableOf } from '../../server/src/service/flow/analysis/variables';
import { FlowNode, isContainer, SymbolNode } from '../../server/src/service/flow/syntax/tree';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

const marked =
  '(def |x 1)\n(let [|x 2 |y |x] (perform |twilio |sms {:message |x.sid}))\n(if-let [|z |x] |z |y)\n(within 5 |minutes (event {:type "a"}))\n(|x 1)\n[|x]\n(when-let [|a 1 |b 2] |b)\n(foo [|c 1] |c)';

/** The symbol at each mark: `line:character name`, and its variable as [name, rule, where bound, every use], or null. */
function variables(): [string, [string, string, string, string] | null][] {
  const offsets: number[] = [];
  let text = '';
  for (const ch of marked) {
    if (ch === '|') offsets.push(text.length);
    else text += ch;
  }
  const region = readFlow(documentOf(text, 'flow')).regions[0];
  const find = (nodes: readonly FlowNode[], at: number): FlowNode | undefined => {
    for (const n of nodes) {
      if (n.start === at) return n;
      if (n.start < at && at < n.end && isContainer(n)) return find(n.children, at);
    }
    return undefined;
  };
  const pos = (offset: number) => `${region.position(offset).line}:${region.position(offset).character}`;
  return offsets.map((offset) => {
    const symbol = find(region.tree.forms, offset) as SymbolNode;
    const b = variableOf(region, symbol);
    return [`${pos(offset)} ${symbol.name}`, b ? [b.name, b.rule, pos(b.node.start), usesOf(region, b).map((u) => pos(u.start)).join(' ')] : null];
  });
}

describe('4.2 variables, symbol by symbol', () => {
  it('gives the variable each symbol binds or reads, with every use', () => {
    const defX: [string, string, string, string] = ['x', 'def', '0:5', '0:5 2:11 5:1'];
    const letX: [string, string, string, string] = ['x', 'let', '1:6', '1:6 1:12 1:45'];
    const z: [string, string, string, string] = ['z', 'if-let', '2:9', '2:9 2:14'];
    assert.deepEqual(variables(), [
      ['0:5 x', defX],
      ['1:6 x', letX],
      ['1:10 y', ['y', 'let', '1:10', '1:10']],
      ['1:12 x', letX],
      ['1:24 twilio', null],
      ['1:31 sms', null],
      ['1:45 x.sid', letX],
      ['2:9 z', z],
      ['2:11 x', defX],
      ['2:14 z', z],
      ['2:16 y', null],
      ['3:10 minutes', null],
      ['4:1 x', null],
      ['5:1 x', defX],
      ['6:11 a', ['a', 'when-let', '6:11', '6:11']],
      ['6:15 b', null],
      ['6:20 b', null],
      ['7:6 c', null],
      ['7:11 c', null],
    ]);
  });
});
