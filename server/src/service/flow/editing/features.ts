// Editing features of flow and pattern documents, as the language service calls them: each finds
// the flow region under the position in the cached document and answers from its tree.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CompletionItem, Diagnostic, DocumentHighlight, DocumentSymbol, Hover, Location, Position, Range } from 'vscode-languageserver-types';
import { AnalysisContext } from '../../analysisContext';
import { codeActionsFor } from './codeActions';
import { completeInRegion } from './completion';
import { hoverInRegion } from './hover';
import { FlowDocument, FlowRegion, getFlowDocument, regionAt } from '../index';
import { regionDialect } from '../analysis/dialect';
import { Grammar, grammarOf } from '../analysis/grammar/grammar';
import { variableDefinition, variableHighlights, variableReferences } from './variableTargets';
import { FlowReferenceTarget, definitionInRegion, documentSymbols, referencesInDocument } from './navigation';
import { payloadCodeActions } from './payloadFixes';

/** The region under a document offset, with the grammar of the dialect it is read as. */
function regionWithGrammar(flowDoc: FlowDocument, offset: number, ctx: AnalysisContext): { region: FlowRegion; grammar: Grammar } | undefined {
  const region = regionAt(flowDoc, offset);
  return region === undefined ? undefined : { region, grammar: grammarOf(regionDialect(region, ctx.settings.flow.dialect).version) };
}

export function completeFlow(doc: TextDocument, position: Position, ctx: AnalysisContext, options: { snippets: boolean }): CompletionItem[] {
  const offset = doc.offsetAt(position);
  const at = regionWithGrammar(getFlowDocument(doc), offset, ctx);
  return at === undefined ? [] : completeInRegion(at.region, at.region.toRegionOffset(offset), ctx, options, at.grammar);
}

export function hoverFlow(doc: TextDocument, position: Position, ctx: AnalysisContext): Hover | null {
  const offset = doc.offsetAt(position);
  const at = regionWithGrammar(getFlowDocument(doc), offset, ctx);
  return at === undefined ? null : hoverInRegion(at.region, at.region.toRegionOffset(offset), ctx, at.grammar);
}

/** The definition of an integration, message type or field; in 4.2 code, also the binding of a variable. */
export function flowDefinition(doc: TextDocument, position: Position, ctx: AnalysisContext): Location[] {
  const offset = doc.offsetAt(position);
  const at = regionWithGrammar(getFlowDocument(doc), offset, ctx);
  if (at === undefined) return [];
  const regionOffset = at.region.toRegionOffset(offset);
  const found = definitionInRegion(at.region, regionOffset, ctx);
  return found.length > 0 || at.grammar.dialect !== '4.2' ? found : variableDefinition(at.region, regionOffset, doc.uri);
}

/** The region under a position when it is read as 4.2 (variables are 4.2's), and the offset in it. */
function region42At(doc: TextDocument, position: Position, ctx: AnalysisContext): { region: FlowRegion; offset: number } | undefined {
  const offset = doc.offsetAt(position);
  const at = regionWithGrammar(getFlowDocument(doc), offset, ctx);
  return at === undefined || at.grammar.dialect !== '4.2' ? undefined : { region: at.region, offset: at.region.toRegionOffset(offset) };
}

/** References of the 4.2 variable under a position: its reads, and its binding when `withBinding`. */
export function flowVariableReferences(doc: TextDocument, position: Position, ctx: AnalysisContext, withBinding: boolean): Location[] {
  const at = region42At(doc, position, ctx);
  return at === undefined ? [] : variableReferences(at.region, at.offset, doc.uri, withBinding);
}

export function flowHighlights(doc: TextDocument, position: Position, ctx: AnalysisContext): DocumentHighlight[] {
  const at = region42At(doc, position, ctx);
  return at === undefined ? [] : variableHighlights(at.region, at.offset);
}

/**
 * Uses of an integration, message type or field in one flow document. The caller decides which
 * documents mean the same definition (`ctx` is accepted for that symmetry; names decide here).
 */
export function flowReferences(doc: TextDocument, target: FlowReferenceTarget, _ctx: AnalysisContext): Location[] {
  return referencesInDocument(getFlowDocument(doc), target);
}

export function flowSymbols(doc: TextDocument, ctx: AnalysisContext): DocumentSymbol[] {
  const flowDoc = getFlowDocument(doc);
  return documentSymbols(flowDoc, (region) => regionDialect(region, ctx.settings.flow.dialect).version);
}

export function flowCodeActions(doc: TextDocument, _range: Range, diagnostics: Diagnostic[], ctx: AnalysisContext): CodeAction[] {
  const flowDoc = getFlowDocument(doc);
  const actions = codeActionsFor(flowDoc, diagnostics, ctx);
  if (flowDoc.kind === 'pattern') for (const a of payloadCodeActions(doc, diagnostics)) actions.push(a);
  return actions;
}
