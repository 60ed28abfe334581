// The when side's checks: event patterns and the predicates of `event`, `if` and `expect`, each
// form against its shape; a form that belongs elsewhere is reported and looked into as opaque.
import { formsIn } from './operators';
import { ListNode } from '../syntax/tree';
import { Walk } from './walk';

/** An event pattern: `when`, `event`, `within`, `count`, the combinators and comparisons. */
export function whenPattern(walk: Walk, list: ListNode, op: string, response: boolean): void {
  const children = list.children;
  switch (op) {
    case 'when':
      walk.count(list, 'when', 1, 1);
      walk.pushAll(children, 'when', response, 1);
      return;
    case 'event':
      walk.pushAll(children, 'predicate', response, 1);
      return;
    case 'within':
      walk.count(list, 'when', 3, 3);
      walk.push(children[1], 'value', response);
      walk.unit(children[2]);
      walk.pushAll(children, 'when', response, 3);
      return;
    case 'count':
      walk.count(list, 'when', 2, 2);
      walk.push(children[1], 'value', response);
      walk.pushAll(children, 'when', response, 2);
      return;
    case 'seq':
    case 'all':
    case 'allOf':
    case 'any':
    case 'fail':
      walk.count(list, 'when', 1);
      walk.pushAll(children, 'when', response, 1);
      return;
  }
  if (logicOrComparison(walk, list, op, 'when', response)) return;
  walk.unknownForm(list, op, 'in an event pattern', formsIn('when').map((f) => f.name));
  walk.misplaced(list, op, response);
}

/** A predicate of `event`, `if` or `expect`; `where` names the place for an unknown form. */
export function predicate(walk: Walk, list: ListNode, op: string, response: boolean, where: string): void {
  if (logicOrComparison(walk, list, op, 'predicate', response)) return;
  const candidates = where === 'as a value' ? [...formsIn('reaction'), ...formsIn('predicate')] : formsIn('predicate');
  walk.unknownForm(list, op, where, candidates.map((f) => f.name));
  walk.misplaced(list, op, response);
}

/**
 * `and`, `or`, `not` and the comparisons, which both sides share: their operands are of the
 * side's own kind (`when` patterns or predicates), a comparison's always predicates. False for
 * any other operator.
 */
function logicOrComparison(walk: Walk, list: ListNode, op: string, side: 'when' | 'predicate', response: boolean): boolean {
  switch (op) {
    case 'and':
    case 'or':
      walk.count(list, side, 1);
      walk.pushAll(list.children, side, response, 1);
      return true;
    case 'not':
      walk.count(list, side, 1, 1);
      walk.pushAll(list.children, side, response, 1);
      return true;
    case '=':
    case '>':
    case '<':
      walk.count(list, side, 2);
      walk.pushAll(list.children, 'predicate', response, 1);
      return true;
    default:
      return false;
  }
}
