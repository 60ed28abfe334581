// Which forms a selection or a caret picks for "Wrap in (...)", pinned at every edge of nested
// lists, a vector and a string; and no wrap for a selection that runs out of a payload's code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectedForms, wrapActions } from '../../server/src/service/actions/wrapForms';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

describe('the forms a selection picks', () => {
  it('picks the innermost list a caret is in, the run a selection touches, or a list whose operator it takes', () => {
    const text = '(seq (a 1) (b [2 3]) "s") (c)';
    const region = readFlow(documentOf(text, 'flow')).regions[0];
    const seq = '(seq (a 1) (b [2 3]) "s")';
    const cases: [number, number, string[]][] = [
      [0, 0, [seq]],
      [1, 1, [seq]],
      [4, 4, [seq]],
      [5, 5, ['(a 1)']],
      [6, 6, ['(a 1)']],
      [9, 9, ['(a 1)']],
      [10, 10, [seq]],
      [11, 11, ['(b [2 3])']],
      [14, 14, ['[2 3]']],
      [15, 15, ['[2 3]']],
      [18, 18, ['[2 3]']],
      [19, 19, ['(b [2 3])']],
      [20, 20, [seq]],
      [24, 24, [seq]],
      [25, 25, [seq]],
      [26, 26, ['(c)']],
      [29, 29, ['(c)']],
      [30, 30, []],
      [1, 4, [seq]],
      [2, 3, [seq]],
      [5, 10, ['(a 1)']],
      [5, 11, ['(a 1)']],
      [6, 8, ['(a 1)']],
      [9, 12, ['(a 1)', '(b [2 3])']],
      [10, 11, [seq]],
      [12, 13, ['(b [2 3])']],
      [15, 19, ['[2 3]']],
      [16, 17, ['[2 3]']],
      [21, 24, ['"s"']],
      [22, 23, ['"s"']],
      [0, 25, [seq]],
      [0, 29, [seq, '(c)']],
    ];
    for (const [start, end, expected] of cases) {
      assert.deepEqual(selectedForms(region, start, end).map((n) => text.slice(n.start, n.end)), expected, `${start}-${end}`);
    }
  });

  it('offers no wrap for a selection that runs out of a payload’s code', () => {
    const payload = readFlow(documentOf('{"name": "p", "then": "(seq (a) (b))"}', 'pattern'));
    const titles = (start: number, end: number) => wrapActions(payload, { start: { line: 0, character: start }, end: { line: 0, character: end } }, 'auto').map((a) => a.title);
    assert.deepEqual(titles(27, 30), ['Wrap in (seq ...)', 'Wrap in (par ...)']);
    assert.deepEqual(titles(27, 36), ['Wrap in (seq ...)', 'Wrap in (par ...)']);
    assert.deepEqual(titles(27, 37), []);
    assert.deepEqual(titles(20, 30), []);
  });
});
