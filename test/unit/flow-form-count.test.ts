// The form count that guards the reader against texts of millions of tiny forms, on small texts:
// brackets, words and strings count, closers, spaces, commas and comments do not, an escaped quote
// stays in its string, code in JSON strings takes quotes and backslashes for punctuation and `;`
// for a word, and counting stops once past the limit.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countForms } from '../../server/src/service/flow/syntax/formCount';

describe('counting forms before a read', () => {
  it('counts brackets, words and strings, in flow code and in JSON strings', () => {
    const cases: [string, number, boolean, number][] = [
      ['(send twilio sms {:a "b"})', 100, false, 7],
      ['"a\\"b" x', 100, false, 2],
      ['; comment (a b)\n(a)', 100, false, 2],
      ['a,b  c', 100, false, 3],
      ['(send \\"twilio\\" sms)', 100, true, 4],
      ['(send \\"twilio\\" sms)', 100, false, 4],
      ['a;b (c)', 100, true, 4],
      ['a;b (c)', 100, false, 1],
      ['"abc', 100, false, 1],
      ['', 5, false, 0],
      ['"a" "b"', 1, true, 2],
    ];
    for (const [text, limit, embedded, expected] of cases) assert.equal(countForms(text, limit, embedded), expected, `${JSON.stringify(text)} ${embedded}`);
  });

  it('stops once past the limit', () => {
    assert.deepEqual([countForms('(a)(a)(a)(a)', 3, false), countForms('(a)(a)(a)(a)', 100, false), countForms('[x]{y}', 0, false)], [4, 8, 1]);
  });
});
