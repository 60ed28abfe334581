// Flow editing features on hostile input: completion, hover, definition, outline and quick fixes
// at every offset of half-typed, unbalanced, escaped and random text answer without throwing,
// and every range they return lies inside the document.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { checkFlowDocument } from '../../server/src/service/flow';
import { completeFlow, flowCodeActions, flowDefinition, flowSymbols, hoverFlow } from '../../server/src/service/flow/editing/features';
import { completePattern, hoverPattern } from '../../server/src/service/flow/editing/payload';
import { checkPatternDocument } from '../../server/src/service/flow/embedding/payloadChecks';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';
import { builtinContext } from '../support/flowContext';
import { randomBytes, randomText, seededRandom } from '../support/random';

const ctx = builtinContext();

function assertInside(doc: TextDocument, range: Range, what: string): void {
  const end = doc.positionAt(doc.getText().length);
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.character >= 0, `${what}: negative position`);
    assert.ok(p.line < end.line || (p.line === end.line && p.character <= end.character), `${what}: past the end`);
    assert.deepEqual(doc.positionAt(doc.offsetAt(p)), p, `${what}: position not in the text`);
  }
}

function assertSymbolsInside(doc: TextDocument, symbols: DocumentSymbol[]): void {
  for (const s of symbols) {
    assertInside(doc, s.range, 'symbol');
    assertInside(doc, s.selectionRange, 'symbol selection');
    assertSymbolsInside(doc, s.children ?? []);
  }
}

const isPattern = (doc: TextDocument) => doc.uri.endsWith('.pattern.json');

/** Every feature at the given offsets (every offset by default); pattern files as the language service serves them. */
async function exercise(doc: TextDocument, offsets?: number[]): Promise<void> {
  const length = doc.getText().length;
  const flowDoc = readFlow(doc);
  const at = offsets ?? Array.from({ length: length + 1 }, (_, i) => i);
  for (const offset of at) {
    const position = doc.positionAt(offset);
    for (const snippets of [false, true]) {
      const items = isPattern(doc) ? (await completePattern(flowDoc, position, ctx, { snippets })).items : completeFlow(flowDoc, position, ctx, { snippets });
      for (const item of items) {
        const edit = item.textEdit;
        if (edit !== undefined && 'range' in edit) assertInside(doc, edit.range, `completion ${item.label} at ${offset}`);
      }
    }
    const hover = isPattern(doc) ? await hoverPattern(flowDoc, position, ctx) : hoverFlow(flowDoc, position, ctx);
    if (hover?.range) assertInside(doc, hover.range, `hover at ${offset}`);
    for (const location of flowDefinition(flowDoc, position, ctx)) assert.ok(location.uri.length > 0);
  }
  assertSymbolsInside(doc, flowSymbols(flowDoc, ctx.settings.flow.dialect));
  const diagnostics = isPattern(doc) ? (await checkPatternDocument(flowDoc, ctx)).diagnostics : checkFlowDocument(flowDoc, ctx);
  for (const d of diagnostics) assertInside(doc, d.range, `diagnostic ${String(d.code)}`);
  for (const action of flowCodeActions(flowDoc, { start: doc.positionAt(0), end: doc.positionAt(length) }, diagnostics, ctx)) {
    for (const edit of action.edit?.changes?.[doc.uri] ?? []) assertInside(doc, edit.range, `code action ${action.title}`);
  }
}

const flowAlphabet = [
  ...'()[]{}":;\\*$+-,. \n\t0123456789abcdefghijklmnopqrstuvwxyz',
  ...['send ', 'twilio ', 'sms ', ':message ', '(await ', '(delay ', 'hours', '\ud83d', '\ude00', '\u0000', 'é'],
  ...['#', '#{', '#_', '#inst ', 'result.sid', 'even?'],
];

