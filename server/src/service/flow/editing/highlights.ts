// Document highlights in flow code: the other uses, in the same document, of the integration,
// message or field under the cursor (by name, known to a definition or not), or the binding and
// reads of a 4.2 variable.
import { DocumentHighlight, DocumentHighlightKind } from 'vscode-languageserver-types';
import { FlowDocument, FlowRegion } from '../index';
import { interactionOfMap, readInteraction } from '../analysis/interactions';
import { FlowNode, indexInParent, keyName, mapEntryOf, nodeAt } from '../syntax/tree';
import { FlowReferenceTarget, referencesInDocument } from './navigation';
import { variableHighlights } from './variableTargets';

/** The integration, message or field a node of an interaction names, by name alone. */
function namedBy(node: FlowNode): FlowReferenceTarget | undefined {
  const parent = node.parent;
  if (parent?.kind === 'list' && node.kind === 'symbol') {
    const interaction = readInteraction(parent);
    const integration = interaction?.integrationNode;
    const index = indexInParent(node);
    if (integration?.kind !== 'symbol' || (index !== 1 && index !== 2)) return undefined;
    return index === 1 ? { type: integration.name } : { type: integration.name, message: node.name };
  }
  if (parent?.kind !== 'map' || mapEntryOf(node)?.isKey !== true) return undefined;
  const interaction = interactionOfMap(parent);
  const integration = interaction?.integrationNode;
  const message = interaction?.messageNode;
  const field = keyName(node);
  if (integration?.kind !== 'symbol' || message?.kind !== 'symbol' || field === undefined) return undefined;
  return { type: integration.name, message: message.name, field };
}

/**
 * The highlights of what code offset `offset` of `region` names. `is42`: the region is read as
 * 4.2, whose variables are highlighted too.
 */
export function highlightsInRegion(flow: FlowDocument, region: FlowRegion, offset: number, is42: boolean): DocumentHighlight[] {
  const node = nodeAt(region.tree, offset);
  const named = node === undefined ? undefined : namedBy(node);
  if (named !== undefined) return referencesInDocument(flow, named).map((l) => ({ range: l.range, kind: DocumentHighlightKind.Text }));
  return is42 ? variableHighlights(region, offset) : [];
}
