// The formatter's rules one unit at a time, with exact answers: the layout between two tokens
// (layout.ts), the column of a line inside a form (indentRule.ts), the column after Enter read
// from code as it stands (onType.ts), and whole-code cases the golden files leave open: the
// layout before a form left as written, the edits (none on formatted code), comments, `\r` code.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatFlowCode } from '../../server/src/service/flow/formatting/formatCode';
import { lineColumn, LineContext } from '../../server/src/service/flow/formatting/indentRule';
import { isLayoutOnly, layoutBetween, lineBreakOf, None } from '../../server/src/service/flow/formatting/layout';
import { TokenKind } from '../../server/src/service/flow/formatting/tokens';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import { enterColumn, format, formatted } from '../support/formatting';

const Open = TokenKind.Open;
const Close = TokenKind.Close;
const Atom = TokenKind.Atom;
const Comment = TokenKind.Comment;
const Discard = TokenKind.Discard;

describe('layout: line breaks and layout-only stretches', () => {
  it('takes the text\'s first line break for every line it writes', () => {
    assert.deepEqual(['a\r\nb\nc', 'a\nb\r\n', '\r\na', 'a\rb', 'a\rb\nc', '\na', 'ab', ''].map(lineBreakOf), ['\r\n', '\n', '\r\n', '\r', '\n', '\n', '\n', '\n']);
  });

  it('counts spaces, control characters and commas as layout, nothing else', () => {
    assert.equal(isLayoutOnly(' \t\r\n,\u0001 ', 0, 7), true);
    assert.equal(isLayoutOnly('a , b', 1, 4), true);
    assert.equal(isLayoutOnly('a , b', 0, 4), false);
    assert.equal(isLayoutOnly('a , b', 1, 5), false);
    assert.equal(isLayoutOnly('a!b', 1, 2), false);
    assert.equal(isLayoutOnly('x', 0, 0), true);
  });
});

describe('layout between two tokens', () => {
  const at4 = () => 4;
  const cases: [string, string, number, boolean, number, string | undefined, { lineBreak?: string; final?: boolean }?][] = [
    ['start of the code', '  \n ', None, false, Atom, ''],
    ['start of the code, commas kept', ' ,\n', None, false, Atom, undefined],
    ['end of a file', '  \n\n', Atom, false, None, '\n', { final: true }],
    ['end of a file with \\r\\n', ' ', Close, false, None, '\r\n', { final: true, lineBreak: '\r\n' }],
    ['end of a string', '  \n\n', Atom, false, None, '', { final: false }],
    ['end, commas kept', ', ', Atom, false, None, undefined, { final: true }],
    ['after #_ or a tag', ' \n  ', Discard, true, Atom, undefined],
    ['before a comment on the line', '    ', Atom, false, Comment, undefined],
    ['inside an open bracket', ' , ', Open, false, Atom, ','],
    ['before a closing bracket', '  ', Atom, false, Close, ''],
    ['between an open and a close', ' ', Open, false, Close, ''],
    ['atom touching atom', '', Atom, false, Atom, ' '],
    ['close touching open', '', Close, false, Open, ' '],
    ['close touching #_', '', Close, false, Discard, ' '],
    ['atom touching a comment', '', Atom, false, Comment, undefined],
    ['comment touching atom', '', Comment, false, Atom, undefined],
    ['discard touching open, not binding', '', Discard, false, Open, undefined],
    ['open touching nothing to set apart', '', Open, false, Atom, ''],
    ['spaces between forms stay', '   ', Atom, false, Open, undefined],
    ['a tab between forms stays', '\t', Close, false, Atom, undefined],
    ['closing bracket on a new line gathers', ' \n  ', Atom, false, Close, ''],
    ['closing bracket after a comment keeps its line', '\n  ', Comment, false, Close, '\n    '],
    ['closing bracket after a comma keeps its line', ',\n ', Atom, false, Close, ',\n    '],
    ['a new line is indented', '  \n        ', Atom, false, Atom, '\n    '],
    ['a line with \\r', ' \r ', Atom, false, Open, '\r    ', { lineBreak: '\r' }],
    ['blank lines kept as one', '\n\n\n\n', Atom, false, Open, '\n\n    '],
    ['blank lines with \\r\\n', '\r\n  \r\n\r\n', Close, false, Atom, '\r\n\r\n    ', { lineBreak: '\r\n' }],
    ['commas on lines of their own', ' ,  \n\n  , \n\n\n   ', Atom, false, Atom, ' ,\n\n    ,\n\n    '],
    ['commas on the last line', '\n  ,', Atom, false, Atom, '\n    ,'],
    ['a comma line after no blank', '\n , \n', Close, false, Comment, '\n    ,\n    '],
  ];
  for (const [name, gap, prev, binds, next, expected, options] of cases) {
    it(name, () => assert.equal(layoutBetween(gap, prev, binds, next, at4, options?.lineBreak ?? '\n', options?.final ?? true), expected));
  }
});

