// The one walker of forms, for both dialects: checks a list against its signature (arity, the kind
// of each argument, the options it takes) and queues its arguments with the position, response
// scope and variables in scope each gets. A switch over argument kinds, never over form names:
// a new form is a new table entry.
import { messages } from '../../codes';
import { Found, otherGrammar } from './grammar/grammar';
import { isPositional, layoutArguments, positionalUse } from './grammar/layout';
import { ArgKind, ArgSpec, BindingRule, DialectVersion, FormSignature, Place } from './grammar/signature';
import { InteractionVerb, interactionVerbs, readInteraction } from './interactions';
import { bind, Scope } from './scope';
import { checkInteraction } from './sendCheck';
import { SecretValues } from './secretValues';
import { ContainerNode, FlowNode, keyName, ListNode, MapEntry, operatorNode, SymbolNode } from '../syntax/tree';
import { Item, Walk } from './walk';
import { checkTemplateRef } from './templateCheck';

/** Checks a list against the signature found for it and queues its arguments. */
export function checkForm(walk: Walk, list: ListNode, found: Found, item: Item, secrets?: SecretValues): void {
  const { signature, place } = found;
  const { response, scope } = item;
  const shapeOk = walk.count(list, signature);
  const children = list.children;
  const uses = isPositional(signature) ? undefined : layoutArguments(signature, children);
  const rule = signature.binds;
  const bound = rule === 'let' || rule === 'if-let' || rule === 'when-let' ? bindAll(scope, children[1], rule) : scope;
  // Pushed before the value: popped after it, so the name is visible after its form only.
  if (rule === 'def' && isPlainSymbol(children[1])) walk.push(children[1], 'define', response, scope);
  for (let i = children.length - 1; i >= 1; i--) {
    const child = children[i];
    const use = uses === undefined ? positionalUse(signature, i, child) : uses[i];
    if (use.at === 'option') option(walk, signature, child, response, scope, secrets);
    else if (use.at === 'extra') walk.push(child, 'value', response, scope);
    else argument(walk, use.kind, use.spec, signature, place, shapeOk, secrets, child, response, bodyScope(rule, use.index, scope, bound));
  }
}

/** Which scope argument `index` of a binding form sees: its body sees the names (an `if-let` its then branch only). */
function bodyScope(rule: BindingRule | undefined, index: number, outer: Scope, bound: Scope): Scope {
  if (rule === 'let' || rule === 'when-let') return index >= 1 ? bound : outer;
  if (rule === 'if-let') return index === 1 ? bound : outer;
  return outer;
}

function isPlainSymbol(node: FlowNode | undefined): node is SymbolNode {
  return node?.kind === 'symbol' && !node.name.includes('.');
}

/** The names a binding vector gives its body (an `if-let`/`when-let` binds one). */
function bindAll(outer: Scope, vector: FlowNode | undefined, rule: BindingRule): Scope {
  if (vector?.kind !== 'vector') return outer;
  const last = rule === 'let' ? vector.children.length : Math.min(vector.children.length, 2);
  let scope = outer;
  for (let k = 0; k < last; k += 2) {
    const name = vector.children[k];
    if (isPlainSymbol(name)) scope = bind(scope, name, rule);
  }
  return scope;
}

/**
 * Checks or queues one argument by its kind. `place`: where the form was found (what `same`
 * means); `shapeOk`: the arity check passed, so the argument is in the place the author meant.
 * (Positional parameters, not an object: this runs for every argument of every form.)
 */
