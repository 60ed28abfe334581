// The flow analyser, for both dialects: walks a top-level form with a work list (no recursion on
// input depth), finding each list's signature in the dialect's grammar by the position it stands
// in, checking its shape and queueing its arguments by their kinds (forms.ts), and checking each
// interaction against the definitions. What differs between dialects is in their grammar tables.
//
// Quick-fix data carried on diagnostics (`diagnostic.data`), per code; ranges are document ranges:
// - unknown-form:            { operator, suggestions: string[] }
// - wrong-dialect:           { operator, dialect: the form's dialect, replacements: string[] (its
//                              counterparts in the dialect the code is read as) }
// - unbound-variable:        { name, suggestions: string[] }
// - shadowed-name:           { name }
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
// - unknown-template:        { id, suggestions: string[] }
import { messages } from '../../codes';
import { AnalysisContext } from '../../analysisContext';
import { regionDialect } from './dialect';
import { checkForm, interactionForm, misplaced, wrongDialect } from './forms';
import { grammarOf, Grammar, grammar41, otherGrammar } from './grammar/grammar';
import { interactionVerbs } from './interactions';
import { DialectVersion } from './grammar/signature';
import { FlowProblem, ProblemSink } from './problems';
import { FlowRegion } from '../embedding/region';
import { Globals, localNames, lookupLocal, Scope } from './scope';
import { isPatternMap, patternMapKey, topLevelSide } from './sides';
import { suggestionsFor } from './suggestions';
import { FlowNode, keyName, ListNode, MapNode, operatorNode, SymbolNode } from '../syntax/tree';
import { Expect, Item, Walk } from './walk';
import { checkTemplateRef } from './templateCheck';

/** Analyses every form of a region, reporting through `sink`; the dialect is the region's unless given. */
export function analyseRegion(region: FlowRegion, ctx: AnalysisContext, sink: ProblemSink, dialect?: DialectVersion): void {
  const grammar = grammarOf(dialect ?? regionDialect(region, ctx.settings.flow.dialect).version);
  const analyser = new FormAnalyser(region, ctx, sink, undefined, grammar, new Globals());
  for (const form of region.tree.forms) analyser.analyse(form, false);
}

/**
 * Analyses one top-level form of a region, in the dialect of `grammar`. What it reports depends
 * only on the form's text, the region's side, the last `;; When`/`;; Then` marker before it (4.1),
 * the globals defined before it (4.2) and the definitions in `ctx`. Returns the names it defines.
 */
export function analyseForm(
  region: FlowRegion,
  form: FlowNode,
  ctx: AnalysisContext,
  sink: ProblemSink,
  secret?: (node: FlowNode) => void,
  grammar: Grammar = grammar41,
  globals: Globals = new Globals(),
): readonly string[] {
  return new FormAnalyser(region, ctx, sink, secret, grammar, globals).analyse(form);
}

/** `analyseForm` for the forms of one region in turn, sharing one walk (see `Walk`). */
export class FormAnalyser {
  private readonly walk: Walk;

  constructor(region: FlowRegion, ctx: AnalysisContext, sink: ProblemSink, secret: ((node: FlowNode) => void) | undefined, grammar: Grammar, globals: Globals) {
    this.walk = new Walk(region, ctx, sink, grammar, globals, secret);
  }

  /**
   * Analyses the next form, reporting to the sink; returns the names it defines (none unless
   * `listDefines`: the globals learn them either way).
   */
  analyse(form: FlowNode, listDefines = true): readonly string[] {
    const walk = this.walk;
    walk.startForm(listDefines);
    if (walk.grammar.dialect === '4.1') startTopLevel41(walk, form);
    else startTopLevel42(walk, form);
    for (let item = walk.next(); item !== undefined; item = walk.next()) visit(walk, item);
    return walk.defines;
  }
}

