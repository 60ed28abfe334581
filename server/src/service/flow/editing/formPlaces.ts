// The forms completion offers at a place of flow code, from the slot the grammar gives it
// (analysis/places.ts): the forms of its position and the options of its form.
import { Grammar, grammar41 } from '../analysis/grammar/grammar';
import { FormSignature } from '../analysis/grammar/signature';
import { Slot } from '../analysis/places';

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
