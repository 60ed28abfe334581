// How a flow check merges its code's problems with the file's own diagnostics (a pattern file's
// JSON problems) and stops at a limit: in document order, a file diagnostic first where both start
// at one place, the first `limit` and one more placed, every one counted, codes turned off left out.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver-types';
import { makeDiagnostic } from '../../server/src/service/diagnostics';
import { checkFlowDocumentWithin } from '../../server/src/service/flow/index';
import { FormAnalyses } from '../../server/src/service/flow/analysis/formProblems';
import { documentOf } from '../support/documents';
import { builtinContext } from '../support/flowContext';
import { readFlow } from '../support/service';

const text = ';; Then\n(send nope a {})\n(send nope b {})\n(send nope c {})\n';
const at = (line: number, character: number, message: string, code: 'schema' | 'json-syntax' = 'json-syntax'): Diagnostic =>
  makeDiagnostic(code, { start: { line, character }, end: { line, character: character + 1 } }, message);
// Given out of order: the check puts them in document order.
const more = [at(5, 0, 'D'), at(2, 10, 'C'), at(0, 0, 'A'), at(2, 6, 'B'), at(1, 0, 'off', 'schema')];

/** Each placed diagnostic as `line:character name` (the file's by message, the code's by code), and the total. */
function merged(limit: number, severity: Record<string, 'off' | 'error'> = { schema: 'off' }): [string[], number] {
  const ctx = builtinContext();
  const check = checkFlowDocumentWithin(readFlow(documentOf(text, 'flow')), { ...ctx, settings: { ...ctx.settings, severity } }, new FormAnalyses(), limit, more);
  const shown = check.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code === 'unknown-integration' ? 'nope' : d.message}`);
  return [shown, check.total];
}

const all = ['0:0 A', '1:6 nope', '2:6 B', '2:6 nope', '2:10 C', '3:6 nope', '5:0 D'];

describe('merging a flow check with the file diagnostics', () => {
  it('puts them in document order, the file one first at a shared start', () => {
    assert.deepEqual(merged(Infinity), [all, 7]);
  });

  it('places the first `limit` and one more, and counts them all', () => {
    for (let limit = 0; limit <= 7; limit++) assert.deepEqual(merged(limit), [all.slice(0, limit + 1), 7], `limit ${limit}`);
  });

  it('leaves out the codes the settings turn off', () => {
    assert.deepEqual(merged(Infinity, {}), [['0:0 A', '1:0 off', '1:6 nope', '2:6 B', '2:6 nope', '2:10 C', '3:6 nope', '5:0 D'], 8]);
    assert.deepEqual(merged(Infinity, { schema: 'off', 'json-syntax': 'off' }), [['1:6 nope', '2:6 nope', '3:6 nope'], 3]);
  });
});
