// Folding ranges of flow code, compared whole (a range without a kind has no `kind` property):
// comment runs after code and after markers, CR and indented lines, sections with blank lines at
// their end, discards with and without a form, unclosed forms and tagged literals.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FoldingRange } from 'vscode-languageserver-types';
import { foldingRanges } from '../../server/src/service/formatting/documentStructure';
import { parsedDocument } from '../../server/src/service/formatting/parsedDocument';
import { documentOf } from '../support/documents';
import { modelOf } from '../support/service';

const cases: [string, FoldingRange[]][] = [
  ["x ;c\n;d\n;e", [{ startLine: 1, endLine: 2, kind: 'comment' }]],
  [";a\r;b\r(f\rx)", [{ startLine: 0, endLine: 1, kind: 'comment' }, { startLine: 2, endLine: 3 }]],
  ["  ;a\n  ;b\n(f\n  x)", [{ startLine: 0, endLine: 1, kind: 'comment' }, { startLine: 2, endLine: 3 }]],
  [";a\n;b", [{ startLine: 0, endLine: 1, kind: 'comment' }]],
  ["(x) ;a\n;b\n;c", [{ startLine: 1, endLine: 2, kind: 'comment' }]],
  [";; When\n(a)\n;b\n;c", [{ startLine: 0, endLine: 3, kind: 'region' }, { startLine: 2, endLine: 3, kind: 'comment' }]],
  [";; When\n(a\n b)\n\n\n;; Then\n(c\n d)\n\n", [{ startLine: 0, endLine: 2, kind: 'region' }, { startLine: 1, endLine: 2 }, { startLine: 5, endLine: 7, kind: 'region' }, { startLine: 6, endLine: 7 }]],
  ["(a)\n#_", []],
  ["#_(a\n (b\n  c))", [{ startLine: 0, endLine: 2 }, { startLine: 1, endLine: 2 }]],
  ["(a\n b", []],
  ["#foo\n{:a 1\n :b 2}", [{ startLine: 1, endLine: 2 }]],
  [";; When\n\n;; Then\n(a\n)", [{ startLine: 2, endLine: 4, kind: 'region' }]],
  ["(a\n b\n )\n[c\n d]", [{ startLine: 0, endLine: 1 }, { startLine: 3, endLine: 4 }]],
];

describe('folding ranges of flows', () => {
  it('folds each flow exactly', () => {
    for (const [text, expected] of cases) assert.deepEqual(foldingRanges(parsedDocument(modelOf(documentOf(text, 'flow')))), expected, text);
  });
});
