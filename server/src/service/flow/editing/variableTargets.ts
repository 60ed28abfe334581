// The 4.2 variable under a cursor, and where it is bound and read: go to definition, references
// and highlights of variables answer from here (the scope rules are analysis/variables.ts's).
import { DocumentHighlight, DocumentHighlightKind, Location } from 'vscode-languageserver-types';
import { FlowRegion } from '../embedding/region';
import { usesOf, variableOf, variablePart, VariableBinding } from '../analysis/variables';
import { grammar42 } from '../analysis/grammar/grammar';
import { indexInParent, nodeAt, operatorOf, SymbolNode } from '../syntax/tree';

export interface VariableTarget {
  /** The symbol under the cursor (`result.sid` whole). */
  symbol: SymbolNode;
  binding: VariableBinding;
}

export function variableAt(region: FlowRegion, offset: number): VariableTarget | undefined {
  const node = nodeAt(region.tree, offset);
  if (node?.kind !== 'symbol') return undefined;
  const binding = variableOf(region, node);
  return binding === undefined ? undefined : { symbol: node, binding };
}

function partRange(region: FlowRegion, symbol: SymbolNode) {
  const part = variablePart(symbol);
  return region.range(part.start, part.end);
}

export function variableDefinition(region: FlowRegion, offset: number, uri: string): Location[] {
  const target = variableAt(region, offset);
  return target === undefined ? [] : [{ uri, range: partRange(region, target.binding.node) }];
}

/** The symbols that read the variable under the cursor, and its binding when `withBinding`. */
export function variableReferences(region: FlowRegion, offset: number, uri: string, withBinding: boolean): Location[] {
  const target = variableAt(region, offset);
  if (target === undefined) return [];
  return usesOf(region, target.binding)
    .filter((s) => withBinding || s !== target.binding.node)
    .map((s) => ({ uri, range: partRange(region, s) }));
}

/** Whether a symbol is the name a form sets (`x` of `(set x 2)`): an argument of kind name that binds nothing. */
function isSetName(symbol: SymbolNode): boolean {
  const parent = symbol.parent;
  const op = operatorOf(parent);
  if (parent?.kind !== 'list' || op === undefined || indexInParent(symbol) !== 1) return false;
  return grammar42.named(op).some((s) => s.binds === undefined && s.args[0]?.kind === 'name');
}

/** The binding and the names `set` sets (written), and the reads of the variable under the cursor. */
export function variableHighlights(region: FlowRegion, offset: number): DocumentHighlight[] {
  const target = variableAt(region, offset);
  if (target === undefined) return [];
  return usesOf(region, target.binding).map((s) => ({
    range: partRange(region, s),
    kind: s === target.binding.node || isSetName(s) ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
