// Re-reading a `.cxflow` document after an edit gives exactly what reading it from scratch gives:
// the same tree (kinds, ranges, comments, reader errors) and the same diagnostics, over many random
// edits (seeded, so every run makes the same ones) that break and mend brackets, strings, comments
// and markers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { propertySteps, seededRandom, Random } from '../support/random';
import { generateFlowFile } from '../../bench/generators';
import { Balance, balanceAfterEdit, scanBalance } from '../../server/src/service/flow/syntax/balance';
import { rereadFlow } from '../../server/src/service/flow/syntax/incremental';
import { readFlow, readFlowWithBalance } from '../../server/src/service/flow/syntax/reader';
import { FlowNode, FlowTree, isContainer } from '../../server/src/service/flow/syntax/tree';
import { openDocumentsService } from '../support/service';
import { compactRange } from '../support/documents';

const root = join(__dirname, '..', '..', '..');
const examples = ['mistakes', 'escalations', 'abandoned-calls'].map((name) =>
  readFileSync(join(root, 'examples', 'flows', `${name}.cxflow`), 'utf8'),
);
/** The reader's additions: sets, tagged literals, discards (of forms and of lines), dotted and `?` symbols. */
const additions = [
  '(event {:priority #{"high" "medium"} :amount (> 50000) :at #inst "2014-06-18"})',
  '(let [result (create twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m"})]',
  '  #_(perform echo message {:message result.sid})',
  '  (when (even? (count (all $amount))) (fetch echo message {:id #uuid "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"})))',
  '#_',
  '(delay 1 hours)',
  '#{:a #_ :b :c}',
].join('\n');
const sample = [...examples, generateFlowFile({ sends: 40, bytes: 8_000, seed: 11, mistakes: 0.3 }).text, additions].join('\n');

/** What a tree says, without parent links: kinds and ranges of every node, comments, discards and errors. */
function shape(tree: FlowTree): unknown {
  const node = (n: FlowNode): unknown =>
    isContainer(n) ? [n.kind, n.kind === 'tagged' ? n.tag : '', n.start, n.end, n.closed, n.children.map(node)] : { ...n, parent: undefined };
  return {
    forms: tree.forms.map(node),
    comments: tree.comments,
    discards: tree.discards.map((d) => [d.start, d.end, d.form && node(d.form)]),
    errors: tree.errors,
  };
}

const pieces = [
  ...['(', ')', '[', ']', '{', '}', '"', ';', '\n', ' ', ';; Then\n', ';; When\n', 'x', ':to', '$id', '\\', '(send ', '(seq ', '42', ',', '\r\n'],
  '; cxengage-disable-next-line\n',
  ...['#{', '#', '#_', '_', '#inst ', '#uuid', '#app/t ', '"2014-06-18"', '.sid', 'even?', '#(', '#"'],
];

/** Pieces that change what a 4.2 program means: its dialect, its globals, its scopes. */
const pieces42 = [
  ...pieces,
  '; cxengage-dialect: 4.1\n',
  '; cxengage-dialect: 4.2\n',
  '(def total 1)\n',
  '(def ',
  '(let [total ',
  '(if-let [r ',
  'total',
  'r.sid',
  '(send ',
  '(create ',
  ' days',
];

/** A 4.2 program of many top-level forms, some defining globals that later ones use. */
const program42 = [
  '(def dealer "dealer@example.com")',
  '(within 30 days (times 4 (event {:product "car" :amount (> 100)})))',
  '(let [total (sum (all $cost))]',
  '  (create sendgrid email {:to dealer :from "a@example.com" :subject "s" :message (template +TM1)})',
  '  (when (> total 5000) (create twilio sms {:to-phone-number $phone :from-phone-number "1" :message "m"})))',
  '(def limit 3)',
  '(if-let [r (fetch generic fetch {:id $id})] (perform echo message {:message r.sid}) (delay 1 day))',
  '(until (= limit 3) (perform echo message {:message total}))',
].join('\n');

/** One random edit: insert a piece, delete a few characters, or replace them with a piece. */
function randomEdit(random: Random, text: string, from: readonly string[] = pieces): string {
  const at = random.int(text.length + 1);
  const removed = random.chance(0.5) ? random.int(6) : 0;
  const inserted = removed > 0 && random.chance(0.5) ? '' : random.pick(from);
  return text.slice(0, at) + inserted + text.slice(at + removed);
}

