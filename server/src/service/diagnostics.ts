// Building diagnostics with the house source/code, and applying the user's severity overrides.
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { DiagnosticCode, Severity, SeveritySetting, defaultSeverity } from './codes';
import { Settings } from './settings';

export const diagnosticSource = 'cxengage';

const lspSeverity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Extra data a quick fix needs, carried on the diagnostic so the code action need not re-analyse. */
export type DiagnosticData = Record<string, unknown>;

export function makeDiagnostic(
  code: DiagnosticCode,
  range: Range,
  message: string,
  data?: DiagnosticData,
  severity: Severity = defaultSeverity[code],
): Diagnostic {
  const diagnostic: Diagnostic = { range, message, severity: lspSeverity[severity], code, source: diagnosticSource };
  if (data !== undefined) diagnostic.data = data;
  return diagnostic;
}

/** Re-grades diagnostics by `cxengage.diagnostics.severity`; `off` drops them. */
export function applySeverityOverrides(diagnostics: Diagnostic[], settings: Settings): Diagnostic[] {
  const overrides = settings.severity;
  if (Object.keys(overrides).length === 0) return diagnostics;
  const result: Diagnostic[] = [];
  for (const d of diagnostics) {
    const override: SeveritySetting | undefined = overrides[d.code as DiagnosticCode];
    if (override === undefined) result.push(d);
    else if (override !== 'off') result.push({ ...d, severity: lspSeverity[override] });
  }
  return result;
}

export function codeOf(diagnostic: Diagnostic): string | undefined {
  return diagnostic.source === diagnosticSource && typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
}

/** A diagnostic's message as plain text (LSP 3.18 allows markup there too). */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
