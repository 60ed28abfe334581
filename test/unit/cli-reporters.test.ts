// The three output formats of cxengage-lint, every field of each, from diagnostics of every level.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as Sarif from 'sarif';
import { Diagnostic, DiagnosticSeverity, MarkupKind } from 'vscode-languageserver-types';
import { codeSummaries, defaultSeverity, DiagnosticCode } from '../../server/src/service/codes';
import { FileResult, formatJson, formatSarif, formatText, summarise } from '../../server/src/cli/reporters';

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

const diag = (code: string, severity: DiagnosticSeverity | undefined, message: Diagnostic['message'], r = range(0, 0, 0, 1)): Diagnostic => ({
  range: r,
  message,
  code,
  source: 'cxengage',
  ...(severity === undefined ? {} : { severity }),
});

const results: FileResult[] = [
  {
    path: 'flows/main flow.cxflow',
    diagnostics: [
      diag('unknown-field', DiagnosticSeverity.Warning, 'field one', range(2, 4, 2, 11)),
      diag('arity', DiagnosticSeverity.Error, 'arity two', range(0, 0, 1, 3)),
      diag('too-many-problems', DiagnosticSeverity.Information, { kind: MarkupKind.Markdown, value: 'three *more*' }, range(5, 1, 5, 2)),
    ],
  },
  { path: 'defs/a.integration.json', diagnostics: [] },
  {
    path: 'defs/b.integration.json',
    diagnostics: [diag('param-without-form', DiagnosticSeverity.Hint, 'hint four', range(9, 0, 9, 5)), diag('not-a-code', undefined, 'no level')],
  },
];

describe('cxengage-lint reporters', () => {
  it('text: one line per diagnostic, 1-based line and column, the level and code', () => {
    assert.equal(
      formatText(results),
      [
        'flows/main flow.cxflow:3:5 warning unknown-field field one',
        'flows/main flow.cxflow:1:1 error arity arity two',
        'flows/main flow.cxflow:6:2 information too-many-problems three *more*',
        'defs/b.integration.json:10:1 hint param-without-form hint four',
        'defs/b.integration.json:1:1 error not-a-code no level',
      ].join('\n'),
    );
    assert.equal(formatText([]), '');
  });

  it('summary counts files and each level; a diagnostic without a level is an error', () => {
    assert.deepEqual(summarise(results), { files: 3, errors: 2, warnings: 1, information: 1, hints: 1 });
    assert.deepEqual(summarise([]), { files: 0, errors: 0, warnings: 0, information: 0, hints: 0 });
    const levels = [DiagnosticSeverity.Information, DiagnosticSeverity.Hint, DiagnosticSeverity.Hint].map((s) => diag('arity', s, 'x'));
    assert.deepEqual(summarise([{ path: 'a.cxflow', diagnostics: levels }]), { files: 1, errors: 0, warnings: 0, information: 1, hints: 2 });
  });

  it('JSON: the summary, then each file with its diagnostics, the range as LSP and the 1-based start', () => {
    const summary = summarise(results);
    const text = formatJson(results, summary);
    assert.ok(text.startsWith('{\n  "summary": {\n    "files": 3,'), 'indented by two spaces');
    assert.deepEqual(JSON.parse(text), {
      summary,
      files: [
        {
          path: 'flows/main flow.cxflow',
          diagnostics: [
            { code: 'unknown-field', severity: 'warning', message: 'field one', range: range(2, 4, 2, 11), line: 3, column: 5 },
            { code: 'arity', severity: 'error', message: 'arity two', range: range(0, 0, 1, 3), line: 1, column: 1 },
            { code: 'too-many-problems', severity: 'information', message: 'three *more*', range: range(5, 1, 5, 2), line: 6, column: 2 },
          ],
        },
        { path: 'defs/a.integration.json', diagnostics: [] },
        {
          path: 'defs/b.integration.json',
          diagnostics: [
            { code: 'param-without-form', severity: 'hint', message: 'hint four', range: range(9, 0, 9, 5), line: 10, column: 1 },
            { code: 'not-a-code', severity: 'error', message: 'no level', range: range(0, 0, 0, 1), line: 1, column: 1 },
          ],
        },
      ],
    });
  });

  it('SARIF: one rule per code with its default level, results with 1-based regions and the rule index', () => {
    const text = formatSarif(results, 'file:///work/repo', '1.2.3');
    assert.ok(text.startsWith('{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",'), 'indented by two spaces');
    const log = JSON.parse(text) as Sarif.Log;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    const codes = Object.keys(codeSummaries) as DiagnosticCode[];
    const levelOf = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    assert.deepEqual(run.tool, {
      driver: {
        name: 'cxengage-lint',
        version: '1.2.3',
        rules: codes.map((code) => ({
          id: code,
          name: code,
          shortDescription: { text: codeSummaries[code] },
          helpUri: `https://github.com/cxengage/cxengage-language-tools/blob/main/docs/codes.md#${code}`,
          defaultConfiguration: { level: levelOf[defaultSeverity[code]] },
        })),
      },
    });
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/repo/' } });
    const location = (uri: string, startLine: number, startColumn: number, endLine: number, endColumn: number) => [
      { physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine, startColumn, endLine, endColumn } } },
    ];
    assert.deepEqual(run.results, [
      { ruleId: 'unknown-field', ruleIndex: codes.indexOf('unknown-field'), level: 'warning', message: { text: 'field one' }, locations: location('flows/main%20flow.cxflow', 3, 5, 3, 12) },
      { ruleId: 'arity', ruleIndex: codes.indexOf('arity'), level: 'error', message: { text: 'arity two' }, locations: location('flows/main%20flow.cxflow', 1, 1, 2, 4) },
      {
        ruleId: 'too-many-problems',
        ruleIndex: codes.indexOf('too-many-problems'),
        level: 'note',
        message: { text: 'three *more*' },
        locations: location('flows/main%20flow.cxflow', 6, 2, 6, 3),
      },
      {
        ruleId: 'param-without-form',
        ruleIndex: codes.indexOf('param-without-form'),
        level: 'note',
        message: { text: 'hint four' },
        locations: location('defs/b.integration.json', 10, 1, 10, 6),
      },
      { ruleId: 'not-a-code', level: 'error', message: { text: 'no level' }, locations: location('defs/b.integration.json', 1, 1, 1, 2) },
    ]);
  });

  it('SARIF: a base URI that already ends in a slash is kept as it is', () => {
    const log = JSON.parse(formatSarif([], 'file:///work/repo/', '0.1.0')) as Sarif.Log;
    assert.deepEqual(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/repo/' } });
    assert.deepEqual(log.runs[0].results, []);
  });
});
