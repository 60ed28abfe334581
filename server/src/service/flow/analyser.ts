// The flow analyser: walks a region's tree with a work list (no recursion on input depth),
// checking each form against the position it stands in and each send against the definitions.
//
// Quick-fix data carried on diagnostics (`diagnostic.data`), per code; ranges are document ranges:
// - unknown-form:            { operator, suggestions: string[] }
// - unknown-integration:     { integration, suggestions: string[] }
// - unknown-message:         { integration, message, suggestions: string[] }
// - missing-mandatory-field: { integration, message, missing: string[], paramsRange: Range (the `{...}`),
//                              paramsClosed: boolean, embedded: boolean (code inside a JSON string) }
// - unknown-field:           { field, integration, message, suggestions: string[] }
// - invalid-enum-value:      { field, value, allowed: string[], suggestions: string[] }
// - secret-inline:           { field, integration, entryRange: Range (key through value) }
// - duplicate-field:         { field, firstRange: Range (the first occurrence's key) }
// - unknown-unit:            { unit, suggestions: string[] }
import { messages } from '../codes';
import { AnalysisContext } from '../analysisContext';
import { formInfo, formsIn, FormPosition, optionsOf, units } from './operators';
import { FlowProblem, ProblemSink } from './problems';
import { FlowRegion } from './region';
import { checkSend } from './sendCheck';
import { readSendForm } from './sends';
import { isPatternMap, topLevelSide } from './sides';
import { suggestionsFor } from './suggestions';
import { FlowNode, keyName, ListNode, operatorNode } from './tree';

/**
 * What a node is expected to be where it stands: `value` is anything (lists in it are checked as
 * reactions or predicates); `opaque` is the inside of a form already reported as unknown, where
 * only sends and `$` values are still looked at, so one typo doesn't cascade.
 */
type Expect = 'reaction' | 'when' | 'predicate' | 'value' | 'opaque';

interface Item {
  node: FlowNode;
  expect: Expect;
  /** Whether `$response` values are visible here. */
  response: boolean;
}

function worthVisiting(node: FlowNode): boolean {
  const kind = node.kind;
  return kind === 'list' || kind === 'map' || kind === 'vector' || kind === 'response';
}

class Walk {
  readonly items: Item[] = [];

  constructor(
    readonly region: FlowRegion,
    readonly ctx: AnalysisContext,
    readonly sink: ProblemSink,
  ) {}

  /** Queues a node to visit; only containers and `$` values have anything to check. */
  push(node: FlowNode | undefined, expect: Expect, response: boolean): void {
    if (node !== undefined && worthVisiting(node)) this.items.push({ node, expect, response });
  }

