// The analyser's walk: a work list of nodes, each with the position it stands in, whether response
// values are visible there (4.1) and the local variables in scope (4.2); and the reports every
// kind of form makes. Items are popped in source order (pushed last child first), which is what
// lets a `def` be visible after its form.
import { messages } from '../../codes';
import { AnalysisContext } from '../../analysisContext';
import { arityOf } from './grammar/layout';
import { Grammar, Position } from './grammar/grammar';
import { FormSignature } from './grammar/signature';
import { ProblemSink } from './problems';
import { FlowRegion } from '../embedding/region';
import { Globals, Scope } from './scope';
import { suggestionsFor } from './suggestions';
import { FlowNode, ListNode, operatorNode, SymbolNode } from '../syntax/tree';

/**
 * What a node is expected to be where it stands: a position of the grammar; `opaque`, the inside
 * of an unknown form, where only interactions and `$` values are still looked at, so one typo
 * doesn't cascade; `foreign`, the inside of a form of the other dialect, where only interactions
 * are (its values mean what the other dialect says); `define`, the name of a `def` whose value has
 * been walked, to be made visible.
 */
export type Expect = Position | 'opaque' | 'foreign' | 'define';

export interface Item {
  node: FlowNode;
  expect: Expect;
  /** Whether `$response` values are visible here (4.1). */
  response: boolean;
  /** The local variables in scope (4.2). */
  scope: Scope;
}

/**
 * The items waiting to be visited, as four parallel stacks rather than an object per item (a form
 * of a thousand nodes would make a thousand). Popped slots are cleared, so that the stacks keep no
 * node of a walked form.
 */
class WorkList {
  private readonly nodes: (FlowNode | undefined)[] = [];
  private readonly expects: Expect[] = [];
  private readonly responses: boolean[] = [];
  private readonly scopes: Scope[] = [];
  private height = 0;
  /** What `pop` gives: one record, filled anew by each pop (callers read it before the next). */
  private readonly top: Item = { node: undefined as unknown as FlowNode, expect: 'value', response: false, scope: undefined };

  push(node: FlowNode, expect: Expect, response: boolean, scope: Scope): void {
    const k = this.height++;
    this.nodes[k] = node;
    this.expects[k] = expect;
    this.responses[k] = response;
    this.scopes[k] = scope;
  }

  pop(): Item | undefined {
    if (this.height === 0) return undefined;
    const k = --this.height;
    const top = this.top;
    top.node = this.nodes[k] as FlowNode;
    top.expect = this.expects[k];
    top.response = this.responses[k];
    top.scope = this.scopes[k];
    this.nodes[k] = undefined;
    this.scopes[k] = undefined;
    return top;
  }

  /** Drops what a walk left (one that threw). */
  clear(): void {
    while (this.height > 0) this.pop();
  }
}

const noNames: readonly string[] = [];

/**
 * The walk of a region's top-level forms, one after another (`startForm`): one walk for all of
 * them, as most forms are small and a region may hold thousands.
 */
export class Walk {
  private readonly work = new WorkList();
  private formDefines: string[] | undefined;
  /** Whether the names the form defines are listed (see `startForm`). */
  private listDefines = true;
  /** 4.2 checks symbols against the variables in scope; 4.1 has no scope to check. */
  private readonly symbols: boolean;

  constructor(
    readonly region: FlowRegion,
    readonly ctx: AnalysisContext,
    readonly sink: ProblemSink,
    readonly grammar: Grammar,
    /** The globals defined before this form; the walk adds this form's. */
    readonly globals: Globals,
    /** Told of each credential value (never analysed, never quoted), for the reader's errors inside one. */
    readonly secret: (node: FlowNode) => void = () => undefined,
  ) {
    this.symbols = grammar.dialect === '4.2';
  }

  private worthVisiting(node: FlowNode): boolean {
    const kind = node.kind;
    // A tagged literal (`#inst "..."`) is a constant: nothing inside it to check.
    return kind === 'list' || kind === 'map' || kind === 'vector' || kind === 'set' || kind === 'response' || kind === 'template' || (kind === 'symbol' && this.symbols);
  }

