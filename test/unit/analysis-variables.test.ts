// The variables of 4.2 code as the editor sees them, read directly: which binding each symbol of a
// program binds or reads (let values seeing earlier names, `if-let` in its then branch only,
// `when-let` binding its first name, `def` after its form, a local before a global, non-variable
// places), the names visible at a place, and every use of a binding.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defsOf, usesOf, variableOf, variablePart, variablesAt } from '../../server/src/service/flow/analysis/variables';
import { ContainerNode, FlowNode, isContainer, ListNode, SymbolNode } from '../../server/src/service/flow/syntax/tree';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

const program = `(def a 1)
(let [x 1 y x z (+ x y)] (f x y z a w [x]))
(if-let [p (g)] p p)
(when-let [q 1 r 2] q r)
(def b a)
(perform twilio sms {:message a})
(delay 5 minutes)
a
[b]
(let [result 1 7 8] result.sid)
(def 5 6)
(let x x)
(if-let [m 1 n 2] n)
(f [k 1] k)`;

function regionOf(text: string) {
  return readFlow(documentOf(text, 'flow')).regions[0];
}

function symbols(forms: readonly FlowNode[]): SymbolNode[] {
  const found: SymbolNode[] = [];
  const stack = [...forms].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (node.kind === 'symbol') found.push(node);
    if (isContainer(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return found;
}

/** `name@line:col` of a node's start. */
function where(text: string, node: FlowNode): string {
  const before = text.slice(0, node.start).split('\n');
  return `${before.length}:${before[before.length - 1].length}`;
}

describe('4.2 variables: what each symbol binds or reads', () => {
  it('every symbol of a program, with its binding (rule and place) or none', () => {
    const region = regionOf(program);
    const got = symbols(region.tree.forms).map((s) => {
      const b = variableOf(region, s);
      return `${s.name}@${where(program, s)} ${b === undefined ? '-' : `${b.rule} ${b.name}@${where(program, b.node)} in ${where(program, b.form)}`}`;
    });
    assert.deepEqual(got, [
      'def@1:1 -',
      'a@1:5 def a@1:5 in 1:0',
      'let@2:1 -',
      'x@2:6 let x@2:6 in 2:0',
      'y@2:10 let y@2:10 in 2:0',
      'x@2:12 let x@2:6 in 2:0',
      'z@2:14 let z@2:14 in 2:0',
      '+@2:17 -',
      'x@2:19 let x@2:6 in 2:0',
      'y@2:21 let y@2:10 in 2:0',
      'f@2:26 -',
      'x@2:28 let x@2:6 in 2:0',
      'y@2:30 let y@2:10 in 2:0',
      'z@2:32 let z@2:14 in 2:0',
      'a@2:34 def a@1:5 in 1:0',
      'w@2:36 -',
      'x@2:39 let x@2:6 in 2:0',
      'if-let@3:1 -',
      'p@3:9 if-let p@3:9 in 3:0',
      'g@3:12 -',
      'p@3:16 if-let p@3:9 in 3:0',
      'p@3:18 -',
      'when-let@4:1 -',
      'q@4:11 when-let q@4:11 in 4:0',
      'r@4:15 -',
      'q@4:20 when-let q@4:11 in 4:0',
      'r@4:22 -',
      'def@5:1 -',
      'b@5:5 def b@5:5 in 5:0',
      'a@5:7 def a@1:5 in 1:0',
      'perform@6:1 -',
      'twilio@6:9 -',
      'sms@6:16 -',
      'a@6:30 def a@1:5 in 1:0',
      'delay@7:1 -',
      'minutes@7:9 -',
      'a@8:0 def a@1:5 in 1:0',
      'b@9:1 def b@5:5 in 5:0',
      'let@10:1 -',
      'result@10:6 let result@10:6 in 10:0',
      'result.sid@10:20 let result@10:6 in 10:0',
      'def@11:1 -',
      'let@12:1 -',
      'x@12:5 -',
      'x@12:7 -',
      'if-let@13:1 -',
      'm@13:9 if-let m@13:9 in 13:0',
      'n@13:13 -',
      'n@13:18 -',
      'f@14:1 -',
      'k@14:4 -',
      'k@14:9 -',
    ]);
  });

  it('the defs of a tree, once per tree, and the variable part of a dotted symbol', () => {
    const region = regionOf(program);
    const defs = defsOf(region.tree);
    assert.deepEqual(
      defs.map((d) => [d.name, where(program, d.node)]),
      [
        ['a', '1:5'],
        ['b', '5:5'],
      ],
    );
    assert.equal(defsOf(region.tree), defs);
    const dotted = symbols(region.tree.forms).find((s) => s.name === 'result.sid') as SymbolNode;
    assert.deepEqual(variablePart(dotted), { start: dotted.start, end: dotted.start + 'result'.length });
  });
});

describe('4.2 variables: visible at a place, and the uses of a binding', () => {
  it('innermost first, each name once, the globals defined before the place last', () => {
    const text = '(def a 1)\n(def x 0)\n(let [x 1 y 2] (f) [3])\n(def c 2)';
    const region = regionOf(text);
    const [, , let_] = region.tree.forms as ListNode[];
    const names = (container: ContainerNode | undefined, index: number, offset: number) => variablesAt(region, container, index, offset).map((b) => `${b.rule} ${b.name}`);
    // In the body: both locals (the local x hides the global), then a.
    assert.deepEqual(names(let_, 2, let_.children[2].start), ['let y', 'let x', 'def a']);
    // In the binding vector: a value sees the names before it; a name sees none.
    const vector = let_.children[1] as ContainerNode;
    assert.deepEqual(names(vector, 3, vector.children[3].start), ['let x', 'def a']);
    assert.deepEqual(names(vector, 1, vector.children[1].start), ['def x', 'def a']);
    assert.deepEqual(names(vector, 2, vector.children[2].start), ['def x', 'def a']);
    // Inside a vector of the body: still the let's.
    const inner = let_.children[3] as ContainerNode;
    assert.deepEqual(names(inner, 0, inner.children[0].start), ['let y', 'let x', 'def a']);
    // At the top level, at the end: every def, the latest first.
    assert.deepEqual(names(undefined, 0, text.length), ['def c', 'def x', 'def a']);
    assert.deepEqual(names(undefined, 0, 0), []);
  });

  it('every symbol that reads a binding, the binding first, in source order', () => {
    const region = regionOf(program);
    const all = symbols(region.tree.forms);
    const starts = (b: ReturnType<typeof variableOf>) => (b === undefined ? [] : usesOf(region, b).map((s) => where(program, s)));
    assert.deepEqual(starts(variableOf(region, all[3])), ['2:6', '2:12', '2:19', '2:28', '2:39']);
    assert.deepEqual(starts(variableOf(region, all[1])), ['1:5', '2:34', '5:7', '6:30', '8:0']);
    assert.deepEqual(starts(variableOf(region, all.find((s) => s.name === 'result') as SymbolNode)), ['10:6', '10:20']);
  });
});
