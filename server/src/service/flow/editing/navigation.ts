// Navigation in flow code: go to the definition of an integration, message type or field; the
// uses of one in a flow document; and the outline (4.1: patterns by name, the sends inside them;
// 4.2: outline42.ts).
import { DocumentSymbol, Location, Range, SymbolKind } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { asString, rangeOf, valueOf } from '../../json';
import { patternObjects } from '../embedding/patternFile';
import { FlowDocument, forEachFlowInteraction } from '../index';
import { FlowRegion, nodeRange } from '../embedding/region';
import { readInteraction } from '../analysis/interactions';
import { isPatternMap } from '../analysis/sides';
import { targetAt } from './targets';
import { outline42 } from './outline42';
import { DialectVersion } from '../analysis/grammar/signature';
import { FlowNode, MapNode, isContainer, keyName, mapValue } from '../syntax/tree';

const start: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function definitionInRegion(region: FlowRegion, offset: number, ctx: AnalysisContext): Location[] {
  const target = targetAt(region, offset, ctx);
  switch (target?.kind) {
    case 'integration':
      return [{ uri: target.definition.uri, range: target.definition.type?.range ?? start }];
    case 'message':
      return [{ uri: target.definition.uri, range: target.message.keyRange }];
    case 'field':
      return [{ uri: target.definition.uri, range: target.field.keyRange }];
    default:
      return [];
  }
}

export interface FlowReferenceTarget {
  type: string;
  message?: string;
  field?: string;
}

/** Where a flow document names the integration, message type or field of `target`. */
export function referencesInDocument(flowDoc: FlowDocument, target: FlowReferenceTarget): Location[] {
  const result: Location[] = [];
  const uri = flowDoc.uri;
  forEachFlowInteraction(flowDoc, (interaction) => {
    if (interaction.integration?.name !== target.type) return;
    if (target.message === undefined) {
      result.push({ uri, range: interaction.integration.range });
      return;
    }
    if (interaction.message?.name !== target.message) return;
    if (target.field === undefined) {
      result.push({ uri, range: interaction.message.range });
      return;
    }
    for (const entry of [...interaction.entries, ...interaction.templateEntries]) {
      if (keyName(entry.key) === target.field) result.push({ uri, range: nodeRange(interaction.region, entry.key) });
    }
  });
  return result;
}

/** Symbols still to give, shared by every builder of one outline. */
export interface Budget {
  left: number;
}

/** Adds the sends inside a node (itself included), in source order, as outline entries. Iterative. */
function addSendSymbols(region: FlowRegion, root: FlowNode, into: DocumentSymbol[], budget: Budget): void {
  const stack: FlowNode[] = [root];
  while (stack.length > 0 && budget.left > 0) {
    const node = stack.pop() as FlowNode;
    if (!isContainer(node)) continue;
    if (node.kind === 'list') {
      const interaction = readInteraction(node);
      if (interaction !== undefined) {
        const words = [interaction.operatorNode, interaction.integrationNode, interaction.messageNode].filter(
          (n): n is FlowNode => n !== undefined && n.kind === 'symbol',
        );
        const last = words[words.length - 1];
        budget.left--;
        into.push({
          name: words.map((w) => (w.kind === 'symbol' ? w.name : '')).join(' '),
          kind: SymbolKind.Function,
          range: nodeRange(region, node),
          selectionRange: region.range(interaction.operatorNode.start, last.end),
        });
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

function patternSymbol(name: string | undefined, range: Range, selectionRange: Range, children: DocumentSymbol[]): DocumentSymbol {
  return { name: name || '(unnamed pattern)', detail: 'pattern', kind: SymbolKind.Object, range, selectionRange, children };
}

function cxflowSymbols(region: FlowRegion, dialect: DialectVersion, result: DocumentSymbol[], budget: Budget): void {
  if (dialect === '4.2') {
    outline42(region, region.tree.forms, result, budget);
    return;
  }
  const patternMap = (map: MapNode) => {
    budget.left--;
    const name = mapValue(map, 'name');
    const range = nodeRange(region, map);
    const selection = name === undefined ? region.range(map.start, map.start + 1) : nodeRange(region, name);
    const children: DocumentSymbol[] = [];
    addSendSymbols(region, map, children, budget);
    result.push(patternSymbol(name?.kind === 'string' ? name.value : undefined, range, selection, children));
  };
  for (const form of region.tree.forms) {
    if (budget.left <= 0) return;
    if (form.kind === 'map' && isPatternMap(region, form)) patternMap(form);
    else if (form.kind === 'vector') {
      for (const child of form.children) {
        if (budget.left <= 0) return;
        if (child.kind === 'map' && isPatternMap(region, child)) patternMap(child);
        else addSendSymbols(region, child, result, budget);
      }
    } else addSendSymbols(region, form, result, budget);
  }
}

function patternFileSymbols(flowDoc: FlowDocument, dialectOf: (region: FlowRegion) => DialectVersion, budget: Budget): DocumentSymbol[] {
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
    for (; r < flowDoc.regions.length && flowDoc.regions[r].docEnd <= object.offset + object.length; r++) {
      const region = flowDoc.regions[r];
      if (dialectOf(region) === '4.2') outline42(region, region.tree.forms, children, budget);
      else for (const form of region.tree.forms) addSendSymbols(region, form, children, budget);
    }
    result.push(
      patternSymbol(
        name?.value,
        rangeOf(doc, object),
        name === undefined ? rangeOf(doc, { offset: object.offset, length: 1 }) : rangeOf(doc, name),
        children,
      ),
    );
  }
  return result;
}

/** The outline of a flow or pattern document, at most `limit` symbols in document order; `dialectOf` tells how each region is read. */
export function documentSymbols(flowDoc: FlowDocument, dialectOf: (region: FlowRegion) => DialectVersion, limit = Infinity): DocumentSymbol[] {
  const budget = { left: limit };
  if (flowDoc.kind === 'pattern') return patternFileSymbols(flowDoc, dialectOf, budget);
  const result: DocumentSymbol[] = [];
  for (const region of flowDoc.regions) cxflowSymbols(region, dialectOf(region), result, budget);
  return result;
}
