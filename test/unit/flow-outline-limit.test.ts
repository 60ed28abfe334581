// The outline's limit on symbols (the service caps a document's outline): every limit from none to
// past the whole outline, in 4.1 and 4.2 code and in a pattern file, gives the first symbols in
// document order, counting nested ones, and never more.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentSymbol } from 'vscode-languageserver-types';
import { flowSymbols } from '../../server/src/service/flow/editing/features';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

function outline(symbols: readonly DocumentSymbol[]): string[] {
  return symbols.map((s) => `${s.name}${s.detail ? ` (${s.detail})` : ''}${s.children?.length ? ` [${outline(s.children).join(', ')}]` : ''}`);
}

function symbolsUpTo(text: string, kind: 'flow' | 'pattern', limits: number[]): string[][] {
  const flow = readFlow(documentOf(text, kind));
  return limits.map((limit) => outline(flowSymbols(flow, 'auto', limit)));
}

describe('outline limit', () => {
  it('4.1: patterns, their parts and sends, the first ones in document order', () => {
    const text = '[{:name "A" :when (event (= x 1)) :then (send echo message {} (success (send twilio sms {})))}\n {:name "B" :then (send echo message {})}]';
    assert.deepEqual(symbolsUpTo(text, 'flow', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), [
      [],
      ['A (pattern)'],
      ['A (pattern) [When (event)]'],
      ['A (pattern) [When (event), Then (send)]'],
      ['A (pattern) [When (event), Then (send) [send echo message]]'],
      ['A (pattern) [When (event), Then (send) [send echo message [send twilio sms]]]'],
      ['A (pattern) [When (event), Then (send) [send echo message [send twilio sms]]]', 'B (pattern)'],
      ['A (pattern) [When (event), Then (send) [send echo message [send twilio sms]]]', 'B (pattern) [Then (send)]'],
      ['A (pattern) [When (event), Then (send) [send echo message [send twilio sms]]]', 'B (pattern) [Then (send) [send echo message]]'],
      ['A (pattern) [When (event), Then (send) [send echo message [send twilio sms]]]', 'B (pattern) [Then (send) [send echo message]]'],
    ]);
  });

  it('4.2: defs, locals, collections and interactions', () => {
    const text = '(def a 1)\n(let [x (within 1 days (event {:k "v"}))\n      y 2]\n  (perform echo message {}))';
    assert.deepEqual(symbolsUpTo(text, 'flow', [0, 1, 2, 3, 4, 5, 6, 7]), [
      [],
      ['a (def)'],
      ['a (def)', 'x (let)'],
      ['a (def)', 'x (let)', 'y (let)'],
      ['a (def)', 'x (let) [within 1 days]', 'y (let)'],
      ['a (def)', 'x (let) [within 1 days [event (k)]]', 'y (let)'],
      ['a (def)', 'x (let) [within 1 days [event (k)]]', 'y (let)', 'perform echo message'],
      ['a (def)', 'x (let) [within 1 days [event (k)]]', 'y (let)', 'perform echo message'],
    ]);
  });

  it('a pattern file: each pattern, then its parts, then their forms', () => {
    const text = '[{"name": "P", "when": "(event (= a 1))", "then": "(send echo message {})"}, {"name": "Q", "code": "(def z 1)"}]';
    assert.deepEqual(symbolsUpTo(text, 'pattern', [0, 1, 2, 3, 4, 5, 6, 7, 8]), [
      [],
      ['P (pattern)'],
      ['P (pattern) [When (event)]'],
      ['P (pattern) [When (event), Then (send)]'],
      ['P (pattern) [When (event), Then (send) [send echo message]]'],
      ['P (pattern) [When (event), Then (send) [send echo message]]', 'Q (pattern)'],
      ['P (pattern) [When (event), Then (send) [send echo message]]', 'Q (pattern) [Code (def)]'],
      ['P (pattern) [When (event), Then (send) [send echo message]]', 'Q (pattern) [Code (def) [z (def)]]'],
      ['P (pattern) [When (event), Then (send) [send echo message]]', 'Q (pattern) [Code (def) [z (def)]]'],
    ]);
  });
});
