// Semantic tokens of flow code, one table of small flows under each dialect, decoded to
// [line, character, length, type, modifiers]: which side a bare symbol is on (markers, top-level
// vectors, maps that are not pattern maps), binding vectors of `let`, `if-let` and `when-let`,
// dotted names, `event` map keys, unknown operators, and forms too short to be interactions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { flowTokens } from '../../server/src/service/flow/editing/features';
import { semanticTokensLegend } from '../../server/src/service/flow/editing/semanticTokens';
import { DecodedToken, decodeTokens } from '../../server/src/service/flow/editing/tokenEncoding';
import { DialectSetting } from '../../server/src/service/flow/analysis/dialect';
import { documentOf } from '../support/documents';
import { builtinContext } from '../support/flowContext';
import { readFlow } from '../support/service';

const contexts = { '4.1': builtinContext('4.1'), '4.2': builtinContext('4.2') };

function tokens(dialect: Exclude<DialectSetting, 'auto'>, text: string): DecodedToken[] {
  return decodeTokens(flowTokens(readFlow(documentOf(text, 'flow')), contexts[dialect]), semanticTokensLegend);
}

const cases: [Exclude<DialectSetting, 'auto'>, string, DecodedToken[]][] = [
  ['4.1', '(event (= Kind "a"))\n(seq (set x Kind))', [[0, 10, 4, 'parameter', []], [1, 10, 1, 'variable', ['declaration']], [1, 12, 4, 'variable', []]]],
  ['4.1', ';; When\nKind', [[1, 0, 4, 'variable', []]]],
  ['4.1', ';; When\n[x (event (= Kind "a"))]', [[1, 1, 1, 'variable', []], [1, 13, 4, 'parameter', []]]],
  ['4.1', '(event [(str Kind)])', [[0, 13, 4, 'parameter', []]]],
  ['4.1', ';; When\n(within 1 hours (foo {:a Kind}))', [[1, 25, 4, 'parameter', []]]],
  ['4.1', ':x "y" 1', []],
  ['4.1', '(send)', []],
  ['4.1', '(send "echo" message {:message 1})', [[0, 13, 7, 'function', ['unknown']], [0, 22, 8, 'property', ['unknown']]]],
  ['4.1', '(send echo message extra)', [[0, 6, 4, 'namespace', ['defaultLibrary']], [0, 11, 7, 'function', []], [0, 19, 5, 'variable', []]]],
  ['4.1', '(frobnicate x)', [[0, 12, 1, 'variable', []]]],
  ['4.2', '(def a b)\n(let)\n(count [a b])\n(if-let [x r y s] x 0)\n(when-let [y r] y)\n(let [a b c d] a)', [[0, 5, 1, 'variable', ['declaration']], [0, 7, 1, 'variable', []], [2, 8, 1, 'variable', []], [2, 10, 1, 'variable', []], [3, 9, 1, 'variable', ['declaration']], [3, 11, 1, 'variable', []], [3, 13, 1, 'variable', []], [3, 15, 1, 'variable', []], [3, 18, 1, 'variable', []], [4, 11, 1, 'variable', ['declaration']], [4, 13, 1, 'variable', []], [4, 16, 1, 'variable', []], [5, 6, 1, 'variable', ['declaration']], [5, 8, 1, 'variable', []], [5, 10, 1, 'variable', ['declaration']], [5, 12, 1, 'variable', []], [5, 15, 1, 'variable', []]]],
  ['4.2', ';; When\n(def x 1)\n(str x)', [[1, 5, 1, 'variable', ['declaration']], [2, 5, 1, 'variable', []]]],
  ['4.2', '(def r 1)\n(str r..sid r. .x)', [[0, 5, 1, 'variable', ['declaration']], [1, 5, 1, 'variable', []], [1, 8, 3, 'property', ['readonly']], [1, 12, 1, 'variable', []], [1, 16, 1, 'property', ['readonly']]]],
  ['4.2', '(foo {:a 1})\n(event x {:b 1})\n{:c 1}\n(event {:d 1})', [[1, 7, 1, 'variable', []], [3, 8, 2, 'parameter', []]]],
  ['4.2', ':x "y" {:k v} z', [[0, 11, 1, 'variable', []], [0, 14, 1, 'variable', []]]],
  ['4.2', '(perform)\n(perform echo message extra)\n(frobnicate x)\n(perform "echo" message)', [[1, 9, 4, 'namespace', ['defaultLibrary']], [1, 14, 7, 'function', []], [1, 22, 5, 'variable', []], [2, 12, 1, 'variable', []], [3, 16, 7, 'function', ['unknown']]]],
  ['4.1', '\n(send echo message {})\n\n  (send echo message {})', [[1, 6, 4, 'namespace', ['defaultLibrary']], [1, 11, 7, 'function', []], [3, 8, 4, 'namespace', ['defaultLibrary']], [3, 13, 7, 'function', []]]],
  ['4.1', '(send echo message {})\r\n(send twilio sms {})\r\n', [[0, 6, 4, 'namespace', ['defaultLibrary']], [0, 11, 7, 'function', []], [1, 6, 6, 'namespace', ['defaultLibrary']], [1, 13, 3, 'function', []]]],
  ['4.1', '(send datasift x {:a 1})', [[0, 6, 8, 'namespace', ['defaultLibrary']], [0, 15, 1, 'function', ['unknown']], [0, 18, 2, 'property', ['unknown']]]],
  ['4.1', '(event (str Kind))', [[0, 12, 4, 'parameter', []]]],
];

describe('semantic tokens: sides, bindings and short forms', () => {
  it('gives each flow its exact tokens', () => {
    for (const [dialect, text, expected] of cases) assert.deepEqual(tokens(dialect, text), expected, `${dialect}: ${text}`);
  });
});