  /** Queues a node to visit; only containers, `$` values, `+TM1` and (4.2) symbols have anything to check. */
  push(node: FlowNode | undefined, expect: Expect, response: boolean, scope: Scope): void {
    if (node !== undefined && (expect === 'define' || this.worthVisiting(node))) this.work.push(node, expect, response, scope);
  }

  /** Queues `nodes[from..]`; an index rather than a slice, as most lists are visited this way. */
  pushAll(nodes: readonly FlowNode[], expect: Expect, response: boolean, scope: Scope, from = 0): void {
    for (let i = nodes.length - 1; i >= from; i--) {
      const node = nodes[i];
      if (this.worthVisiting(node)) this.work.push(node, expect, response, scope);
    }
  }

  /** The next item to visit, undefined when done; its record is reused by the next call. */
  next(): Item | undefined {
    return this.work.pop();
  }

  /** Begins the walk of a new top-level form; `listDefines`: whether `defines` will be read. */
  startForm(listDefines: boolean): void {
    this.work.clear();
    this.formDefines = undefined;
    this.listDefines = listDefines;
  }

  /** A `def` of the form being walked: visible to the forms after it. */
  define(name: string): void {
    this.globals.define(name);
    if (!this.listDefines) return;
    if (this.formDefines === undefined) this.formDefines = [name];
    else this.formDefines.push(name);
  }

  /** The names the form being walked defines with `def`, in order (4.2). */
  get defines(): readonly string[] {
    return this.formDefines ?? noNames;
  }

  text(node: FlowNode): string {
    return this.region.tree.text.slice(node.start, Math.min(node.end, node.start + 60));
  }

  unknownForm(list: ListNode, op: string, where: string, candidates: Iterable<string>): void {
    const opNode = operatorNode(list) ?? list;
    const suggestions = suggestionsFor(op, candidates);
    this.sink({
      code: 'unknown-form',
      start: opNode.start,
      end: opNode.end,
      message: messages.unknownForm(op, where, suggestions[0]),
      data: { operator: op, suggestions },
    });
  }

  /** Checks the number of arguments; reports on the operator when too few, on the extras when too many. */
  count(list: ListNode, signature: FormSignature): boolean {
    // Indexed, not destructured: destructuring goes through an iterator, made for every form.
    const arity = arityOf(signature);
    const min = arity[0];
    const max = arity[1];
    const args = list.children.length - 1;
    if (args >= min && args <= max) return true;
    const op = operatorNode(list) as FlowNode;
    const name = this.text(op);
    if (args < min) {
      this.sink({ code: 'arity', start: op.start, end: op.end, message: messages.formShape(name, signature.shape) });
    } else {
      const extra = list.children[max + 1];
      const last = list.children[list.children.length - 1];
      this.sink({ code: 'arity', start: extra.start, end: last.end, message: messages.formShape(name, signature.shape) });
    }
    return false;
  }

  unit(node: FlowNode | undefined): void {
    if (node === undefined) return;
    const units = this.grammar.units;
    const name = node.kind === 'symbol' ? node.name : this.text(node);
    if (node.kind === 'symbol' && units.includes(name)) return;
    const suggestions = suggestionsFor(name, units);
    this.sink({
      code: 'unknown-unit',
      start: node.start,
      end: node.end,
      message: messages.unknownUnit(name, suggestions[0], this.grammar.unitsText),
      data: { unit: name, suggestions },
    });
  }

  /** A name a `def` or a binding gives a variable: a plain symbol, and not a form or function of the language. */
  variableName(node: FlowNode | undefined): node is SymbolNode {
    if (node === undefined) return false;
    if (node.kind !== 'symbol' || node.name.includes('.')) {
      this.sink({ code: 'arity', start: node.start, end: node.end, message: messages.notAName('a variable name') });
      return false;
    }
    const shadowed = this.grammar.named(node.name)[0];
    if (shadowed !== undefined) {
      this.sink({
        code: 'shadowed-name',
        start: node.start,
        end: node.end,
        message: messages.shadowedName(node.name, shadowed.function !== undefined ? 'function' : 'form'),
        data: { name: node.name },
      });
    }
    return true;
  }
}
