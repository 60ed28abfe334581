// Where a cursor stands in flow code, read from the syntax tree: which slot of which form, so that
// completion, hover and navigation answer from structure rather than from the line's text.
import { formsFor } from './formPlaces';
import { newChildSlot, Slot, slotOf } from '../analysis/places';
import { variablesAt, VariableBinding } from '../analysis/variables';
import { Grammar, grammar41 } from '../analysis/grammar/grammar';
import { FormSignature } from '../analysis/grammar/signature';
import { FlowRegion } from '../embedding/region';
import { Interaction, interactionOfMap, readInteraction } from '../analysis/interactions';
import { isPatternMap } from '../analysis/sides';
import { ContainerNode, FlowNode, ListNode, MapNode, commentAt, indexInParent, isContainer, keyName, nodeAt } from '../syntax/tree';

export type CursorSlot =
  /** The operator of a list (`(|`, `(se|`): the forms that may stand there. */
  | { kind: 'operator'; list: ListNode; word?: FlowNode; forms: FormSignature[] }
  /**
   * A place where a new form may be written, not yet inside its list (`(seq |)`, `(seq se|)`);
   * in 4.2 code where a value may stand, also the variables in scope there.
   */
  | { kind: 'new-form'; word?: FlowNode; forms: FormSignature[]; variables?: VariableBinding[] }
  /** A 4.2 event field being written (`$|`, `$to|`). */
  | { kind: 'event-field'; word: FlowNode }
  | { kind: 'integration'; interaction: Interaction; word?: FlowNode }
  | { kind: 'message'; interaction: Interaction; word?: FlowNode }
  /** A key of an interaction's params map (or of its `(template {...})` map). */
  | { kind: 'field'; interaction: Interaction; map: MapNode; word?: FlowNode }
  | { kind: 'field-value'; interaction: Interaction; map: MapNode; field: string; word?: FlowNode; variables?: VariableBinding[] }
  | { kind: 'unit'; list: ListNode; word?: FlowNode; units: readonly string[] }
  /** A key of a `.cxflow` pattern map. */
  | { kind: 'pattern-key'; map: MapNode; word?: FlowNode }
  | { kind: 'none' };

const none: CursorSlot = { kind: 'none' };

/** The slot at code offset `offset` of a region, read in the dialect of `grammar`. */
export function cursorSlot(region: FlowRegion, offset: number, grammar: Grammar = grammar41): CursorSlot {
  const tree = region.tree;
  if (commentAt(tree, offset) !== undefined) return none;
  const at = nodeAt(tree, offset);
  if (grammar.dialect === '4.2' && at?.kind === 'response') return { kind: 'event-field', word: at };
  if (at === undefined) return newForm(region, grammar, undefined, -1, offset, undefined);
  let container: FlowNode | undefined;
  let word: FlowNode | undefined;
  let index: number;
  if (isContainer(at)) {
    container = at;
    index = childrenBefore(at.children, offset);
  } else {
    word = at;
    container = at.parent;
    index = indexInParent(at);
  }
  if (container?.kind === 'list') return listSlot(region, grammar, container, index, word, offset);
  if (container?.kind === 'map') return mapSlot(region, grammar, container, index, word, offset);
  return newForm(region, grammar, container, index, offset, word);
}

/** A new form at child `index` of `container` (undefined: the top level), over a word being typed. */
function newForm(region: FlowRegion, grammar: Grammar, container: ContainerNode | undefined, index: number, offset: number, word: FlowNode | undefined): CursorSlot {
  if (word !== undefined && word.kind !== 'symbol') return none;
  const slot = newChildSlot(region, container, index, offset, grammar);
  const forms = formsFor(slot, grammar);
  const variables = takesVariables(grammar, slot) ? variablesAt(region, container, index, offset) : undefined;
  return forms.length === 0 && variables === undefined ? none : { kind: 'new-form', word, forms, variables };
}

/** Where 4.2 code reads a value: an action, an expression or a condition (not an event collection or criterion). */
function takesVariables(grammar: Grammar, slot: Slot): boolean {
  if (grammar.dialect !== '4.2') return false;
  if (slot.kind === 'argument') return slot.argKind === 'name';
  return slot.kind === 'form' && slot.position !== 'collection' && slot.position !== 'criterion' && slot.position !== 'option';
}

/** How many children end at or before `offset` (children are in source order). */
function childrenBefore(children: readonly FlowNode[], offset: number): number {
  let lo = 0;
  let hi = children.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (children[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function listSlot(region: FlowRegion, grammar: Grammar, list: ListNode, index: number, word: FlowNode | undefined, offset: number): CursorSlot {
  if (index === 0) {
    if (word !== undefined && word.kind !== 'symbol') return none;
    const forms = formsAt(region, list, grammar);
    return forms.length === 0 ? none : { kind: 'operator', list, word, forms };
  }
  if (word !== undefined && word.kind !== 'symbol' && word.kind !== 'string') return none;
  const interaction = readInteraction(list, grammar.verbMap);
  if (interaction !== undefined) {
    if (index === 1) return { kind: 'integration', interaction, word };
    if (index === 2) return { kind: 'message', interaction, word };
    return newForm(region, grammar, list, index, offset, word);
  }
  const slot = newChildSlot(region, list, index, offset, grammar);
  if (slot.kind === 'argument' && slot.argKind === 'unit' && word?.kind !== 'string') return { kind: 'unit', list, word, units: grammar.units };
  return newForm(region, grammar, list, index, offset, word);
}

function mapSlot(region: FlowRegion, grammar: Grammar, map: MapNode, index: number, word: FlowNode | undefined, offset: number): CursorSlot {
  const isKey = index % 2 === 0;
  const interaction = interactionOfMap(map);
  if (interaction !== undefined) {
    if (isKey) {
      if (word !== undefined && word.kind !== 'keyword' && word.kind !== 'symbol' && word.kind !== 'string') return none;
      return { kind: 'field', interaction, map, word };
    }
    const key = map.children[index - 1];
    const field = key === undefined ? undefined : keyName(key);
    if (field === undefined) return none;
    const variables = grammar.dialect === '4.2' ? variablesAt(region, map, index, offset) : undefined;
    return { kind: 'field-value', interaction, map, field, word, variables };
  }
  if (isKey && isPatternMap(region, map) && (word === undefined || word.kind === 'keyword')) {
    return { kind: 'pattern-key', map, word };
  }
  return isKey ? none : newForm(region, grammar, map, index, offset, word);
}

/** The forms that may stand at the operator position of `list`, by the place it stands in. */
export function formsAt(region: FlowRegion, list: ListNode, grammar: Grammar = grammar41): FormSignature[] {
  return formsFor(slotOf(region, list, grammar), grammar);
}
