// The preview requests as the language service answers them: which form a request gets (a
// definition's, a built-in's, an integration's by type, the send at a position), which it refuses,
// the quick pick's list in its order, and the send form's Apply with each reason it can refuse.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinDocuments } from '../../server/src/service/definitions/builtin';
import { noEditReasons } from '../../server/src/service/previews/sendPreviewEdit';
import { normaliseSettings } from '../../server/src/service/settings';
import { crmDefinition, crmWith } from '../support/definitions';
import { openDocumentsService } from '../support/service';

const crmUri = 'file:///w/crm.integration.json';
const flowUri = 'file:///w/alerts.cxflow';
const flowText = ';; When\n(event (= type "x"))\n;; Then\n(send crm note {:colour "red"})\n';

function service(settings = normaliseSettings({})) {
  const s = openDocumentsService(settings);
  s.documentChanged(TextDocument.create(crmUri, 'cxengage-integration', 1, crmDefinition));
  s.documentChanged(TextDocument.create(flowUri, 'cxflow', 1, flowText));
  return s;
}

describe('the preview requests of the language service', () => {
  it('gives a definition file its form, with the file\'s problems', async () => {
    const s = service();
    const clean = await s.previews.formModel({ uri: crmUri });
    assert.ok(clean?.kind === 'integration');
    assert.deepEqual([clean.type, clean.displayName, clean.builtin, clean.uri, clean.problems], ['crm', 'CRM', false, crmUri, []]);
    s.documentChanged(TextDocument.create(crmUri, 'cxengage-integration', 2, crmWith([', "redact": ["secret"]', ''])));
    const unredacted = await s.previews.formModel({ uri: crmUri });
    assert.ok(unredacted?.kind === 'integration');
    assert.deepEqual(unredacted.problems.map((p) => [p.code, p.severity]), [['unredacted-secret', 'warning']]);
  });

  it('gives the send at a position its form, and the first send for no position', async () => {
    const s = service();
    const at = await s.previews.formModel({ uri: flowUri, position: { line: 3, character: 5 } });
    assert.ok(at?.kind === 'send');
    assert.deepEqual([at.operator, at.integration, at.message, at.definitionUri, at.position], ['send', 'crm', 'note', crmUri, { line: 3, character: 5 }]);
    assert.deepEqual(at.fields.map((f) => [f.name, f.status]), [['text', 'missing'], ['colour', 'ok']]);
    const first = await s.previews.formModel({ uri: flowUri });
    assert.ok(first?.kind === 'send');
    assert.deepEqual(first.position, { line: 0, character: 0 });
    assert.equal(first.message, 'note');
  });

  it('gives an integration by type: the workspace\'s first, then the built-in; none for an unknown type', async () => {
    const s = service();
    const crm = await s.previews.formModel({ integrationType: 'crm' });
    assert.deepEqual([crm?.kind, crm?.uri], ['integration', crmUri]);
    const twilio = await s.previews.formModel({ integrationType: 'twilio' });
    assert.ok(twilio?.kind === 'integration');
    assert.deepEqual([twilio.type, twilio.builtin, twilio.problems], ['twilio', true, []]);
    const seenFromFlow = await s.previews.formModel({ integrationType: 'crm', uri: flowUri });
    assert.equal(seenFromFlow?.uri, crmUri);
    assert.equal(await s.previews.formModel({ integrationType: 'nope' }), null);
    assert.equal(await s.previews.formModel({ integrationType: 'nope', uri: flowUri }), null);
  });

  it('gives a built-in definition\'s file the bundled form', async () => {
    const s = service();
    const builtin = loadBuiltinDocuments().find((d) => d.definition.type?.value === 'sendgrid');
    assert.ok(builtin);
    const form = await s.previews.formModel({ uri: builtin.document.uri });
    assert.ok(form?.kind === 'integration');
    assert.deepEqual([form.type, form.builtin, form.uri], ['sendgrid', true, builtin.document.uri]);
  });

  it('refuses what has no form: unread files, other kinds, guarded files', async () => {
    const s = service(normaliseSettings({ maxFileSize: 200 }));
    assert.equal(await s.previews.formModel({ uri: 'file:///w/missing.cxflow' }), null);
    s.documentChanged(TextDocument.create('file:///w/t.template.json', 'cxengage-template', 1, '{"id": "TM1", "template": "hi"}'));
    assert.equal(await s.previews.formModel({ uri: 'file:///w/t.template.json' }), null);
    // Over maxFileSize: the file is not analysed, so it has no form.
    assert.equal(await s.previews.formModel({ uri: crmUri }), null);
    const big = 'file:///w/big.cxflow';
    s.documentChanged(TextDocument.create(big, 'cxflow', 1, `${flowText}${' '.repeat(300)}`));
    assert.equal(await s.previews.formModel({ uri: big, position: { line: 3, character: 5 } }), null);
    assert.deepEqual(await s.previews.sendFormEdit(big, { line: 3, character: 5 }, { text: 'x' }), { edit: null, reason: noEditReasons.notAnalysed });
  });

  it('writes a send form\'s values into the flow, or says why not', async () => {
    const s = service();
    const result = await s.previews.sendFormEdit(flowUri, { line: 3, character: 5 }, { text: 'hello' });
    assert.deepEqual(result.edit?.documentChanges, [
      { textDocument: { uri: flowUri, version: 1 }, edits: [{ range: { start: { line: 3, character: 29 }, end: { line: 3, character: 29 } }, newText: ' :text "hello"' }] },
    ]);
    assert.deepEqual(await s.previews.sendFormEdit(crmUri, { line: 0, character: 0 }, { text: 'x' }), { edit: null, reason: noEditReasons.notAFlow });
    assert.deepEqual(await s.previews.sendFormEdit('file:///w/missing.cxflow', { line: 0, character: 0 }, { text: 'x' }), { edit: null, reason: noEditReasons.notAFlow });
    assert.deepEqual(await s.previews.sendFormEdit(flowUri, { line: 3, character: 5 }, {}), { edit: null, reason: noEditReasons.nothingFilled });
    const noSend = 'file:///w/quiet.cxflow';
    s.documentChanged(TextDocument.create(noSend, 'cxflow', 1, ';; When\n(event (= type "x"))\n'));
    assert.deepEqual(await s.previews.sendFormEdit(noSend, { line: 1, character: 0 }, { text: 'x' }), { edit: null, reason: noEditReasons.noSend });
    assert.equal(await s.previews.formModel({ uri: noSend, position: { line: 1, character: 0 } }), null);
  });

  it('lists the integrations for the quick pick: the workspace\'s first, then the built-ins, each by display name', () => {
    const s = service();
    const all = s.previews.integrationList(undefined);
    assert.deepEqual(all[0], { type: 'crm', displayName: 'CRM', uri: crmUri, builtin: false });
    const builtins = all.slice(1);
    assert.equal(builtins.length, 8);
    assert.ok(builtins.every((b) => b.builtin));
    const names = builtins.map((b) => b.displayName);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
    assert.deepEqual(s.previews.integrationList(flowUri), all);
    // A second workspace definition sorts among the workspace's by name, before every built-in.
    s.documentChanged(TextDocument.create('file:///w/acme.integration.json', 'cxengage-integration', 1, crmWith(['"type": "crm"', '"type": "acme"'], ['"display": "CRM"', '"display": "Acme"'])));
    assert.deepEqual(s.previews.integrationList(undefined).slice(0, 3).map((i) => [i.type, i.displayName, i.builtin]), [['acme', 'Acme', false], ['crm', 'CRM', false], [builtins[0].type, builtins[0].displayName, true]]);
  });

  it('keeps whole characters in the messages of a form', async () => {
    const s = service();
    // A field name ending in half of a surrogate pair reaches the unknown-field message.
    const broken = 'file:///w/broken.cxflow';
    s.documentChanged(TextDocument.create(broken, 'cxflow', 1, ';; When\n(event (= type "x"))\n;; Then\n(send crm note {:text "a" :x\ud83d "b"})\n'));
    const form = await s.previews.formModel({ uri: broken, position: { line: 3, character: 5 } });
    assert.ok(form?.kind === 'send');
    for (const message of [...form.problems.map((p) => p.message), ...form.fields.map((f) => f.problem ?? '')])
      assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(message) && !/(^|[^\ud800-\udbff])[\udc00-\udfff]/.test(message), `half a character in ${JSON.stringify(message)}`);
    assert.ok(form.problems.some((p) => p.code === 'unknown-field'));
  });
});
