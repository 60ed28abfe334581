// Fix All: the safe fixes of a document applied at once, in both dialects, in pattern strings and in
// definitions; the rule that picks safe, non-overlapping edits; and what bad input does to it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind } from 'vscode-languageserver-types';
import { fixAllAction, fixAllText, replacementEdit } from '../../server/src/service/actions/fixAll';
import { safeFixes } from '../../server/src/service/actions/safeFixes';
import { fixAllKind, wanted } from '../../server/src/service/actions/kinds';
import { documentOf } from '../support/documents';
import { openDocumentsService } from '../support/service';
import { applyAction } from '../support/flowContext';

const service = openDocumentsService();

async function fixAll(text: string, kind: 'flow' | 'pattern' | 'definition' = 'flow'): Promise<{ text: string; applied: string[] }> {
  const doc = documentOf(text, kind);
  service.documentChanged(doc);
  const source = service.workspace.opened(doc.uri);
  assert.ok(source);
  return fixAllText(service, source);
}

const sms = '{:to-phone-number "1" :from-phone-number "2" :message "m"}';

describe('Fix All in 4.1 flows', () => {
  it('puts right every single did-you-mean: form, integration, unit', async () => {
    const text = `;; Then\n(seq (sned echo message {:message "hi"})\n     (delay 5 minuets)\n     (send twillio sms ${sms}))`;
    assert.deepEqual(await fixAll(text), {
      text: `;; Then\n(seq (send echo message {:message "hi"})\n     (delay 5 minutes)\n     (send twilio sms ${sms}))`,
      applied: ['Change to `send`', 'Change to `minutes`', 'Change to `twilio`'],
    });
  });

  it('checks again after a name is put right: the message a misspelt integration held back is fixed too', async () => {
    assert.deepEqual(await fixAll(`;; Then\n(send twillio smss ${sms})`), {
      text: `;; Then\n(send twilio sms ${sms})`,
      applied: ['Change to `twilio`', 'Change to `sms`'],
    });
  });

  it('fixes a field and an enum value, never adds missing fields nor removes a credential', async () => {
    const task = '(send salesforce task {:OwnerId "1" :WhoId "2" :WhatId "3" :Subject "Call" :Status "Completed" :Description "d" :ActivityDate "x" :Priority "Hihg"})';
    assert.equal((await fixAll(`;; Then\n${task}`)).text, `;; Then\n${task.replace('Hihg', 'High')}`);
    const unchanged = ';; Then\n(send twilio sms {:to-phone-number "1"})\n(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m" :password "p"})';
    assert.deepEqual(await fixAll(unchanged), { text: unchanged, applied: [] });
  });

  it('leaves a name with two candidates, and a form of the other dialect, as written', async () => {
    const text = ';; Then\n(sez x 1)';
    assert.deepEqual(await fixAll(text), { text, applied: [] });
    const other = '; cxengage-dialect: 4.1\n(create twilio sms {})';
    assert.equal((await fixAll(other)).text, other);
  });
});

describe('Fix All in 4.2 flows', () => {
  it('fixes an option, an integration and a message of an interaction', async () => {
    const text = `(def manager "+1")\n(create twillio smss ${sms} (retry 2))`;
    assert.deepEqual(await fixAll(text), {
      text: `(def manager "+1")\n(create twilio sms ${sms} (retries 2))`,
      applied: ['Change to `twilio`', 'Change to `retries`', 'Change to `sms`'],
    });
  });

  it('does not guess a variable: a misspelt name may be one not yet bound', async () => {
    const text = '(def dealer "x")\n(create twilio sms {:to-phone-number delaer :from-phone-number "2" :message "m"})';
    assert.deepEqual(await fixAll(text), { text, applied: [] });
  });
});

describe('Fix All in pattern payloads', () => {
  it('escapes what it writes into a code string, and renames a misspelt key', async () => {
    const text = '{"name": "p", "descripton": "d", "status": true, "when": "(event (= a \\"x\\"))", "then": "(send salesforce task {:OwnerId \\"1\\" :WhoId \\"2\\" :WhatId \\"3\\" :Subject \\"Call\\" :Status \\"Completed\\" :Description \\"d\\" :ActivityDate \\"x\\" :Priority \\"Hihg\\"})"}';
    const fixed = await fixAll(text, 'pattern');
    assert.equal(fixed.text, text.replace('descripton', 'description').replace('\\"Hihg\\"', '\\"High\\"'));
    assert.deepEqual(fixed.applied, ['Rename to "description"', 'Change to "High"']);
  });

  it('fixes 4.2 code under `code`', async () => {
    const text = `{"name": "p", "status": true, "code": "(create twillio sms {:to-phone-number \\"1\\" :from-phone-number \\"2\\" :message \\"m\\"})"}`;
    assert.equal((await fixAll(text, 'pattern')).text, text.replace('twillio', 'twilio'));
  });
});

