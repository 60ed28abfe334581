// An analysis context over the built-in definitions, and helpers to apply the edits that flow
// completion and quick fixes return, for tests of the flow editing features.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { AnalysisContext, analysisContext } from '../../server/src/service/analysisContext';
import { loadBuiltinDefinitions } from '../../server/src/service/definitions/builtin';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { defaultSettings } from '../../server/src/service/settings';

export function builtinContext(): AnalysisContext {
  const index = new DefinitionIndex();
  index.setBuiltins(loadBuiltinDefinitions());
  return analysisContext(index, 'file:///workspace/flow.cxflow', defaultSettings);
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
