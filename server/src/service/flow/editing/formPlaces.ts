// What may stand at a place of flow code, read from the dialect's grammar table: a form of some
// position (and which options), an option of a form, or an argument of another kind (a unit, a
// name). Worked out top-down from the top-level form, as the analyser does, so completion and
// hover see each place as the checks do.
import { Grammar, grammar41, Position } from '../analysis/grammar/grammar';
import { argumentAt, ArgUse, layoutArguments } from '../analysis/grammar/layout';
import { ArgKind, FormSignature, placeKinds } from '../analysis/grammar/signature';
import { FlowRegion } from '../embedding/region';
import { interactionOfMap } from '../analysis/interactions';
import { isPatternMap, markerSideBefore, topLevelSide } from '../analysis/sides';
import { ContainerNode, FlowNode, indexInParent, keyName, operatorOf } from '../syntax/tree';

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

/** The signature a list has in a slot, if the grammar knows it there. */
function signatureIn(grammar: Grammar, slot: Slot, op: string): { signature: FormSignature; place: Position } | undefined {
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

/** The slot a node stands in, worked out from its top-level form down (iterative: any depth). */
export function slotOf(region: FlowRegion, node: FlowNode, grammar: Grammar = grammar41): Slot {
  const chain: FlowNode[] = [];
  for (let n: FlowNode | undefined = node; n !== undefined; n = n.parent) chain.push(n);
  chain.reverse();
  let slot = topSlot(region, grammar, chain[0], chain[0].start);
  for (let k = 1; k < chain.length; k++) {
    slot = childSlot(region, grammar, chain[k - 1] as ContainerNode, slot, indexInParent(chain[k]), chain[k]);
  }
  return slot;
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

/** The forms that may be written in a slot, in the order completion offers them. */
export function formsFor(slot: Slot, grammar: Grammar = grammar41): FormSignature[] {
  switch (slot.kind) {
    case 'form':
      return slot.optionsOf === undefined ? grammar.formsIn(slot.position) : [...grammar.formsIn(slot.position), ...grammar.optionsOf(slot.optionsOf)];
    case 'option':
      return grammar.optionsOf(slot.owner);
    default:
      return [];
  }
}

/**
 * The forms a new list may be at child `index` of `container` (`undefined`: the top level), the
 * cursor being at code offset `offset`. Empty where no form may stand: an argument position (a
 * params map, the `n` and unit of `delay`, the names of a send) or a value, which takes no new form.
 */
export function newFormsAt(region: FlowRegion, container: ContainerNode | undefined, index: number, offset: number, grammar: Grammar = grammar41): FormSignature[] {
  return formsFor(newChildSlot(region, container, index, offset, grammar), grammar);
}
