// Semantic tokens of flow code, decoded to [line, character, length, type, modifiers]: known and
// unknown integrations, messages and fields, variables, event fields and response values in both
// dialects, deprecated and other-dialect forms, code in pattern strings (through JSON escapes),
// ranges, and bad input that must never throw.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { flowTokens } from '../../server/src/service/flow/editing/features';
import { semanticTokensLegend } from '../../server/src/service/flow/editing/semanticTokens';
import { DecodedToken, decodeTokens } from '../../server/src/service/flow/editing/tokenEncoding';
import { documentOf } from '../support/documents';
import { builtinContext } from '../support/flowContext';
import { readFlow } from '../support/service';

const ctx = builtinContext();

function tokens(text: string, kind: 'flow' | 'pattern' = 'flow', range?: [number, number]): DecodedToken[] {
  const flowDoc = readFlow(documentOf(text, kind));
  return decodeTokens(range === undefined ? flowTokens(flowDoc, ctx) : flowTokens(flowDoc, ctx, range[0], range[1]), semanticTokensLegend);
}

describe('semantic tokens: 4.1', () => {
  const flow = [
    ';; When',
    '(within 1 hours (count 2 (event (= CallAction "abandoned"))))',
    ';; Then',
    '(seq',
    '  (send twilio sms {:to-phone-number *phone* :from-phone-number "1" :mesage "x"}',
    '        (success (set sid $sid)))',
    '  (send twillio sms {:to "x"})',
    '  (send echo mesage {:message sid}))',
  ].join('\n');

  it('tells known from unknown integrations, messages and fields; event, response and variable values apart', () => {
    assert.deepEqual(tokens(flow), [
      [1, 35, 10, 'parameter', []],
      [4, 8, 6, 'namespace', ['defaultLibrary']],
      [4, 15, 3, 'function', []],
      [4, 20, 16, 'property', []],
      [4, 37, 7, 'parameter', []],
      [4, 45, 18, 'property', []],
      [4, 68, 7, 'property', ['unknown']],
      [5, 22, 3, 'variable', ['declaration']],
      [5, 26, 4, 'property', ['readonly']],
      [6, 8, 7, 'namespace', ['unknown']],
      [6, 16, 3, 'function', ['unknown']],
      [6, 21, 3, 'property', ['unknown']],
      [7, 8, 4, 'namespace', ['defaultLibrary']],
      [7, 13, 6, 'function', ['unknown']],
      [7, 21, 8, 'property', ['unknown']],
      [7, 30, 3, 'variable', []],
    ]);
  });

  it('marks an older spelling and a 4.2 form as deprecated; a pattern map reads its sides from its keys', () => {
    const text = ['[{:name "p" :when (allOf (event (= Kind "a")))', '  :then (seq (let [x 1] x))}]'].join('\n');
    assert.deepEqual(tokens(text), [
      [0, 19, 5, 'keyword', ['deprecated']],
      [0, 35, 4, 'parameter', []],
      [1, 14, 3, 'keyword', ['deprecated']],
      [1, 19, 1, 'variable', []],
      [1, 24, 1, 'variable', []],
    ]);
  });
});

describe('semantic tokens: 4.2', () => {
  const program = [
    '(def limit 5)',
    '(let [r (fetch generic fetch {:id $id})]',
    '  (when (> $total limit)',
    '    (perform echo message {:message r.sid :bogus (filter even? (all $n))})))',
    '(event {:type "order"})',
    '(seq (set limit 2))',
  ].join('\n');

  it('tells variables (bound and read), event fields and the fields of a result apart', () => {
    assert.deepEqual(tokens(program), [
      [0, 5, 5, 'variable', ['declaration']],
      [1, 6, 1, 'variable', ['declaration']],
      [1, 15, 7, 'namespace', ['defaultLibrary']],
      [1, 23, 5, 'function', []],
      [1, 30, 3, 'property', []],
      [1, 34, 3, 'parameter', []],
      [2, 11, 6, 'parameter', []],
      [2, 18, 5, 'variable', []],
      [3, 13, 4, 'namespace', ['defaultLibrary']],
      [3, 18, 7, 'function', []],
      [3, 27, 8, 'property', []],
      [3, 36, 1, 'variable', []],
      [3, 38, 3, 'property', ['readonly']],
      [3, 42, 6, 'property', ['unknown']],
      [3, 68, 2, 'parameter', []],
      [4, 8, 5, 'parameter', []],
      [5, 1, 3, 'keyword', ['deprecated']],
      [5, 10, 5, 'variable', []],
    ]);
  });
});

describe('semantic tokens: pattern payload strings', () => {
  it('places tokens through JSON escapes, in both payload dialects', () => {
    const payload = [
      '[{"name": "a", "status": true, "when": "(event (= Kind \\"x\\"))",',
      '  "then": "(send twilio sms {\\"to-phone-number\\" *p*})"},',
      ' {"name": "b", "status": true, "key": "id", "code": "(perform echo message {:message $n})"}]',
    ].join('\n');
    assert.deepEqual(tokens(payload, 'pattern'), [
      [0, 50, 4, 'parameter', []],
      [1, 17, 6, 'namespace', ['defaultLibrary']],
      [1, 24, 3, 'function', []],
      [1, 29, 19, 'property', []],
      [1, 49, 3, 'parameter', []],
      [2, 62, 4, 'namespace', ['defaultLibrary']],
      [2, 67, 7, 'function', []],
      [2, 76, 8, 'property', []],
      [2, 85, 2, 'parameter', []],
    ]);
  });
});

describe('semantic tokens: ranges and bad input', () => {
  it('answers a range with the tokens in it only', () => {
    const text = '(send echo message {:message x})\n(send twilio sms {})\n(send echo message {})';
    const second = text.indexOf('twilio');
    assert.deepEqual(tokens(text, 'flow', [second, second + 12]), [
      [1, 6, 6, 'namespace', ['defaultLibrary']],
      [1, 13, 3, 'function', []],
    ]);
  });

  it('never throws on reader errors, unterminated strings or deep forms', () => {
    assert.deepEqual(tokens('(send echo message {:message "open'), [
      [0, 6, 4, 'namespace', ['defaultLibrary']],
      [0, 11, 7, 'function', []],
      [0, 20, 8, 'property', []],
    ]);
    assert.deepEqual(tokens('(send echo)) (send twilio sms {:to'), [
      [0, 6, 4, 'namespace', ['defaultLibrary']],
      [0, 19, 6, 'namespace', ['defaultLibrary']],
      [0, 26, 3, 'function', []],
      [0, 31, 3, 'property', ['unknown']],
    ]);
    const deep = '(do '.repeat(10000) + 'x' + ')'.repeat(10000);
    assert.deepEqual(tokens(deep), [[0, 40000, 1, 'variable', []]]);
    const deep41 = '(seq '.repeat(10000) + '(send echo message {})' + ')'.repeat(10000);
    assert.equal(tokens(deep41).length, 2);
  });
});
