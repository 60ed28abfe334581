// The value under a cursor in flow code: an event field `*x*`, a response value `$x`, a message
// template `+TM1` or a reaction variable, with what hover says about where it comes from.
import { FlowRegion } from '../embedding/region';
import { ResponseSource, responseSource } from '../analysis/responseScope';
import { slotOf } from '../analysis/places';
import { sideOf } from '../analysis/sides';
import { FlowNode, ListNode, indexInParent, isContainer, mapEntryOf, nodeAt, operatorOf } from '../syntax/tree';

export type FlowValue =
  | { kind: 'event-field'; node: FlowNode; name: string }
  | { kind: 'response-value'; node: FlowNode; name: string; source: ResponseSource | undefined }
  | { kind: 'template-ref'; node: FlowNode; name: string }
  /** `sets`: the `(set name ...)` forms of the region's tree that define it, in source order. */
  | { kind: 'variable'; node: FlowNode; name: string; sets: ListNode[] }
  /** `#{...}`, the cursor between its members. */
  | { kind: 'set'; node: FlowNode; members: number }
  /** `#inst "..."`, the cursor on its tag or its form. */
  | { kind: 'tagged-literal'; node: FlowNode; tag: string };

export function valueAt(region: FlowRegion, offset: number): FlowValue | undefined {
  const at = nodeAt(region.tree, offset);
  if (at === undefined) return undefined;
  // The form of a tagged literal is part of one constant.
  const node = at.parent?.kind === 'tagged' ? at.parent : at;
  switch (node.kind) {
    case 'set':
      return { kind: 'set', node, members: node.children.length };
    case 'tagged':
      return { kind: 'tagged-literal', node, tag: node.tag };
    case 'event':
      return { kind: 'event-field', node, name: node.name };
    case 'response':
      return { kind: 'response-value', node, name: node.name, source: responseSource(region, node) };
    case 'template':
      return { kind: 'template-ref', node, name: node.name };
    case 'symbol':
      return isVariablePlace(region, node) ? { kind: 'variable', node, name: node.name, sets: setsOf(region, node.name) } : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether a symbol stands where the then side reads a reaction variable: a value, an argument
 * that holds a form or a value, or the name `set` sets; not an operator, the integration or message
 * of a send, or a duration unit (read from the grammar table, as the analyser reads it).
 */
function isVariablePlace(region: FlowRegion, node: FlowNode): boolean {
  const parent = node.parent;
  if (parent === undefined || sideOf(region, node) === 'when') return false;
  if (parent.kind === 'map') return mapEntryOf(node)?.isKey === false;
  const slot = slotOf(region, node);
  return slot.kind === 'form' || (slot.kind === 'argument' && slot.argKind === 'name') || (slot.kind === 'none' && parent.kind === 'list' && indexInParent(node) > 0);
}

/** Every `(set name ...)` in the tree, found with a work list (safe on any depth). */
function setsOf(region: FlowRegion, name: string): ListNode[] {
  const found: ListNode[] = [];
  const stack: FlowNode[] = [...region.tree.forms].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (!isContainer(node)) continue;
    if (node.kind === 'list' && operatorOf(node) === 'set') {
      const target = node.children[1];
      if (target?.kind === 'symbol' && target.name === name) found.push(node);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return found;
}
