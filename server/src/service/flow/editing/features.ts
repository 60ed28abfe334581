// Editing features of flow and pattern documents, as the language service calls them: each finds
// the flow region under the position in the document's model and answers from its tree.
import { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, Location, Position, Range } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { codeActionsFor } from './codeActions';
import { completeInRegion } from './completion';
import { hoverInRegion } from './hover';
import { FlowDocument, FlowRegion, regionAt } from '../index';
import { FlowReferenceTarget, definitionInRegion, referencesInDocument } from './navigation';
import { documentOutline } from './outline';
import { targetAt } from './targets';
import { Definition } from '../../definitions/model';
import { payloadCodeActions } from './payloadFixes';

/**
 * The 4.1 region under a document offset. These features know the 4.1 language only; in 4.2 code
 * they would offer and explain 4.1 forms, so they stay silent there until 4.2 has its own.
 */
function region41At(flowDoc: FlowDocument, offset: number): FlowRegion | undefined {
  const region = regionAt(flowDoc, offset);
  return region?.dialect === '4.1' ? region : undefined;
}

export function completeFlow(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext, options: { snippets: boolean }): CompletionItem[] {
  const offset = flowDoc.document.offsetAt(position);
  const region = region41At(flowDoc, offset);
  return region === undefined ? [] : completeInRegion(region, region.toRegionOffset(offset), ctx, options);
}

export function hoverFlow(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext): Hover | null {
  const offset = flowDoc.document.offsetAt(position);
  const region = region41At(flowDoc, offset);
  return region === undefined ? null : hoverInRegion(region, region.toRegionOffset(offset), ctx);
}

export function flowDefinition(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext): Location[] {
  const offset = flowDoc.document.offsetAt(position);
  const region = region41At(flowDoc, offset);
  return region === undefined ? [] : definitionInRegion(region, region.toRegionOffset(offset), ctx);
}

/** Uses of an integration, message type or field in one flow document; the caller decides which documents mean the same definition. */
export function flowReferences(flowDoc: FlowDocument, target: FlowReferenceTarget): Location[] {
  return referencesInDocument(flowDoc, target);
}

/** The integration, message type or field a flow names at a position, with its definition, for references. */
export function flowReferenceTarget(
  flowDoc: FlowDocument,
  position: Position,
  ctx: AnalysisContext,
): { target: FlowReferenceTarget; definition: Definition } | undefined {
  const offset = flowDoc.document.offsetAt(position);
  const region = region41At(flowDoc, offset);
  const found = region && targetAt(region, region.toRegionOffset(offset), ctx);
  switch (found?.kind) {
    case 'integration':
      return { target: { type: found.name }, definition: found.definition };
    case 'message':
      return { target: { type: found.integration, message: found.message.name }, definition: found.definition };
    case 'field':
      return { target: { type: found.integration, message: found.message.name, field: found.field.name }, definition: found.definition };
    default:
      return undefined;
  }
}

/** The outline, nested by the tree: at most `limit` symbols in all. */
export function flowSymbols(flowDoc: FlowDocument, limit = Infinity): DocumentSymbol[] {
  return documentOutline(flowDoc, limit);
}

export function flowCodeActions(flowDoc: FlowDocument, _range: Range, diagnostics: Diagnostic[], ctx: AnalysisContext): CodeAction[] {
  const actions = codeActionsFor(flowDoc, diagnostics, ctx);
  if (flowDoc.kind === 'pattern') for (const a of payloadCodeActions(flowDoc.document, diagnostics)) actions.push(a);
  return actions;
}
