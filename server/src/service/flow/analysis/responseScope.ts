// Which form's response a 4.1 `$value` reads: the scope rule of `response-outside-success`, walked
// up from the value instead of down from the top-level form as the analyser does, by the same
// table: an interaction whose responses reach all its options (`await`), an argument that sees a
// response (the predicate of `expect`), an option that sees its owner's (`success`).
import { FlowRegion } from '../embedding/region';
import { grammar41 } from './grammar/grammar';
import { arityOf, layoutArguments } from './grammar/layout';
import { FormSignature } from './grammar/signature';
import { signatureIn, slotsOnPath } from './places';
import { FlowNode, ListNode, indexInParent, operatorOf } from '../syntax/tree';

/** The form whose response (or, for `expect`, whose awaited event) a `$value` reads. */
export interface ResponseSource {
  operator: 'send' | 'await' | 'expect';
  form: ListNode;
}

function source(form: FlowNode, name: string): ResponseSource | undefined {
  return form.kind === 'list' && (name === 'send' || name === 'await' || name === 'expect') ? { operator: name, form } : undefined;
}

/**
 * The nearest enclosing form that makes response values visible at `node`: the `success` option
 * of a send or await, anything after an await's message (its params and options), or the
 * predicate of an `expect` on the then side. Undefined where `$` values are out of scope.
 */
export function responseSource(region: FlowRegion, node: FlowNode): ResponseSource | undefined {
  const path = slotsOnPath(region, node);
  const signatureAt = (k: number): FormSignature | undefined => {
    const op = operatorOf(path[k].node);
    return op === undefined ? undefined : signatureIn(grammar41, path[k].slot, op)?.signature;
  };
  for (let k = path.length - 2; k >= 0; k--) {
    const parent = path[k].node;
    const signature = parent.kind === 'list' ? signatureAt(k) : undefined;
    const index = indexInParent(path[k + 1].node);
    if (signature === undefined || parent.kind !== 'list' || index < 1) continue;
    // An await's response is visible after its message: its params and options.
    if (signature.interaction?.responseScope === 'options' && index > 2) return source(parent, signature.name);
    if (signature.interaction !== undefined) continue;
    const use = layoutArguments(signature, parent.children)[index];
    // The predicate of a then-side `expect` (on the when side, `expect` is no form).
    if (use?.at === 'argument' && use.spec.response === true) return source(parent, signature.name);
    const owner = k > 0 ? signatureAt(k - 1) : undefined;
    // A `success` option after its interaction's arguments.
    if (signature.responseOfOwner && owner?.interaction !== undefined && indexInParent(parent) > arityOf(owner)[0]) return source(path[k - 1].node, owner.name);
  }
  return undefined;
}
