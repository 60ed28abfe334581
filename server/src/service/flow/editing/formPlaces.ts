// The forms completion offers at a place of flow code, from the slot the grammar gives it
// (analysis/places.ts): the forms of its position and the options of its form.
import { Grammar, grammar41 } from '../analysis/grammar/grammar';
import { FormSignature } from '../analysis/grammar/signature';
import { newChildSlot, Slot } from '../analysis/places';
import { FlowRegion } from '../embedding/region';
import { ContainerNode } from '../syntax/tree';

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
