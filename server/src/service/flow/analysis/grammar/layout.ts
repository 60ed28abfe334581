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
  return name !== undefined && signature.options !== undefined && signature.options.includes(name);
}

const arities = new Map<FormSignature, readonly [number, number]>();

/** The smallest and largest number of children after the operator (options included); worked out once per signature. */
export function arityOf(signature: FormSignature): readonly [number, number] {
  let arity = arities.get(signature);
  if (arity === undefined) {
    arity = signature.arity ?? derivedArity(signature);
    arities.set(signature, arity);
  }
  return arity;
}

function derivedArity(signature: FormSignature): readonly [number, number] {
  let min = 0;
  let max = 0;
  for (const spec of signature.args) {
    if (spec.repeat !== undefined) max = Infinity;
    else max++;
    if (!spec.optional && spec.repeat !== '*') min++;
  }
  return [min, signature.options !== undefined ? Infinity : max];
}

/** One use per argument spec (the pair members' too), made once: a walk allocates no use per argument. */
interface SpecUses {
  /** `kind` of the spec. */
  plain: ArgUse;
  /** The two members of a pair. */
  pair?: readonly [ArgUse, ArgUse];
}

const specUses = new Map<FormSignature, SpecUses[]>();

function usesOf(signature: FormSignature): SpecUses[] {
  let uses = specUses.get(signature);
  if (uses === undefined) {
    uses = signature.args.map((spec, index): SpecUses => {
      const use = (kind: ArgKind): ArgUse => ({ at: 'argument', spec, kind, index });
      return { plain: use(spec.kind), pair: spec.pair === undefined ? undefined : [use(spec.pair[0]), use(spec.pair[1])] };
    });
    specUses.set(signature, uses);
  }
  return uses;
}

const positional = new Map<FormSignature, boolean>();

/**
 * Whether a form's arguments fall on its specs by position alone (options among them aside): no
 * pairs, no params map that may be left out, a repeated spec only last. Most forms are so, and
 * their arguments are told by `positionalUse` without laying them all out.
 */
export function isPositional(signature: FormSignature): boolean {
  let known = positional.get(signature);
  if (known === undefined) {
    const args = signature.args;
    known = args.every((a, i) => a.pair === undefined && !(a.optional && a.kind === 'fields') && (a.repeat === undefined || i === args.length - 1));
    // Options among the arguments take no place of theirs only when the arguments repeat.
    if (signature.optionsAmong) known &&= args.length === 1 && args[0].repeat !== undefined;
    positional.set(signature, known);
  }
  return known;
}

/** What child `index` (1-based, after the operator) of a positional form is; `child`, the node there. */
export function positionalUse(signature: FormSignature, index: number, child: FlowNode): ArgUse {
  if (isOptionAmong(signature, child)) return option;
  const uses = usesOf(signature);
  const last = signature.args.length - 1;
  if (index - 1 <= last) return uses[index - 1].plain;
  if (last >= 0 && signature.args[last].repeat !== undefined) return uses[last].plain;
  return signature.options !== undefined ? option : extra;
}

/**
 * Steps through a form's arguments in order. `next(child)` tells what `child` is; with no child,
 * what a new argument written at that place would be (the editor's question). An optional params
 * map (`fields`) is there only when the child is a map.
 */
export class ArgumentCursor {
  private spec = 0;
  private pairs = 0;
  private readonly uses: SpecUses[];

  constructor(private readonly signature: FormSignature) {
    this.uses = usesOf(signature);
  }

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
      const uses = this.uses[this.spec];
      if (spec.repeat === undefined) {
        this.spec++;
        return uses.plain;
      }
      if (uses.pair !== undefined) return uses.pair[this.pairs++ % 2];
      return uses.plain;
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
    if (lone.at === 'argument') uses[lastPairStart] = usesOf(signature)[lone.index].plain;
  }
  return uses;
}

/** What a new argument written as child `index` of a list would be (the children before it as written). */
export function argumentAt(signature: FormSignature, children: readonly FlowNode[], index: number): ArgUse {
  const cursor = new ArgumentCursor(signature);
  for (let i = 1; i < index && i < children.length; i++) cursor.next(children[i]);
  return cursor.next(undefined);
}
