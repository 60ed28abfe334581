// The answer to a code action request: the quick fixes of the diagnostics given, Fix All of the
// document, and the refactorings of the selection, each only when the request's `only` wants it.
import { CodeAction, CodeActionKind, Diagnostic, Range } from 'vscode-languageserver-types';
import type { LanguageService } from '../languageService';
import { normaliseUri } from '../documents/uris';
import { fixAllAction } from './fixAll';
import { fixAllKind, wanted } from './kinds';
import { wrapActions } from './wrapForms';
import { conversionActions } from './patternPayload';

export interface CodeActionQuery {
  uri: string;
  range: Range;
  diagnostics: Diagnostic[];
  only?: string[];
  /** The client applies WorkspaceEdits that create files (`workspace.workspaceEdit.resourceOperations` has `create`). */
  createFiles: boolean;
  /** The user asked (Ctrl+.), rather than the editor looking for a light bulb as the cursor moves. */
  invoked: boolean;
}

export async function documentCodeActions(service: LanguageService, query: CodeActionQuery): Promise<CodeAction[]> {
  const source = service.workspace.opened(query.uri);
  if (source === undefined) return [];
  const actions: CodeAction[] = wanted(CodeActionKind.QuickFix, query.only) ? service.codeActions(query.uri, query.range, query.diagnostics) : [];
  if (wanted(fixAllKind, query.only)) {
    const fixAll = await fixAllAction(service, source);
    if (fixAll !== undefined) actions.push(fixAll);
  }
  // Refactorings apply anywhere: offered when asked for by kind or by the user, never as a light bulb on every line.
  const refactor = (kind: string) => (query.only !== undefined || query.invoked) && wanted(kind, query.only);
  const rewrite = refactor(CodeActionKind.RefactorRewrite);
  const extract = query.createFiles && refactor(CodeActionKind.RefactorExtract);
  const model = rewrite || extract ? service.openModel(query.uri) : undefined;
  if (model?.kind !== 'flow' && model?.kind !== 'pattern') return actions;
  const setting = service.contextFor(query.uri).settings.flow.dialect;
  if (rewrite) for (const a of wrapActions(model.flow, query.range, setting)) actions.push(a);
  if (extract) {
    const taken = (uri: string) => service.workspace.opened(uri) !== undefined || service.workspace.knownFiles('flow').some((f) => f.key === normaliseUri(uri));
    for (const a of conversionActions(model.flow, model.source.document.offsetAt(query.range.start), setting, taken)) actions.push(a);
  }
  return actions;
}
