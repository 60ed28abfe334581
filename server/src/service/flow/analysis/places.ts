// What may stand at a place of flow code, read from the dialect's grammar table: a form of some
// position (and which options), an option of a form, or an argument of another kind (a unit, a
// name). Worked out top-down from the top-level form, as the analyser does, so that completion,
// hover and the response scope see each place as the checks do.
import { Found, Grammar, grammar41, Position } from './grammar/grammar';
import { argumentAt, ArgUse, layoutArguments } from './grammar/layout';
import { ArgKind, FormSignature, placeKinds } from './grammar/signature';
import { FlowRegion } from '../embedding/region';
import { interactionOfMap } from './interactions';
import { isPatternMap, markerSideBefore, topLevelSide } from './sides';
import { ContainerNode, FlowNode, indexInParent, keyName, ListNode, operatorOf } from '../syntax/tree';

/** What may stand at a place. */
export type Slot =
  /** A form of `position`; also the options of `optionsOf` (4.1 `seq` members). */
  | { kind: 'form'; position: Position; optionsOf?: FormSignature }
  /** An option of `owner`. */
  | { kind: 'option'; owner: FormSignature }
  /** An argument that is no form: a unit, a name, a params map, ... */
  | { kind: 'argument'; argKind: ArgKind }
  | { kind: 'none' };

const none: Slot = { kind: 'none' };
const value: Slot = { kind: 'form', position: 'value' };

/** The slot of a top-level form (`form` undefined: a new one being written at `offset`). */
function topSlot(region: FlowRegion, grammar: Grammar, form: FlowNode | undefined, offset: number): Slot {
  if (grammar.dialect === '4.2') return { kind: 'form', position: 'top' };
  if (form !== undefined && form.kind !== 'list') return value;
  const side = form === undefined ? (region.side ?? markerSideBefore(region.tree, offset)) : topLevelSide(region, form);
  return { kind: 'form', position: side === 'when' ? 'when' : side === 'then' ? 'reaction' : 'top' };
}

/** The signature a list with operator `op` has in a slot, if the grammar knows it there. */
export function signatureIn(grammar: Grammar, slot: Slot, op: string): Found | undefined {
  if (slot.kind === 'option') {
    const signature = grammar.option(slot.owner, op);
    return signature === undefined ? undefined : { signature, place: 'option' };
  }
  if (slot.kind !== 'form') return undefined;
  const found = grammar.lookup(op, slot.position);
  if (found !== undefined) return found;
  const option = slot.optionsOf === undefined ? undefined : grammar.option(slot.optionsOf, op);
  return option === undefined ? undefined : { signature: option, place: 'option' };
}

/** The signature a list has where it stands, if the grammar knows it there. */
export function signatureOf(region: FlowRegion, list: ListNode, grammar: Grammar = grammar41): Found | undefined {
  const op = operatorOf(list);
  return op === undefined ? undefined : signatureIn(grammar, slotOf(region, list, grammar), op);
}

function slotOfUse(use: ArgUse, signature: FormSignature, place: Position): Slot {
  if (use.at === 'option') return { kind: 'option', owner: signature };
  if (use.at === 'extra') return none;
  const kind = use.kind;
  const optionsOf = signature.optionsAmong ? signature : undefined;
  if (kind === 'same') return { kind: 'form', position: place, optionsOf };
  if (placeKinds.has(kind)) return { kind: 'form', position: kind as Position, optionsOf };
  if (kind === 'value' || kind === 'number') return value;
  return { kind: 'argument', argKind: kind };
}

/**
 * The slot of child `index` of `container` (`child`, the node there, or undefined for a new one),
 * given the container's own slot.
 */
function childSlot(region: FlowRegion, grammar: Grammar, container: ContainerNode, slot: Slot, index: number, child: FlowNode | undefined): Slot {
  switch (container.kind) {
    case 'list': {
      const op = operatorOf(container);
      if (op === undefined || index === 0) return none;
      const found = signatureIn(grammar, slot, op);
      if (found === undefined) {
        // An operator the grammar does not know here: its members are read as its place's forms.
        if (grammar.dialect === '4.2') return { kind: 'form', position: 'action' };
        return { kind: 'form', position: slot.kind === 'form' && slot.position === 'when' ? 'when' : 'reaction' };
      }
      const use = child === undefined ? argumentAt(found.signature, container.children, index) : layoutArguments(found.signature, container.children)[index];
      return slotOfUse(use ?? { at: 'extra' }, found.signature, found.place);
    }
    case 'map': {
      if (index % 2 === 0) return none;
      const key = keyName(container.children[index - 1] ?? container);
      if (grammar.dialect === '4.1' && isPatternMap(region, container)) {
        return key === 'when' ? { kind: 'form', position: 'when' } : key === 'then' ? { kind: 'form', position: 'reaction' } : value;
      }
      if (key === 'then' && interactionOfMap(container) !== undefined) return { kind: 'form', position: grammar.thenPosition };
      if (slot.kind === 'argument' && slot.argKind === 'criteria') return { kind: 'form', position: 'criterion' };
      return value;
    }
    case 'vector':
      if (grammar.dialect === '4.1' && container.parent === undefined && region.side === undefined) return topSlot(region, grammar, child, child?.start ?? 0);
      if (slot.kind === 'argument' && (slot.argKind === 'bindings' || slot.argKind === 'binding')) return index % 2 === 0 ? { kind: 'argument', argKind: 'name' } : value;
      return value;
    default:
      return value;
  }
}

/**
 * The nodes from the top-level form down to `node`, each with the slot it stands in, worked out
 * top-down in one pass (iterative, and linear in the depth).
 */
export function slotsOnPath(region: FlowRegion, node: FlowNode, grammar: Grammar = grammar41): { node: FlowNode; slot: Slot }[] {
  const chain: FlowNode[] = [];
  for (let n: FlowNode | undefined = node; n !== undefined; n = n.parent) chain.push(n);
  chain.reverse();
  const path = [{ node: chain[0], slot: topSlot(region, grammar, chain[0], chain[0].start) }];
  for (let k = 1; k < chain.length; k++) {
    const slot = childSlot(region, grammar, chain[k - 1] as ContainerNode, path[k - 1].slot, indexInParent(chain[k]), chain[k]);
    path.push({ node: chain[k], slot });
  }
  return path;
}

/** The slot a node stands in. */
export function slotOf(region: FlowRegion, node: FlowNode, grammar: Grammar = grammar41): Slot {
  const path = slotsOnPath(region, node, grammar);
  return path[path.length - 1].slot;
}

/** The slot of a new child at `index` of `container` (`undefined`: the top level), the cursor at `offset`. */
export function newChildSlot(region: FlowRegion, container: ContainerNode | undefined, index: number, offset: number, grammar: Grammar = grammar41): Slot {
  if (container === undefined) return topSlot(region, grammar, undefined, offset);
  if (container.kind === 'vector' && grammar.dialect === '4.1' && container.parent === undefined && region.side === undefined) {
    // The elements of a top-level vector stand as top-level forms.
    return topSlot(region, grammar, undefined, offset);
  }
  return childSlot(region, grammar, container, slotOf(region, container, grammar), index, undefined);
}
