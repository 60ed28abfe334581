// The guards a document passes before it is read, on small inputs: its size in UTF-8 bytes (counted
// by Buffer under Node and by hand in a browser worker, the same either way), binary data in its
// first 8 KiB, and JSON nested past the limit (brackets inside strings and escaped quotes skipped).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { guardDocument, jsonNestingBeyond, maxJsonNesting } from '../../server/src/service/documents/guards';
import { DocumentKind } from '../../server/src/service/documentKind';
import { messages } from '../../server/src/service/codes';
import { CompactRange, compactRange, documentOf } from '../support/documents';

/** The guard's code, range and message for `text` as a document of `kind`, or undefined when it passes. */
function guard(text: string, kind: Exclude<DocumentKind, 'other'>, maxFileSize = 1_000_000): [string, CompactRange, string] | undefined {
  const found = guardDocument(documentOf(text, kind), kind, maxFileSize);
  return found === undefined ? undefined : [String(found.code), compactRange(found.range), String(found.message)];
}

/** `body` run with no global Buffer, as in a browser worker. */
function withoutBuffer<T>(body: () => T): T {
  const global = globalThis as { Buffer?: unknown };
  const saved = global.Buffer;
  global.Buffer = undefined;
  try {
    return body();
  } finally {
    global.Buffer = saved;
  }
}

const fileStart: CompactRange = [0, 0, 0, 0];

describe('document guards', () => {
  it('counts the size in UTF-8 bytes, with and without Buffer: 2, 3 and 4-byte characters, lone surrogates', () => {
    // a (1) é (2) € (3) 😀 (4, a surrogate pair) lone high (3) lone low (3) high at the end (3)
    const text = 'aé€😀\ud800x\udc00\ud800';
    const bytes = 1 + 2 + 3 + 4 + 3 + 1 + 3 + 3;
    assert.equal(Buffer.byteLength(text, 'utf8'), bytes);
    for (const count of [<T>(f: () => T) => f(), withoutBuffer]) {
      assert.equal(
        count(() => guard(text, 'flow', bytes)),
        undefined,
      );
      assert.deepEqual(
        count(() => guard(text, 'flow', bytes - 1)),
        ['file-too-large', fileStart, messages.fileTooLarge(bytes, bytes - 1)],
      );
    }
  });

  it('takes a NUL, or more than one control character in ten, in the first 8 KiB for binary data', () => {
    const binary = ['not-analysed', fileStart, messages.binaryFile()];
    assert.deepEqual(guard('(seq\0)', 'flow'), binary);
    assert.deepEqual(guard(`${'a'.repeat(8)}\x01`, 'flow'), binary);
    assert.equal(guard(`${'a'.repeat(9)}\x01`, 'flow'), undefined);
    assert.deepEqual(guard('\x0b\x1f'.repeat(5), 'definition'), binary);
    // Tabs, line ends and form feeds are text.
    assert.equal(guard('\t\n\r\f'.repeat(5), 'flow'), undefined);
    assert.equal(guard(`${'a'.repeat(8192)}\0`, 'flow'), undefined);
    assert.equal(guard('', 'flow'), undefined);
  });

  it('stops JSON documents nested past the limit at the bracket that goes past it; flows are not JSON', () => {
    const deep = `${'['.repeat(maxJsonNesting + 1)}`;
    const at: CompactRange = [0, maxJsonNesting, 0, maxJsonNesting + 1];
    assert.deepEqual(guard(deep, 'definition'), ['schema', at, messages.tooDeep(maxJsonNesting)]);
    assert.deepEqual(guard(deep, 'template'), ['schema', at, messages.tooDeep(maxJsonNesting)]);
    assert.deepEqual(guard(deep, 'pattern'), ['syntax', at, messages.patternTooDeep(maxJsonNesting)]);
    assert.equal(guard(deep, 'flow'), undefined);
    assert.equal(guard('['.repeat(maxJsonNesting), 'definition'), undefined);
  });

  it('finds the first bracket past the limit, skipping strings and their escaped quotes', () => {
    const cases: [string, number | undefined][] = [
      ['[[[', 2],
      ['{[{', 2],
      ['[][][][]', undefined],
      ['[[]][[]]', undefined],
      ['{}}}[[[', undefined],
      ['["[[[["]', undefined],
      ['{"a": "{{{{"}', undefined],
      ['["\\"[[[["]', undefined],
      ['["\\\\"[[', 6],
      ['["\\\\\\"[[["', undefined],
      ['["a\\\\" ["b" [', 12],
      ['"[[[', undefined],
      ['[ "x', undefined],
    ];
    for (const [text, expected] of cases) assert.equal(jsonNestingBeyond(text, 2), expected, text);
  });
});