function argument(
  walk: Walk,
  kind: ArgKind,
  spec: ArgSpec,
  signature: FormSignature,
  place: Place,
  shapeOk: boolean,
  secrets: SecretValues | undefined,
  child: FlowNode,
  response: boolean,
  scope: Scope,
): void {
  switch (kind) {
    case 'reaction':
      // 4.1: `seq`, `par`, `success`, `failure` run forms; a constant among them does nothing.
      if (child.kind !== 'list') walk.sink({ code: 'arity', start: child.start, end: child.end, message: messages.notAReaction(walk.text(child), signature.name) });
      walk.push(child, 'reaction', response, scope);
      return;
    case 'when':
    case 'predicate':
    case 'action':
    case 'collection':
    case 'criterion':
    case 'expression':
    case 'condition':
      walk.push(child, kind, response || spec.response === true, scope);
      return;
    case 'same':
      walk.push(child, place, response, scope);
      return;
    case 'operand':
      walk.push(child, 'predicate', response, scope);
      return;
    case 'unit':
      walk.unit(child);
      return;
    case 'name':
      return nameArgument(walk, signature, child, response, scope);
    case 'params':
      if (child.kind === 'map') paramValues(walk, child.entries, response, scope, secrets);
      else {
        if (shapeOk) walk.sink({ code: 'arity', start: child.start, end: child.end, message: messages.paramsNotMap(signature.name) });
        walk.push(child, 'value', response, scope);
      }
      return;
    case 'bindings':
    case 'binding':
      return bindingVector(walk, signature, kind, child, response, scope);
    case 'criteria':
      if (child.kind === 'map') {
        for (let i = child.entries.length - 1; i >= 0; i--) walk.push(child.entries[i].value, 'criterion', response, scope);
      } else {
        if (shapeOk) walk.sink({ code: 'arity', start: child.start, end: child.end, message: messages.criteriaNotMap(signature.name) });
        walk.push(child, 'value', response, scope);
      }
      return;
    case 'template':
      if (child.kind !== 'template' && child.kind !== 'string') {
        walk.sink({ code: 'arity', start: child.start, end: child.end, message: messages.templateArgument() });
        walk.push(child, 'value', response, scope);
      } else if (child.kind === 'template') checkTemplateRef(walk, child);
      return;
    case 'constant':
      // `case` compares with constants as written: a symbol there is a constant, not a variable.
      return;
    case 'value':
    case 'number':
    case 'integration':
    case 'message':
    case 'fields':
      walk.push(child, 'value', response, scope);
      return;
  }
}

/** `(def name ...)` names a new global; `(set name ...)` a variable that must exist (4.2) or any name (4.1). */
function nameArgument(walk: Walk, signature: FormSignature, child: FlowNode, response: boolean, scope: Scope): void {
  if (signature.binds === 'def') {
    walk.variableName(child);
    return;
  }
  if (child.kind !== 'symbol') walk.sink({ code: 'arity', start: child.start, end: child.end, message: messages.notAName('a variable name') });
  else walk.push(child, 'value', response, scope);
}

/**
 * `[name value ...]`: each value sees the names bound before it (`let`) or none of them (`if-let`,
 * `when-let`). Scopes are worked out in source order, values queued in reverse (popped in order).
 */
function bindingVector(walk: Walk, signature: FormSignature, kind: 'bindings' | 'binding', node: FlowNode, response: boolean, outer: Scope): void {
  if (node.kind !== 'vector') {
    walk.sink({ code: 'arity', start: node.start, end: node.end, message: messages.bindingsNotVector(signature.name, kind === 'binding' ? '[name value]' : '[name value ...]') });
    // `(let x 1)`: `x` was meant as a name; only interactions in it are still looked at.
    walk.push(node, 'opaque', response, outer);
    return;
  }
  const children = node.children;
  const rule = signature.binds as BindingRule;
  if (kind === 'binding' && children.length !== 2) {
    walk.sink({ code: 'arity', start: node.start, end: node.end, message: messages.bindingOnePair(signature.name) });
  } else if (children.length % 2 === 1) {
    const lone = children[children.length - 1];
    walk.sink({ code: 'arity', start: lone.start, end: lone.end, message: messages.bindingWithoutValue(signature.name, walk.text(lone)) });
  }
  const valueScopes: Scope[] = [];
  let scope = outer;
  for (let k = 0; k < children.length; k += 2) {
    valueScopes.push(rule === 'let' ? scope : outer);
    if (walk.variableName(children[k]) && (kind === 'bindings' || k === 0)) scope = bind(scope, children[k] as SymbolNode, rule);
  }
  for (let k = valueScopes.length - 1; k >= 0; k--) walk.push(children[2 * k + 1], 'value', response, valueScopes[k]);
}

/**
 * The values of a params map; a `then` field (the timer's `create`) holds code of the dialect. A
 * credential's value is not looked into: nothing about it may be repeated.
 */
function paramValues(walk: Walk, entries: readonly MapEntry[], response: boolean, scope: Scope, secrets?: SecretValues, foreign = false): void {
  for (let i = entries.length - 1; i >= 0; i--) {
    const { key, value } = entries[i];
    if (value !== undefined && secrets?.holds(value)) continue;
    const expect = foreign ? 'foreign' : keyName(key) === 'then' && value?.kind === 'list' ? walk.grammar.thenPosition : 'value';
    walk.push(value, expect, response, scope);
  }
}

