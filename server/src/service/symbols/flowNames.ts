// The names a flow or pattern document gives that "Go to Symbol in Workspace" lists: its patterns
// (`:name` of a `.cxflow` pattern map, `"name"` of a payload) and the `def`s of its 4.2 code.
import { SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import { asString, rangeOf, valueOf } from '../json';
import { FlowDocument, FlowRegion } from '../flow';
import { DialectSetting, regionDialect } from '../flow/analysis/dialect';
import { isPatternMap } from '../flow/analysis/sides';
import { defsOf } from '../flow/analysis/variables';
import { patternObjects } from '../flow/embedding/patternFile';
import { FlowNode, mapValue } from '../flow/syntax/tree';

/** The pattern maps of a `.cxflow` region: its top-level maps and those of a top-level vector. */
function patternMaps(region: FlowRegion): FlowNode[] {
  const maps: FlowNode[] = [];
  for (const form of region.tree.forms) {
    const candidates = form.kind === 'vector' ? form.children : [form];
    for (const node of candidates) if (node.kind === 'map' && isPatternMap(region, node)) maps.push(node);
  }
  return maps;
}

export function flowNames(flow: FlowDocument, dialect: DialectSetting): SymbolInformation[] {
  const uri = flow.uri;
  const names: SymbolInformation[] = [];
  for (const pattern of patternObjects(flow.pattern?.json)) {
    const name = asString(valueOf(pattern, 'name'));
    if (name !== undefined && name.value !== '') names.push(SymbolInformation.create(name.value, SymbolKind.Event, rangeOf(flow.document, name), uri, 'pattern'));
  }
  for (const region of flow.regions) {
    if (flow.kind === 'flow') {
      for (const map of patternMaps(region)) {
        const name = map.kind === 'map' ? mapValue(map, 'name') : undefined;
        if (name?.kind === 'string' && name.value !== '') names.push(SymbolInformation.create(name.value, SymbolKind.Event, region.range(name.start, name.end), uri, 'pattern'));
      }
    }
    if (regionDialect(region, dialect).version !== '4.2') continue;
    for (const def of defsOf(region.tree)) names.push(SymbolInformation.create(def.name, SymbolKind.Variable, region.range(def.node.start, def.node.end), uri, 'def'));
  }
  return names;
}
