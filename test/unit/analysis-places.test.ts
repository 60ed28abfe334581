// What may stand at each place of flow code (`slotOf`, `newChildSlot`), in both dialects: the form
// positions of top-level forms by side marker, pattern map and top-level vector; the arguments,
// options and members of known forms; the members of unknown operators; map values (criteria,
// a timer's `then`, plain values) and binding vectors; extra arguments and map keys stand nowhere.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newChildSlot, Slot, slotOf } from '../../server/src/service/flow/analysis/places';
import { grammarOf } from '../../server/src/service/flow/analysis/grammar/grammar';
import { DialectVersion } from '../../server/src/service/flow/analysis/grammar/signature';
import { ContainerNode, FlowNode, isContainer } from '../../server/src/service/flow/syntax/tree';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

/** A slot in words: `form:reaction+seq` (a form, and the options of `seq`), `option:send`, `argument:unit`, `none`. */
function shown(slot: Slot): string {
  switch (slot.kind) {
    case 'form':
      return `form:${slot.position}${slot.optionsOf ? `+${slot.optionsOf.name}` : ''}`;
    case 'option':
      return `option:${slot.owner.name}`;
    case 'argument':
      return `argument:${slot.argKind}`;
    default:
      return 'none';
  }
}

/** The text without its `|` marks, and the offsets they mark. */
function marks(marked: string): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  for (const ch of marked) {
    if (ch === '|') offsets.push(text.length);
    else text += ch;
  }
  return { text, offsets };
}

/** The outermost node that starts at `offset`. */
function startingAt(nodes: readonly FlowNode[], offset: number): FlowNode | undefined {
  for (const node of nodes) {
    if (node.start === offset) return node;
    if (node.start < offset && offset < node.end && isContainer(node)) return startingAt(node.children, offset);
  }
  return undefined;
}

/** The slots of the nodes that start at each `|` of `marked`, in order. */
function slotsAt(dialect: DialectVersion, marked: string): string[] {
  const { text, offsets } = marks(marked);
  const region = readFlow(documentOf(text, 'flow')).regions[0];
  return offsets.map((at) => {
    const node = startingAt(region.tree.forms, at);
    assert.ok(node !== undefined, `a node starts at ${at} of ${text}`);
    return shown(slotOf(region, node, grammarOf(dialect)));
  });
}

const cases: [DialectVersion, string, string[]][] = [
  // 4.1 by side marker: the when side's events and criteria, the then side's members and options.
  ['4.1', ';; When\n|(event |(= |t "a"))\n;; Then\n|(seq |(send |twilio |sms |{|:message |"x"} |(retries |3)) |(retries 2) |5 |(delay |1 |minutes |extra))', ['form:when', 'form:predicate', 'argument:operand', 'form:reaction', 'form:reaction+seq', 'argument:integration', 'argument:message', 'argument:fields', 'none', 'form:value', 'option:send', 'form:value', 'option:seq', 'form:reaction+seq', 'form:reaction+seq', 'form:value', 'argument:unit', 'none']],
  // No marker: a top-level list's side is inferred (a send reacts); a non-list is a value; a top-level vector's members are top-level forms.
  ['4.1', '|(send twilio sms {})\n|:k\n|[|(event (= t "a")) |"s"]', ['form:reaction', 'form:value', 'form:value', 'form:when', 'form:value']],
  // A pattern map: `:when` and `:then` hold code, other values are values, keys stand nowhere.
  ['4.1', '|{|:when |(event (= t "a")) :then |(send twilio sms {}) :name |"p"}', ['form:value', 'none', 'form:when', 'form:reaction', 'form:value']],
  // An operator the grammar does not know: its members are read as the forms of its place.
  ['4.1', ';; When\n(foo |(event (= t "a")))\n;; Then\n(bar |(send twilio sms {}))', ['form:when', 'form:reaction']],
  // success and failure blocks, within and template options.
  ['4.1', ';; Then\n(send twilio sms {} |(success |(send twilio sms {})) |(failure |(delay 1 minutes)) |(template |{|:message |"m"}))', ['option:send', 'form:reaction', 'option:send', 'form:reaction', 'option:send', 'argument:params', 'none', 'form:value']],
  // 4.2: top-level forms, bindings (names and values), event maps (criteria), interactions and options.
  ['4.2', '|(def |x |1)\n|(let |[|y |2 |z |$a] |(perform |twilio |sms |{|:to |y} |{|:retries |3}))\n|(event |{|:type |"x" |:total |#{1 2}})', ['form:top', 'argument:name', 'form:expression', 'form:top', 'argument:bindings', 'argument:name', 'form:value', 'argument:name', 'form:value', 'form:action', 'argument:integration', 'argument:message', 'argument:fields', 'none', 'form:value', 'option:perform', 'none', 'form:value', 'form:top', 'argument:criteria', 'none', 'form:criterion', 'none', 'form:criterion']],
  // 4.2: an unknown operator's members are actions; a timer's `then` holds code; when-let and if-let.
  ['4.2', '(foo |(perform twilio sms {}))\n(create timer timer |{:in |5 :then |(perform twilio sms {})})\n(when-let |[|r |(fetch twilio sms {})] |r)\n(if-let [|s |1] |s |2)', ['form:action', 'argument:fields', 'form:value', 'form:action', 'argument:binding', 'argument:name', 'form:value', 'form:action', 'argument:name', 'form:value', 'form:action', 'form:action']],
  // 4.2: within, sequence, times, cond.
  ['4.2', '(within |30 |days |(event {:type "a"}))\n(sequence |(event {:type "a"}) |(event {:type "b"}))\n(times |3 |(event {:type "a"}))\n(cond |(= $a 1) |(perform twilio sms {}))', ['form:value', 'argument:unit', 'form:collection', 'form:collection', 'form:collection', 'form:value', 'form:action', 'form:expression', 'form:action']],
];

