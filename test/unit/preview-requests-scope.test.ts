// The preview requests across workspace folders: a document sees its own folder's integrations
// (the quick pick's list and an integration asked for by type), a request with no document sees
// every folder's; definitions without a type stay out of the list; payloads get send forms too.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageIds } from '../../server/src/service/documentKind';
import { noEditReasons } from '../../server/src/service/previews/sendPreviewEdit';
import { crmDefinition, crmWith } from '../support/definitions';
import { openDocumentsService } from '../support/service';

const inA = (name: string) => `file:///a/${name}`;
const inB = (name: string) => `file:///b/${name}`;

function twoFolders() {
  const s = openDocumentsService();
  s.setFolders(['file:///a', 'file:///b']);
  s.documentChanged(TextDocument.create(inB('crm.integration.json'), languageIds.definition, 1, crmDefinition));
  s.documentChanged(TextDocument.create(inA('acme.integration.json'), languageIds.definition, 1, crmWith(['"type": "crm"', '"type": "acme"'], ['"display": "CRM"', '"display": "Acme"'])));
  s.documentChanged(TextDocument.create(inA('acme-copy.integration.json'), languageIds.definition, 1, crmWith(['"type": "crm"', '"type": "acme2"'], ['"display": "CRM"', '"display": "Acme"'])));
  s.documentChanged(TextDocument.create(inA('untyped.integration.json'), languageIds.definition, 1, '{"display": "Untyped", "endpoint": {}}'));
  s.documentChanged(TextDocument.create(inA('zulu.integration.json'), languageIds.definition, 1, crmWith(['"type": "crm"', '"type": "zulu"'], ['"display": "CRM"', '"display": "Zulu"'])));
  return s;
}

describe('preview requests across workspace folders', () => {
  it('lists the integrations a document sees, or every folder\'s without one, workspace first, by name then uri', () => {
    const s = twoFolders();
    const workspaceOnes = (uri: string | undefined) =>
      s.previews
        .integrationList(uri)
        .filter((i) => !i.builtin)
        .map((i) => [i.type, i.displayName, i.uri]);
    assert.deepEqual(workspaceOnes(inA('f.cxflow')), [
      ['acme2', 'Acme', inA('acme-copy.integration.json')],
      ['acme', 'Acme', inA('acme.integration.json')],
      ['zulu', 'Zulu', inA('zulu.integration.json')],
    ]);
    assert.deepEqual(workspaceOnes(undefined), [
      ['acme2', 'Acme', inA('acme-copy.integration.json')],
      ['acme', 'Acme', inA('acme.integration.json')],
      ['crm', 'CRM', inB('crm.integration.json')],
      ['zulu', 'Zulu', inA('zulu.integration.json')],
    ]);
    const all = s.previews.integrationList(undefined);
    assert.deepEqual(
      all.map((i) => i.builtin),
      [false, false, false, false, true, true, true, true, true, true, true, true],
    );
  });

  it('finds an integration by type where the document sees it, anywhere without one', async () => {
    const s = twoFolders();
    assert.equal(await s.previews.formModel({ integrationType: 'crm', uri: inA('f.cxflow') }), null);
    const anywhere = await s.previews.formModel({ integrationType: 'crm' });
    assert.deepEqual([anywhere?.kind, anywhere?.uri], ['integration', inB('crm.integration.json')]);
    const seen = await s.previews.formModel({ integrationType: 'crm', uri: inB('f.cxflow') });
    assert.deepEqual([seen?.kind, seen?.uri], ['integration', inB('crm.integration.json')]);
  });

  it('gives the send of a payload its form and writes values into it', async () => {
    const s = twoFolders();
    const uri = inB('p.pattern.json');
    s.documentChanged(TextDocument.create(uri, languageIds.pattern, 1, '{"then": "(send crm note {:colour \\"red\\"})"}'));
    const form = await s.previews.formModel({ uri, position: { line: 0, character: 11 } });
    assert.ok(form?.kind === 'send');
    assert.deepEqual([form.integration, form.message], ['crm', 'note']);
    assert.deepEqual(form.fields, [
      {
        name: 'text',
        label: 'text',
        mandatory: true,
        value: { kind: 'empty' },
        templated: false,
        editable: true,
        status: 'missing',
        range: { start: { line: 0, character: 25 }, end: { line: 0, character: 42 } },
        help: 'The note',
        problem: '`crm note` is missing mandatory field `text`',
        severity: 'error',
      },
      {
        name: 'colour',
        label: 'colour',
        mandatory: false,
        value: { kind: 'constant', text: 'red' },
        templated: false,
        editable: true,
        status: 'ok',
        range: { start: { line: 0, character: 34 }, end: { line: 0, character: 41 } },
        options: ['red', 'green'],
      },
    ]);
    const written = await s.previews.sendFormEdit(uri, { line: 0, character: 11 }, { text: 'hi' });
    assert.deepEqual(written.edit?.documentChanges, [
      { textDocument: { uri, version: 1 }, edits: [{ range: { start: { line: 0, character: 41 }, end: { line: 0, character: 41 } }, newText: ' :text \\"hi\\"' }] },
    ]);
    assert.deepEqual(await s.previews.sendFormEdit(inB('crm.integration.json'), { line: 0, character: 0 }, { text: 'x' }), { edit: null, reason: noEditReasons.notAFlow });
  });
});
