// Analysis contexts over the built-in definitions (and the crm fixture), the diagnostics of a flow
// text, and helpers to apply the edits that flow completion, quick fixes and the send form return.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CompletionItem, Diagnostic, Position, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import assert from 'node:assert/strict';
import { sendFormEdit } from '../../server/src/service/previews';
import { AnalysisContext, analysisContext } from '../../server/src/service/analysisContext';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { checkFlowDocument } from '../../server/src/service/flow';
import { DialectSetting } from '../../server/src/service/flow/analysis/dialect';
import { defaultSettings } from '../../server/src/service/settings';
import { crmIndex } from './definitions';
import { documentOf } from './documents';
import { builtinDefinitions, readFlow } from './service';

/** A context over the built-in definitions; `dialect`, the `cxengage.flow.dialect` setting. */
export function builtinContext(dialect: DialectSetting = 'auto'): AnalysisContext {
  const index = new DefinitionIndex();
  index.setBuiltins(builtinDefinitions());
  return analysisContext(index, 'file:///workspace/flow.cxflow', { ...defaultSettings, flow: { dialect } });
}

const crmWorkspace = crmIndex();

/** `text` as a `.cxflow` document, and its diagnostics against the built-in definitions and the crm fixture. */
export function diagnoseFlow(text: string): { diagnostics: Diagnostic[]; doc: TextDocument } {
  const doc = documentOf(text, 'flow');
  return { diagnostics: checkFlowDocument(readFlow(doc), analysisContext(crmWorkspace, doc.uri, defaultSettings)), doc };
}

/** The document text after a completion item's text edit. */
export function applyItem(doc: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit;
  if (edit === undefined || !('range' in edit)) throw new Error(`item ${item.label} has no text edit`);
  return TextDocument.applyEdits(doc, [edit]);
}

/** The completion item labelled `label` (the test fails naming the labels there are when none is). */
export function itemLabelled(items: readonly CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${items.map((i) => i.label).join(', ')}`);
  return found;
}

/** The document text after Apply of the send form at `position` with `values`. */
export function applySendForm(doc: TextDocument, position: Position, values: Record<string, string>, ctx: AnalysisContext): string {
  const { edit, reason } = sendFormEdit(readFlow(doc), position, values, ctx);
  assert.ok(edit?.documentChanges, `an edit, not: ${reason}`);
  const [change] = edit.documentChanges as TextDocumentEdit[];
  return TextDocument.applyEdits(doc, change.edits as TextEdit[]);
}

/** The document text after a code action's edit. */
export function applyAction(doc: TextDocument, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[doc.uri] ?? [];
  return TextDocument.applyEdits(doc, edits);
}
