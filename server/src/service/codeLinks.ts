// Where each diagnostic code is explained: one section of docs/codes.md in the repository, linked
// from every diagnostic (`codeDescription.href`) and from the SARIF rules (`helpUri`).
import { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticCode, isDiagnosticCode } from './codes';

/** The repository, as package.json's `repository.url` names it. */
export const repositoryUrl = 'https://github.com/cxengage/cxengage-language-tools';

/** The page with one section per code, each anchored by the code itself. */
export const codesPage = `${repositoryUrl}/blob/main/docs/codes.md`;

export function codeHref(code: DiagnosticCode): string {
  return `${codesPage}#${code}`;
}

/** The diagnostic with its code's page, when its code is one of ours and it has none yet. */
export function withCodeDescription(diagnostic: Diagnostic): Diagnostic {
  const code = diagnostic.code;
  if (typeof code !== 'string' || !isDiagnosticCode(code) || diagnostic.codeDescription !== undefined) return diagnostic;
  return { ...diagnostic, codeDescription: { href: codeHref(code) } };
}
