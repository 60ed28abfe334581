// The flow analyser: walks a region's tree with a work list (no recursion on input depth),
// checking each form against the position it stands in and each send against the definitions.
// The then side's forms and options are checked here; the when side's in whenSide.ts.
//
// Quick-fix data carried on diagnostics (`diagnostic.data`), per code; ranges are document ranges:
// - unknown-form:            { operator, suggestions: string[] }
// - unknown-integration:     { integration, suggestions: string[] }
// - unknown-message:         { integration, message, suggestions: string[] }
// - missing-mandatory-field: { integration, message, missing: string[], paramsRange?: Range (the `{...}`,
//                              absent where the verb lets the map be left out and it is),
//                              paramsClosed: boolean, embedded: boolean (code inside a JSON string) }
// - unknown-field:           { field, integration, message, suggestions: string[] }
// - invalid-enum-value:      { field, value, allowed: string[], suggestions: string[] }
// - secret-inline:           { field, integration, entryRange: Range (key through value) }
// - duplicate-field:         { field, firstRange: Range (the first occurrence's key) }
// - unknown-unit:            { unit, suggestions: string[] }
import { messages } from '../../codes';
import { AnalysisContext } from '../../analysisContext';
import { formInfo, formsIn, optionsOf } from './operators';
import { FlowProblem, ProblemSink } from './problems';
import { FlowRegion } from '../embedding/region';
import { interactionVerbs, readInteraction } from './interactions';
import { checkInteraction } from './sendCheck';
import { SecretValues } from './secretValues';
import { isPatternMap, topLevelSide } from './sides';
import { FlowNode, keyName, ListNode, operatorNode } from '../syntax/tree';
import { Item, Walk } from './walk';
import { predicate, whenPattern } from './whenSide';

/** Analyses every form of a region, reporting through `sink`. */
export function analyseRegion(region: FlowRegion, ctx: AnalysisContext, sink: ProblemSink): void {
  for (const form of region.tree.forms) analyseForm(region, form, ctx, sink);
}

/**
 * Analyses one top-level form of a region. What it reports depends only on the form's text, the
 * region's side, the last `;; When`/`;; Then` marker before it and the definitions in `ctx`.
 */
export function analyseForm(region: FlowRegion, form: FlowNode, ctx: AnalysisContext, sink: ProblemSink, secret?: (node: FlowNode) => void): void {
  const walk = new Walk(region, ctx, sink, secret);
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
  walk.unknownForm(form, op.name, 'at the top level', topLevelNames());
  walk.pushAll(form.children, 'opaque', false, 1);
}

let topLevel: readonly string[] | undefined;

/** Every form a top-level list may be (for did-you-mean), from the form table: built once, not per form. */
function topLevelNames(): readonly string[] {
  topLevel ??= [...formsIn('reaction'), ...formsIn('when')].map((f) => f.name);
  return topLevel;
}

function visit(walk: Walk, item: Item): void {
  const { node, expect, response } = item;
  if (node.kind === 'response') {
    if (!response) {
      walk.sink({ code: 'response-outside-success', start: node.start, end: node.end, message: messages.responseOutsideSuccess(walk.text(node)) });
    }
    return;
  }
  if (node.kind === 'map' || node.kind === 'vector' || node.kind === 'set') {
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
      if (interactionVerbs.has(op.name)) return reaction(walk, node, op.name, response);
      walk.pushAll(node.children, 'opaque', response);
      return;
  }
}

