// What every answer keeps to: lone surrogates replaced, positions clamped into the document and off
// the middle of a surrogate pair, and ranges widened to whole characters (the same range object
// when nothing moved), at the edges of the high and low surrogate blocks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clampPosition, hasSurrogates, wholeCharacters, wholeRange } from '../../server/src/service/documents/textSafety';
import { CompactRange, compactRange } from '../support/documents';

const docOf = (text: string) => TextDocument.create('file:///workspace/a.cxflow', 'cxengage-flow', 1, text);
const at = (line: number, character: number) => ({ line, character });

describe('text safety', () => {
  it('tells text with surrogates from text without, at the edges of their block', () => {
    assert.deepEqual(['\ud7ff', '\ue000', 'plain', '\ud800', '\udfff', 'a😀'].map(hasSurrogates), [false, false, false, true, true, true]);
  });

  it('replaces lone surrogates and keeps whole pairs', () => {
    const plain = 'no pairs here';
    assert.equal(wholeCharacters(plain), plain);
    const cases: [string, string][] = [
      ['a😀b', 'a😀b'],
      ['\udbff\udfff', '\udbff\udfff'],
      ['a\ud800b', 'a\ufffdb'],
      ['a\udc00b', 'a\ufffdb'],
      ['end\ud800', 'end\ufffd'],
      ['\udfff\ud800', '\ufffd\ufffd'],
    ];
    for (const [text, expected] of cases) assert.equal(wholeCharacters(text), expected, JSON.stringify(text));
  });

  it('clamps a position into the document and off the middle of a pair', () => {
    const clamp = (text: string, line: number, character: number) => {
      const p = clampPosition(docOf(text), at(line, character));
      return [p.line, p.character];
    };
    // Pairs at both edges of the blocks: D800 DC00 and DBFF DFFF.
    assert.deepEqual(clamp('x\ud800\udc00y', 0, 2), [0, 1]);
    assert.deepEqual(clamp('x\udbff\udfffy', 0, 2), [0, 1]);
    // Not pairs: a high surrogate before a non-surrogate, a low one before a low one.
    assert.deepEqual(clamp('x\ud800\ue000y', 0, 2), [0, 2]);
    assert.deepEqual(clamp('x\udc00\udc00y', 0, 2), [0, 2]);
    assert.deepEqual(clamp('x\ue000\udc00y', 0, 2), [0, 2]);
    // Before the first character and after the last: no pair to split.
    assert.deepEqual(clamp('😀', 0, 0), [0, 0]);
    assert.deepEqual(clamp('😀', 0, 2), [0, 2]);
    assert.deepEqual(clamp('ab\ncd', -1, 1), [0, 1]);
    assert.deepEqual(clamp('ab\ncd', 1.7, Number.NaN), [1, 0]);
    assert.deepEqual(clamp('ab\ncd', 1, 99), [1, 2]);
    assert.deepEqual(clamp('ab\ncd', Number.POSITIVE_INFINITY, 1), [0, 1]);
  });

  it('widens a range to whole characters, and gives the same range back when nothing moved', () => {
    const widen = (text: string, range: CompactRange) => compactRange(wholeRange(docOf(text), { start: at(range[0], range[1]), end: at(range[2], range[3]) }));
    // a 😀 b 😀 c: the pairs at 1-2 and 4-5.
    assert.deepEqual(widen('a😀b😀c', [0, 2, 0, 5]), [0, 1, 0, 6]);
    assert.deepEqual(widen('a😀b😀c', [0, 2, 0, 3]), [0, 1, 0, 3]);
    assert.deepEqual(widen('a😀b😀c', [0, 3, 0, 5]), [0, 3, 0, 6]);
    // An end before the start is the start.
    assert.deepEqual(widen('a😀b😀c', [0, 3, 0, 1]), [0, 3, 0, 3]);
    // A position past the end is clamped: here only its line changes.
    assert.deepEqual(widen('ab\n', [0, 0, 5, 0]), [0, 0, 1, 0]);
    assert.deepEqual(widen('ab\ncd', [0, 5, 1, 1]), [0, 2, 1, 1]);
    const range = { start: at(0, 1), end: at(0, 3) };
    assert.equal(wholeRange(docOf('a😀b😀c'), range), range);
  });
});