describe('the column of a line inside a form', () => {
  const line = (kind: LineContext['kind'], operator: string | undefined, index: number, firstArgumentColumn: number | undefined, bodyStartsLine = true): number =>
    lineColumn({ kind, openColumn: 4, operator, index, firstArgumentColumn, bodyStartsLine });

  it('vectors and maps one past the bracket, sets past `#{`, a tagged form under its tag', () => {
    assert.deepEqual([line('vector', undefined, 3, 9), line('map', undefined, 1, undefined), line('set', undefined, 2, 8), line('tagged', undefined, 1, undefined)], [5, 5, 6, 4]);
  });

  it('a body two in when it starts a line, else aligned with the first argument', () => {
    assert.deepEqual(
      [line('list', 'let', 2, 9), line('list', 'let', 3, 9), line('list', 'let', 2, 9, false), line('list', 'let', 1, 9), line('list', 'seq', 1, undefined), line('list', 'seq', 1, 9, false)],
      [6, 6, 9, 5, 6, 5],
    );
  });

  it('a call aligns with its first argument from the second on, else one past `(`', () => {
    assert.deepEqual([line('list', 'send', 2, 10), line('list', 'send', 1, 10), line('list', 'send', 2, undefined), line('list', undefined, 0, undefined), line('list', 'frob', 5, 7)], [10, 5, 5, 5, 7]);
  });
});

describe('the column after Enter', () => {
  const cases: [string, number | undefined][] = [
    ['(send twilio sms {}\n|', 6],
    ['(send twilio sms {}\r\n|', 6],
    ['(send twilio sms {}\r|', 6],
    ['  (send twilio\n|', 8],
    ['(let [x 1]\n|', 2],
    ['(let [x 1] (seq)\n|', 5],
    ['(let [x 1] ,\n|', 2],
    ['(let\n  [x 1]\n|', 2],
    ['(let [x 1]\n  (seq)\n|', 2],
    ['(let [x\n|', 6],
    ['(seq\n|(delay 1 days)', 2],
    ['(seq\n    |[1]', 2],
    ['(seq\n  |{:a 1}', 2],
    ['(seq\n|#{1}', 2],
    ['[1 2\n|', 1],
    ['#{1\n|', 2],
    ['(f #inst\n|', 3],
    ['(f #inst "x"\n|', 3],
    ['(delay 1 days)\n|', 0],
    ['(send a b {:m "x\n|', undefined],
    ['(f a\n  ; c\n|', 3],
    ['(f\n  a b\n|', 2],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.equal(enterColumn(text), expected));
  }
});

describe('formatting code: what the golden files leave open', () => {
  it('keeps the layout before and after a form left as written', () => {
    const input = '(delay 5 minutes)\n\n\n   (seq (send echo message {:message}))   \n\n\n  (delay 1 hours)\n';
    assert.equal(format(input, 'flow'), '(delay 5 minutes)\n\n\n   (seq (send echo message {:message}))   \n\n\n  (delay 1 hours)\n');
  });

  it('formats the forms after one left as written, at top level', () => {
    const input = '(seq {:a})\n(seq\n(delay 5 minutes))\n(seq\n      (delay 1 hours))\n';
    const { text, result } = formatted(input, 'flow');
    assert.equal(text, '(seq {:a})\n(seq\n  (delay 5 minutes))\n(seq\n  (delay 1 hours))\n');
    assert.equal(result.note, '1 top-level form with syntax errors was left as written; fix the errors to format it');
  });

  it('leaves a dropped top-level form with an error as written, the forms around it formatted', () => {
    assert.equal(format('( delay 1 days )\n#_ (seq {:a})\n( delay 2 days )\n', 'flow'), '(delay 1 days)\n#_ (seq {:a})\n(delay 2 days)\n');
  });

  it('makes no edit to code formatted already, and only the edits needed otherwise', () => {
    const code = '(seq\n  (delay 5 minutes) ; wait\n  #_(delay 1 days)\n  (send echo message {:message "x"}))\n\n(let [x 1]\n  x)\n';
    assert.deepEqual(formatFlowCode(readFlow(code), { finalLineBreak: true }), { edits: [], unformatted: 0, tooDeep: 0 });
    assert.deepEqual(formatFlowCode(readFlow('(seq  (a)(b) ; c  \n (d) )'), { finalLineBreak: false }).edits, [
      { start: 9, end: 9, text: ' ' },
      { start: 16, end: 18, text: '' },
      { start: 18, end: 20, text: '\n      ' },
      { start: 23, end: 24, text: '' },
    ]);
  });

  it('trims a comment\'s trailing spaces only where the range reaches them', () => {
    const code = '(a) ; one   \n(b) ; two   \n';
    assert.deepEqual(formatFlowCode(readFlow(code), { finalLineBreak: true, range: { start: 13, end: 25 } }).edits, [{ start: 22, end: 25, text: '' }]);
    assert.deepEqual(formatFlowCode(readFlow(code), { finalLineBreak: true, range: { start: 0, end: 3 } }).edits, []);
  });

  it('counts the columns of comments and of code after them', () => {
    assert.equal(format('(f a ; c   \n b)\n', 'flow'), '(f a ; c\n   b)\n');
    assert.equal(format('(f ; c   \n a\n b)\n', 'flow'), '(f ; c\n a\n b)\n');
  });

  it('formats code whose lines end in \\r alone', () => {
    assert.equal(format('(seq\r(delay 5 minutes)\r\r\r(delay 1 hours))', 'flow'), '(seq\r  (delay 5 minutes)\r\r  (delay 1 hours))\r');
  });

  it('aligns after a multi-line string by its last line', () => {
    assert.equal(format('(f "a\n  bc" d\ne)\n', 'flow'), '(f "a\n  bc" d\n   e)\n');
  });

  it('sets apart an atom after a closing bracket and a form after a tagged literal', () => {
    assert.equal(format('(f (a)b #inst "2020-01-01T00:00:00Z"(c))\n', 'flow'), '(f (a) b #inst "2020-01-01T00:00:00Z" (c))\n');
    assert.equal(format('(f #inst "x"(c))\n', 'flow'), '(f #inst "x"(c))\n', 'a bad literal is an error: the form is left as written');
  });
});
