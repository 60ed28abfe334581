// Re-reading a `.cxflow` document after an edit gives exactly what reading it from scratch gives:
// the same tree (kinds, ranges, comments, reader errors) and the same diagnostics, over many random
// edits (seeded, so every run makes the same ones) that break and mend brackets, strings, comments
// and markers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { seededRandom, Random } from '../../bench/random';
import { generateFlowFile } from '../../bench/generators';
import { checkFlowDocument, forgetFlowDocument, getFlowDocument } from '../../server/src/service/flow/index';
import { rereadFlow } from '../../server/src/service/flow/incremental';
import { readFlow, readFlowWithBalance } from '../../server/src/service/flow/reader';
import { FlowNode, FlowTree, isContainer } from '../../server/src/service/flow/tree';
import { builtinContext } from '../support/flowContext';

const root = join(__dirname, '..', '..', '..');
const examples = ['mistakes', 'escalations', 'abandoned-calls'].map((name) =>
  readFileSync(join(root, 'examples', 'flows', `${name}.cxflow`), 'utf8'),
);
const sample = [...examples, generateFlowFile({ sends: 40, bytes: 8_000, seed: 11, mistakes: 0.3 }).text].join('\n');

/** What a tree says, without parent links: kinds and ranges of every node, comments and errors. */
function shape(tree: FlowTree): unknown {
  const node = (n: FlowNode): unknown =>
    isContainer(n) ? [n.kind, n.start, n.end, n.closed, n.children.map(node)] : { ...n, parent: undefined };
  return {
    forms: tree.forms.map(node),
    comments: tree.comments,
    errors: tree.errors,
  };
}

const pieces = ['(', ')', '[', ']', '{', '}', '"', ';', '\n', ' ', ';; Then\n', ';; When\n', 'x', ':to', '$id', '\\', '(send ', '(seq ', '42', ',', '\r\n', '; cxengage-disable-next-line\n'];

/** One random edit: insert a piece, delete a few characters, or replace them with a piece. */
function randomEdit(random: Random, text: string): string {
  const at = random.int(text.length + 1);
  const removed = random.chance(0.5) ? random.int(6) : 0;
  const inserted = removed > 0 && random.chance(0.5) ? '' : random.pick(pieces);
  return text.slice(0, at) + inserted + text.slice(at + removed);
}

describe('incremental flow reading', () => {
  it('re-reads a text to the same tree as a full read, edit after edit, balanced or not', () => {
    const random = seededRandom(7);
    let read = readFlowWithBalance(sample);
    let text = sample;
    for (let step = 0; step < 600; step++) {
      // Now and then back to the sample, so that edits keep landing on well-formed code.
      text = step % 25 === 24 ? sample : randomEdit(random, text);
      read = rereadFlow(read, text);
      assert.deepEqual(shape(read.tree), shape(readFlow(text)), `step ${step}`);
      const whole = readFlowWithBalance(text);
      assert.deepEqual([read.recovered, read.balanced, read.nestedOpeners], [whole.recovered, whole.balanced, whole.nestedOpeners], `step ${step}`);
    }
  });

  it('gives the diagnostics of a from-scratch check after every edit of an open document', () => {
    const random = seededRandom(23);
    const ctx = builtinContext();
    const uri = 'file:///workspace/typing.cxflow';
    let doc = TextDocument.create(uri, 'cxflow', 1, sample);
    checkFlowDocument(doc, ctx);
    for (let step = 0; step < 300; step++) {
      const text = step % 25 === 24 ? sample : randomEdit(random, doc.getText());
      doc = TextDocument.create(uri, 'cxflow', doc.version + 1, text);
      const incremental = checkFlowDocument(doc, ctx);
      const fresh = TextDocument.create(`file:///workspace/fresh-${step}.cxflow`, 'cxflow', 1, text);
      assert.deepEqual(incremental, checkFlowDocument(fresh, ctx), `step ${step}`);
      forgetFlowDocument(fresh.uri);
    }
    assert.ok(getFlowDocument(doc).regions[0].tree.forms.length > 0);
    forgetFlowDocument(uri);
  });

  it('keeps the forms before and after a one-character edit, shifted', () => {
    const before = readFlowWithBalance('(a 1)\n(b "x")\n(c 3)');
    const [a, b, c] = before.tree.forms;
    const after = rereadFlow(before, '(a 1)\n(b "xy")\n(c 3)');
    assert.equal(after.tree.forms[0], a);
    assert.notEqual(after.tree.forms[1], b);
    assert.equal(after.tree.forms[2], c);
    assert.deepEqual([c.start, c.end], [15, 20]);
  });

  it('re-reads a top-level word that an edit joins to the next or extends', () => {
    for (const [before, after] of [['a b', 'ab'], ['a (b)', 'ax (b)'], ['(a) b c', '(a) bc'], ['x "s"', 'x"s"']]) {
      assert.deepEqual(shape(rereadFlow(readFlowWithBalance(before), after).tree), shape(readFlow(after)), `${before} -> ${after}`);
    }
  });
});
