// The JSON service's findings as our diagnostics, exactly: syntax errors (comments, trailing
// commas, duplicate keys, a broken stretch over lines) as one `json-syntax` each, schema findings
// as `schema` with did-you-mean data for string enums only, all in document order; and the
// findings inside a broken stretch left out as follow-ons of it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { makeDiagnostic } from '../../server/src/service/diagnostics';
import { jsonProblems, withoutFollowOns } from '../../server/src/service/jsonProblems';
import { jsonService } from '../../server/src/service/jsonService';
import { CompactRange, compactRange } from '../support/documents';

async function problems(text: string) {
  const doc = TextDocument.create('file:///workspace/problems.integration.json', 'json', 1, text);
  const found = await jsonProblems(doc, jsonService().parseJSONDocument(doc), 'definition');
  return found.map((d) => [d.code, d.severity, ...compactRange(d.range), d.message, d.data]);
}

const field = (type: string) => `{"type": "x", "endpoint": {"name": "x", "type": "x", "display": "X", "params": [], "sends": {"m": {"to": {"type": ${type}}}}}}`;
const typeAt = field('').length - 5;

describe('JSON problems of a definition', () => {
  it('says which enum value a string likely means, and carries them all', async () => {
    assert.deepEqual(await problems(field('"optinal"')), [
      ['schema', 1, 0, typeAt, 0, typeAt + 9, 'Value is not accepted. Valid values: "mandatory", "optional"; did you mean "optional"?', { value: 'optinal', suggestions: ['optional', 'mandatory'], likely: true }],
    ]);
  });

  it('gives a number outside a string enum no did-you-mean and no data', async () => {
    assert.deepEqual(await problems(field('5')), [
      ['schema', 1, 0, typeAt, 0, typeAt + 1, 'Incorrect type. Expected "string".', undefined],
      ['schema', 1, 0, typeAt, 0, typeAt + 1, 'Value is not accepted. Valid values: "mandatory", "optional".', undefined],
    ]);
  });

  it('reports comments and trailing commas as syntax errors, in document order with schema findings', async () => {
    assert.deepEqual(await problems('{"type": "x", /* c */ "endpoint": 5,}'), [
      ['json-syntax', 1, 0, 14, 0, 21, 'Invalid JSON: Comments are not permitted in JSON.', undefined],
      ['schema', 1, 0, 34, 0, 35, 'Incorrect type. Expected "object".', undefined],
      ['json-syntax', 1, 0, 35, 0, 36, 'Invalid JSON: Trailing comma', undefined],
    ]);
  });

  it('reports each duplicate key, and a broken stretch over lines once', async () => {
    assert.deepEqual(await problems('{"type": "x", "type": "y"}'), [
      ['json-syntax', 1, 0, 1, 0, 7, 'Invalid JSON: Duplicate object key', undefined],
      ['json-syntax', 1, 0, 14, 0, 20, 'Invalid JSON: Duplicate object key', undefined],
    ]);
    assert.deepEqual(await problems('{"type": 5,\n "endpoint": {"name": "x",\n @@ \n "type": "x"}}'), [
      ['schema', 1, 0, 9, 0, 10, 'Incorrect type. Expected "string".', undefined],
      ['schema', 1, 1, 1, 1, 11, 'Missing property "display".', undefined],
      ['schema', 1, 1, 1, 1, 11, 'Missing property "params".', undefined],
      ['schema', 1, 1, 1, 1, 11, 'Missing property "sends".', undefined],
      ['json-syntax', 1, 2, 1, 3, 7, 'Invalid JSON: Property keys must be doublequoted', undefined],
    ]);
  });
});

describe('findings that follow on from a syntax error', () => {
  const at = ([sl, sc, el, ec]: CompactRange) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
  const syntax = (range: CompactRange) => makeDiagnostic('json-syntax', at(range), 'Invalid JSON: x');
  const schema = (range: CompactRange) => makeDiagnostic('schema', at(range), 'x');
  const kept = (diagnostics: Diagnostic[]) => withoutFollowOns(diagnostics).map((d) => [d.code, ...compactRange(d.range)]);

  it('drops a finding inside a broken stretch over lines, keeps one touching it or past it', () => {
    assert.deepEqual(kept([schema([0, 0, 0, 4]), syntax([1, 2, 3, 7]), schema([2, 0, 2, 5]), schema([3, 7, 3, 9]), schema([4, 0, 4, 1])]), [
      ['schema', 0, 0, 0, 4],
      ['json-syntax', 1, 2, 3, 7],
      ['schema', 3, 7, 3, 9],
      ['schema', 4, 0, 4, 1],
    ]);
    assert.deepEqual(kept([schema([0, 5, 0, 10]), syntax([0, 10, 0, 20]), schema([0, 12, 0, 14]), syntax([1, 0, 1, 3]), schema([1, 1, 1, 2])]), [
      ['schema', 0, 5, 0, 10],
      ['json-syntax', 0, 10, 0, 20],
      ['json-syntax', 1, 0, 1, 3],
    ]);
  });
});
