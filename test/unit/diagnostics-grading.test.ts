// Diagnostics as the service builds and grades them: data only when given, the level a finding was
// made with kept unless the user overrides its code, our codes told from other sources', and the
// cap per file that adds its notice only past the limit.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver-types';
import { applySeverityOverrides, capDiagnostics, codeOf, makeDiagnostic } from '../../server/src/service/diagnostics';
import { normaliseSettings } from '../../server/src/service/settings';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 3 } });

describe('diagnostics: building and grading', () => {
  it('carries data only when given', () => {
    assert.deepEqual(Object.keys(makeDiagnostic('unknown-unit', range(0), 'm')), ['range', 'message', 'severity', 'code', 'source']);
    assert.deepEqual(makeDiagnostic('unknown-unit', range(0), 'm', { unit: 'x' }).data, { unit: 'x' });
  });

  it('keeps the level a diagnostic was made with unless its own code is overridden', () => {
    const settings = normaliseSettings({ diagnostics: { severity: { 'unknown-unit': 'hint', 'unknown-message': 'off' } } });
    const found = [
      makeDiagnostic('duplicate-type', range(0), 'a', undefined, 'information'),
      makeDiagnostic('unknown-unit', range(1), 'b', undefined, 'warning'),
      makeDiagnostic('unknown-message', range(2), 'c'),
    ];
    assert.deepEqual(
      applySeverityOverrides(found, settings).map((d) => [d.code, d.severity]),
      [
        ['duplicate-type', 3],
        ['unknown-unit', 4],
      ],
    );
  });

  it('tells our codes from other sources\' and from numbers', () => {
    const ours = makeDiagnostic('unknown-unit', range(0), 'm');
    const other: Diagnostic = { ...ours, source: 'json' };
    const numbered: Diagnostic = { ...ours, code: 5 };
    assert.deepEqual([codeOf(ours), codeOf(other), codeOf(numbered)], ['unknown-unit', undefined, undefined]);
  });

  it('adds the too-many notice only past the cap', () => {
    const settings = normaliseSettings({ diagnostics: { maxPerFile: 2 } });
    const two = [makeDiagnostic('unknown-unit', range(0), 'a'), makeDiagnostic('unknown-unit', range(1), 'b')];
    assert.equal(capDiagnostics(two, settings), two);
    const three = [...two, makeDiagnostic('unknown-unit', range(2), 'c')];
    assert.deepEqual(
      capDiagnostics(three, settings).map((d) => [d.code, d.range.start.line, d.message]),
      [
        ['unknown-unit', 0, 'a'],
        ['unknown-unit', 1, 'b'],
        ['too-many-problems', 2, '1 more problem from here on is not shown: cxengage.diagnostics.maxPerFile is 2'],
      ],
    );
  });
});
