// The outline of flow code as nested document symbols: patterns, their When and Then parts, and
// the sends inside them, each send under the send whose branch holds it (breadcrumbs follow it).
//
// 4.1 symbols come from a list of rules, each naming one kind of node; a node no rule names passes
// its children on to the nearest named ancestor. A new construct gets its own rule. 4.2 code has
// its own outline (outline42.ts): globals, locals, collections and interactions.
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import { asString, rangeOf, valueOf } from '../../json';
import { patternObjects } from '../embedding/patternFile';
import { FlowDocument } from '../index';
import { FlowRegion, Side, nodeRange } from '../embedding/region';
import { DialectVersion } from '../analysis/grammar/signature';
import { outline42 } from './outline42';
import { readInteraction } from '../analysis/interactions';
import { isPatternMap, topLevelSide } from '../analysis/sides';
import { FlowNode, isContainer, mapEntryOf, mapValue, operatorOf } from '../syntax/tree';

/** What a rule says about a node it names; the symbol's range is the node's unless given. */
export interface OutlineEntry {
  name: string;
  kind: SymbolKind;
  detail?: string;
  /** The part a click selects (a name, a key); inside `range`. */
  selection: Range;
  range?: Range;
}

export type OutlineRule = (region: FlowRegion, node: FlowNode) => OutlineEntry | undefined;

const sideNames: Record<Side, string> = { when: 'When', then: 'Then' };
const sideKinds: Record<Side, SymbolKind> = { when: SymbolKind.Event, then: SymbolKind.Namespace };

function sideEntry(side: Side, range: Range, selection: Range, detail?: string): OutlineEntry {
  return { name: sideNames[side], kind: sideKinds[side], detail, range, selection };
}

/** `{:name "..." :when ... :then ...}` in a `.cxflow` file. */
const patternMapRule: OutlineRule = (region, node) => {
  if (node.kind !== 'map' || !isPatternMap(region, node)) return undefined;
  const name = mapValue(node, 'name');
  return {
    name: patternName(name?.kind === 'string' ? name.value : undefined),
    kind: SymbolKind.Object,
    detail: 'pattern',
    selection: name === undefined ? region.range(node.start, node.start + 1) : nodeRange(region, name),
  };
};

/** The `:when`/`:then` value of a pattern map, from its key on. */
const patternPartRule: OutlineRule = (region, node) => {
  const entry = mapEntryOf(node);
  if (entry === undefined || entry.isKey || !isPatternMap(region, entry.map)) return undefined;
  const key = entry.entry.key;
  const side = key.kind === 'keyword' ? key.name : undefined;
  if (side !== 'when' && side !== 'then') return undefined;
  return sideEntry(side, region.range(key.start, node.end), nodeRange(region, key), operatorOf(node));
};

/** A top-level form of a `.cxflow` file outside pattern maps whose side is known (`;; When`, its operator). */
const topLevelPartRule: OutlineRule = (region, node) => {
  if (region.side !== undefined || node.kind !== 'list') return undefined;
  const parent = node.parent;
  if (parent !== undefined && !(parent.kind === 'vector' && parent.parent === undefined)) return undefined;
  const side = topLevelSide(region, node);
  if (side === undefined) return undefined;
  const op = node.children[0];
  const selection = op === undefined ? region.range(node.start, node.start + 1) : nodeRange(region, op);
  return sideEntry(side, nodeRange(region, node), selection, operatorOf(node));
};

/** `(send integration message ...)` and `(await ...)`, named by their words. */
const sendRule: OutlineRule = (region, node) => {
  if (node.kind !== 'list') return undefined;
  const send = readInteraction(node);
  if (send === undefined) return undefined;
  const words = [send.operatorNode, send.integrationNode, send.messageNode].filter(
    (n): n is Extract<FlowNode, { kind: 'symbol' }> => n?.kind === 'symbol',
  );
  const last = words[words.length - 1];
  return {
    name: words.map((w) => w.name).join(' '),
    kind: SymbolKind.Function,
    selection: region.range(send.operatorNode.start, last.end),
  };
};

/** The rules of 4.1 code, outermost first. */
export const outlineRules41: readonly OutlineRule[] = [patternMapRule, patternPartRule, topLevelPartRule, sendRule];

/** Symbols still to give, shared by every part of one outline. */
export interface OutlineBudget {
  left: number;
}

/**
 * The symbols of some forms of a region, nested by the tree, into `top`; no more than the budget
 * allows, counting nested ones. Iterative: safe on any depth.
 */
