// Editing features of flow and pattern documents, as the language service calls them: each finds
// the flow region under the position in the document's model and answers from its tree, in the
// dialect the region is read as.
import { CodeAction, CompletionItem, Diagnostic, DocumentHighlight, DocumentSymbol, Hover, InlayHint, Location, Position, Range, SignatureHelp } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { codeActionsFor } from './codeActions';
import { completeInRegion } from './completion';
import { hoverInRegion } from './hover';
import { FlowDocument, FlowRegion, regionAt } from '../index';
import { DialectSetting, regionDialect } from '../analysis/dialect';
import { Grammar, grammarOf } from '../analysis/grammar/grammar';
import { variableDefinition, variableReferences } from './variableTargets';
import { highlightsInRegion } from './highlights';
import { FlowReferenceTarget, definitionInRegion, referencesInDocument } from './navigation';
import { documentOutline } from './outline';
import { targetAt } from './targets';
import { Definition } from '../../definitions/model';
import { payloadCodeActions } from './payloadFixes';
import { completeTemplate, hoverTemplate, templateDefinition } from './templateRefs';
import { flowSemanticTokens } from './semanticTokens';
import { signatureHelpInRegion } from './signatureHelp';
import { flowInlayHints as inlayHintsIn } from './inlayHints';

/** The region under a document offset, with the grammar of the dialect it is read as. */
function regionWithGrammar(flowDoc: FlowDocument, offset: number, ctx: AnalysisContext): { region: FlowRegion; grammar: Grammar } | undefined {
  const region = regionAt(flowDoc, offset);
  return region === undefined ? undefined : { region, grammar: grammarOf(regionDialect(region, ctx.settings.flow.dialect).version) };
}

export function completeFlow(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext, options: { snippets: boolean }): CompletionItem[] {
  const offset = flowDoc.document.offsetAt(position);
  const at = regionWithGrammar(flowDoc, offset, ctx);
  if (at === undefined) return [];
  const regionOffset = at.region.toRegionOffset(offset);
  return completeTemplate(at.region, regionOffset, ctx, at.grammar.dialect) ?? completeInRegion(at.region, regionOffset, ctx, options, at.grammar);
}

export function hoverFlow(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext): Hover | null {
  const offset = flowDoc.document.offsetAt(position);
  const at = regionWithGrammar(flowDoc, offset, ctx);
  if (at === undefined) return null;
  const regionOffset = at.region.toRegionOffset(offset);
  return hoverTemplate(at.region, regionOffset, ctx, at.grammar.dialect) ?? hoverInRegion(at.region, regionOffset, ctx, at.grammar);
}

/** The definition of an integration, message type or field; in 4.2 code, also the binding of a variable. */
export function flowDefinition(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext): Location[] {
  const offset = flowDoc.document.offsetAt(position);
  const at = regionWithGrammar(flowDoc, offset, ctx);
  if (at === undefined) return [];
  const regionOffset = at.region.toRegionOffset(offset);
  const template = templateDefinition(at.region, regionOffset, ctx);
  if (template.length > 0) return template;
  const found = definitionInRegion(at.region, regionOffset, ctx);
  return found.length > 0 || at.grammar.dialect !== '4.2' ? found : variableDefinition(at.region, regionOffset, flowDoc.uri);
}

/** The region under a position when it is read as 4.2 (variables are 4.2's), and the offset in it. */
function region42At(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext): { region: FlowRegion; offset: number } | undefined {
  const offset = flowDoc.document.offsetAt(position);
  const at = regionWithGrammar(flowDoc, offset, ctx);
  return at === undefined || at.grammar.dialect !== '4.2' ? undefined : { region: at.region, offset: at.region.toRegionOffset(offset) };
}

/** References of the 4.2 variable under a position: its reads, and its binding when `withBinding`. */
export function flowVariableReferences(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext, withBinding: boolean): Location[] {
  const at = region42At(flowDoc, position, ctx);
  return at === undefined ? [] : variableReferences(at.region, at.offset, flowDoc.uri, withBinding);
}

/** The uses in the document of the integration, message or field under a position; in 4.2 code, also of a variable. */
export function flowHighlights(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext): DocumentHighlight[] {
  const offset = flowDoc.document.offsetAt(position);
  const at = regionWithGrammar(flowDoc, offset, ctx);
  return at === undefined ? [] : highlightsInRegion(flowDoc, at.region, at.region.toRegionOffset(offset), at.grammar.dialect === '4.2');
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
  const at = regionWithGrammar(flowDoc, offset, ctx);
  const found = at && targetAt(at.region, at.region.toRegionOffset(offset), ctx, at.grammar);
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

/** The outline, nested by the tree, each region in its dialect (`setting`: cxengage.flow.dialect), at most `limit` symbols in all. */
export function flowSymbols(flowDoc: FlowDocument, setting: DialectSetting, limit = Infinity): DocumentSymbol[] {
  return documentOutline(flowDoc, (region) => regionDialect(region, setting).version, limit);
}

export function flowCodeActions(flowDoc: FlowDocument, _range: Range, diagnostics: Diagnostic[], ctx: AnalysisContext): CodeAction[] {
  const actions = codeActionsFor(flowDoc, diagnostics, ctx);
  if (flowDoc.kind === 'pattern') for (const a of payloadCodeActions(flowDoc.document, diagnostics)) actions.push(a);
  return actions;
}

/** Semantic tokens of the document, or of the document offsets `from`..`to` (see semanticTokens.ts). */
export function flowTokens(flowDoc: FlowDocument, ctx: AnalysisContext, from?: number, to?: number): number[] {
  return flowSemanticTokens(flowDoc, ctx, from, to);
}

export function flowSignatureHelp(flowDoc: FlowDocument, position: Position, ctx: AnalysisContext): SignatureHelp | null {
  const offset = flowDoc.document.offsetAt(position);
  const region = regionAt(flowDoc, offset);
  return region === undefined ? null : signatureHelpInRegion(region, region.toRegionOffset(offset), ctx);
}

/** Inlay hints of the interactions in a range, of the kinds the settings turn on. */
export function flowInlayHints(flowDoc: FlowDocument, range: Range, ctx: AnalysisContext): InlayHint[] {
  const doc = flowDoc.document;
  return inlayHintsIn(flowDoc, ctx, ctx.settings.inlayHints, doc.offsetAt(range.start), doc.offsetAt(range.end));
}
