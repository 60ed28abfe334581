// The problems list of a preview: diagnostics in document order, their words, level and code as
// the Problems panel shows them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { formProblems } from '../../server/src/service/previews';

const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 1 } });

describe('the problems of a preview', () => {
  it('lists diagnostics in document order with their words, level and code', () => {
    const diagnostics: Diagnostic[] = [
      { range: at(2, 1), message: 'third', severity: DiagnosticSeverity.Hint, code: 7 },
      { range: at(0, 9), message: { kind: 'markdown', value: 'second' } as unknown as string, severity: DiagnosticSeverity.Information },
      { range: at(0, 3), message: 'first', code: 'unknown-field' },
      { range: at(1, 0), message: 'fourth', severity: DiagnosticSeverity.Warning, code: 'schema' },
    ];
    assert.deepEqual(formProblems(diagnostics), [
      { message: 'first', severity: 'error', range: at(0, 3), code: 'unknown-field' },
      { message: 'second', severity: 'information', range: at(0, 9) },
      { message: 'fourth', severity: 'warning', range: at(1, 0), code: 'schema' },
      { message: 'third', severity: 'hint', range: at(2, 1), code: '7' },
    ]);
    assert.equal(diagnostics[0].message, 'third', 'the diagnostics given stay in their order');
  });
});
