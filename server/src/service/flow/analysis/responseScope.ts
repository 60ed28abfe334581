// Which form's response a `$value` reads: the scope rule of `response-outside-success`, walked up
// from the value instead of down from the top-level form as the analyser does.
import { FlowRegion } from '../embedding/region';
import { sideOf } from './sides';
import { FlowNode, ListNode, indexInParent, operatorOf } from '../syntax/tree';

/** The form whose response (or, for `expect`, whose awaited event) a `$value` reads. */
export interface ResponseSource {
  operator: 'send' | 'await' | 'expect';
  form: ListNode;
}

/**
 * The nearest enclosing form that makes response values visible at `node`: the `success` option
 * of a send or await, anything after an await's message (its params and options), or the
 * predicate of an `expect` on the then side. Undefined where `$` values are out of scope.
 */
export function responseSource(region: FlowRegion, node: FlowNode): ResponseSource | undefined {
  let child: FlowNode = node;
  for (let parent = node.parent; parent !== undefined; child = parent, parent = parent.parent) {
    if (parent.kind !== 'list') continue;
    const op = operatorOf(parent);
    const index = indexInParent(child);
    if (op === 'await' && index >= 3) return { operator: 'await', form: parent };
    if (op === 'expect' && index === 1 && sideOf(region, parent) !== 'when') return { operator: 'expect', form: parent };
    if (op === 'success' && index >= 1) {
      const owner = parent.parent;
      const ownerOp = operatorOf(owner);
      if (owner?.kind === 'list' && (ownerOp === 'send' || ownerOp === 'await') && indexInParent(parent) >= 4) {
        return { operator: ownerOp, form: owner };
      }
    }
  }
  return undefined;
}
