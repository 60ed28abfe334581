// Building diagnostics with the house source/code, and applying the user's severity overrides.
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { DiagnosticCode, Severity, SeveritySetting, defaultSeverity, messages } from './codes';
import { Settings } from './settings';

const diagnosticSource = 'cxengage';

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

/** The level of a code under `cxengage.diagnostics.severity`; undefined when it is `off`. */
export function severityFor(code: DiagnosticCode, settings: Settings): Severity | undefined {
  const override: SeveritySetting | undefined = settings.severity[code];
  if (override === undefined) return defaultSeverity[code];
  return override === 'off' ? undefined : override;
}

/** Re-grades diagnostics by `cxengage.diagnostics.severity`; `off` drops them. */
export function applySeverityOverrides(diagnostics: Diagnostic[], settings: Settings): Diagnostic[] {
  const overrides = settings.severity;
  if (Object.keys(overrides).length === 0) return diagnostics;
  const result: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (overrides[d.code as DiagnosticCode] === undefined) {
      result.push(d);
      continue;
    }
    const level = severityFor(d.code as DiagnosticCode, settings);
    if (level !== undefined) result.push({ ...d, severity: lspSeverity[level] });
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

/**
 * The first `max` diagnostics (in document order), and one information diagnostic where the rest
 * begin saying how many were left out: a file with a hundred thousand problems needs its first
 * ones fixed, not all of them sent. `total`: how many there are, when `diagnostics` holds only
 * the first ones (at least one past the cap).
 */
export function capDiagnostics(diagnostics: Diagnostic[], settings: Settings, total = diagnostics.length): Diagnostic[] {
  const max = settings.maxDiagnosticsPerFile;
  if (total <= max) return diagnostics;
  const kept = diagnostics.slice(0, max);
  const notice = makeDiagnostic('too-many-problems', diagnostics[max].range, messages.tooManyProblems(total - max, max));
  for (const d of applySeverityOverrides([notice], settings)) kept.push(d);
  return kept;
}

/** Sorts diagnostics into document order, in place (stable: equal starts keep their order). */
export function inDocumentOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
