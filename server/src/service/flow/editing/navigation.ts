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

/** The sends inside a node (itself included), in source order, as outline entries. Iterative. */
function sendSymbols(region: FlowRegion, root: FlowNode): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  const stack: FlowNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as FlowNode;
    if (!isContainer(node)) continue;
    if (node.kind === 'list') {
      const interaction = readInteraction(node);
      if (interaction !== undefined) {
        const words = [interaction.operatorNode, interaction.integrationNode, interaction.messageNode].filter(
          (n): n is FlowNode => n !== undefined && n.kind === 'symbol',
        );
        const last = words[words.length - 1];
        symbols.push({
          name: words.map((w) => (w.kind === 'symbol' ? w.name : '')).join(' '),
          kind: SymbolKind.Function,
          range: nodeRange(region, node),
          selectionRange: region.range(interaction.operatorNode.start, last.end),
        });
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return symbols;
}

function patternSymbol(name: string | undefined, range: Range, selectionRange: Range, children: DocumentSymbol[]): DocumentSymbol {
  return { name: name || '(unnamed pattern)', detail: 'pattern', kind: SymbolKind.Object, range, selectionRange, children };
}

/** The outline of a region's forms, in the region's dialect. */
function formSymbols(region: FlowRegion, forms: readonly FlowNode[], dialect: DialectVersion): DocumentSymbol[] {
  return dialect === '4.2' ? outline42(region, forms) : forms.flatMap((form) => sendSymbols(region, form));
}

function cxflowSymbols(region: FlowRegion, dialect: DialectVersion): DocumentSymbol[] {
  if (dialect === '4.2') return outline42(region, region.tree.forms);
  const result: DocumentSymbol[] = [];
  const patternMap = (map: MapNode) => {
    const name = mapValue(map, 'name');
    const range = nodeRange(region, map);
    const selection = name === undefined ? region.range(map.start, map.start + 1) : nodeRange(region, name);
    result.push(patternSymbol(name?.kind === 'string' ? name.value : undefined, range, selection, sendSymbols(region, map)));
  };
  for (const form of region.tree.forms) {
    if (form.kind === 'map' && isPatternMap(region, form)) patternMap(form);
    else if (form.kind === 'vector') {
      for (const child of form.children) {
        if (child.kind === 'map' && isPatternMap(region, child)) patternMap(child);
        else result.push(...sendSymbols(region, child));
      }
    } else result.push(...sendSymbols(region, form));
  }
  return result;
}

function patternFileSymbols(flowDoc: FlowDocument, dialectOf: (region: FlowRegion) => DialectVersion): DocumentSymbol[] {
  const doc = flowDoc.document;
  return patternObjects(flowDoc.pattern?.json).map((object) => {
    const name = asString(valueOf(object, 'name'));
    const children: DocumentSymbol[] = [];
    for (const region of flowDoc.regions) {
      if (region.docStart < object.offset || region.docEnd > object.offset + object.length) continue;
      for (const symbol of formSymbols(region, region.tree.forms, dialectOf(region))) children.push(symbol);
    }
    return patternSymbol(
      name?.value,
      rangeOf(doc, object),
      name === undefined ? rangeOf(doc, { offset: object.offset, length: 1 }) : rangeOf(doc, name),
      children,
    );
  });
}

/** The outline of a flow or pattern document; `dialectOf` tells how each region is read. */
export function documentSymbols(flowDoc: FlowDocument, dialectOf: (region: FlowRegion) => DialectVersion): DocumentSymbol[] {
  if (flowDoc.kind === 'pattern') return patternFileSymbols(flowDoc, dialectOf);
  return flowDoc.regions.flatMap((region) => cxflowSymbols(region, dialectOf(region)));
}