/** The innermost container around `offset` (undefined: the top level) and how many of its children start before it. */
function around(nodes: readonly FlowNode[], offset: number, container?: ContainerNode): { container: ContainerNode | undefined; index: number } {
  for (const node of nodes) {
    if (isContainer(node) && node.start < offset && offset < node.end) return around(node.children, offset, node);
  }
  return { container, index: nodes.filter((n) => n.start < offset).length };
}

/** The slot of a new form written at the `|` of `marked`. */
function newSlotAt(dialect: DialectVersion, marked: string): string {
  const { text, offsets } = marks(marked);
  const region = readFlow(documentOf(text, 'flow')).regions[0];
  const { container, index } = around(region.tree.forms, offsets[0]);
  return shown(newChildSlot(region, container, index, offsets[0], grammarOf(dialect)));
}

const newForms: [DialectVersion, string, string][] = [
  ['4.1', ';; When\n|', 'form:when'],
  ['4.1', ';; When\n(event (= t "a"))\n;; Then\n|', 'form:reaction'],
  ['4.1', '|', 'form:top'],
  ['4.1', ';; Then\n(seq (send twilio sms {}) |)', 'form:reaction+seq'],
  ['4.1', ';; Then\n(send twilio sms {} |)', 'option:send'],
  ['4.1', ';; Then\n(send |)', 'argument:integration'],
  ['4.1', '[(event (= t "a")) |]', 'form:top'],
  ['4.1', ';; When\n(event |)', 'form:predicate'],
  ['4.1', '{:when |}', 'form:when'],
  ['4.2', '|', 'form:top'],
  ['4.2', '(let [x 1] |)', 'form:action'],
  ['4.2', '(let [|])', 'argument:name'],
  ['4.2', '(let [x |])', 'form:value'],
  ['4.2', '(event {:type |})', 'form:criterion'],
  ['4.2', '(perform twilio sms {:to |})', 'form:value'],
  ['4.2', '(perform twilio sms {} {|})', 'none'],
  ['4.2', '(within 30 |)', 'argument:unit'],
  ['4.2', '(within 30 days |)', 'form:collection'],
];

describe('what may stand at each place', () => {
  it('the slot of a new form at the cursor', () => {
    for (const [dialect, text, expected] of newForms) assert.equal(newSlotAt(dialect, text), expected, text);
  });

  it('gives the exact slot of each node', () => {
    for (const [dialect, text, expected] of cases) assert.deepEqual(slotsAt(dialect, text), expected, text);
  });
});