describe('Fix All in definitions', () => {
  it('applies the one did-you-mean of a param and an enum value, not the redact or password fixes', async () => {
    const text = '{ "type": "x", "schema": [ { "label": "Key", "param": "api-key" } ], "endpoint": { "name": "x", "type": "x", "display": "X", "params": ["password"], "redact": ["pasword"], "sends": { "m": { "to": { "type": "required" } } } } }';
    const fixed = await fixAll(text, 'definition');
    assert.equal(fixed.text, text.replace('"pasword"', '"password"').replace('"required"', '"mandatory"'));
    assert.equal(fixed.applied.length, 2);
  });
});

describe('the safe fixes of a list of actions', () => {
  const doc = TextDocument.create('file:///w/a.cxflow', 'cxflow', 1, '(abc def ghi)');
  const action = (title: string, start: number, end: number, newText: string, preferred = true, uri = doc.uri): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    isPreferred: preferred || undefined,
    edit: { changes: { [uri]: [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText }] } },
  });

  it('takes preferred quick fixes in document order and skips one that overlaps a fix taken', () => {
    const fixes = safeFixes(doc, [action('ghi', 9, 12, 'GHI'), action('abc', 1, 4, 'ABC'), action('bc d', 2, 6, 'x'), action('def', 5, 8, 'DEF', false)]);
    assert.deepEqual(fixes.titles, ['abc', 'ghi']);
    assert.equal(TextDocument.applyEdits(doc, fixes.edits), '(ABC def GHI)');
  });

  it('inserts once where two fixes insert at one place, and leaves fixes of other files', () => {
    const fixes = safeFixes(doc, [action('one', 4, 4, '!'), action('two', 4, 4, '?'), action('elsewhere', 1, 4, 'x', true, 'file:///w/b.cxflow')]);
    assert.deepEqual(fixes.titles, ['one']);
    assert.equal(TextDocument.applyEdits(doc, fixes.edits), '(abc! def ghi)');
  });

  it('one edit from the first to the last change, never splitting a CRLF or a surrogate pair', () => {
    const crlf = TextDocument.create('file:///w/c.cxflow', 'cxflow', 1, 'a\r\nb');
    assert.deepEqual(replacementEdit(crlf, 'a\nb'), { range: { start: { line: 0, character: 1 }, end: { line: 1, character: 0 } }, newText: '\n' });
    const pair = TextDocument.create('file:///w/d.cxflow', 'cxflow', 1, 'x\u{1F600}y');
    const edit = replacementEdit(pair, 'x\u{1F601}y');
    assert.deepEqual(edit, { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: '\u{1F601}' });
    assert.equal(replacementEdit(pair, pair.getText()), undefined);
  });

  it('answers source.fixAll (and its own kind) only when asked by name', () => {
    assert.equal(wanted(fixAllKind, undefined), false);
    assert.equal(wanted(fixAllKind, ['source.fixAll']), true);
    assert.equal(wanted(fixAllKind, ['source']), true);
    assert.equal(wanted(fixAllKind, ['quickfix']), false);
    assert.equal(wanted(CodeActionKind.QuickFix, undefined), true);
  });

  it('the Fix All action is one edit of the document, of its kind, counting the fixes', async () => {
    const doc2 = documentOf(';; Then\n(delay 5 minuets)\n(delay 1 dayz)', 'flow');
    service.documentChanged(doc2);
    const action = await fixAllAction(service, service.workspace.opened(doc2.uri)!);
    assert.equal(action?.title, 'Fix all safe problems (2 fixes)');
    assert.equal(action?.kind, 'source.fixAll.cxengage');
    assert.equal(action?.edit?.changes?.[doc2.uri]?.length, 1);
    assert.equal(applyAction(doc2, action!), ';; Then\n(delay 5 minutes)\n(delay 1 days)');
  });
});

describe('Fix All on bad input', () => {
  const cases: [string, string, 'flow' | 'pattern' | 'definition'][] = [
    ['an unterminated string', ';; Then\n(send twillio sms {:message "hi})', 'flow'],
    ['unbalanced brackets', ';; Then\n(seq (delay 5 minuets)', 'flow'],
    ['a 10,000-deep form', `${'('.repeat(10000)}${')'.repeat(10000)}`, 'flow'],
    ['broken JSON', '{"then": "(sned echo message {})", ', 'pattern'],
    ['a pattern string broken over lines', '{"then": "(delay 5\nminuets)"}', 'pattern'],
    ['binary data', '\u0000\u0001\u0002(delay 5 minuets)', 'flow'],
    ['not a definition at all', '[1, 2', 'definition'],
  ];
  for (const [what, text, kind] of cases) {
    it(`${what}: no throw, and only whole safe fixes`, async () => {
      const fixed = await fixAll(text, kind);
      // What changed is exactly the fixes named: none, or a misspelling put right.
      if (fixed.applied.length === 0) assert.equal(fixed.text, text);
      else assert.equal(fixed.text, text.replace('minuets', 'minutes').replace('twillio', 'twilio').replace('sned', 'send'));
    });
  }
});
