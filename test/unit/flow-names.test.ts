// The reader's name table: every word's text, right through the growth of the table (that equal
// words share one string is not observable from JavaScript; the benchmark shows its effect).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NameTable } from '../../server/src/service/flow/syntax/names';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import { FlowNode } from '../../server/src/service/flow/syntax/tree';

describe('flow name table', () => {
  it('gives the text of each word, repeated or new, as the table grows', () => {
    const words = Array.from({ length: 5000 }, (_, k) => `w${k % 2500}`);
    const text = words.join(' ');
    const table = new NameTable();
    let at = 0;
    for (const word of words) {
      assert.equal(table.name(text, at, at + word.length), word);
      at += word.length + 1;
    }
  });

  it('tells apart words of the same length and a word from its prefix', () => {
    const table = new NameTable();
    const text = 'ab ba abc a';
    assert.deepEqual([table.name(text, 0, 2), table.name(text, 3, 5), table.name(text, 6, 9), table.name(text, 10, 11)], ['ab', 'ba', 'abc', 'a']);
  });

  it('gives nodes of a tree the words they spell', () => {
    const tree = readFlow('(send twilio sms {:to *to* :from $id}) (send twilio call {:to +T1})');
    const names: string[] = [];
    const walk = (nodes: readonly FlowNode[]): void => {
      for (const n of nodes) {
        if ('name' in n) names.push(`${n.kind}:${n.name}`);
        if ('children' in n) walk(n.children);
      }
    };
    walk(tree.forms);
    assert.deepEqual(names, [
      'symbol:send', 'symbol:twilio', 'symbol:sms', 'keyword:to', 'event:to', 'keyword:from', 'response:id',
      'symbol:send', 'symbol:twilio', 'symbol:call', 'keyword:to', 'template:T1',
    ]);
  });
});
