// Suppression comments read on their own: the line each silences (after `\n`, `\r\n` or `\r`, none
// after the last line), the codes it names, what is no directive, and the lookup of a problem
// among many comments.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FlowProblem } from '../../server/src/service/flow/analysis/problems';
import { isSuppressed, suppressions, unsuppressed } from '../../server/src/service/flow/analysis/suppression';
import { readFlow } from '../../server/src/service/flow/syntax/reader';

function lines(text: string): [number, number, string[] | undefined][] {
  return suppressions(readFlow(text)).map((s) => [s.start, s.end, s.codes === undefined ? undefined : [...s.codes]]);
}

const problem = (code: FlowProblem['code'], start: number): FlowProblem => ({ code, start, end: start + 1, message: '' });

describe('suppression comments: the line after', () => {
  it('each line end, the codes named, and the lines that have none', () => {
    const cases: [string, [number, number, string[] | undefined][]][] = [
      ['; cxengage-disable-next-line a, b  c,d\n(x)\n', [[39, 42, ['a', 'b', 'c', 'd']]]],
      [';;; cxengage-disable-next-line\r\n(x y)\r\n', [[32, 37, undefined]]],
      ['; cxengage-disable-next-line arity\r(x)\r(y)', [[35, 38, ['arity']]]],
      ['; cxengage-disable-next-line   \n(x)', [[32, 35, undefined]]],
      ['(a) ;cxengage-disable-next-line\n(b)', [[32, 35, undefined]]],
      ['; cxengage-disable-next-line\n', [[29, 29, undefined]]],
      ['; cxengage-disable-next-line\n\n(x)', [[29, 29, undefined]]],
      ['; cxengage-disable-next-line', []],
      ['(x) ; cxengage-disable-next-line arity', []],
      ['; please cxengage-disable-next-line\n(x)', []],
      ['; cxengage-disable-next-lines\n(x)', []],
      ['; cxengage-disable-next-line,arity\n(x)', []],
      ['(x)\n; note\n(y)', []],
    ];
    for (const [text, expected] of cases) assert.deepEqual(lines(text), expected, JSON.stringify(text));
  });

  it('a problem is silenced when it starts on a silenced line and its code is named (or none is)', () => {
    const text = '; cxengage-disable-next-line\n(a)\n(b)\n; cxengage-disable-next-line arity\n(c)\n(d)\n; cxengage-disable-next-line unknown-unit\n(e)';
    const tree = readFlow(text);
    const list = suppressions(tree);
    const at = (s: string) => text.indexOf(s);
    const silenced = (code: FlowProblem['code'], s: string) => isSuppressed(problem(code, at(s)), list);
    assert.deepEqual(
      [
        silenced('arity', '; cxengage'),
        silenced('arity', '(a)'),
        silenced('arity', 'a)\n'),
        silenced('arity', ')\n(b)'),
        silenced('arity', '\n(b)'),
        silenced('arity', '(b)'),
        silenced('arity', '(c)'),
        silenced('unknown-unit', '(c)'),
        silenced('arity', '(d)'),
        silenced('unknown-unit', '(e)'),
        silenced('arity', '(e)'),
        silenced('unknown-unit', 'e)'),
      ],
      [false, true, true, true, true, false, true, false, false, true, false, true],
    );
    assert.deepEqual(
      unsuppressed([problem('arity', at('(a)')), problem('arity', at('(b)')), problem('unknown-unit', at('(e)'))], tree).map((p) => p.start),
      [at('(b)')],
    );
    const plain = [problem('arity', 0)];
    assert.equal(unsuppressed(plain, readFlow('(a)')), plain);
    assert.equal(isSuppressed(problem('arity', 0), []), false);
  });
});
