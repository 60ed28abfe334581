// The form preview requests over stdio against the bundled server: the integration list, the form
// of a definition by type and by file (unsaved edits included), send forms, and code lenses. Each
// test opens what it reads, so that any one of them runs alone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeLensRequest } from 'vscode-languageserver-protocol/node';
import { FormModelRequest, IntegrationListRequest, IntegrationFormModel, SendFormEditRequest, SendFormModel } from '../../server/src/protocol';
import { messages } from '../../server/src/service/codes';
import { noEditReasons } from '../../server/src/service/previews/sendPreviewEdit';
import { crmDefinition, crmFileName, crmWith, writeCrm } from '../support/definitions';
import { compactRange, rangeIn } from '../support/documents';
import { TestClient, fileUri } from '../support/lspClient';

const flowText = `(seq
  (send crm note {:colour "blue" :secret "s3cr3t-value-never-shown"})
  (send echo message {:message *text*}))
`;

describe('form previews over LSP', () => {
  let client: TestClient;
  let workspace: string;
  const definitionUri = () => fileUri(path.join(workspace, crmFileName));
  const flowUri = () => fileUri(path.join(workspace, 'notes.cxflow'));
  /** The flow open as written, once the workspace is indexed (the flow then sees `crm`). */
  const showFlow = async () => {
    await client.show(flowUri(), 'cxflow', flowText);
    await client.waitForDiagnostics(flowUri(), (ds) => ds.length > 0 && ds.every((d) => d.code !== 'unknown-integration'));
  };

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-forms-'));
    writeCrm(workspace);
    client = await TestClient.start({ rootPath: workspace });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('lists every integration, workspace first, by display name', async () => {
    await showFlow();
    const list = await client.connection.sendRequest(IntegrationListRequest, { uri: flowUri() });
    assert.deepEqual(list[0], { type: 'crm', displayName: 'CRM', uri: definitionUri(), builtin: false });
    assert.deepEqual(
      list.slice(1).map((i) => [i.displayName, i.type, i.builtin]),
      [
        ['DataSift', 'datasift', true],
        ['Echo', 'echo', true],
        ['Generic', 'generic', true],
        ['Pusher', 'pusher', true],
        ['Salesforce', 'salesforce', true],
        ['Sendgrid', 'sendgrid', true],
        ['Timer Endpoint', 'timer', true],
        ['Twilio', 'twilio', true],
      ],
    );
  });

  it('the form of an integration by type, read from disk', async () => {
    await showFlow();
    const model = (await client.connection.sendRequest(FormModelRequest, { integrationType: 'crm', uri: flowUri() })) as IntegrationFormModel;
    assert.equal(model.kind, 'integration');
    assert.equal(model.uri, definitionUri());
    assert.deepEqual(
      model.configuration.map((i) => [i.label, i.password, compactRange(i.range)]),
      [
        ['Login', false, rangeIn(crmDefinition, '{ "label": "Login", "param": "login" }')],
        ['Secret', true, rangeIn(crmDefinition, '{ "label": "Secret", "param": "secret", "type": "password" }')],
      ],
    );
    assert.deepEqual(model.messages[0].fields.map((f) => [f.name, f.mandatory, f.help, f.options]), [
      ['text', true, 'The note', undefined],
      ['colour', false, undefined, ['red', 'green']],
    ]);
    assert.deepEqual(
      model.listener?.configuration?.map((i) => [i.label, i.password]),
      [['Webhook secret', true]],
    );
    assert.deepEqual(model.problems, []);
    const builtin = (await client.connection.sendRequest(FormModelRequest, { integrationType: 'twilio' })) as IntegrationFormModel;
    assert.deepEqual([builtin.displayName, builtin.builtin, builtin.configuration.map((i) => [i.label, i.password])], [
      'Twilio',
      true,
      [
        ['SID', false],
        ['Token', true],
      ],
    ]);
    assert.equal(await client.connection.sendRequest(FormModelRequest, { integrationType: 'nope' }), null);
  });

  it('the form of a built-in definition by its file, as the integration quick pick asks for it', async () => {
    const listed = await client.connection.sendRequest(IntegrationListRequest, {});
    const twilio = listed.find((i) => i.type === 'twilio');
    assert.ok(twilio?.builtin);
    const model = (await client.connection.sendRequest(FormModelRequest, { uri: twilio.uri })) as IntegrationFormModel;
    assert.deepEqual([model.displayName, model.builtin, model.uri, model.configuration.map((i) => [i.label, i.password])], [
      'Twilio',
      true,
      twilio.uri,
      [
        ['SID', false],
        ['Token', true],
      ],
    ]);
  });

  it('the form of an open definition follows its unsaved edits, with the problems', async () => {
    const edited = crmWith(['"redact": ["secret"]', '"redact": ["secert"]'], ['"Login"', '"User name"']);
    await client.show(definitionUri(), 'cxengage-integration', edited);
    try {
      const model = (await client.connection.sendRequest(FormModelRequest, { uri: definitionUri() })) as IntegrationFormModel;
      assert.deepEqual(
        model.configuration.map((i) => i.label),
        ['User name', 'Secret'],
      );
      assert.deepEqual(
        model.problems.map((p) => [p.code, p.severity, compactRange(p.range)]),
        [
          ['unredacted-secret', 'warning', rangeIn(edited, '"secret"', 1)],
          ['unknown-param', 'error', rangeIn(edited, '"secert"')],
        ],
      );
      assert.deepEqual(
        model.endpoint?.params.map((p) => [p.name, p.badges]),
        [
          ['login', ['static']],
          ['secret', ['static', 'secret-not-redacted']],
          ['secert', ['redacted']],
        ],
      );
    } finally {
      await client.close(definitionUri());
    }
  });

  it('send forms at a position, and code lenses that open them', async () => {
    await showFlow();
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
        ['colour', 'invalid-enum', messages.invalidEnumValue('blue', 'colour', ['red', 'green'])],
        ['secret', 'secret-inline', messages.secretInline('secret', 'crm')],
      ],
    );
    assert.ok(!JSON.stringify(model).includes('s3cr3t'), 'the inline secret never leaves the server');
    const echo = (await client.connection.sendRequest(FormModelRequest, { uri: flowUri(), position: { line: 2, character: 30 } })) as SendFormModel;
    assert.deepEqual(
      echo.fields.map((f) => [f.name, f.status, f.value]),
      [['message', 'ok', { kind: 'event-field', field: 'text' }]],
    );
    // Past the last send, the form stays on it rather than going blank.
    const past = (await client.connection.sendRequest(FormModelRequest, { uri: flowUri(), position: { line: 3, character: 0 } })) as SendFormModel;
    assert.deepEqual([past.integration, past.range.start.line], ['echo', 2]);
  });

  it('writes values chosen in a send form back as a versioned edit of the flow', async () => {
    await showFlow();
    const edit = await client.connection.sendRequest(SendFormEditRequest, {
      uri: flowUri(),
      position: { line: 1, character: 2 },
      values: { text: 'Call back', colour: 'green', secret: 'never' },
    });
    const blue = rangeIn(flowText, '"blue"');
    const end = rangeIn(flowText, '"s3cr3t-value-never-shown"');
    assert.deepEqual(edit.edit, {
      documentChanges: [
        {
          textDocument: { uri: flowUri(), version: client.versionOf(flowUri()) },
          edits: [
            { range: { start: { line: blue[0], character: blue[1] }, end: { line: blue[2], character: blue[3] } }, newText: '"green"' },
            { range: { start: { line: end[2], character: end[3] }, end: { line: end[2], character: end[3] } }, newText: ' :text "Call back"' },
          ],
        },
      ],
    });
    assert.deepEqual(await client.connection.sendRequest(SendFormEditRequest, { uri: flowUri(), position: { line: 1, character: 2 }, values: 'x' } as never), {
      edit: null,
      reason: 'the request did not name a flow, a position and the values to write',
    });
    // Nothing filled in: no edit, and the reason, not "it changed since the form was shown".
    assert.deepEqual(await client.connection.sendRequest(SendFormEditRequest, { uri: flowUri(), position: { line: 1, character: 2 }, values: { text: '' } }), {
      edit: null,
      reason: noEditReasons.nothingFilled,
    });
  });

  it('answers null, not an error, for unknown files and malformed requests', async () => {
    await showFlow();
    assert.equal(await client.connection.sendRequest(FormModelRequest, { uri: fileUri(path.join(workspace, 'gone.cxflow')) }), null);
    assert.equal(await client.connection.sendRequest(FormModelRequest, {} as never), null);
    assert.equal(await client.connection.sendRequest(FormModelRequest, { uri: flowUri(), position: { line: -5, character: 'x' } } as never), null);
  });
});