  pushAll(nodes: readonly FlowNode[], expect: Expect, response: boolean): void {
    for (let i = nodes.length - 1; i >= 0; i--) {
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

/** Analyses every form of a region, reporting through `sink`. */
export function analyseRegion(region: FlowRegion, ctx: AnalysisContext, sink: ProblemSink): void {
  for (const form of region.tree.forms) analyseForm(region, form, ctx, sink);
}

/**
 * Analyses one top-level form of a region. What it reports depends only on the form's text, the
 * region's side, the last `;; When`/`;; Then` marker before it and the definitions in `ctx`.
 */
export function analyseForm(region: FlowRegion, form: FlowNode, ctx: AnalysisContext, sink: ProblemSink): void {
  const walk = new Walk(region, ctx, sink);
  startTopLevel(walk, form);
  while (walk.items.length > 0) visit(walk, walk.items.pop() as Item);
}

function startTopLevel(walk: Walk, form: FlowNode): void {
  const region = walk.region;
  if (form.kind === 'vector' && region.side === undefined) {
    for (const element of form.children) {
      if (element.kind === 'map') startPatternMap(walk, element);
      else startTopLevelList(walk, element);
    }
    return;
  }
  if (form.kind === 'map' && isPatternMap(region, form)) {
    startPatternMap(walk, form);
    return;
  }
  startTopLevelList(walk, form);
}

function startPatternMap(walk: Walk, map: FlowNode): void {
  if (map.kind !== 'map') return;
  for (const entry of map.entries) {
    const key = keyName(entry.key);
    if (key === 'when') walk.push(entry.value, 'when', false);
    else if (key === 'then') walk.push(entry.value, 'reaction', false);
    else walk.push(entry.value, 'value', false);
  }
}

function startTopLevelList(walk: Walk, form: FlowNode): void {
  if (form.kind !== 'list') {
    walk.push(form, 'value', false);
    return;
  }
  const side = topLevelSide(walk.region, form);
  if (side !== undefined) {
    walk.push(form, side === 'when' ? 'when' : 'reaction', false);
    return;
  }
  const op = operatorNode(form);
  if (op === undefined) {
    walk.pushAll(form.children, 'value', false);
    return;
  }
  const names = [...formsIn('reaction'), ...formsIn('when')].map((f) => f.name);
  walk.unknownForm(form, op.name, 'at the top level', names);
  walk.pushAll(form.children.slice(1), 'opaque', false);
}

function visit(walk: Walk, item: Item): void {
  const { node, expect, response } = item;
  if (node.kind === 'response') {
    if (!response) {
      walk.sink({ code: 'response-outside-success', start: node.start, end: node.end, message: messages.responseOutsideSuccess(walk.text(node)) });
    }
    return;
  }
  if (node.kind === 'map' || node.kind === 'vector') {
    walk.pushAll(node.children, expect === 'opaque' ? 'opaque' : 'value', response);
    return;
  }
  if (node.kind !== 'list') return;
  const op = operatorNode(node);
  if (op === undefined) {
    // `()` or `((f) x)`: nothing the language defines; look inside for sends and `$` values.
    walk.pushAll(node.children, 'value', response);
    return;
  }
  switch (expect) {
    case 'reaction':
      return reaction(walk, node, op.name, response);
    case 'when':
      return whenPattern(walk, node, op.name, response);
    case 'predicate':
      return predicate(walk, node, op.name, response, 'in a predicate');
    case 'value':
      if (formInfo(op.name, 'reaction')) return reaction(walk, node, op.name, response);
      return predicate(walk, node, op.name, response, 'as a value');
    case 'opaque':
      if (op.name === 'send' || op.name === 'await') return reaction(walk, node, op.name, response);
      walk.pushAll(node.children, 'opaque', response);
      return;
  }
}

function reaction(walk: Walk, list: ListNode, op: string, response: boolean): void {
  if (op === 'send' || op === 'await') {
    const send = readSendForm(list);
    if (send === undefined) return;
    checkSend(send, walk.ctx, walk.sink);
    const inner = response || op === 'await';
    if (send.paramsNode !== undefined) {
      if (send.params) paramValues(walk, send.params.entries, inner);
      else walk.push(send.paramsNode, 'value', inner);
    }
    options(walk, op, send.rest, inner);
    return;
  }
  const args = list.children.slice(1);
  switch (op) {
    case 'seq':
    case 'par': {
      const owned = optionsOf(op);
      for (let i = args.length - 1; i >= 0; i--) {
        const child = args[i];
        const childOp = child.kind === 'list' ? operatorNode(child)?.name : undefined;
        if (childOp !== undefined && owned.includes(childOp)) options(walk, op, [child], response);
        else walk.push(child, 'reaction', response);
      }
      return;
    }
    case 'if':
      walk.count(list, 'reaction', 1, 3);
      walk.push(args[0], 'predicate', response);
      options(walk, 'if', args.slice(1), response);
      return;
    case 'delay':
      walk.count(list, 'reaction', 2, 2);
      walk.push(args[0], 'value', response);
      walk.unit(args[1]);
      return;
    case 'set':
      walk.count(list, 'reaction', 2, 2);
      if (args[0] !== undefined && args[0].kind !== 'symbol') {
        walk.sink({ code: 'arity', start: args[0].start, end: args[0].end, message: messages.notAName('a variable name') });
      }
      walk.pushAll(args.slice(1), 'value', response);
      return;
    case 'event':
      if (walk.count(list, 'reaction', 1) && args[0].kind !== 'map') {
        walk.sink({ code: 'arity', start: args[0].start, end: args[0].end, message: messages.paramsNotMap('event') });
      }
      walk.push(args[0], 'value', response);
      options(walk, 'event', args.slice(1), response);
      return;
    case 'expect':
      walk.count(list, 'reaction', 1);
      walk.push(args[0], 'predicate', true);
      options(walk, 'expect', args.slice(1), response);
      return;
  }
  const where = formInfo(op, 'option') ? 'in a reaction (it is an option of a form)' : 'in a reaction';
  walk.unknownForm(list, op, where, formsIn('reaction').map((f) => f.name));
  walk.pushAll(args, 'opaque', response);
}

/** The values of a params map; a `then` field (the timer's `create`) holds reaction code. */
function paramValues(walk: Walk, entries: readonly { key: FlowNode; value?: FlowNode }[], response: boolean): void {
  for (let i = entries.length - 1; i >= 0; i--) {
    const { key, value } = entries[i];
    walk.push(value, keyName(key) === 'then' && value?.kind === 'list' ? 'reaction' : 'value', response);
  }
}

/** The options after a form's arguments; `response` is the scope outside `success`. */
function options(walk: Walk, owner: string, nodes: readonly FlowNode[], response: boolean): void {
  const allowed = optionsOf(owner);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    const name = node.kind === 'list' ? operatorNode(node)?.name : undefined;
    if (node.kind !== 'list' || name === undefined) {
      walk.sink({ code: 'arity', start: node.start, end: node.end, message: messages.notAnOption(owner, allowed) });
      walk.push(node, 'value', response);
      continue;
    }
    if (!allowed.includes(name)) {
      walk.unknownForm(node, name, `as an option of \`${owner}\``, allowed);
      insideMisplaced(walk, node, name, node.children.slice(1), response);
      continue;
    }
    const args = node.children.slice(1);
    switch (name) {
      case 'retries':
        walk.count(node, 'option', 1, 1);
        walk.pushAll(args, 'value', response);
        break;
      case 'within':
        walk.count(node, 'option', 2, 2);
        walk.push(args[0], 'value', response);
        walk.unit(args[1]);
        walk.pushAll(args.slice(2), 'value', response);
        break;
      case 'template':
        if (walk.count(node, 'option', 1, 1) && args[0].kind !== 'map') {
          walk.sink({ code: 'arity', start: args[0].start, end: args[0].end, message: messages.paramsNotMap('template') });
        }
        if (args[0]?.kind === 'map') paramValues(walk, args[0].entries, response);
        else walk.pushAll(args, 'value', response);
        break;
      case 'success':
        // A send's or await's response is visible in its success block.
        walk.pushAll(args, 'reaction', response || owner === 'send' || owner === 'await');
        break;
      case 'failure':
        walk.pushAll(args, 'reaction', response);
        break;
      case 'if':
        walk.count(node, 'option', 1, 3);
        walk.push(args[0], 'predicate', response);
        options(walk, 'if', args.slice(1), response);
        break;
    }
  }
}

function whenPattern(walk: Walk, list: ListNode, op: string, response: boolean): void {
  const args = list.children.slice(1);
  switch (op) {
    case 'when':
      walk.count(list, 'when', 1, 1);
      walk.pushAll(args, 'when', response);
      return;
    case 'event':
      walk.pushAll(args, 'predicate', response);
      return;
    case 'within':
      walk.count(list, 'when', 3, 3);
      walk.push(args[0], 'value', response);
      walk.unit(args[1]);
      walk.pushAll(args.slice(2), 'when', response);
      return;
    case 'count':
      walk.count(list, 'when', 2, 2);
      walk.push(args[0], 'value', response);
      walk.pushAll(args.slice(1), 'when', response);
      return;
    case 'seq':
    case 'all':
    case 'allOf':
    case 'any':
    case 'fail':
    case 'and':
    case 'or':
      walk.count(list, 'when', 1);
      walk.pushAll(args, 'when', response);
      return;
    case 'not':
      walk.count(list, 'when', 1, 1);
      walk.pushAll(args, 'when', response);
      return;
    case '=':
    case '>':
    case '<':
      walk.count(list, 'when', 2);
      walk.pushAll(args, 'predicate', response);
      return;
  }
  walk.unknownForm(list, op, 'in an event pattern', formsIn('when').map((f) => f.name));
  insideMisplaced(walk, list, op, args, response);
}

function predicate(walk: Walk, list: ListNode, op: string, response: boolean, where: string): void {
  const args = list.children.slice(1);
  switch (op) {
    case 'and':
    case 'or':
      walk.count(list, 'predicate', 1);
      walk.pushAll(args, 'predicate', response);
      return;
    case 'not':
      walk.count(list, 'predicate', 1, 1);
      walk.pushAll(args, 'predicate', response);
      return;
    case '=':
    case '>':
    case '<':
      walk.count(list, 'predicate', 2);
      walk.pushAll(args, 'predicate', response);
      return;
  }
  const candidates = where === 'as a value' ? [...formsIn('reaction'), ...formsIn('predicate')] : formsIn('predicate');
  walk.unknownForm(list, op, where, candidates.map((f) => f.name));
  insideMisplaced(walk, list, op, args, response);
}

/** After an unknown-form report: a misplaced send is still checked; anything else is opaque. */
function insideMisplaced(walk: Walk, list: ListNode, op: string, args: FlowNode[], response: boolean): void {
  if (op === 'send' || op === 'await') reaction(walk, list, op, response);
  else walk.pushAll(args, 'opaque', response);
}

export type { FlowProblem };
