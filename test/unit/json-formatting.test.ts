// JSON layout of definitions and templates: the `"key" : value` spacing (whole file and in a range,
// only after keys), the file's own line breaks, what the scanner cannot read; and the parse that
// formatting, folding and selection take of each kind of document, guarded or not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatDocument } from '../../server/src/service/formatting/documentFormatting';
import { foldingRanges, selectionRanges } from '../../server/src/service/formatting/documentStructure';
import { hasUnreadableToken, JsonLayout } from '../../server/src/service/formatting/jsonFormatting';
import { parsedDocument } from '../../server/src/service/formatting/parsedDocument';
import { defaultSettings } from '../../server/src/service/settings';
import { compactRange, documentOf } from '../support/documents';
import { compactJson, editorOptions, formatted } from '../support/formatting';
import { modelOf } from '../support/service';

const spaced: JsonLayout = { keySpacing: 'spaced', keepLines: false };
const caret = (character: number) => ({ start: { line: 0, character }, end: { line: 0, character } });

describe('JSON layout', () => {
  it('writes the file’s own line breaks', () => {
    assert.equal(formatted('{"a":1,\r\n"b":[2,3]}', 'definition').text, '{\r\n  "a": 1,\r\n  "b": [\r\n    2,\r\n    3\r\n  ]\r\n}');
    assert.equal(formatted('{"a":1,\r"b":2}', 'definition').text, '{\r  "a": 1,\r  "b": 2\r}');
    assert.equal(formatted('{"a":1,\n"b":2}', 'template').text, '{\n  "a": 1,\n  "b": 2\n}');
    assert.equal(formatted('{"a":1,\r\n"b":[2,3]}', 'definition', { json: spaced }).text, '{\r\n  "a" : 1,\r\n  "b" : [\r\n    2,\r\n    3\r\n  ]\r\n}');
  });

  it('puts one space before the colon of every key, and nowhere else', () => {
    assert.equal(formatted('{"a" : "x", "b"\n:["c", "d"], "e":{"f":1}}', 'definition', { json: spaced }).text, '{\n  "a" : "x",\n  "b" : [\n    "c",\n    "d"\n  ],\n  "e" : {\n    "f" : 1\n  }\n}');
    assert.equal(formatted('{"a" /*c*/: 1}', 'definition', { json: spaced }).text, '{\n  "a" /*c*/: 1\n}');
  });

  it('spaces only the colons a range holds', () => {
    const text = '{"a":1, "b":2, "c":3}';
    const cases: [number, number, string][] = [
      [8, 13, '{"a":1, "b" : 2, "c":3}'],
      [11, 11, '{"a":1, "b" :2, "c":3}'],
      [12, 12, text],
      [10, 10, text],
    ];
    for (const [start, end, expected] of cases) {
      const range = { start: caret(start).start, end: caret(end).end };
      assert.equal(formatted(text, 'definition', { json: spaced, range }).text, expected, `${start}-${end}`);
    }
  });

  it('finds the tokens the scanner cannot read', () => {
    const cases: [string, boolean][] = [
      ['{"a": 1}', false],
      ['', false],
      ['{"a": @}', true],
      ['{"a": "b', true],
      ['{"a": "b\nc"}', true],
      ['{"a": "\\q"}', true],
    ];
    for (const [text, unreadable] of cases) assert.equal(hasUnreadableToken(text), unreadable, text);
  });
});

describe('the parse each kind of document gives its layout features', () => {
  const request = { options: editorOptions, json: compactJson };
  it('gives a file of another kind no layout, no folds and the caret as its selection', () => {
    const doc = TextDocument.create('file:///workspace/notes.txt', 'plaintext', 1, '{"a":1}');
    const parsed = parsedDocument(modelOf(doc));
    assert.equal(parsed.kind, 'other');
    assert.equal(parsed.json(), undefined);
    assert.deepEqual(parsed.regions, []);
    assert.deepEqual(formatDocument(parsed, request), { edits: [] });
    assert.deepEqual(foldingRanges(parsed), []);
    assert.deepEqual(selectionRanges(parsed, [caret(2).start]).map((s) => compactRange(s.range)), [[0, 2, 0, 2]]);
  });

  it('reads the JSON of a template and of a definition, and none of a guarded one', () => {
    const small = { ...defaultSettings, maxFileSize: 10 };
    for (const kind of ['template', 'definition'] as const) {
      const doc = documentOf('{"id": "TM1", "template": "x"}', kind);
      const read = parsedDocument(modelOf(doc));
      assert.equal(read.kind, kind);
      assert.equal(read.json()?.root?.type, 'object', kind);
      assert.deepEqual(selectionRanges(read, [caret(2).start]).map((s) => compactRange(s.range)), [[0, 2, 0, 4]], kind);
      const guarded = parsedDocument(modelOf(doc, small));
      assert.equal(guarded.kind, kind);
      assert.equal(guarded.json(), undefined, kind);
      assert.deepEqual(selectionRanges(guarded, [caret(2).start]).map((s) => compactRange(s.range)), [[0, 2, 0, 2]], kind);
    }
  });
});
