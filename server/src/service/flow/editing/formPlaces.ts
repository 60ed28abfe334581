// The places where a new form may be written that is not yet a list: an empty spot (or a word
// being typed) among the members of a form, at the top level, or as a pattern map's `:when`/`:then`.
// Stricter than `formsAt`, which names an existing list's forms: argument positions (a params
// map, the `n` and unit of `delay`, the names of a send) take no new form.
import { FormInfo, formsIn, formsOfEitherSide, optionForms } from '../analysis/operators';
import { FlowRegion, Side } from '../embedding/region';
import { isPatternMap, markerSideBefore, sideOf } from '../analysis/sides';
import { ContainerNode, keyName, operatorOf } from '../syntax/tree';

function topLevelForms(side: Side | undefined): FormInfo[] {
  if (side === 'then') return formsIn('reaction');
  if (side === 'when') return formsIn('when');
  return formsOfEitherSide();
}

/**
 * The forms a new list may be at child `index` of `container` (`undefined`: the top level), the
 * cursor being at code offset `offset`. Empty where no form may stand.
 */
export function newFormsAt(region: FlowRegion, container: ContainerNode | undefined, index: number, offset: number): FormInfo[] {
  if (container === undefined) return topLevelForms(region.side ?? markerSideBefore(region.tree, offset));
  if (container.kind === 'vector') {
    // The elements of a top-level vector stand as top-level forms.
    return container.parent === undefined && region.side === undefined ? topLevelForms(markerSideBefore(region.tree, offset)) : [];
  }
  if (container.kind === 'map') {
    if (index % 2 === 0 || !isPatternMap(region, container)) return [];
    const key = keyName(container.children[index - 1]);
    return key === 'when' ? formsIn('when') : key === 'then' ? formsIn('reaction') : [];
  }
  const op = operatorOf(container);
  if (op === undefined || index === 0) return [];
  if (sideOf(region, container) === 'when') return whenChildForms(op, index);
  return thenMemberForms(op, index) ?? [];
}

/**
 * The forms a member at child `index` of a then-side form may be, by the form's operator;
 * undefined for operators that have no member forms of their own.
 */
export function thenMemberForms(op: string, index: number): FormInfo[] | undefined {
  switch (op) {
    case 'send':
    case 'await':
      return index >= 4 ? optionForms(op) : [];
    case 'event':
      return index >= 2 ? optionForms('event') : [];
    case 'seq':
    case 'par':
      return [...formsIn('reaction'), ...optionForms(op)];
    case 'success':
    case 'failure':
      return formsIn('reaction');
    case 'if':
    case 'expect':
      return index === 1 ? formsIn('predicate') : optionForms(op);
    case 'and':
    case 'or':
    case 'not':
      return formsIn('predicate');
    default:
      return undefined;
  }
}

/** On the when side: the patterns of the pattern forms, the predicates of `event` and the logic forms. */
function whenChildForms(op: string, index: number): FormInfo[] {
  switch (op) {
    case 'event':
      return formsIn('predicate');
    case 'when':
      return index === 1 ? formsIn('when') : [];
    case 'within':
      return index >= 3 ? formsIn('when') : [];
    case 'count':
      return index >= 2 ? formsIn('when') : [];
    case 'seq':
    case 'all':
    case 'allOf':
    case 'any':
    case 'fail':
    case 'and':
    case 'or':
    case 'not':
      return formsIn('when');
    default:
      return [];
  }
}
