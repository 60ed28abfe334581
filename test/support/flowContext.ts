// Analysis contexts over the built-in definitions (and the crm fixture), the diagnostics of a flow
// text, and helpers to apply the edits that flow completion and quick fixes return.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CompletionItem, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { AnalysisContext, analysisContext } from '../../server/src/service/analysisContext';
import { loadBuiltinDefinitions } from '../../server/src/service/definitions/builtin';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { checkFlowDocument } from '../../server/src/service/flow';
import { DialectSetting } from '../../server/src/service/flow/analysis/dialect';
import { defaultSettings } from '../../server/src/service/settings';
import { crmIndex } from './definitions';
import { documentOf } from './documents';

/** A context over the built-in definitions; `dialect`, the `cxengage.flow.dialect` setting. */
export function builtinContext(dialect: DialectSetting = 'auto'): AnalysisContext {
  const index = new DefinitionIndex();
  index.setBuiltins(loadBuiltinDefinitions());
  return analysisContext(index, 'file:///workspace/flow.cxflow', { ...defaultSettings, flow: { dialect } });
}

const crmWorkspace = crmIndex();

/** `text` as a `.cxflow` document, and its diagnostics against the built-in definitions and the crm fixture. */
export function diagnoseFlow(text: string): { diagnostics: Diagnostic[]; doc: TextDocument } {
  const doc = documentOf(text, 'flow');
  return { diagnostics: checkFlowDocument(doc, analysisContext(crmWorkspace, doc.uri, defaultSettings)), doc };
}

/** The document text after a completion item's text edit. */
export function applyItem(doc: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit;
  if (edit === undefined || !('range' in edit)) throw new Error(`item ${item.label} has no text edit`);
  return TextDocument.applyEdits(doc, [edit]);
}

/** The document text after a code action's edit. */
export function applyAction(doc: TextDocument, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[doc.uri] ?? [];
  return TextDocument.applyEdits(doc, edits);
}
