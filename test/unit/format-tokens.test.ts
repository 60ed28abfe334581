// The formatter's tokens of flow code in source order, with exact kinds and ranges: the opening
// token of a set and of a tag, zero-width closes of tagged literals and unclosed forms (first on a
// tie), and the `#_` and comments inside dropped forms merged in where they stand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tokensOf } from '../../server/src/service/flow/formatting/tokens';
import { readFlow } from '../../server/src/service/flow/syntax/reader';

const kindNames = ['Open', 'Close', 'Atom', 'Comment', 'Discard'];

function tokens(code: string): string[] {
  const list = tokensOf(readFlow(code));
  const out: string[] = [];
  for (let t = 0; t < list.length; t++) out.push(`${kindNames[list.kinds[t]]} ${list.starts[t]}-${list.ends[t]}`);
  return out;
}

describe('the formatter\'s tokens', () => {
  const cases: [string, string, string[]][] = [
    ['a set opens with `#{`, a tag with its name; tagged and unclosed forms close with no width', '#{1} #inst "y" (a (b', ['Open 0-2', 'Atom 2-3', 'Close 3-4', 'Open 5-10', 'Atom 11-14', 'Close 14-14', 'Open 15-16', 'Atom 16-17', 'Open 18-19', 'Atom 19-20', 'Close 20-20', 'Close 20-20']],
    ['a dropped tagged literal closes before the atom touching it', '(a #_#inst "x"b)', ['Open 0-1', 'Atom 1-2', 'Discard 3-5', 'Open 5-10', 'Atom 11-14', 'Close 14-14', 'Atom 14-15', 'Close 15-16']],
    ['a dropped tagged literal closes before the comment touching it', '#_#inst "x";c\n(a)', ['Discard 0-2', 'Open 2-7', 'Atom 8-11', 'Close 11-11', 'Comment 11-13', 'Open 14-15', 'Atom 15-16', 'Close 16-17']],
    ['a `#_` and a comment inside a dropped form', '#_(a #_b ;c\n d) e', ['Discard 0-2', 'Open 2-3', 'Atom 3-4', 'Discard 5-7', 'Atom 7-8', 'Comment 9-11', 'Atom 13-14', 'Close 14-15', 'Atom 16-17']],
    ['comments after the last dropped form', '#_a ;c\n;d', ['Discard 0-2', 'Atom 2-3', 'Comment 4-6', 'Comment 7-9']],
    ['a comment before a `#_` in a form', '(a ;c\n #_ b)', ['Open 0-1', 'Atom 1-2', 'Comment 3-5', 'Discard 7-9', 'Atom 10-11', 'Close 11-12']],
  ];
  for (const [name, code, expected] of cases) {
    it(name, () => assert.deepEqual(tokens(code), expected));
  }
});
