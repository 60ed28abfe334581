// How a list's arguments fall on its signature: which argument spec (and kind) each child is, which
// children are options, which are extras beyond the shape. The analyser walks a form by it; the
// editor asks it what may stand at a cursor's place in a form, for completion and signature help.
import { FlowNode, operatorOf } from '../../syntax/tree';
import { ArgKind, ArgSpec, FormSignature } from './signature';

/** What one argument of a form is. */
export type ArgUse =
  /** An argument: `spec` of the signature, `kind` its kind here (for a pair, the member's). */
  | { at: 'argument'; spec: ArgSpec; kind: ArgKind; index: number }
  /** An option of the form (after its arguments, or among them for `optionsAmong`). */
  | { at: 'option' }
  /** Beyond the form's shape: an arity problem, looked into as a value. */
  | { at: 'extra' };

const option: ArgUse = { at: 'option' };
const extra: ArgUse = { at: 'extra' };

/** Whether `node` is an option of `signature` standing among its arguments. */
function isOptionAmong(signature: FormSignature, node: FlowNode | undefined): boolean {
  if (!signature.optionsAmong || node?.kind !== 'list') return false;
  const name = operatorOf(node);
  return name !== undefined && signature.options?.includes(name) === true;
}

/** The smallest and largest number of children after the operator (options included). */
export function arityOf(signature: FormSignature): readonly [number, number] {
  if (signature.arity !== undefined) return signature.arity;
  let min = 0;
  let max = 0;
  for (const spec of signature.args) {
    if (spec.repeat !== undefined) max = Infinity;
    else max++;
    if (!spec.optional && spec.repeat !== '*') min++;
  }
  return [min, signature.options !== undefined ? Infinity : max];
}

/**
 * Steps through a form's arguments in order. `next(child)` tells what `child` is; with no child,
 * what a new argument written at that place would be (the editor's question). An optional params
 * map (`fields`) is there only when the child is a map.
 */
export class ArgumentCursor {
  private spec = 0;
  private pairs = 0;

  constructor(private readonly signature: FormSignature) {}

  next(child: FlowNode | undefined): ArgUse {
    const { signature } = this;
    if (isOptionAmong(signature, child)) return option;
    const specs = signature.args;
    for (;;) {
      const spec = specs[this.spec];
      if (spec === undefined) return signature.options !== undefined ? option : extra;
      if (spec.optional && spec.kind === 'fields' && child !== undefined && child.kind !== 'map') {
        this.spec++;
        continue;
      }
      const index = this.spec;
      if (spec.repeat === undefined) {
        this.spec++;
        return { at: 'argument', spec, kind: spec.kind, index };
      }
      if (spec.pair !== undefined) return { at: 'argument', spec, kind: spec.pair[this.pairs++ % 2], index };
      return { at: 'argument', spec, kind: spec.kind, index };
    }
  }
}

/**
 * What each child of a list is (`uses[i]` for `children[i]`; `uses[0]`, the operator, is
 * `extra`). A lone last member of pairs is the default, of the spec's own kind.
 */
export function layoutArguments(signature: FormSignature, children: readonly FlowNode[]): ArgUse[] {
  const cursor = new ArgumentCursor(signature);
  const uses: ArgUse[] = [extra];
  let lastPairStart = -1;
  let pairMembers = 0;
  for (let i = 1; i < children.length; i++) {
    const use = cursor.next(children[i]);
    if (use.at === 'argument' && use.spec.pair !== undefined) {
      if (pairMembers % 2 === 0) lastPairStart = i;
      pairMembers++;
    }
    uses.push(use);
  }
  if (pairMembers % 2 === 1) {
    const lone = uses[lastPairStart];
    if (lone.at === 'argument') uses[lastPairStart] = { ...lone, kind: lone.spec.kind };
  }
  return uses;
}

/** What a new argument written as child `index` of a list would be (the children before it as written). */
export function argumentAt(signature: FormSignature, children: readonly FlowNode[], index: number): ArgUse {
  const cursor = new ArgumentCursor(signature);
  for (let i = 1; i < index && i < children.length; i++) cursor.next(children[i]);
  return cursor.next(undefined);
}