function reaction(walk: Walk, list: ListNode, op: string, response: boolean): void {
  const interaction = readInteraction(list);
  if (interaction !== undefined) {
    const check = checkInteraction(interaction, walk.ctx);
    for (const problem of check.problems) walk.sink(problem);
    for (const node of check.secrets.nodes) walk.secret(node);
    const inner = response || interaction.verb.responseScope === 'options';
    if (interaction.paramsNode !== undefined) {
      if (interaction.params) paramValues(walk, interaction.params.entries, inner, check.secrets);
      else walk.push(interaction.paramsNode, 'value', inner);
    }
    options(walk, op, list.children, list.children.length - interaction.rest.length, inner, list.children.length, check.secrets);
    return;
  }
  // The arguments are `children[1..]` (`children[0]` is the operator), taken by index, not sliced.
  const children = list.children;
  switch (op) {
    case 'seq':
    case 'par': {
      const owned = optionsOf(op);
      for (let i = children.length - 1; i >= 1; i--) {
        const child = children[i];
        const childOp = child.kind === 'list' ? operatorNode(child)?.name : undefined;
        if (childOp !== undefined && owned.includes(childOp)) options(walk, op, children, i, response, i + 1);
        else walk.push(child, 'reaction', response);
      }
      return;
    }
    case 'if':
      walk.count(list, 'reaction', 1, 3);
      walk.push(children[1], 'predicate', response);
      options(walk, 'if', children, 2, response);
      return;
    case 'delay':
      walk.count(list, 'reaction', 2, 2);
      walk.push(children[1], 'value', response);
      walk.unit(children[2]);
      return;
    case 'set': {
      walk.count(list, 'reaction', 2, 2);
      const name = children[1];
      if (name !== undefined && name.kind !== 'symbol') {
        walk.sink({ code: 'arity', start: name.start, end: name.end, message: messages.notAName('a variable name') });
      }
      walk.pushAll(children, 'value', response, 2);
      return;
    }
    case 'event':
      if (walk.count(list, 'reaction', 1) && children[1].kind !== 'map') {
        walk.sink({ code: 'arity', start: children[1].start, end: children[1].end, message: messages.paramsNotMap('event') });
      }
      walk.push(children[1], 'value', response);
      options(walk, 'event', children, 2, response);
      return;
    case 'expect':
      walk.count(list, 'reaction', 1);
      walk.push(children[1], 'predicate', true);
      options(walk, 'expect', children, 2, response);
      return;
  }
  const where = formInfo(op, 'option') ? 'in a reaction (it is an option of a form)' : 'in a reaction';
  walk.unknownForm(list, op, where, formsIn('reaction').map((f) => f.name));
  walk.pushAll(children, 'opaque', response, 1);
}

/**
 * The values of a params map; a `then` field (the timer's `create`) holds reaction code. A
 * credential's value is not looked into: nothing about it may be repeated.
 */
function paramValues(walk: Walk, entries: readonly { key: FlowNode; value?: FlowNode }[], response: boolean, secrets?: SecretValues): void {
  for (let i = entries.length - 1; i >= 0; i--) {
    const { key, value } = entries[i];
    if (value !== undefined && secrets?.holds(value)) continue;
    walk.push(value, keyName(key) === 'then' && value?.kind === 'list' ? 'reaction' : 'value', response);
  }
}

/**
 * The options `nodes[from..end)` after a form's arguments; `response` is the scope outside
 * `success`; `secrets`, an interaction's credential values (in its `(template {...})` maps).
 */
function options(walk: Walk, owner: string, nodes: readonly FlowNode[], from: number, response: boolean, end = nodes.length, secrets?: SecretValues): void {
  const allowed = optionsOf(owner);
  for (let i = end - 1; i >= from; i--) {
    const node = nodes[i];
    const name = node.kind === 'list' ? operatorNode(node)?.name : undefined;
    if (node.kind !== 'list' || name === undefined) {
      walk.sink({ code: 'arity', start: node.start, end: node.end, message: messages.notAnOption(owner, allowed) });
      walk.push(node, 'value', response);
      continue;
    }
    if (!allowed.includes(name)) {
      walk.unknownForm(node, name, `as an option of \`${owner}\``, allowed);
      walk.misplaced(node, name, response);
      continue;
    }
    // The option's arguments are `children[1..]`, as for any list.
    const children = node.children;
    switch (name) {
      case 'retries':
        walk.count(node, 'option', 1, 1);
        walk.pushAll(children, 'value', response, 1);
        break;
      case 'within':
        walk.count(node, 'option', 2, 2);
        walk.push(children[1], 'value', response);
        walk.unit(children[2]);
        walk.pushAll(children, 'value', response, 3);
        break;
      case 'template': {
        const params = children[1];
        if (walk.count(node, 'option', 1, 1) && params.kind !== 'map') {
          walk.sink({ code: 'arity', start: params.start, end: params.end, message: messages.paramsNotMap('template') });
        }
        if (params?.kind === 'map') paramValues(walk, params.entries, response, secrets);
        else walk.pushAll(children, 'value', response, 1);
        break;
      }
      case 'success':
        // A send's or await's response is visible in its success block.
        walk.pushAll(children, 'reaction', response || interactionVerbs.has(owner), 1);
        break;
      case 'failure':
        walk.pushAll(children, 'reaction', response, 1);
        break;
      case 'if':
        walk.count(node, 'option', 1, 3);
        walk.push(children[1], 'predicate', response);
        options(walk, 'if', children, 2, response);
        break;
    }
  }
}

export type { FlowProblem };
