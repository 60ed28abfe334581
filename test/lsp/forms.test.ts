// The form preview requests over stdio against the bundled server: the integration list, the form
// of a definition by type and by file (unsaved edits included), send forms, and code lenses.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeLensRequest } from 'vscode-languageserver-protocol/node';
import { FormModelRequest, IntegrationListRequest, IntegrationFormModel, SendFormEditRequest, SendFormModel } from '../../server/src/protocol';
import { messages } from '../../server/src/service/codes';
import { TestClient, fileUri } from '../support/lspClient';

const definitionText = `{
  "type": "crm",
  "display": "CRM",
  "schema": [
    { "label": "Login", "param": "login" },
    { "label": "Secret", "param": "secret", "type": "password" }
  ],
  "endpoint": {
    "name": "crm", "type": "crm", "display": "CRM Endpoint",
    "params": ["login", "secret"], "static-params": ["login", "secret"], "redact": ["secret"],
    "sends": { "note": { "text": { "type": "mandatory", "description": "The note" }, "kind": { "type": "optional", "enum": ["call", "mail"] } } }
  }
}
`;

const flowText = `(seq
  (send crm note {:kind "fax" :secret "s3cr3t-value-never-shown"})
  (send echo message {:message *text*}))
`;

describe('form previews over LSP', () => {
  let client: TestClient;
  let workspace: string;
  const definitionUri = () => fileUri(path.join(workspace, 'crm.integration.json'));
  const flowUri = () => fileUri(path.join(workspace, 'notes.cxflow'));

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-forms-'));
    fs.writeFileSync(path.join(workspace, 'crm.integration.json'), definitionText);
    client = await TestClient.start({ rootPath: workspace });
    await client.open(flowUri(), 'cxflow', flowText);
    // Once the flow sees `crm`, the workspace has been indexed.
    await client.waitForDiagnostics(flowUri(), (ds) => ds.length > 0 && ds.every((d) => d.code !== 'unknown-integration'));
  });

  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('lists every integration, workspace first, by display name', async () => {
    const list = await client.connection.sendRequest(IntegrationListRequest, { uri: flowUri() });
    assert.deepEqual(list[0], { type: 'crm', displayName: 'CRM', uri: definitionUri(), builtin: false });
    assert.deepEqual(
      list.slice(1).map((i) => [i.displayName, i.builtin]),
      [
        ['DataSift', true],
        ['Echo', true],
        ['Generic', true],
        ['Salesforce', true],
        ['Sendgrid', true],
        ['Timer Endpoint', true],
        ['Twilio', true],
        ['Pusher', true],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('the form of an integration by type, read from disk', async () => {
    const model = (await client.connection.sendRequest(FormModelRequest, { integrationType: 'crm', uri: flowUri() })) as IntegrationFormModel;
    assert.equal(model.kind, 'integration');
    assert.equal(model.uri, definitionUri());
    assert.deepEqual(
      model.configuration.map((i) => [i.label, i.password]),
      [
        ['Login', false],
        ['Secret', true],
      ],
    );
    assert.deepEqual(model.messages[0].fields.map((f) => [f.name, f.help, f.options]), [
      ['text', 'The note', undefined],
      ['kind', undefined, ['call', 'mail']],
    ]);
    const builtin = (await client.connection.sendRequest(FormModelRequest, { integrationType: 'twilio' })) as IntegrationFormModel;
    assert.equal(builtin.displayName, 'Twilio');
    assert.equal(builtin.builtin, true);
    assert.equal(await client.connection.sendRequest(FormModelRequest, { integrationType: 'nope' }), null);
  });

  it('the form of an open definition follows its unsaved edits, with the problems', async () => {
    await client.open(definitionUri(), 'cxengage-integration', definitionText);
    await client.replace(definitionUri(), definitionText.replace('"redact": ["secret"]', '"redact": ["secert"]').replace('"Login"', '"User name"'));
    const model = (await client.connection.sendRequest(FormModelRequest, { uri: definitionUri() })) as IntegrationFormModel;
    assert.equal(model.configuration[0].label, 'User name');
    assert.deepEqual(
      model.problems.map((p) => p.code).sort(),
      ['unknown-param', 'unredacted-secret'],
    );
    assert.deepEqual(model.endpoint?.params.find((p) => p.name === 'secret')?.badges, ['static', 'secret-not-redacted']);
    await client.replace(definitionUri(), definitionText);
    await client.close(definitionUri());
  });

  it('send forms at a position, and code lenses that open them', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: flowUri() } });
    assert.deepEqual(
      lenses?.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [1, 'Preview form', 'cxengage.previewSendForm', [flowUri(), { line: 1, character: 3 }]],
        [2, 'Preview form', 'cxengage.previewSendForm', [flowUri(), { line: 2, character: 3 }]],
      ],
    );
    const model = (await client.connection.sendRequest(FormModelRequest, { uri: flowUri(), position: { line: 0, character: 0 } })) as SendFormModel;
    assert.equal(model.kind, 'send');
    assert.equal(`${model.integration} ${model.message}`, 'crm note');
    assert.deepEqual(
      model.fields.map((f) => [f.name, f.status, f.problem]),
      [
        ['text', 'missing', messages.missingMandatoryFields('crm', 'note', ['text'])],
        ['kind', 'invalid-enum', messages.invalidEnumValue('fax', 'kind', ['call', 'mail'])],
        ['secret', 'secret-inline', messages.secretInline('secret', 'crm')],
      ],
    );
    assert.ok(!JSON.stringify(model).includes('s3cr3t'), 'the inline secret never leaves the server');
    const echo = (await client.connection.sendRequest(FormModelRequest, { uri: flowUri(), position: { line: 2, character: 30 } })) as SendFormModel;
    assert.deepEqual(echo.fields[0].value, { kind: 'event-field', field: 'text' });
    assert.equal(await client.connection.sendRequest(FormModelRequest, { uri: flowUri(), position: { line: 3, character: 0 } }), null);
  });

  it('writes values chosen in a send form back as a versioned edit of the flow', async () => {
    const edit = await client.connection.sendRequest(SendFormEditRequest, {
      uri: flowUri(),
      position: { line: 1, character: 2 },
      values: { text: 'Call back', kind: 'call', secret: 'never' },
    });
    assert.deepEqual(edit, {
      documentChanges: [
        {
          textDocument: { uri: flowUri(), version: 1 },
          edits: [
            { range: { start: { line: 1, character: 24 }, end: { line: 1, character: 29 } }, newText: '"call"' },
            { range: { start: { line: 1, character: 64 }, end: { line: 1, character: 64 } }, newText: ' :text "Call back"' },
          ],
        },
      ],
    });
    assert.equal(await client.connection.sendRequest(SendFormEditRequest, { uri: flowUri(), position: { line: 1, character: 2 }, values: 'x' } as never), null);
  });

  it('answers null, not an error, for unknown files and malformed requests', async () => {
    assert.equal(await client.connection.sendRequest(FormModelRequest, { uri: fileUri(path.join(workspace, 'gone.cxflow')) }), null);
    assert.equal(await client.connection.sendRequest(FormModelRequest, {} as never), null);
    assert.equal(await client.connection.sendRequest(FormModelRequest, { uri: flowUri(), position: { line: -5, character: 'x' } } as never), null);
  });
});
