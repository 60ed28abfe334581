// Where a cursor stands in flow code, read from the syntax tree: which slot of which form, so that
// completion, hover and navigation answer from structure rather than from the line's text.
import { newFormsAt, thenMemberForms } from './formPlaces';
import { FormInfo, formsIn, formsOfEitherSide } from '../analysis/operators';
import { FlowRegion } from '../embedding/region';
import { Interaction, interactionOfMap, readInteraction } from '../analysis/interactions';
import { isPatternMap, sideOf } from '../analysis/sides';
import { ContainerNode, FlowNode, ListNode, MapNode, commentAt, indexInParent, isContainer, keyName, mapEntryOf, nodeAt, operatorOf } from '../syntax/tree';

export type CursorSlot =
  /** The operator of a list (`(|`, `(se|`): the forms that may stand there. */
  | { kind: 'operator'; list: ListNode; word?: FlowNode; forms: FormInfo[] }
  /** A place where a new form may be written, not yet inside its list (`(seq |)`, `(seq se|)`). */
  | { kind: 'new-form'; word?: FlowNode; forms: FormInfo[] }
  | { kind: 'integration'; interaction: Interaction; word?: FlowNode }
  | { kind: 'message'; interaction: Interaction; word?: FlowNode }
  /** A key of an interaction's params map (or of its `(template {...})` map). */
  | { kind: 'field'; interaction: Interaction; map: MapNode; word?: FlowNode }
  | { kind: 'field-value'; interaction: Interaction; map: MapNode; field: string; word?: FlowNode }
  | { kind: 'unit'; list: ListNode; word?: FlowNode }
  /** A key of a `.cxflow` pattern map. */
  | { kind: 'pattern-key'; map: MapNode; word?: FlowNode }
  | { kind: 'none' };

const none: CursorSlot = { kind: 'none' };

/** The slot at code offset `offset` of a region. */
export function cursorSlot(region: FlowRegion, offset: number): CursorSlot {
  const tree = region.tree;
  if (commentAt(tree, offset) !== undefined) return none;
  const at = nodeAt(tree, offset);
  if (at === undefined) return newForm(region, undefined, -1, offset, undefined);
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
  if (container?.kind === 'list') return listSlot(region, container, index, word, offset);
  if (container?.kind === 'map') return mapSlot(region, container, index, word, offset);
  return newForm(region, container, index, offset, word);
}

/** A new form at child `index` of `container` (undefined: the top level), over a word being typed. */
function newForm(region: FlowRegion, container: ContainerNode | undefined, index: number, offset: number, word: FlowNode | undefined): CursorSlot {
  if (word !== undefined && word.kind !== 'symbol') return none;
  const forms = newFormsAt(region, container, index, offset);
  return forms.length === 0 ? none : { kind: 'new-form', word, forms };
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

function listSlot(region: FlowRegion, list: ListNode, index: number, word: FlowNode | undefined, offset: number): CursorSlot {
  if (index === 0) {
    if (word !== undefined && word.kind !== 'symbol') return none;
    const forms = formsAt(region, list);
    return forms.length === 0 ? none : { kind: 'operator', list, word, forms };
  }
  if (word !== undefined && word.kind !== 'symbol' && word.kind !== 'string') return none;
  const interaction = readInteraction(list);
  if (interaction !== undefined) {
    if (index === 1) return { kind: 'integration', interaction, word };
    if (index === 2) return { kind: 'message', interaction, word };
    return newForm(region, list, index, offset, word);
  }
  const op = operatorOf(list);
  if ((op === 'delay' || op === 'within') && index === 2 && word?.kind !== 'string') return { kind: 'unit', list, word };
  return newForm(region, list, index, offset, word);
}

function mapSlot(region: FlowRegion, map: MapNode, index: number, word: FlowNode | undefined, offset: number): CursorSlot {
  const isKey = index % 2 === 0;
  const interaction = interactionOfMap(map);
  if (interaction !== undefined) {
    if (isKey) {
      if (word !== undefined && word.kind !== 'keyword' && word.kind !== 'symbol' && word.kind !== 'string') return none;
      return { kind: 'field', interaction, map, word };
    }
    const key = map.children[index - 1];
    const field = key === undefined ? undefined : keyName(key);
    return field === undefined ? none : { kind: 'field-value', interaction, map, field, word };
  }
  if (isKey && isPatternMap(region, map) && (word === undefined || word.kind === 'keyword')) {
    return { kind: 'pattern-key', map, word };
  }
  return isKey ? none : newForm(region, map, index, offset, word);
}

/** The forms that may stand at the operator position of `list`. */
export function formsAt(region: FlowRegion, list: ListNode): FormInfo[] {
  const side = sideOf(region, list);
  const parent = list.parent;
  if (side === 'when') {
    return parent?.kind === 'list' && operatorOf(parent) === 'event' ? formsIn('predicate') : formsIn('when');
  }
  if (parent === undefined || parent.kind === 'vector') {
    // A top-level form nothing places on a side yet: either side's forms.
    return side === 'then' ? formsIn('reaction') : formsOfEitherSide();
  }
  if (parent.kind === 'map') {
    const entry = mapEntryOf(list);
    const key = entry === undefined || entry.isKey ? undefined : keyName(entry.entry.key);
    // A pattern map's `:then`, and a timer `create`'s `then` field, take reactions; other
    // values (a pattern's `:name`, a params field) take none.
    return key === 'then' ? formsIn('reaction') : [];
  }
  const op = operatorOf(parent) ?? '';
  const members = thenMemberForms(op, indexInParent(list));
  if (members !== undefined) return members;
  switch (op) {
    case '=':
    case '>':
    case '<':
      return formsIn('predicate');
    case 'set':
    case 'delay':
    case 'retries':
    case 'within':
    case 'template':
      return [];
    default:
      return formsIn('reaction');
  }
}