describe('flow features on hostile input', () => {
  const halfTyped = [
    ';; Then\n(seq\n  (send twilio sms {:to-phone-number *pho',
    '(send twilio sms {:to-phone-number "1" :message "unterminated\n(delay 5',
    '[{:name "x" :when (within 1 (count :then (send salesforce task {:Priority "Hi',
    ')))]]}}} (send echo message {:message "x"}))) {:a',
    '(send twilio sms {:to "a" :to} (template {:message}) (success (set x $sid)) (failure',
    '{:name "p" :status :when :then (await twilio call-status {:sid $sid} (if (= $status "done") (success',
    '; cxengage-disable-next-line\n(send ; comment inside\n twilio ; more\n sms {"message" "x" , :to-phone-number, *a*})',
    '(send timer create {:trigger "t" :then (send twilio sms {:message (delay',
    '(send)(await)(send twilio)(send twilio sms)(send twilio sms [])(send 1 2 3)(send "twilio" "sms" {})',
    '(event {:priority #{"high" #_"low" :x} :at #inst "2014-06-1',
    '#_(send twilio sms {:to #{ (send twilio sms {:message #uuid #app/x {:a result. (even? #(inc %) #"re',
    '(send twilio sms {:message #inst} #_) (send echo message {:message #{$sid $sid}}) #',
  ];
  halfTyped.forEach((text, i) => {
    it(`answers at every offset of half-typed flow #${i + 1}`, () => exercise(documentOf(text, 'flow')));
  });

  const patterns = [
    '{"name": "x", "then": 42, "when": "(event (= a \\"b"}',
    '[{"then": "(send twilio sms {:message \\"a\\\\\\"b\\" :to-phone-number \\u0022x\\u0022})"}, 3, "s", {"when": "(within 1 hou',
    '{"then": "(send salesforce task {:Priority \\"Hi\\u00',
    '{"then": "\\n(seq\\n  (send echo message {:message \\"x\\"})\\n  (delay 1 days))", "status": tru',
    '[{"name": "a" "when": "(event)" "then": "(send echo message {})",}]',
    '{"then": "(send twilio sms {:message \\"unterminated})"',
    '{"name": "p", "status": true,\n "code": "(event {:type \\"x\\"})\r\n(perform echo\n',
    '[{"cdoe": "(event)\n(perform echo message {})", "status": true, "key": ""},\n {"name": "a\n  "status": tru',
    '{"then": "(send twilio sms {:to #{\\"1\\"} :at #inst \\"2014\\" #_(x #_\\n"}',
  ];
  patterns.forEach((text, i) => {
    it(`answers at every offset of broken pattern file #${i + 1}`, () => exercise(documentOf(text, 'pattern')));
  });

  it('answers at every offset of random text in both file kinds', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      await exercise(documentOf(randomText(seededRandom(seed), 400, flowAlphabet), 'flow'));
      await exercise(documentOf(`{"then": "${randomText(seededRandom(seed + 100), 300, flowAlphabet).replace(/"/g, '\\"')}"}`, 'pattern'));
    }
  });

  it('answers on random bytes read as text', async () => {
    const text = randomBytes(seededRandom(42), 2000);
    await exercise(documentOf(text, 'flow'));
    await exercise(documentOf(text, 'pattern'));
  });

  it('answers inside deep nesting without overflowing the stack', async () => {
    const depth = 10000;
    const text = `${'(seq '.repeat(depth)}(send twilio sms {:message "x"})${')'.repeat(depth)}`;
    const doc = documentOf(text, 'flow');
    const inner = text.indexOf('twilio');
    await exercise(doc, [0, 1, 5 * depth, 5 * depth + 1, inner, inner + 6, inner + 11, text.indexOf(':message') + 2, text.length]);
    const unclosed = documentOf('('.repeat(depth) + 'send twilio ', 'flow');
    await exercise(unclosed, [depth, depth + 3, depth + 12]);
  });

  it('answers on a 5 MB flow file', async () => {
    const send = '(send twilio sms {:to-phone-number *phone* :from-phone-number "1" :message "hello"}) ; ok\n';
    const text = `;; Then\n(seq\n${send.repeat(Math.ceil((5 * 1024 * 1024) / send.length))}`;
    const doc = documentOf(text, 'flow');
    const mid = Math.floor(text.length / 2);
    const sms = text.indexOf('sms', mid);
    await exercise(doc, [0, 8, sms, sms + 2, sms + 5, text.indexOf(':message', mid) + 3, text.length]);
  });
});