/** One option of `owner`, standing after its arguments (or among them). */
function option(walk: Walk, owner: FormSignature, node: FlowNode, response: boolean, scope: Scope, secrets?: SecretValues): void {
  const allowed = owner.options ?? [];
  const op = node.kind === 'list' ? operatorNode(node) : undefined;
  if (node.kind !== 'list' || op === undefined) {
    walk.sink({ code: 'arity', start: node.start, end: node.end, message: messages.notAnOption(owner.name, allowed) });
    walk.push(node, 'value', response, scope);
    return;
  }
  const item: Item = { node, expect: 'option', response, scope };
  const signature = walk.grammar.option(owner, op.name);
  if (signature === undefined) {
    const other = otherGrammar(walk.grammar);
    if (!walk.grammar.has(op.name) && other.has(op.name)) return wrongDialect(walk, node, op, `\`${op.name}\``, 'form', other.dialect, item);
    walk.unknownForm(node, op.name, `as an option of \`${owner.name}\``, allowed);
    misplaced(walk, node, op.name, item);
    return;
  }
  // A send's or await's response is visible in its success block.
  const inner = response || (signature.responseOfOwner === true && owner.interaction !== undefined);
  checkForm(walk, node, { signature, place: 'option' }, { ...item, response: inner }, secrets);
}

/**
 * An interaction: the send check, then its params' values and its options. Without a signature
 * (one of the other dialect, already reported) its options are only looked into; a `foreign`
 * item's values too, as they are written in the other dialect.
 */
export function interactionForm(walk: Walk, list: ListNode, signature: FormSignature | undefined, item: Item, verbs: ReadonlyMap<string, InteractionVerb> = walk.grammar.verbMap): void {
  const interaction = readInteraction(list, verbs);
  if (interaction === undefined) {
    walk.pushAll(list.children, 'opaque', item.response, item.scope, 1);
    return;
  }
  const check = checkInteraction(interaction, walk.ctx);
  for (const problem of check.problems) walk.sink(problem);
  for (const node of check.secrets.nodes) walk.secret(node);
  const response = item.response || interaction.verb.responseScope === 'options';
  const children = list.children;
  const from = children.length - interaction.rest.length;
  const foreign = item.expect === 'foreign';
  for (let i = children.length - 1; i >= from; i--) {
    if (signature !== undefined) option(walk, signature, children[i], response, item.scope, check.secrets);
    else walk.push(children[i], foreign ? 'foreign' : 'opaque', response, item.scope);
  }
  if (interaction.params !== undefined) paramValues(walk, interaction.params.entries, response, item.scope, check.secrets, foreign);
  else walk.push(interaction.paramsNode, foreign ? 'foreign' : 'value', response, item.scope);
}

/** After an unknown-form report: a misplaced interaction is still checked; anything else is opaque. */
export function misplaced(walk: Walk, list: ListNode, op: string, item: Item): void {
  const signature = walk.grammar.interactionSignature(op);
  if (signature !== undefined) interactionForm(walk, list, signature, item);
  else walk.pushAll(list.children, 'opaque', item.response, item.scope, 1);
}

/**
 * A form of the other dialect: `wrong-dialect` on `at` (its operator, or a pattern map's key). Its
 * message is completed with why the code is read as it is where the region's diagnostics are made
 * (the reason's line moves on edits that leave this form alone). Interactions in it are still
 * checked against the definitions, which both dialects share; nothing else in it is.
 */
export function wrongDialect(walk: Walk, node: ContainerNode, at: FlowNode, subject: string, kind: 'form' | 'function', dialect: DialectVersion, item: Item): void {
  const name = at.kind === 'symbol' ? at.name : undefined;
  const replacements = node.kind === 'list' && name !== undefined ? counterparts(walk, dialect, name, node) : [];
  walk.sink({
    code: 'wrong-dialect',
    start: at.start,
    end: at.end,
    message: messages.wrongDialect(subject, kind, dialect),
    data: { operator: name ?? walk.text(at), dialect, replacements },
  });
  const verb = name === undefined ? undefined : interactionVerbs.get(name);
  const foreign: Item = { ...item, expect: 'foreign' };
  if (node.kind === 'list' && verb !== undefined && verb.dialect === dialect) interactionForm(walk, node, undefined, foreign, new Map([[verb.name, verb]]));
  else walk.pushAll(node.children, 'foreign', item.response, item.scope, node.kind === 'list' ? 1 : 0);
}

/** The forms of the region's dialect that say what `name` (of `dialect`) says here, preferred first. */
function counterparts(walk: Walk, dialect: DialectVersion, name: string, list: ListNode): string[] {
  const names = new Set<string>();
  const grammar = otherGrammar(walk.grammar);
  if (grammar.dialect !== dialect) return [];
  for (const signature of grammar.named(name)) {
    const counterpart = signature.counterpart;
    if (counterpart === undefined || (counterpart.when !== undefined && !counterpart.when(list))) continue;
    for (const candidate of counterpart.names) if (walk.grammar.has(candidate)) names.add(candidate);
  }
  return [...names];
}