describe('incremental flow reading', () => {
  /**
   * Edits `start` at random (back to it every `back` steps, so that edits keep landing on
   * well-formed code), re-reading after each edit; every re-read must be what a full read gives.
   * Returns how many edits re-read a text read with recovery and kept the recovery.
   */
  function rereadsLikeFullReads(start: string, seed: number, steps: number, back: number): number {
    const random = seededRandom(seed);
    let read = readFlowWithBalance(start);
    let text = start;
    let recovered = 0;
    for (let step = 0; step < propertySteps(steps); step++) {
      text = step % back === back - 1 ? start : randomEdit(random, text);
      const wasRecovered = read.recovered;
      read = rereadFlow(read, text);
      if (wasRecovered && read.recovered) recovered++;
      assert.deepEqual(shape(read.tree), shape(readFlow(text)), `step ${step}`);
      const whole = readFlowWithBalance(text);
      assert.deepEqual([read.recovered, read.balanced, read.nestedOpeners], [whole.recovered, whole.balanced, whole.nestedOpeners], `step ${step}`);
    }
    return recovered;
  }

  it('re-reads a text to the same tree as a full read, edit after edit, balanced or not', () => {
    rereadsLikeFullReads(sample, 7, 600, 25);
  });

  it('re-reads text dense with sets, tags and discards to the same tree as a full read, edit after edit', () => {
    rereadsLikeFullReads(Array.from({ length: 12 }, () => additions).join('\n'), 13, 600, 40);
  });

  it('gives the diagnostics of a from-scratch check after every edit of an open document', async () => {
    await diagnosticsAfterEdits(sample, 23, 300);
  });

  it('gives the diagnostics of a from-scratch check after every edit of a 4.2 program, its dialect and globals changing', async () => {
    await diagnosticsAfterEdits(Array.from({ length: 6 }, () => program42).join('\n'), 29, 300, pieces42);
  });

  it('gives the diagnostics of a from-scratch check after every edit of a document with a form left open', async () => {
    let closers = 0;
    await diagnosticsAfterEdits(sample.replace(/\)\n/g, (m) => (closers++ % 8 === 3 ? '\n' : m)), 41, 150);
  });

  it('sees a renamed 4.2 global even when the old and new names hash alike (`Aa` and `BB`)', async () => {
    // A long form's cached analysis is reused only while the globals before it are the same; two
    // names with equal 31-polynomial hashes must still count as different globals.
    const service = openDocumentsService();
    const uri = 'file:///workspace/globals.cxflow';
    const use = '(create twilio sms {:to-phone-number Aa :from-phone-number "+15550100" :message "hi"})';
    const before = `; cxengage-dialect: 4.2\n(def Aa 1)\n${use}\n`;
    service.documentChanged(TextDocument.create(uri, 'cxflow', 1, before));
    assert.deepEqual(await service.diagnostics(uri), []);
    service.documentChanged(TextDocument.create(uri, 'cxflow', 2, before.replace('(def Aa', '(def BB')));
    assert.deepEqual(
      (await service.diagnostics(uri)).map((d) => [d.code, compactRange(d.range)]),
      [['unbound-variable', [2, 37, 2, 39]]],
    );
  });

  async function diagnosticsAfterEdits(start: string, seed: number, steps: number, from: readonly string[] = pieces): Promise<void> {
    const random = seededRandom(seed);
    const service = openDocumentsService();
    const uri = 'file:///workspace/typing.cxflow';
    let doc = TextDocument.create(uri, 'cxflow', 1, start);
    service.documentChanged(doc);
    await service.diagnostics(uri);
    for (let step = 0; step < propertySteps(steps); step++) {
      let text = step % 25 === 24 ? start : randomEdit(random, doc.getText(), from);
      // Now and then the first line says (or stops saying) which dialect the whole file is.
      if (from === pieces42 && step % 7 === 3) text = text.startsWith('; cxengage-dialect') ? text.slice(text.indexOf('\n') + 1) : `; cxengage-dialect: ${random.pick(['4.1', '4.2'])}\n${text}`;
      doc = TextDocument.create(uri, 'cxflow', doc.version + 1, text);
      service.documentChanged(doc);
      const incremental = await service.diagnostics(uri);
      const fresh = TextDocument.create(`file:///workspace/fresh-${step}.cxflow`, 'cxflow', 1, text);
      service.documentChanged(fresh);
      assert.deepEqual(incremental, await service.diagnostics(fresh.uri), `step ${step}`);
      await service.documentClosed(fresh.uri);
    }
    assert.ok(service.symbols(uri).length > 0);
  }

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
    const joins = [['a b', 'ab'], ['a (b)', 'ax (b)'], ['(a) b c', '(a) bc'], ['x "s"', 'x"s"']];
    // A tag with nothing to tag, or a `#_` with nothing to drop, takes the form written after it.
    const taken = [['#inst ', '#inst "x"'], ['#inst ) (b)', '#inst "x") (b)'], ['(a) #_ ) (b)', '(a) #_ x) (b)'], ['(a)\n(b)', '(a)#_\n(b)']];
    for (const [before, after] of [...joins, ...taken]) {
      assert.deepEqual(shape(rereadFlow(readFlowWithBalance(before), after).tree), shape(readFlow(after)), `${before} -> ${after}`);
    }
  });

  it('re-reads only the touched forms of a text read with recovery (a form left open in the middle)', () => {
    const text = '(a 1)\n(send twilio sms {:message "x"\n(b 2)\n(c "y")\n';
    const before = readFlowWithBalance(text);
    assert.equal(before.recovered, true);
    const [a, send, b, c] = before.tree.forms;
    assert.equal(send.kind === 'list' && send.closed, false);
    // Typing inside the form left open: the forms around it are kept, c moved by one.
    const typed = text.replace('"x"', '"xy"');
    const after = rereadFlow(before, typed);
    assert.equal(after.recovered, true);
    assert.deepEqual(shape(after.tree), shape(readFlow(typed)));
    assert.equal(after.tree.forms[0], a);
    assert.notEqual(after.tree.forms[1], send);
    assert.equal(after.tree.forms[2], b);
    assert.equal(after.tree.forms[3], c);
    assert.deepEqual([c.start, c.end], [44, 51]);
    // Typing in a later form keeps the one left open.
    const later = rereadFlow(after, typed.replace('(c "y")', '(c "yz")'));
    assert.equal(later.tree.forms[1], after.tree.forms[1]);
    assert.deepEqual(later.tree.errors, readFlow(typed.replace('(c "y")', '(c "yz")')).errors);
    // Closing it ends the recovery: the whole text is read as written.
    const closed = typed.replace('"xy"', '"xy"})');
    const mended = rereadFlow(later, closed.replace('(c "y")', '(c "yz")'));
    assert.equal(mended.recovered, false);
    assert.deepEqual(shape(mended.tree), shape(readFlow(closed.replace('(c "y")', '(c "yz")'))));
  });

  it('re-reads texts with forms left open to the same tree as a full read, edit after edit', () => {
    // Forms left open in the middle of the sample, so that most steps take the recovering path.
    let closers = 0;
    const open = sample.replace(/\)\n/g, (m) => (closers++ % 8 === 3 ? '\n' : m));
    const recovered = rereadsLikeFullReads(open, 31, 400, 25);
    // Three in four re-reads start from text read with recovery and keep it.
    assert.ok(recovered > propertySteps(400) * 0.75, `${recovered} re-reads of recovered text`);
  });

  it('tells balance and nested openers as a plain read does, without reading a tree', () => {
    const random = seededRandom(5);
    const dense = Array.from({ length: 12 }, () => additions).join('\n');
    for (const start of [sample, dense]) {
      let text = start;
      for (let step = 0; step < propertySteps(500); step++) {
        text = step % 40 === 39 ? start : randomEdit(random, text);
        const whole = readFlowWithBalance(text);
        assert.deepEqual(scanBalance(text), { balanced: whole.balanced, nestedOpeners: whole.nestedOpeners }, `step ${step}`);
      }
    }
    const edges = ['', '"\\', '"a\\"', '(\n(', '(]\n[)', '{"x\\u00"}\n(', '; (\n(', '\r(a\r(b', '([)]', '"\\u0041(" ('];
    const setEdges = ['(\n#{', '#{\n#{', '(a\nx#{', '(\n#\n{', '(\n##{', '#{)\n#{}', '(#_\n(', '(#inst\n[', '[#"(" ('];
    for (const edge of [...edges, ...setEdges]) {
      const whole = readFlowWithBalance(edge);
      assert.deepEqual(scanBalance(edge), { balanced: whole.balanced, nestedOpeners: whole.nestedOpeners }, JSON.stringify(edge));
    }
  });

  it('carries the balance over an edit of plain characters, and scans after any other', () => {
    const random = seededRandom(19);
    const typing = ['x', 'ab', ' ', '42', ',', ':to'];
    let text = sample;
    let balance: Balance = scanBalance(text);
    for (let step = 0; step < propertySteps(800); step++) {
      const at = random.int(text.length + 1);
      const removed = random.chance(0.3) ? random.int(4) : 0;
      const inserted = random.chance(0.7) ? random.pick(typing) : random.pick(pieces);
      const next = step % 40 === 39 ? sample : text.slice(0, at) + inserted + text.slice(at + removed);
      let start = 0;
      while (start < Math.min(text.length, next.length) && text[start] === next[start]) start++;
      let oldEnd = text.length;
      let newEnd = next.length;
      while (oldEnd > start && newEnd > start && text[oldEnd - 1] === next[newEnd - 1]) {
        oldEnd--;
        newEnd--;
      }
      balance = balanceAfterEdit(balance, text, next, start, oldEnd, newEnd);
      text = next;
      assert.deepEqual(balance, scanBalance(text), `step ${step}`);
    }
    const open = '(a\n(b "x\\y")\n(c)';
    assert.deepEqual(balanceAfterEdit(scanBalance(open), open, open.replace('"x', '"xz'), 8, 8, 9), { balanced: false, nestedOpeners: [3, 14] });
    // Typing right after a backslash or before an opener (a set's `#` too) scans.
    for (const [before, after, at] of [['("a\\")', '("a\\x")', 4], ['(a\n(b', '(a\nx(b', 3], ['(a\n#{b}', '(a\nx#{b}', 3]] as const) {
      assert.notDeepEqual(scanBalance(after), scanBalance(before), after);
      assert.deepEqual(balanceAfterEdit(scanBalance(before), before, after, at, at, at + 1), scanBalance(after), after);
    }
  });
});
