// Formatting flow code, the edges of `formatFlowCode` with exact edits: reader errors that touch a
// form without being in it, the layout kept after a form left as written, a comment touching an
// atom, one leading space, a range ending where a gap begins, and forms nested past the limit;
// the layout helpers at the start of a text and before a comment.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeFormatResult, formatFlowCode, maxFormattedNesting } from '../../server/src/service/flow/formatting/formatCode';
import { layoutBetween, lineBreakOf } from '../../server/src/service/flow/formatting/layout';
import { TokenKind } from '../../server/src/service/flow/formatting/tokens';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import { format } from '../support/formatting';

function formatCode(code: string, range?: { start: number; end: number }): CodeFormatResult & { errors: number[][] } {
  const tree = readFlow(code);
  return { ...formatFlowCode(tree, { finalLineBreak: true, range }), errors: tree.errors.map((e) => [e.start, e.end]) };
}

describe('formatting flow code: exact edits at the edges', () => {
  it('formats a form a reader error only touches, before or after it', () => {
    assert.deepEqual(formatCode(')( delay 1 days )'), {
      edits: [
        { start: 2, end: 3, text: '' },
        { start: 15, end: 16, text: '' },
        { start: 17, end: 17, text: '\n' },
      ],
      unformatted: 0,
      tooDeep: 0,
      errors: [[0, 1]],
    });
    assert.deepEqual(formatCode('( delay 1 days ))'), {
      edits: [
        { start: 1, end: 2, text: '' },
        { start: 14, end: 15, text: '' },
      ],
      unformatted: 0,
      tooDeep: 0,
      errors: [[16, 17]],
    });
  });

  it('keeps the one space after a form left as written', () => {
    assert.deepEqual(formatCode('(seq {:a}) ( delay 1 days )'), {
      edits: [
        { start: 12, end: 13, text: '' },
        { start: 25, end: 26, text: '' },
        { start: 27, end: 27, text: '\n' },
      ],
      unformatted: 1,
      tooDeep: 0,
      errors: [[6, 8]],
    });
  });

  it('removes one leading space, keeps a comment touching an atom, and keeps what follows a #_ or a tag', () => {
    assert.deepEqual(formatCode(' (a)').edits, [
      { start: 0, end: 1, text: '' },
      { start: 4, end: 4, text: '\n' },
    ]);
    assert.deepEqual(formatCode('(f a;c\n b)').edits, [
      { start: 6, end: 8, text: '\n   ' },
      { start: 10, end: 10, text: '\n' },
    ]);
    assert.deepEqual(formatCode('(f #inst   "2020-01-01T00:00:00Z" #_ x)').edits, [{ start: 39, end: 39, text: '\n' }]);
    assert.deepEqual(formatCode('(let [x 1] #_ (b) ; c\n (d))').edits, [
      { start: 21, end: 23, text: '\n  ' },
      { start: 27, end: 27, text: '\n' },
    ]);
  });

  it('takes the space after `#{` for layout', () => {
    assert.deepEqual(formatCode('#{ 1 2}').edits, [
      { start: 2, end: 3, text: '' },
      { start: 7, end: 7, text: '\n' },
    ]);
  });

  it('formats a gap that begins where the range ends, and none past it', () => {
    assert.deepEqual(formatCode('( a)', { start: 0, end: 1 }).edits, [{ start: 1, end: 2, text: '' }]);
    assert.deepEqual(formatCode('(a) ( b)', { start: 0, end: 1 }).edits, []);
  });

  it(`formats forms nested ${maxFormattedNesting} deep, and leaves one nested deeper as written`, () => {
    const nested = (depth: number) => `${'(seq '.repeat(depth)}${')'.repeat(depth)}`;
    const deepest = nested(maxFormattedNesting);
    assert.deepEqual(formatCode(`${deepest}\n( a )`), {
      edits: [
        { start: deepest.length - maxFormattedNesting - 1, end: deepest.length - maxFormattedNesting, text: '' },
        { start: deepest.length + 2, end: deepest.length + 3, text: '' },
        { start: deepest.length + 4, end: deepest.length + 5, text: '' },
        { start: deepest.length + 6, end: deepest.length + 6, text: '\n' },
      ],
      unformatted: 0,
      tooDeep: 0,
      errors: [],
    });
    const tooDeep = nested(maxFormattedNesting + 1);
    const after = 6 + tooDeep.length;
    assert.deepEqual(formatCode(`( a )\n${tooDeep}\n( a )`), {
      edits: [
        { start: 1, end: 2, text: '' },
        { start: 3, end: 4, text: '' },
        { start: after + 2, end: after + 3, text: '' },
        { start: after + 4, end: after + 5, text: '' },
        { start: after + 6, end: after + 6, text: '\n' },
      ],
      unformatted: 0,
      tooDeep: 1,
      errors: [],
    });
  });

  it('counts no dropped form among a form\'s elements', () => {
    const cases: [string, string][] = [
      ['(f #_a b\nc)\n', '(f #_a b\n       c)\n'],
      ['(f #_(a) b\nc)\n', '(f #_(a) b\n         c)\n'],
      ['(let #_[y 2] [x 1] (a)\n(b))\n', '(let #_[y 2] [x 1] (a)\n             (b))\n'],
      ['(f a ;c\n;d\nb)\n', '(f a ;c\n   ;d\n   b)\n'],
    ];
    assert.deepEqual(
      cases.map(([input]) => format(input, 'flow')),
      cases.map(([, expected]) => expected),
    );
  });

  it('reads a body start and a string\'s last line by any line break, and keeps the layout after a #_ or a tag', () => {
    const cases: [string, string][] = [
      ['(let [x 1]\r(a)\r(b))', '(let [x 1]\r  (a)\r  (b))\r'],
      ['("a\nbc" d e\nf)', '("a\nbc" d e\n    f)\n'],
      ['("a\rbc" d e\rf)', '("a\rbc" d e\r    f)\r'],
      ['(f #_\n    a b)', '(f #_\n    a b)\n'],
      ['(f #_ \n a)', '(f #_ \n a)\n'],
      ['(f #inst\n   "2020-01-01T00:00:00Z")', '(f #inst\n   "2020-01-01T00:00:00Z")\n'],
    ];
    assert.deepEqual(
      cases.map(([input]) => format(input, 'flow')),
      cases.map(([, expected]) => expected),
    );
  });

  it('trims a comment\'s spaces when the range starts where they end or ends where they start', () => {
    const code = '(a) ; one   \n(b)\n';
    const trims = (start: number, end: number) => formatCode(code, { start, end }).edits;
    assert.deepEqual([trims(12, 12), trims(13, 13), trims(0, 9), trims(0, 8)], [[{ start: 9, end: 12, text: '' }], [], [{ start: 9, end: 12, text: '' }], []]);
  });
});

describe('layout: the first line break and the space before a comment', () => {
  it('takes a text\'s first line break even where it starts the text', () => {
    assert.deepEqual([lineBreakOf('\na\r'), lineBreakOf('\ra')], ['\n', '\r']);
  });

  it('keeps the space between an opening bracket and a comment', () => {
    assert.equal(layoutBetween(' ', TokenKind.Open, false, TokenKind.Comment, () => 4, '\n', true), undefined);
  });
});