function startTopLevel41(walk: Walk, form: FlowNode): void {
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

/** A 4.1 pattern map: its `:when` holds an event pattern, its `:then` a reaction. */
function startPatternMap(walk: Walk, map: MapNode): void {
  for (const entry of map.entries) {
    const key = keyName(entry.key);
    walk.push(entry.value, key === 'when' ? 'when' : key === 'then' ? 'reaction' : 'value', false, undefined);
  }
}

function startTopLevelList(walk: Walk, form: FlowNode): void {
  if (form.kind !== 'list') {
    walk.push(form, 'value', false, undefined);
    return;
  }
  const side = topLevelSide(walk.region, form);
  if (side !== undefined) walk.push(form, side === 'when' ? 'when' : 'reaction', false, undefined);
  else if (operatorNode(form) === undefined) walk.pushAll(form.children, 'value', false, undefined);
  else walk.push(form, 'top', false, undefined);
}

/** A 4.2 program's top-level form: an action; a 4.1 pattern map is of the other dialect. */
function startTopLevel42(walk: Walk, form: FlowNode): void {
  const key = form.kind === 'map' && walk.region.side === undefined ? patternMapKey(form) : undefined;
  if (form.kind === 'map' && key?.kind === 'keyword') {
    wrongDialect(walk, form, key, `a pattern map with \`:${key.name}\``, 'form', '4.1', { node: form, expect: 'top', response: false, scope: undefined });
    return;
  }
  walk.push(form, 'top', false, undefined);
}

function visit(walk: Walk, item: Item): void {
  const { node, expect, response, scope } = item;
  if (expect === 'define') {
    if (node.kind === 'symbol') {
      walk.define(node.name);
    }
    return;
  }
  switch (node.kind) {
    case 'response':
      // 4.1's response value; in 4.2, `$field` is an event field, valid anywhere.
      if (!response && walk.grammar.dialect === '4.1' && expect !== 'foreign') {
        walk.sink({ code: 'response-outside-success', start: node.start, end: node.end, message: messages.responseOutsideSuccess(walk.text(node)) });
      }
      return;
    case 'template':
      checkTemplateRef(walk, node);
      return;
    case 'symbol':
      if (expect !== 'opaque' && expect !== 'foreign') variable(walk, node, scope);
      return;
    case 'map':
      return map(walk, node, item);
    case 'vector':
    case 'set':
      walk.pushAll(node.children, memberExpect(expect), response, scope);
      return;
    case 'list':
      return list(walk, node, item);
  }
}

/** Where the members of a container standing at `expect` stand. */
function memberExpect(expect: Expect): Expect {
  return expect === 'opaque' || expect === 'foreign' ? expect : 'value';
}

function map(walk: Walk, node: MapNode, item: Item): void {
  const { expect, response, scope } = item;
  if (walk.grammar.dialect === '4.1') {
    if (memberExpect(expect) === 'value' && isPatternMap(walk.region, node)) startPatternMap(walk, node);
    else walk.pushAll(node.children, memberExpect(expect), response, scope);
    return;
  }
  // 4.2: keys are data (`{...}`, a placeholder, is a key); values are expressions.
  const entries = node.entries;
  for (let i = entries.length - 1; i >= 0; i--) walk.push(entries[i].value, memberExpect(expect), response, scope);
}

function list(walk: Walk, node: ListNode, item: Item): void {
  const { expect, response, scope } = item;
  const op = operatorNode(node);
  if (op === undefined) {
    // `()` or `((f) x)`: nothing the language defines; look inside for interactions and values.
    walk.pushAll(node.children, memberExpect(expect), response, scope);
    return;
  }
  const grammar = walk.grammar;
  if (expect === 'opaque' || expect === 'foreign') {
    // An interaction of either dialect is still checked against the definitions both share; the
    // options of one of the other dialect, and anything in a foreign form, are only looked into.
    const signature = expect === 'opaque' ? grammar.interactionSignature(op.name) : undefined;
    const verb = interactionVerbs.get(op.name);
    if (signature !== undefined) interactionForm(walk, node, signature, item);
    else if (verb !== undefined) interactionForm(walk, node, undefined, { ...item, expect: verb.dialect === grammar.dialect ? 'opaque' : 'foreign' }, new Map([[verb.name, verb]]));
    else walk.pushAll(node.children, expect, response, scope, 1);
    return;
  }
  const position = expect === 'define' ? 'value' : expect;
  const found = grammar.lookup(op.name, position);
  if (found !== undefined) {
    const elsewhere = found.signature.otherDialect?.(node);
    if (elsewhere !== undefined) return wrongDialect(walk, node, op, elsewhere, 'form', otherGrammar(grammar).dialect, item);
    if (found.signature.interaction !== undefined) return interactionForm(walk, node, found.signature, item);
    return checkForm(walk, node, found, item);
  }
  const other = otherGrammar(grammar);
  if (!grammar.has(op.name) && other.has(op.name)) {
    const kind = other.named(op.name).every((s) => s.function !== undefined) ? 'function' : 'form';
    return wrongDialect(walk, node, op, `\`${op.name}\``, kind, other.dialect, item);
  }
  const rule = grammar.rule(position);
  const where = rule.whereOption !== undefined && grammar.isOption(op.name) ? rule.whereOption : rule.where;
  // A form of the dialect in the wrong place is misplaced, not misspelt: no did-you-mean.
  walk.unknownForm(node, op.name, where, grammar.has(op.name) ? [] : grammar.candidateNames(position));
  misplaced(walk, node, op.name, item);
}

/** A symbol where a value is read (4.2): a variable in scope, a global defined before, or a function. */
function variable(walk: Walk, symbol: SymbolNode, scope: Scope): void {
  const full = symbol.name;
  const dot = full.indexOf('.');
  const name = dot < 0 ? full : full.slice(0, dot);
  if (name === '' || lookupLocal(scope, name) !== undefined || walk.globals.has(name) || walk.grammar.isFunction(name)) return;
  // Functions named by a word (`count`, `even?`), not the operators (`*` is one edit from any one letter).
  const candidates = [...localNames(scope), ...walk.globals.all(), ...[...walk.grammar.functionNames()].filter((f) => /^[a-z]/i.test(f))];
  const suggestions = suggestionsFor(name, candidates);
  const problem: FlowProblem = {
    code: 'unbound-variable',
    start: symbol.start,
    end: symbol.start + name.length,
    message: messages.unboundVariable(name, dot < 0 ? undefined : full.slice(dot + 1), suggestions[0]),
    data: { name, suggestions },
  };
  walk.sink(problem);
}
