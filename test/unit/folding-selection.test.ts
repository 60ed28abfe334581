// Folding ranges and Expand Selection in flows of both dialects, in payload code strings and in
// definitions: exact ranges, and answers (not exceptions) on broken and deeply nested input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FoldingRange, SelectionRange } from 'vscode-languageserver-types';
import { foldingRanges, selectionRanges } from '../../server/src/service/formatting/documentStructure';
import { parsedDocument } from '../../server/src/service/formatting/parsedDocument';
import { documentOf, withCursor } from '../support/documents';
import { FileKind } from '../support/formatting';
import { modelOf } from '../support/service';

function folds(text: string, kind: FileKind): [number, number, string][] {
  return foldingRanges(parsedDocument(modelOf(documentOf(text, kind)))).map((f: FoldingRange) => [f.startLine, f.endLine, f.kind ?? '']);
}

/** The texts Expand Selection selects in turn from the `|` cursor. */
function expansions(text: string, kind: FileKind): string[] {
  const { doc, position } = withCursor(text, kind);
  const [range] = selectionRanges(parsedDocument(modelOf(doc)), [position]);
  const texts: string[] = [];
  for (let r: SelectionRange | undefined = range; r !== undefined; r = r.parent) texts.push(doc.getText(r.range));
  return texts;
}

describe('folding ranges', () => {
  it('folds a 4.1 flow: comment blocks, When/Then sections, forms, discards', () => {
    const text = [
      ';; Abandoned calls:', // 0
      ';; two within the hour', // 1
      ';; When', // 2
      '(within 1 hours', // 3
      '  (count 2 (event)))', // 4
      '', // 5
      ';; Then', // 6
      '(seq', // 7
      '  (send twilio sms {:to-phone-number *p*', // 8
      '                    :message "hi"})', // 9
      '  #_(delay 5', // 10
      '           minutes)', // 11
      '  (delay 1 hours)', // 12
      '  )', // 13
      '', // 14
    ].join('\n');
    assert.deepEqual(folds(text, 'flow'), [
      [0, 1, 'comment'],
      [2, 4, 'region'],
      [3, 4, ''],
      [6, 13, 'region'],
      [7, 12, ''],
      [8, 9, ''],
      [10, 11, ''],
    ]);
  });

  it('folds 4.2 forms, sets and vectors over several lines', () => {
    const text = '(let [total (sum (all $cost))\n      vip #{"a"\n            "b"}]\n  (when (> total 5)\n    (perform echo message {})))\n';
    assert.deepEqual(folds(text, 'flow'), [
      [0, 4, ''],
      [1, 2, ''],
      [3, 4, ''],
    ]);
  });

  it('folds the JSON of definitions and payloads', () => {
    assert.deepEqual(folds('{\n  "type": "x",\n  "params": [\n    "a"\n  ]\n}\n', 'definition'), [
      [0, 4, 'object'],
      [2, 3, 'array'],
    ]);
    assert.deepEqual(folds('[\n  {\n    "code": "(seq\\n  (delay 5 minutes))"\n  }\n]\n', 'pattern'), [
      [0, 3, 'array'],
      [1, 2, 'object'],
    ]);
  });

  it('folds what it can of broken code, and a form nested 10,000 deep', () => {
    assert.deepEqual(folds('(seq\n  (delay 5 minutes)\n(send echo message {:message "x\n', 'flow'), []);
    const deep = folds(`${'(seq\n'.repeat(10_000)}${')'.repeat(10_000)}\n`, 'flow');
    // The innermost form's closing bracket starts its line: nothing of it to fold.
    assert.equal(deep.length, 9_999);
    assert.deepEqual(deep[0], [0, 10_000, '']);
  });
});

describe('expand selection', () => {
  it('grows from a word to its map entry, the map, the send and the top-level form (4.1)', () => {
    assert.deepEqual(expansions('(seq\n  (send twilio sms {:to-phone-number *ph|one*\n                    :message "hi"}))\n(delay 5 minutes)', 'flow'), [
      '*phone*',
      ':to-phone-number *phone*',
      '{:to-phone-number *phone*\n                    :message "hi"}',
      '(send twilio sms {:to-phone-number *phone*\n                    :message "hi"})',
      '(seq\n  (send twilio sms {:to-phone-number *phone*\n                    :message "hi"}))',
    ]);
  });

  it('grows through a 4.2 binding vector, and takes a form the cursor stands before', () => {
    assert.deepEqual(expansions('(let [x |(sum (all $cost))]\n  (perform echo message {:message x}))', 'flow'), [
      '(sum (all $cost))',
      '[x (sum (all $cost))]',
      '(let [x (sum (all $cost))]\n  (perform echo message {:message x}))',
    ]);
  });

  it('starts from a comment, and answers an empty range between forms', () => {
    assert.deepEqual(expansions('(seq\n  ; wa|it here\n  (delay 5 minutes))', 'flow'), ['; wait here', '(seq\n  ; wait here\n  (delay 5 minutes))']);
    assert.deepEqual(expansions('(delay 5 minutes)\n|\n(delay 1 hours)', 'flow'), ['']);
  });

  it('grows in a payload string through the code, then the JSON around it', () => {
    assert.deepEqual(expansions('{"name": "p", "then": "(send echo message {:message \\"h|i\\"})"}', 'pattern'), [
      '\\"hi\\"',
      ':message \\"hi\\"',
      '{:message \\"hi\\"}',
      '(send echo message {:message \\"hi\\"})',
      '"(send echo message {:message \\"hi\\"})"',
      '"then": "(send echo message {:message \\"hi\\"})"',
      '"name": "p", "then": "(send echo message {:message \\"hi\\"})"',
      '{"name": "p", "then": "(send echo message {:message \\"hi\\"})"}',
    ]);
  });

  it('grows in a definition as the JSON service does', () => {
    assert.deepEqual(expansions('{"type": "x", "params": ["a|b", "c"]}', 'definition'), [
      'ab',
      '"ab"',
      '"ab",',
      '"ab", "c"',
      '["ab", "c"]',
      '"params": ["ab", "c"]',
      '"type": "x", "params": ["ab", "c"]',
      '{"type": "x", "params": ["ab", "c"]}',
    ]);
  });

  it('answers in JSON nested 10,000 deep: folds, and no selection beyond the cursor (the JSON parser would recurse)', () => {
    const text = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    assert.equal(folds(text, 'definition').length, 0);
    assert.deepEqual(expansions(`${'['.repeat(10_000)}|1${']'.repeat(10_000)}`, 'definition'), ['']);
    const lines = `${'[\n'.repeat(10_000)}1${'\n]'.repeat(10_000)}`;
    assert.equal(folds(lines, 'pattern').length, 10_000);
  });

  it('keeps the answer shallow in a form nested 10,000 deep: the innermost steps and the top-level form', () => {
    const text = `${'(seq '.repeat(10_000)}(delay |5 minutes)${')'.repeat(10_000)}`;
    const steps = expansions(text, 'flow');
    assert.equal(steps.length, 200);
    assert.equal(steps[0], '5');
    assert.equal(steps[1], '(delay 5 minutes)');
    assert.equal(steps[199], text.replace('|', ''));
  });
});
