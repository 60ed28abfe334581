// The Mustache reading of a template text: the tag being typed at a place, where each syntax error
// is placed, and the words a reader is told instead of Mustache's offsets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTagAt, readMustache } from '../../server/src/service/templates/mustacheText';
import { mustacheMessage } from '../../server/src/service/templates/templateChecks';

describe('the Mustache tag being typed', () => {
  it('finds the name typed in an open tag, and nothing outside one', () => {
    const cases: [string, number, ReturnType<typeof openTagAt>][] = [
      ['{{', 2, { start: 2, end: 2, typed: '' }],
      ['x{{na', 5, { start: 3, end: 5, typed: 'na' }],
      ['x{{na', 4, { start: 3, end: 5, typed: 'n' }],
      ['{{ #sec', 7, { start: 4, end: 7, typed: 'sec' }],
      ['{{&a.b', 6, { start: 3, end: 6, typed: 'a.b' }],
      ['{{{x', 4, { start: 3, end: 4, typed: 'x' }],
      ['{{^x', 4, { start: 3, end: 4, typed: 'x' }],
      ['{{/x', 4, { start: 3, end: 4, typed: 'x' }],
      ['{{na}} {{b', 10, { start: 9, end: 10, typed: 'b' }],
      ['{{na}}', 4, { start: 2, end: 4, typed: 'na' }],
      ['{{abc}}', 3, { start: 2, end: 5, typed: 'a' }],
      ['{{a-b?c}}', 3, { start: 2, end: 7, typed: 'a' }],
      ['{{$a!*+}}', 3, { start: 2, end: 7, typed: '$' }],
      ['{{na}}x', 7, undefined],
      ['{{na}}', 6, undefined],
      ['{{a b', 5, undefined],
      ['{{a=', 4, undefined],
      ['a', 1, undefined],
      ['', 0, undefined],
      ['{', 1, undefined],
      ['x{', 2, undefined],
      ['{x{', 3, undefined],
    ];
    for (const [text, offset, expected] of cases) assert.deepEqual(openTagAt(text, offset), expected, `${text} at ${offset}`);
  });
});

describe('Mustache syntax errors', () => {
  it('places each error on the tag at fault and says what is wrong', () => {
    const cases: [string, { message: string; start: number; end: number }, string][] = [
      ['Hi {{name', { message: 'Unclosed tag at 9', start: 3, end: 9 }, 'a tag is never closed: expected `}}`'],
      ['{{a}} {{', { message: 'Unclosed tag at 8', start: 6, end: 8 }, 'a tag is never closed: expected `}}`'],
      ['x {{!', { message: 'Unclosed tag at 5', start: 2, end: 5 }, 'a tag is never closed: expected `}}`'],
      ['x {{#a}} open', { message: 'Unclosed section "a" at 13', start: 2, end: 8 }, 'the section `a` is never closed: expected `{{/a}}`'],
      ['{{#a}}{{#b}}{{/a}}', { message: 'Unclosed section "b" at 12', start: 6, end: 12 }, 'the section `b` is never closed: expected `{{/b}}`'],
      ['{{#a}} {{#a}} x', { message: 'Unclosed section "a" at 15', start: 7, end: 13 }, 'the section `a` is never closed: expected `{{/a}}`'],
      ['{{#a}}{{/a}} {{#a}}', { message: 'Unclosed section "a" at 19', start: 13, end: 19 }, 'the section `a` is never closed: expected `{{/a}}`'],
      ['a {{#a}} {{/b}}', { message: 'Unclosed section "a" at 9', start: 2, end: 8 }, 'the section `a` is never closed: expected `{{/a}}`'],
      ['{{# a.b }} x', { message: 'Unclosed section "a.b" at 12', start: 0, end: 10 }, 'the section `a.b` is never closed: expected `{{/a.b}}`'],
      ['{{^n}}', { message: 'Unclosed section "n" at 6', start: 0, end: 6 }, 'the section `n` is never closed: expected `{{/n}}`'],
      ['{{=<% %>=}}<%#a%> x', { message: 'Unclosed section "a" at 19', start: 19, end: 19 }, 'the section `a` is never closed: expected `{{/a}}`'],
      ['x {{/a}} y', { message: 'Unopened section "a" at 2', start: 2, end: 8 }, '`{{/a}}` closes a section that is not open'],
      ['{{=<% %>=}} <%/a%>', { message: 'Unopened section "a" at 12', start: 12, end: 18 }, '`{{/a}}` closes a section that is not open'],
      ['{{= | =}}', { message: 'Invalid tags: |', start: 0, end: 9 }, 'Invalid tags: |'],
    ];
    for (const [text, error, words] of cases) {
      const read = readMustache(text);
      assert.deepEqual(read, { names: [], error }, text);
      assert.equal(mustacheMessage(error), words, text);
    }
  });

  it('reads the names of every kind of tag, in text order, and none of comments or partials', () => {
    const text = '{{ name }} {{&raw}} {{{tri}}} {{#s}}{{in.x}}{{/s}}{{^n}}{{/n}}{{!c}}{{>p}}';
    assert.deepEqual(readMustache(text), {
      names: [
        { name: 'name', start: 3, end: 7 },
        { name: 'raw', start: 14, end: 17 },
        { name: 'tri', start: 23, end: 26 },
        { name: 's', start: 33, end: 34 },
        { name: 'in.x', start: 38, end: 42 },
        { name: 'n', start: 53, end: 54 },
      ],
    });
  });
});
