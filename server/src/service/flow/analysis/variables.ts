// The variables of 4.2 code as the editor sees them: which are in scope at a place, which binding
// a symbol reads, and every symbol that reads one binding. The scope rules are the analyser's
// (scope.ts, forms.ts), read from the binding rule of each form's signature: `def` after its form
// everywhere, `let`/`when-let` names in the body and a `let`'s later values, `if-let` in its then
// branch only, a local before a global.
import { grammar42 } from './grammar/grammar';
import { BindingRule } from './grammar/signature';
import { isPositional, layoutArguments, positionalUse } from './grammar/layout';
import { FlowRegion } from '../embedding/region';
import { ContainerNode, FlowNode, FlowTree, indexInParent, isContainer, ListNode, operatorOf, SymbolNode, symbolParts } from '../syntax/tree';

export interface VariableBinding {
  name: string;
  /** The name where it is bound: the symbol of a binding vector or of a `def`. */
  node: SymbolNode;
  rule: BindingRule;
  /** The form that binds it. */
  form: ListNode;
}

function bindingRuleOf(list: FlowNode | undefined): BindingRule | undefined {
  const op = operatorOf(list);
  return op === undefined ? undefined : grammar42.named(op).find((s) => s.binds !== undefined)?.binds;
}

const isName = (node: FlowNode | undefined): node is SymbolNode => node?.kind === 'symbol' && !node.name.includes('.');

/** The names bound by the vector of a binding form, up to (not including) child `before`. */
function vectorBindings(form: ListNode, rule: BindingRule, before: number, into: VariableBinding[]): void {
  const vector = form.children[1];
  if (vector?.kind !== 'vector') return;
  const last = Math.min(before, rule === 'let' ? vector.children.length : 1);
  for (let k = last - 1; k >= 0; k--) {
    const name = vector.children[k];
    if (k % 2 === 0 && isName(name)) into.push({ name: name.name, node: name, rule, form });
  }
}

/** Every `def` of a tree, in source order: worked out once per tree, as references ask for each symbol. */
export function defsOf(tree: FlowTree): VariableBinding[] {
  let defs = tree.globalDefinitions;
  if (defs !== undefined) return defs;
  defs = [];
  const stack: FlowNode[] = [];
  for (let i = tree.forms.length - 1; i >= 0; i--) stack.push(tree.forms[i]);
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (!isContainer(node)) continue;
    if (node.kind === 'list' && bindingRuleOf(node) === 'def' && isName(node.children[1])) {
      const name = node.children[1];
      defs.push({ name: name.name, node: name, rule: 'def', form: node });
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  tree.globalDefinitions = defs;
  return defs;
}

/** Every `def` of a region whose form ends at or before `offset`, the latest first. */
function globalsBefore(region: FlowRegion, offset: number): VariableBinding[] {
  return defsOf(region.tree)
    .filter((d) => d.form.end <= offset)
    .reverse();
}

/**
 * Visits the variables visible at child `index` of `container` (`undefined`: the top level), code
 * offset `offset`, innermost first (a name may come again, hidden by the first); stops when
 * `visit` returns true.
 */
function visitScope(region: FlowRegion, container: ContainerNode | undefined, index: number, offset: number, visit: (b: VariableBinding) => boolean): void {
  const found: VariableBinding[] = [];
  let child = index;
  for (let node: ContainerNode | undefined = container; node !== undefined; child = indexInParent(node), node = node.parent) {
    if (node.kind === 'vector' && node.parent?.kind === 'list' && indexInParent(node) === 1) {
      // A value of a `let` vector sees the names bound before its own.
      const form = node.parent;
      const rule = bindingRuleOf(form);
      if (rule === 'let' && child % 2 === 1) vectorBindings(form, rule, child - 1, found);
    } else if (node.kind === 'list') {
      const rule = bindingRuleOf(node);
      if (((rule === 'let' || rule === 'when-let') && child >= 2) || (rule === 'if-let' && child === 2)) vectorBindings(node, rule, Number.MAX_SAFE_INTEGER, found);
    }
    for (const b of found) if (visit(b)) return;
    found.length = 0;
  }
  for (const global of globalsBefore(region, offset)) if (visit(global)) return;
}

/**
 * The variables visible at child `index` of `container` (`undefined`: the top level), code offset
 * `offset`: innermost first, each name once (a local hides a global of its name).
 */
export function variablesAt(region: FlowRegion, container: ContainerNode | undefined, index: number, offset: number): VariableBinding[] {
  const seen = new Set<string>();
  const variables: VariableBinding[] = [];
  visitScope(region, container, index, offset, (b) => {
    if (!seen.has(b.name)) variables.push(b);
    seen.add(b.name);
    return false;
  });
  return variables;
}

/** Whether a symbol stands where a 4.2 variable is read or bound: not an operator, an integration, a message or a unit. */
function isVariablePlace(symbol: SymbolNode): boolean {
  const parent = symbol.parent;
  if (parent?.kind !== 'list') return true;
  const index = indexInParent(symbol);
  const op = operatorOf(parent);
  if (index === 0 || op === undefined) return index !== 0;
  return !grammar42.named(op).some((signature) => {
    const use = isPositional(signature) ? positionalUse(signature, index, symbol) : layoutArguments(signature, parent.children)[index];
    return use?.at === 'argument' && (use.kind === 'unit' || use.kind === 'integration' || use.kind === 'message');
  });
}

/** The binding a symbol names itself: the name of a binding vector or of a `def`. */
function bindingNamedBy(symbol: SymbolNode): VariableBinding | undefined {
  const parent = symbol.parent;
  if (!isName(symbol) || parent === undefined) return undefined;
  const index = indexInParent(symbol);
  if (parent.kind === 'list' && index === 1 && bindingRuleOf(parent) === 'def') return { name: symbol.name, node: symbol, rule: 'def', form: parent };
  const form = parent.parent;
  if (parent.kind !== 'vector' || form?.kind !== 'list' || indexInParent(parent) !== 1 || index % 2 !== 0) return undefined;
  const rule = bindingRuleOf(form);
  if (rule === undefined || rule === 'def' || (rule !== 'let' && index > 0)) return undefined;
  return { name: symbol.name, node: symbol, rule, form };
}

/** The variable a symbol binds or reads (`result.sid` reads `result`), if one is in scope there. */
export function variableOf(region: FlowRegion, symbol: SymbolNode): VariableBinding | undefined {
  const own = bindingNamedBy(symbol);
  if (own !== undefined) return own;
  if (!isVariablePlace(symbol)) return undefined;
  const name = symbolParts(symbol)[0].name;
  const parent = symbol.parent;
  let found: VariableBinding | undefined;
  visitScope(region, parent, parent === undefined ? -1 : indexInParent(symbol), symbol.start, (b) => {
    if (b.name === name) found = b;
    return found !== undefined;
  });
  return found;
}

/** The symbol of the variable part of `symbol` (`result` of `result.sid`), as a range. */
export function variablePart(symbol: SymbolNode): { start: number; end: number } {
  const part = symbolParts(symbol)[0];
  return { start: part.start, end: part.end };
}

/** The binding and every symbol that reads it, in source order. */
export function usesOf(region: FlowRegion, binding: VariableBinding): SymbolNode[] {
  const uses: SymbolNode[] = [];
  const stack: FlowNode[] = [];
  for (let i = region.tree.forms.length - 1; i >= 0; i--) stack.push(region.tree.forms[i]);
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (node.kind === 'symbol') {
      if (symbolParts(node)[0].name === binding.name && variableOf(region, node)?.node === binding.node) uses.push(node);
    } else if (isContainer(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  return uses;
}
