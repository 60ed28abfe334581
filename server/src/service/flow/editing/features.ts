// Editing features of flow and pattern documents, as the language service calls them: each finds
// the flow region under the position in the cached document and answers from its tree.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, Location, Position, Range } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { codeActionsFor } from './codeActions';
import { completeInRegion } from './completion';
import { hoverInRegion } from './hover';
import { FlowDocument, FlowRegion, getFlowDocument, regionAt } from '../index';
import { regionDialect } from '../analysis/dialect';
import { FlowReferenceTarget, definitionInRegion, documentSymbols, referencesInDocument } from './navigation';
import { payloadCodeActions } from './payloadFixes';

/**
 * The region under a document offset when it is read as 4.1. These features know the 4.1 language
 * only; in 4.2 code they would offer and explain 4.1 forms, so they stay silent there until 4.2
 * has its own (the grammar tables and `cursorSlot` take a dialect's grammar already).
 */
function region41At(flowDoc: FlowDocument, offset: number, ctx: AnalysisContext): FlowRegion | undefined {
  const region = regionAt(flowDoc, offset);
  return region !== undefined && regionDialect(region, ctx.settings.flow.dialect).version === '4.1' ? region : undefined;
}

export function completeFlow(doc: TextDocument, position: Position, ctx: AnalysisContext, options: { snippets: boolean }): CompletionItem[] {
  const offset = doc.offsetAt(position);
  const region = region41At(getFlowDocument(doc), offset, ctx);
  return region === undefined ? [] : completeInRegion(region, region.toRegionOffset(offset), ctx, options);
}

export function hoverFlow(doc: TextDocument, position: Position, ctx: AnalysisContext): Hover | null {
  const offset = doc.offsetAt(position);
  const region = region41At(getFlowDocument(doc), offset, ctx);
  return region === undefined ? null : hoverInRegion(region, region.toRegionOffset(offset), ctx);
}

export function flowDefinition(doc: TextDocument, position: Position, ctx: AnalysisContext): Location[] {
  const offset = doc.offsetAt(position);
  const region = region41At(getFlowDocument(doc), offset, ctx);
  return region === undefined ? [] : definitionInRegion(region, region.toRegionOffset(offset), ctx);
}

/**
 * Uses of an integration, message type or field in one flow document. The caller decides which
 * documents mean the same definition (`ctx` is accepted for that symmetry; names decide here).
 */
export function flowReferences(doc: TextDocument, target: FlowReferenceTarget, _ctx: AnalysisContext): Location[] {
  return referencesInDocument(getFlowDocument(doc), target);
}

export function flowSymbols(doc: TextDocument): DocumentSymbol[] {
  return documentSymbols(getFlowDocument(doc));
}

export function flowCodeActions(doc: TextDocument, _range: Range, diagnostics: Diagnostic[], ctx: AnalysisContext): CodeAction[] {
  const flowDoc = getFlowDocument(doc);
  const actions = codeActionsFor(flowDoc, diagnostics, ctx);
  if (flowDoc.kind === 'pattern') for (const a of payloadCodeActions(doc, diagnostics)) actions.push(a);
  return actions;
}
