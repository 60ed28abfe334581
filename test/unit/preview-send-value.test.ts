// Where the send form says a field's value comes from, for every kind of value the reader gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sendValue } from '../../server/src/service/previews/sendPreviewValue';
import { SendValue } from '../../server/src/service/previews/previewModel';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import type { DialectVersion } from '../../server/src/service/flow/analysis/grammar/signature';

function valueOf(code: string, dialect?: DialectVersion): SendValue {
  const tree = readFlow(code);
  assert.equal(tree.forms.length, 1, code);
  return sendValue(tree.forms[0], dialect);
}

describe('send form values', () => {
  it('names the source of each kind of value, constants as written', () => {
    const cases: [string, SendValue][] = [
      ['"hi there"', { kind: 'constant', text: 'hi there' }],
      ['"a\\"b"', { kind: 'constant', text: 'a"b' }],
      ['1.50', { kind: 'constant', text: '1.50' }],
      ['-3', { kind: 'constant', text: '-3' }],
      ['true', { kind: 'constant', text: 'true' }],
      ['false', { kind: 'constant', text: 'false' }],
      ['nil', { kind: 'constant', text: 'nil' }],
      [':urgent', { kind: 'constant', text: ':urgent' }],
      ['*phone*', { kind: 'event-field', field: 'phone' }],
      ['+TM1', { kind: 'message-template', name: 'TM1' }],
      ['$call-id', { kind: 'response', name: 'call-id' }],
      ['customer', { kind: 'variable', name: 'customer' }],
      ['(str "a" *b*)', { kind: 'expression', summary: '(str …)' }],
      ['("a" 1)', { kind: 'expression', summary: '(…)' }],
      ['()', { kind: 'expression', summary: '(…)' }],
      ['{:a 1}', { kind: 'expression', summary: '{…}' }],
      ['[1 2]', { kind: 'expression', summary: '[…]' }],
      ['#{"high" 2 true nil :k false 1.5 "x"}', { kind: 'constant', text: '#{"high" 2 true nil :k false 1.5 "x"}' }],
      ['#{}', { kind: 'constant', text: '#{}' }],
      ['#{"a\\"b"}', { kind: 'constant', text: '#{"a\\"b"}' }],
      ['#{1 2 3 4 5 6 7 8 9}', { kind: 'expression', summary: '#{…}' }],
      ['#{1 *x*}', { kind: 'expression', summary: '#{…}' }],
      ['#{1 [2]}', { kind: 'expression', summary: '#{…}' }],
      ['#inst "2014-06-18"', { kind: 'constant', text: '#inst "2014-06-18"' }],
      ['#n 12', { kind: 'constant', text: '#n 12' }],
      ['#b true', { kind: 'constant', text: '#b true' }],
      ['#z nil', { kind: 'constant', text: '#z nil' }],
      ['#k :x', { kind: 'constant', text: '#k :x' }],
      ['#uuid *id*', { kind: 'expression', summary: '#uuid …' }],
    ];
    for (const [code, expected] of cases) assert.deepEqual(valueOf(code), expected, code);
  });

  it('reads `$x` as an event field under a 4.2 verb, a response value under 4.1', () => {
    assert.deepEqual(valueOf('$from', '4.2'), { kind: 'event-field', field: 'from' });
    assert.deepEqual(valueOf('$from', '4.1'), { kind: 'response', name: 'from' });
    assert.deepEqual(sendValue(undefined), { kind: 'empty' });
  });

  it('shows a tagged literal without its form as an expression', () => {
    const tree = readFlow('#inst');
    assert.deepEqual(sendValue(tree.forms[0]), { kind: 'expression', summary: '#inst …' });
  });
});
