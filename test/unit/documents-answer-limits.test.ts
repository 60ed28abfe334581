// The cap on completion answers, on lists just past it: empty labels dropped, at most 1,000 items,
// narrowed by the word before the cursor (letters in order, case ignored, the filter text when an
// item has one; those that start with the word first), and marked incomplete when capped.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem } from 'vscode-languageserver-types';
import { boundedCompletion, maxCompletionItems } from '../../server/src/service/documents/answerLimits';

/** The labels and the incomplete flag of the bounded answer at the end of `text`. */
function bounded(text: string, items: CompletionItem[], isIncomplete = false): { labels: string[]; isIncomplete: boolean } {
  const doc = TextDocument.create('file:///workspace/a.cxflow', 'cxengage-flow', 1, text);
  const list = boundedCompletion({ isIncomplete, items }, doc, doc.positionAt(text.length));
  return { labels: list.items.map((i) => i.label), isIncomplete: list.isIncomplete };
}

const fillers = (n: number): CompletionItem[] => Array.from({ length: n }, (_, i) => ({ label: `c${i}` }));

describe('bounded completion answers', () => {
  it('drops empty labels and keeps a list of the limit whole', () => {
    const labels = fillers(maxCompletionItems).map((i) => i.label);
    assert.deepEqual(bounded('(send ', [{ label: '' }, ...fillers(maxCompletionItems)]), { labels, isIncomplete: false });
    assert.deepEqual(bounded('(send ', fillers(3), true), { labels: ['c0', 'c1', 'c2'], isIncomplete: true });
  });

  it('past the limit with no word typed: the first items of the limit, incomplete', () => {
    const answer = bounded('(send ', fillers(maxCompletionItems + 1));
    assert.deepEqual([answer.labels.length, answer.labels[0], answer.labels.at(-1), answer.isIncomplete], [maxCompletionItems, 'c0', `c${maxCompletionItems - 1}`, true]);
  });

  it('past the limit: the items whose letters follow the word in order, those that start with it first', () => {
    const items: CompletionItem[] = [...fillers(maxCompletionItems), { label: 'zeq' }, { label: 'xzq' }, { label: 'ZQ-upper' }, { label: 'nothing', filterText: 'zq-filter' }, { label: 'qz' }, { label: 'z' }];
    assert.deepEqual(bounded('(send ZQ', items), { labels: ['ZQ-upper', 'zeq', 'xzq', 'nothing'], isIncomplete: true });
    // The word may hold the punctuation of flow names, and starts at the start of the text.
    assert.deepEqual(bounded('t.w-i*l$i+o?!<>=/', [...fillers(maxCompletionItems), { label: 't.w-i*l$i+o?!<>=/' }, { label: 'twilio' }]).labels, ['t.w-i*l$i+o?!<>=/']);
    assert.deepEqual(bounded('zq', items).labels, ['ZQ-upper', 'zeq', 'xzq', 'nothing']);
  });

  it('reads at most 200 characters of the word back from the cursor', () => {
    const b200 = 'b'.repeat(200);
    const items: CompletionItem[] = [...fillers(maxCompletionItems), { label: b200 }, { label: `a${b200}` }];
    assert.deepEqual(bounded(`(${'a'.repeat(50)}${b200}`, items), { labels: [b200, `a${b200}`], isIncomplete: true });
    // 199 b's: the word's 200 characters take one `a`, which only the second label holds.
    assert.deepEqual(bounded(`(${'a'.repeat(50)}${'b'.repeat(199)}`, items).labels, [`a${b200}`]);
  });

  it('past the limit even after narrowing: the first of the limit', () => {
    const many: CompletionItem[] = Array.from({ length: maxCompletionItems + 5 }, (_, i) => ({ label: `x${i}` }));
    const answer = bounded('(send x', many);
    assert.deepEqual([answer.labels.length, answer.labels[0], answer.isIncomplete], [maxCompletionItems, 'x0', true]);
  });
});
