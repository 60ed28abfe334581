// The three output formats of cxengage-lint: text lines, JSON, and SARIF 2.1.0 for code scanning.
import type * as Sarif from 'sarif';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { codeSummaries, defaultSeverity, DiagnosticCode, isDiagnosticCode } from '../service/codes';
import { messageText } from '../service/diagnostics';
import { codeHref } from '../service/codeLinks';

export interface FileResult {
  /** Path as given to the user: relative to the current folder, with forward slashes. */
  path: string;
  diagnostics: Diagnostic[];
}

const severityName: Record<DiagnosticSeverity, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function severityOf(d: Diagnostic): string {
  return severityName[d.severity ?? DiagnosticSeverity.Error];
}

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      lines.push(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityOf(d)} ${String(d.code)} ${messageText(d)}`);
    }
  }
  return lines.join('\n');
}

export function formatJson(results: FileResult[], summary: Summary): string {
  return JSON.stringify(
    {
      summary,
      files: results.map((r) => ({
        path: r.path,
        diagnostics: r.diagnostics.map((d) => ({
          code: d.code,
          severity: severityOf(d),
          message: messageText(d),
          range: d.range,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
        })),
      })),
    },
    null,
    2,
  );
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

export function summarise(results: FileResult[]): Summary {
  const s: Summary = { files: results.length, errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const r of results) {
    for (const d of r.diagnostics) {
      const sev = d.severity ?? DiagnosticSeverity.Error;
      if (sev === DiagnosticSeverity.Error) s.errors++;
      else if (sev === DiagnosticSeverity.Warning) s.warnings++;
      else if (sev === DiagnosticSeverity.Information) s.information++;
      else s.hints++;
    }
  }
  return s;
}

const sarifLevel = (d: Diagnostic): Sarif.Result.level =>
  d.severity === DiagnosticSeverity.Error || d.severity === undefined ? 'error' : d.severity === DiagnosticSeverity.Warning ? 'warning' : 'note';

const defaultLevel = (code: DiagnosticCode): Sarif.ReportingConfiguration.level => {
  const s = defaultSeverity[code];
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
};

export function formatSarif(results: FileResult[], cwdUri: string, version: string): string {
  const codes = Object.keys(codeSummaries) as DiagnosticCode[];
  const rules: Sarif.ReportingDescriptor[] = codes.map((code) => ({
    id: code,
    name: code,
    shortDescription: { text: codeSummaries[code] },
    helpUri: codeHref(code),
    defaultConfiguration: { level: defaultLevel(code) },
  }));
  const sarifResults: Sarif.Result[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const code = String(d.code);
      sarifResults.push({
        ruleId: code,
        ...(isDiagnosticCode(code) ? { ruleIndex: codes.indexOf(code) } : {}),
        level: sarifLevel(d),
        message: { text: messageText(d) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(r.path), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cxengage-lint', version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: cwdUri.endsWith('/') ? cwdUri : `${cwdUri}/` } },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
