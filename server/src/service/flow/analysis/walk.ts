// The analyser's walk: a work list of nodes, each with what is expected where it stands and
// whether response values are visible there, and the reports every kind of form makes.
import { messages } from '../../codes';
import { AnalysisContext } from '../../analysisContext';
import { FormPosition, formInfo, units } from './operators';
import { ProblemSink } from './problems';
import { FlowRegion } from '../embedding/region';
import { suggestionsFor } from './suggestions';
import { FlowNode, ListNode, operatorNode } from '../syntax/tree';

/**
 * What a node is expected to be where it stands: `value` is anything (lists in it are checked as
 * reactions or predicates); `opaque` is the inside of a form already reported as unknown, where
 * only sends and `$` values are still looked at, so one typo doesn't cascade.
 */
export type Expect = 'reaction' | 'when' | 'predicate' | 'value' | 'opaque';

export interface Item {
  node: FlowNode;
  expect: Expect;
  /** Whether `$response` values are visible here. */
  response: boolean;
}

function worthVisiting(node: FlowNode): boolean {
  const kind = node.kind;
  // A tagged literal (`#inst "..."`) is a constant: nothing inside it to check.
  return kind === 'list' || kind === 'map' || kind === 'vector' || kind === 'set' || kind === 'response';
}

export class Walk {
  readonly items: Item[] = [];

  constructor(
    readonly region: FlowRegion,
    readonly ctx: AnalysisContext,
    readonly sink: ProblemSink,
    /** Told of each credential value (never analysed, never quoted), for the reader's errors inside one. */
    readonly secret: (node: FlowNode) => void = () => undefined,
  ) {}

  /** Queues a node to visit; only containers and `$` values have anything to check. */
  push(node: FlowNode | undefined, expect: Expect, response: boolean): void {
    if (node !== undefined && worthVisiting(node)) this.items.push({ node, expect, response });
  }

  /** Queues `nodes[from..]`; an index rather than a slice, as most lists are visited this way. */
  pushAll(nodes: readonly FlowNode[], expect: Expect, response: boolean, from = 0): void {
    for (let i = nodes.length - 1; i >= from; i--) {
      const node = nodes[i];
      if (worthVisiting(node)) this.items.push({ node, expect, response });
    }
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
  count(list: ListNode, position: FormPosition, min: number, max = Infinity): boolean {
    const args = list.children.length - 1;
    if (args >= min && args <= max) return true;
    const op = operatorNode(list) as FlowNode;
    const name = this.text(op);
    const shape = formInfo(name, position)?.shape ?? name;
    if (args < min) {
      this.sink({ code: 'arity', start: op.start, end: op.end, message: messages.formShape(name, shape) });
    } else {
      const extra = list.children[max + 1];
      const last = list.children[list.children.length - 1];
      this.sink({ code: 'arity', start: extra.start, end: last.end, message: messages.formShape(name, shape) });
    }
    return false;
  }

  /** After an unknown-form report: a misplaced send is still checked; anything else is opaque. */
  misplaced(list: ListNode, op: string, response: boolean): void {
    if (op === 'send' || op === 'await') this.push(list, 'reaction', response);
    else this.pushAll(list.children, 'opaque', response, 1);
  }

  unit(node: FlowNode | undefined): void {
    if (node === undefined) return;
    const name = node.kind === 'symbol' ? node.name : this.text(node);
    if (node.kind === 'symbol' && units.includes(name)) return;
    const suggestions = suggestionsFor(name, units);
    this.sink({
      code: 'unknown-unit',
      start: node.start,
      end: node.end,
      message: messages.unknownUnit(name, suggestions[0]),
      data: { unit: name, suggestions },
    });
  }
}
