// The code action kinds the server offers, beside the quick fixes: one constant per kind, and the
// rule by which a request's `only` list admits a kind.
import { CodeActionKind } from 'vscode-languageserver-types';

/** Every safe fix of a file in one edit (also run by `editor.codeActionsOnSave` and `cxengage-lint --fix`). */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.cxengage`;

/** What the server declares in `codeActionProvider.codeActionKinds`. */
export const providedKinds = [CodeActionKind.QuickFix, fixAllKind, CodeActionKind.RefactorRewrite, CodeActionKind.RefactorExtract];

/**
 * Whether a request asks for actions of `kind`: with no `only`, every kind but the source ones
 * (editors ask for those by name); else a kind listed or one under it (`source.fixAll` admits ours).
 */
export function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (only === undefined || only.length === 0) return !kind.startsWith(CodeActionKind.Source);
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}
