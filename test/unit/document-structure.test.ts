// Formatting notes, range formatting at the edges of a payload's code, indentation on Enter by file
// kind, and folding and Expand Selection with their limits and across JSON and flow code, pinned.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, SelectionRange } from 'vscode-languageserver-types';
import { guardedNote, indentNewLine } from '../../server/src/service/formatting/documentFormatting';
import { foldingRanges, selectionRanges } from '../../server/src/service/formatting/documentStructure';
import { parsedDocument, ParsedDocument } from '../../server/src/service/formatting/parsedDocument';
import { compactRange, documentOf } from '../support/documents';
import { FileKind, formatted } from '../support/formatting';
import { modelOf } from '../support/service';

const parsed = (text: string, kind: FileKind): ParsedDocument => parsedDocument(modelOf(documentOf(text, kind)));

describe('what formatting says it left as written', () => {
  const deep = '('.repeat(1002) + ')'.repeat(1002);
  it('counts the forms left, in the singular and the plural, for each reason', () => {
    const cases: [string, string | undefined][] = [
      ['(seq (delay 1 days))\n', undefined],
      ['(a (b]\n', '1 top-level form with syntax errors was left as written; fix the errors to format it'],
      ['(a (b]\n(c (d]\n', '2 top-level forms with syntax errors were left as written; fix the errors to format them'],
      [`${deep}\n`, '1 top-level form nested more than 1000 levels deep was left as written'],
      [`${deep}\n${deep}\n(a (b]\n`, '1 top-level form with syntax errors was left as written; fix the errors to format it; 2 top-level forms nested more than 1000 levels deep were left as written'],
      [`${deep}\n(a (b]\n(c (d]\n`, '2 top-level forms with syntax errors were left as written; fix the errors to format them; 1 top-level form nested more than 1000 levels deep was left as written'],
    ];
    for (const [text, note] of cases) assert.equal(formatted(text, 'flow').result.note, note, text.slice(0, 20));
  });

  it('gives a guard’s own reason, else the nesting one', () => {
    const note = (message: string | { kind: 'markdown'; value: string }) => guardedNote({ message: message as string, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning });
    assert.equal(note('File not analysed: it is larger than 1 MB'), 'The file was left as written: it is larger than 1 MB');
    assert.equal(note('File not analysed: line one\nline two'), 'The file was left as written: line one\nline two');
    assert.equal(note({ kind: 'markdown', value: 'File not analysed: md' }), 'The file was left as written: md');
    assert.equal(note('Before. File not analysed: x'), 'The file was left as written: its JSON nests more than 256 levels deep');
  });

  it('formats a template file as JSON', () => {
    const { text, result } = formatted('{"id":"TM1","template":"x"}', 'template');
    assert.equal(text, '{\n  "id": "TM1",\n  "template": "x"\n}');
    assert.equal(result.note, undefined);
  });
});

describe('range formatting at the edges of a payload’s code', () => {
  const payload = '{"name": "p", "status": true, "when": "(event (= a 1))",\n "then": "(seq\\n(delay 1 days))"}';
  it('formats a code string whole when the range touches its code, and leaves it otherwise', () => {
    const indented = payload.replace('\\n(delay', '\\n  (delay');
    const cases: [number, string][] = [
      [8, payload],
      [9, payload],
      [10, indented],
      [20, indented],
      [31, indented],
      [32, payload],
    ];
    for (const [character, expected] of cases) {
      const at = { line: 1, character };
      assert.equal(formatted(payload, 'pattern', { range: { start: at, end: at } }).text, expected, String(character));
    }
  });
});

describe('indentation on Enter', () => {
  it('indents a new line of a .cxflow file as the formatter would, over spaces and tabs', () => {
    const cases: [string, { line: number; character: number }, [number, number, number, number, string][]][] = [
      ['(seq\n(a)\n', { line: 1, character: 0 }, [[1, 0, 1, 0, '  ']]],
      ['(seq\n  \t(a)\n', { line: 1, character: 0 }, [[1, 0, 1, 3, '  ']]],
      ['(seq\n \t \t', { line: 1, character: 4 }, [[1, 0, 1, 4, '  ']]],
      ['(seq\n  (a)\n', { line: 1, character: 0 }, []],
      ['(seq\n   ', { line: 1, character: 3 }, [[1, 0, 1, 3, '  ']]],
    ];
    for (const [text, position, edits] of cases) {
      const doc = documentOf(text, 'flow');
      assert.deepEqual(indentNewLine(doc, 'flow', position).map((e) => [...compactRange(e.range), e.newText]), edits, JSON.stringify(text));
    }
  });

  it('writes nothing in a payload', () => {
    assert.deepEqual(indentNewLine(documentOf('(seq\n(a)\n', 'pattern'), 'pattern', { line: 1, character: 0 }), []);
  });
});

describe('folding with a limit', () => {
  const lines = (ranges: { startLine: number; endLine: number }[]) => ranges.map((r) => [r.startLine, r.endLine]);
  it('keeps the first ranges of a flow, and the outer ones of a JSON file, up to the limit', () => {
    const flow = '(seq\n  (a\n    1)\n  (b\n    2))\n(c\n 3)\n';
    assert.deepEqual(lines(foldingRanges(parsed(flow, 'flow'))), [
      [0, 4],
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    assert.deepEqual(lines(foldingRanges(parsed(flow, 'flow'), 2)), [
      [0, 4],
      [1, 2],
    ]);
    const json = '{\n "id": "TM1",\n "x": [\n 1,\n 2\n ],\n "template": {\n "a": 1\n }\n}';
    assert.deepEqual(lines(foldingRanges(parsed(json, 'template'))), [
      [0, 8],
      [2, 4],
      [6, 7],
    ]);
    assert.deepEqual(lines(foldingRanges(parsed(json, 'template'), 1)), [[0, 8]]);
    assert.deepEqual(lines(foldingRanges(parsed(json, 'definition'), 2)), [
      [0, 8],
      [2, 4],
    ]);
  });
});

describe('Expand Selection across a payload’s code and its JSON', () => {
  const chain = (s: SelectionRange | undefined) => {
    const out: [number, number][] = [];
    for (let r = s; r !== undefined; r = r.parent) out.push([r.range.start.character, r.range.end.character]);
    return out;
  };
  it('goes from the flow forms out to the code string, its property and the object, each range once', () => {
    const payload = '{"name": "p", "when": "(event (= a 1))", "then": "(seq (delay 1 days))"}';
    const doc = parsed(payload, 'pattern');
    const outer: [number, number][] = [
      [14, 39],
      [14, 40],
      [1, 71],
      [0, 72],
    ];
    const cases: [number, [number, number][]][] = [
      [22, [[22, 39], ...outer]],
      [23, [[23, 38], [22, 39], ...outer]],
      [30, [[30, 37], [23, 38], [22, 39], ...outer]],
      [38, [[23, 38], [22, 39], ...outer]],
      [39, [[22, 39], ...outer]],
      [40, [[1, 71], [0, 72]]],
      [2, [[2, 6], [1, 7], [1, 12], [1, 13], [1, 71], [0, 72]]],
      [56, [[56, 61], [55, 69], [50, 70], [49, 71], [41, 71], [1, 71], [0, 72]]],
    ];
    for (const [character, expected] of cases) assert.deepEqual(chain(selectionRanges(doc, [{ line: 0, character }])[0]), expected, String(character));
  });
});