export function outlineForms(
  region: FlowRegion,
  forms: readonly FlowNode[],
  rules: readonly OutlineRule[],
  budget: OutlineBudget = { left: Infinity },
  top: DocumentSymbol[] = [],
): DocumentSymbol[] {
  const stack: { node: FlowNode; into: DocumentSymbol[] }[] = [];
  for (let i = forms.length - 1; i >= 0; i--) stack.push({ node: forms[i], into: top });
  while (stack.length > 0 && budget.left > 0) {
    const { node, into } = stack.pop() as { node: FlowNode; into: DocumentSymbol[] };
    let childrenInto = into;
    // Every rule that names the node adds a symbol, each inside the one before (a pattern's
    // `:then` that is itself a send gives Then > send).
    for (const rule of rules) {
      if (budget.left <= 0) break;
      const entry = rule(region, node);
      if (entry === undefined) continue;
      const symbol: DocumentSymbol = {
        name: entry.name,
        kind: entry.kind,
        range: entry.range ?? nodeRange(region, node),
        selectionRange: entry.selection,
        children: [],
      };
      if (entry.detail !== undefined) symbol.detail = entry.detail;
      budget.left--;
      childrenInto.push(symbol);
      childrenInto = symbol.children as DocumentSymbol[];
    }
    if (!isContainer(node)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], into: childrenInto });
  }
  return top;
}

/** The symbols of some forms of a region read in a dialect, into `into`. */
function regionOutline(region: FlowRegion, forms: readonly FlowNode[], dialect: DialectVersion, budget: OutlineBudget, into: DocumentSymbol[]): DocumentSymbol[] {
  if (dialect === '4.2') outline42(region, forms, into, budget);
  else outlineForms(region, forms, outlineRules41, budget, into);
  return into;
}

function patternName(name: string | undefined): string {
  return name || '(unnamed pattern)';
}

/** The name a part of a pattern file is shown by: its side, or for 4.2 code its key. */
function partName(region: FlowRegion): string {
  return region.side === undefined ? 'Code' : sideNames[region.side];
}

/** A pattern file: each pattern object, with one part (When, Then, Code) per code string. */
function patternFileOutline(flowDoc: FlowDocument, dialectOf: (region: FlowRegion) => DialectVersion, budget: OutlineBudget): DocumentSymbol[] {
  const doc = flowDoc.document;
  const result: DocumentSymbol[] = [];
  // Regions come in document order, as do the objects: one pass over both.
  let r = 0;
  for (const object of patternObjects(flowDoc.pattern?.json)) {
    if (budget.left <= 0) break;
    budget.left--;
    const name = asString(valueOf(object, 'name'));
    const children: DocumentSymbol[] = [];
    while (r < flowDoc.regions.length && flowDoc.regions[r].docStart < object.offset) r++;
    for (; r < flowDoc.regions.length && flowDoc.regions[r].docEnd <= object.offset + object.length && budget.left > 0; r++) {
      const region = flowDoc.regions[r];
      budget.left--;
      // The property whose string is this region (a repeated key gives one property per region).
      const property = object.properties.find((p) => p.valueNode?.offset === region.docStart - 1);
      const whole = property ? rangeOf(doc, property) : rangeOf(doc, { offset: region.docStart, length: region.docEnd - region.docStart });
      const forms = region.tree.forms;
      const op = forms.length === 1 ? operatorOf(forms[0]) : undefined;
      children.push({
        name: partName(region),
        kind: region.side === undefined ? SymbolKind.Module : sideKinds[region.side],
        ...(op !== undefined ? { detail: op } : {}),
        range: whole,
        selectionRange: property ? rangeOf(doc, property.keyNode) : whole,
        children: regionOutline(region, forms, dialectOf(region), budget, []),
      });
    }
    result.push({
      name: patternName(name?.value),
      detail: 'pattern',
      kind: SymbolKind.Object,
      range: rangeOf(doc, object),
      selectionRange: name === undefined ? rangeOf(doc, { offset: object.offset, length: 1 }) : rangeOf(doc, name),
      children,
    });
  }
  return result;
}

/**
 * The outline of a flow or pattern document: at most `limit` symbols in all, in document order;
 * `dialectOf` tells how each region is read.
 */
export function documentOutline(flowDoc: FlowDocument, dialectOf: (region: FlowRegion) => DialectVersion, limit = Infinity): DocumentSymbol[] {
  const budget: OutlineBudget = { left: limit };
  if (flowDoc.kind === 'pattern') return patternFileOutline(flowDoc, dialectOf, budget);
  const result: DocumentSymbol[] = [];
  for (const region of flowDoc.regions) regionOutline(region, region.tree.forms, dialectOf(region), budget, result);
  return result;
}
