// The two readers of JSON string literals under pattern payloads: the unescaping with its offset map
// (every escape, the hex digits' bounds, broken and cut-off escapes, literals not at offset 0), and
// the scan for strings broken over lines (what may follow the closing quote, escapes, line ends).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findBrokenStrings, withBreaksBlanked } from '../../server/src/service/flow/embedding/brokenStrings';
import { unescapeJsonString } from '../../server/src/service/flow/embedding/jsonString';

function unescaped(text: string, start = 0, end = text.length): [string, number[]] {
  const { code, offsets } = unescapeJsonString(text, start, end);
  return [code, [...offsets]];
}

describe('JSON strings: unescaping with an offset map', () => {
  it('each escape stands for its character, the offset of the backslash mapping to it', () => {
    const cases: [string, string, number[]][] = [
      ['"\\t\\r\\b\\f\\/"', '\t\r\b\f/', [1, 3, 5, 7, 9, 11]],
      ['"a\\nb\\\\"', 'a\nb\\', [1, 2, 4, 5, 7]],
      ['"\\"x\\""', '"x"', [1, 3, 4, 6]],
      // The hex digits at the bounds of each range: 0 9, A F, a f.
      ['"\\u0909"', '\u0909', [1, 7]],
      ['"\\uAFaf!"', '\uafaf!', [1, 7, 8]],
      ['"\\uFA9f"', '\ufa9f', [1, 7]],
    ];
    for (const [text, code, offsets] of cases) {
      assert.equal(code, JSON.parse(text), text);
      assert.deepEqual(unescaped(text), [code, offsets], text);
    }
  });

  it('a \\u escape broken by a character next to a hex range keeps its text as written', () => {
    // `/` `:` `@` `G` `` ` `` `g` border the digit ranges; each ends the escape after two digits.
    for (const c of ['/', ':', '@', 'G', '`', 'g']) {
      const text = `"\\u00${c}0"`;
      assert.deepEqual(unescaped(text), [`u00${c}0`, [1, 3, 4, 5, 6, 7]], text);
    }
    // Cut short by the closing quote, and by the end of an unterminated literal.
    assert.deepEqual(unescaped('"\\u0"'), ['u0', [1, 3, 4]]);
    assert.deepEqual(unescaped('"\\u12'), ['u12', [1, 3, 4, 5]]);
  });

  it('an escape cut off by the end of the literal is a plain backslash', () => {
    assert.deepEqual(unescaped('"ab\\'), ['ab\\', [1, 2, 3, 4]]);
    assert.deepEqual(unescaped('"ab\\"'), ['ab\\', [1, 2, 3, 4]]);
    assert.deepEqual(unescaped('"x\\q"'), ['xq', [1, 2, 4]]);
  });

  it('empty and one-quote literals, and a literal inside a longer text', () => {
    assert.deepEqual(unescaped('""'), ['', [1]]);
    assert.deepEqual(unescaped('"'), ['', [1]]);
    assert.deepEqual(unescaped('x"', 1, 2), ['', [2]]);
    assert.deepEqual(unescaped('xx"a\\nb"yy', 2, 8), ['a\nb', [3, 4, 6, 7]]);
    assert.deepEqual(unescaped('{"code": "(a\\tb)"}', 9, 17), ['(a\tb)', [10, 11, 12, 14, 15, 16]]);
  });
});

describe('broken strings: what may follow the closing quote', () => {
  const spans = (text: string) => findBrokenStrings(text).map((s) => [s.start, s.end, s.breaks.map((b) => [b.offset, b.length])]);

  it('a string closed across a break counts when `,` `}` `]` `:` or the end follows, past any blanks', () => {
    for (const after of [',', '}', ']', ':', '', ' \t\r\n,', '   ']) {
      const text = `"a\nb"${after}`;
      assert.deepEqual(spans(text), [[0, 5, [[2, 1]]]], JSON.stringify(text));
    }
  });

  it('any other character after it: the string lacked its quote, and the scan goes on from that quote', () => {
    assert.deepEqual(spans('"a\nb" x'), []);
    assert.deepEqual(spans('"a\nb"x,'), []);
    // The quote closing nothing opens `" "`, so the next quote opens nothing but `",`.
    assert.deepEqual(spans('"a\nb" "c\nd",'), []);
  });

  it('an escaped line break is no raw break; a string without breaks is passed over whole', () => {
    assert.deepEqual(spans('["a\\\nb", "c\nd"]'), [[9, 14, [[11, 1]]]]);
    assert.deepEqual(spans('["x", "y\r\nz"]'), [[6, 12, [[8, 2]]]]);
    assert.deepEqual(spans('"\r"'), [[0, 3, [[1, 1]]]]);
    assert.deepEqual(spans('"a\n\nb",'), [[0, 6, [[2, 1], [3, 1]]]]);
    assert.deepEqual(spans('"a\nb'), []);
  });

  it('blanks each break in place, two spaces for `\\r\\n`, and leaves a text without broken strings as it is', () => {
    const text = '{"a": "x\r\ny", "b": "p\nq\nr"}';
    assert.equal(withBreaksBlanked(text, findBrokenStrings(text)), '{"a": "x  y", "b": "p q r"}');
    assert.equal(withBreaksBlanked('{"a": 1}', []), '{"a": 1}');
  });
});
