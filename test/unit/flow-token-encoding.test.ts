// Semantic tokens as LSP encodes them (tokenEncoding.ts): the line table of every kind of line end,
// tokens placed relative to the one before, the ones left out (empty, spanning lines, out of order,
// outside the range asked for), and decoding back to absolute terms.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentTokens, decodeTokens, lineStarts } from '../../server/src/service/flow/editing/tokenEncoding';

const legend = { tokenTypes: ['a', 'b', 'c'], tokenModifiers: ['m0', 'm1', 'm2'] };

function encoded(text: string, tokens: [number, number, number, number][], from?: number, to?: number): number[] {
  const out = new DocumentTokens(text, from, to);
  for (const [start, end, type, modifiers] of tokens) out.push(start, end, type, modifiers);
  return out.data;
}

describe('semantic token encoding', () => {
  it('finds the line starts of \\n, \\r\\n and lone \\r line ends', () => {
    assert.deepEqual(lineStarts(''), [0]);
    assert.deepEqual(lineStarts('ab\ncd\n'), [0, 3, 6]);
    assert.deepEqual(lineStarts('\n\n'), [0, 1, 2]);
    assert.deepEqual(lineStarts('ab\r\ncd\ref\n\r'), [0, 4, 7, 10, 11]);
    assert.deepEqual(lineStarts('\r'), [0, 1]);
  });

  it('places tokens relative to the one before, on one line and across lines', () => {
    const text = 'abc def\nghi\n\njk';
    assert.deepEqual(
      encoded(text, [
        [0, 3, 1, 0],
        [4, 7, 2, 5],
        [8, 11, 0, 1],
        [13, 15, 1, 2],
      ]),
      [0, 0, 3, 1, 0, 0, 4, 3, 2, 5, 1, 0, 3, 0, 1, 2, 0, 2, 1, 2],
    );
  });

  it('counts lines the same way with \\r\\n and lone \\r line ends', () => {
    const tokens: [number, number, number, number][] = [
      [1, 2, 0, 0],
      [5, 7, 1, 0],
      [9, 10, 2, 0],
    ];
    assert.deepEqual(encoded('ab\r\n cd\rxy', tokens), [0, 1, 1, 0, 0, 1, 1, 2, 1, 0, 1, 1, 1, 2, 0]);
    assert.deepEqual(decodeTokens(encoded('ab\r\n cd\rxy', tokens), legend), [
      [0, 1, 1, 'a', []],
      [1, 1, 2, 'b', []],
      [2, 1, 1, 'c', []],
    ]);
  });

  it('leaves out empty tokens, tokens out of order and tokens that span a line end', () => {
    const text = 'ab cd\nef gh';
    assert.deepEqual(
      encoded(text, [
        [0, 0, 0, 0],
        [3, 5, 1, 0],
        [0, 2, 1, 0],
        [4, 7, 2, 0],
        [3, 4, 2, 0],
        [9, 11, 0, 0],
      ]),
      [0, 3, 2, 1, 0, 0, 0, 1, 2, 0, 1, 3, 2, 0, 0],
    );
  });

  it('keeps a token ending at the end of its line, drops one running into the line end', () => {
    assert.deepEqual(encoded('ab\ncd', [[0, 2, 0, 0]]), [0, 0, 2, 0, 0]);
    assert.deepEqual(encoded('ab\ncd', [[0, 3, 0, 0]]), []);
    assert.deepEqual(encoded('ab\r\ncd', [[0, 4, 0, 0]]), []);
    assert.deepEqual(encoded('ab\r\ncd', [[4, 6, 0, 0]]), [1, 0, 2, 0, 0]);
  });

  it('keeps only tokens touching the range asked for', () => {
    const tokens: [number, number, number, number][] = [
      [0, 2, 0, 0],
      [3, 5, 1, 0],
      [6, 8, 2, 0],
      [9, 11, 0, 0],
    ];
    assert.deepEqual(encoded('ab cd ef gh', tokens, 3, 8), [0, 3, 2, 1, 0, 0, 3, 2, 2, 0]);
    assert.deepEqual(encoded('ab cd ef gh', tokens, 2, 9), [0, 3, 2, 1, 0, 0, 3, 2, 2, 0]);
    assert.deepEqual(encoded('ab cd ef gh', tokens, 1, 10), [0, 0, 2, 0, 0, 0, 3, 2, 1, 0, 0, 3, 2, 2, 0, 0, 3, 2, 0, 0]);
  });

  it('decodes relative integers with a legend, modifiers bit by bit, ignoring a trailing partial token', () => {
    assert.deepEqual(decodeTokens([1, 2, 3, 0, 5, 0, 4, 1, 2, 2, 2, 1, 1, 1, 7, 0, 0], legend), [
      [1, 2, 3, 'a', ['m0', 'm2']],
      [1, 6, 1, 'c', ['m1']],
      [3, 1, 1, 'b', ['m0', 'm1', 'm2']],
    ]);
    assert.deepEqual(decodeTokens([], legend), []);
  });
});
