// Integration form models: the forms of every built-in definition, and of a definition with
// errors, which still renders what it can beside its problems.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { messages } from '../../server/src/service/codes';
import { loadBuiltinDocuments } from '../../server/src/service/definitions/builtin';
import { validateDefinition } from '../../server/src/service/definitions/validate';
import { messageText } from '../../server/src/service/diagnostics';
import { IntegrationFormModel, integrationForm } from '../../server/src/service/previews';
import { crmDefinition, crmWith } from '../support/definitions';
import { compactRange, documentOf, rangeOfText } from '../support/documents';
import { diagnosticsOf, parseDefinition } from '../support/service';

const builtinDocs = loadBuiltinDocuments();

async function builtinForm(type: string): Promise<IntegrationFormModel> {
  const doc = builtinDocs.find((d) => d.definition.type?.value === type);
  assert.ok(doc, `built-in ${type}`);
  return integrationForm(doc.definition, await validateDefinition(doc));
}

describe('integration forms of the built-in definitions', () => {
  it('builds a plain-data form for each of the eight, one input per schema entry', async () => {
    assert.equal(builtinDocs.length, 8);
    for (const { definition, document, json } of builtinDocs) {
      const model = integrationForm(definition, await validateDefinition({ definition, document, json }));
      assert.deepEqual(JSON.parse(JSON.stringify(model)), model, `${model.type} is plain data`);
      assert.equal(model.kind, 'integration');
      assert.equal(model.builtin, true);
      assert.equal(model.uri, document.uri);
      assert.deepEqual(
        model.configuration.map((i) => [i.param, i.label, i.password]),
        definition.schema.map((p) => [p.param, p.label ?? p.param, p.password]),
      );
      assert.deepEqual(
        model.messages.map((m) => [m.name, m.fields.map((f) => [f.name, f.mandatory])]),
        (definition.endpoint?.sends ?? []).map((m) => [m.name, m.fields.map((f) => [f.name, f.kind === 'mandatory'])]),
      );
      assert.equal(model.endpoint?.displayName, definition.endpoint?.display?.value);
      assert.equal(model.listener?.displayName, definition.listener?.display?.value);
    }
  });

  it('twilio: SID and a masked Token; the endpoint params badged static and redacted', async () => {
    const model = await builtinForm('twilio');
    assert.equal(model.displayName, 'Twilio');
    assert.deepEqual(
      model.configuration.map((i) => [i.label, i.password]),
      [
        ['SID', false],
        ['Token', true],
      ],
    );
    assert.deepEqual(
      model.endpoint?.params.map((p) => [p.name, p.badges]),
      [
        ['account', ['static']],
        ['password', ['static', 'redacted']],
      ],
    );
    assert.deepEqual(
      model.messages.map((m) => m.name),
      ['call', 'call-status', 'sms', 'sms-status'],
    );
    assert.deepEqual(
      model.messages[2].fields.map((f) => [f.label, f.mandatory]),
      [
        ['to-phone-number', true],
        ['from-phone-number', true],
        ['message', true],
      ],
    );
    assert.equal(model.listener, undefined);
    assert.deepEqual(model.problems, []);
  });

  it('salesforce: descriptions as help, enums as options, and a listener with its own form', async () => {
    const model = await builtinForm('salesforce');
    const task = model.messages.find((m) => m.name === 'task');
    assert.ok(task);
    const subject = task.fields.find((f) => f.name === 'Subject');
    assert.deepEqual(subject && { ...subject, range: undefined }, {
      name: 'Subject',
      label: 'Subject',
      help: 'Subject',
      mandatory: true,
      options: ['Call', 'Email', 'Send Letter', 'Send Quote', 'Other'],
      range: undefined,
    });
    assert.equal(task.fields.find((f) => f.name === 'OwnerId')?.help, 'Assigned To');
    assert.deepEqual(
      model.configuration.filter((i) => i.password).map((i) => i.param),
      ['consumer-secret', 'password', 'secret-token'],
    );
    assert.deepEqual(model.endpoint?.params.find((p) => p.name === 'type')?.badges, []);
    assert.equal(model.listener?.displayName, 'Salesforce Listener');
    assert.deepEqual(
      model.listener?.configuration?.map((i) => [i.label, i.param, i.password]),
      [['Push Topic', 'topic', false]],
    );
    // The listener lists the password params as static but has no redact list.
    assert.deepEqual(model.listener?.params.find((p) => p.name === 'password')?.badges, ['static', 'secret-not-redacted']);
    assert.deepEqual(model.listener?.params.find((p) => p.name === 'topic')?.badges, []);
  });

  it('datasift: a listener only, its API key static but not redacted', async () => {
    const model = await builtinForm('datasift');
    assert.equal(model.endpoint, undefined);
    assert.deepEqual(model.messages, []);
    assert.deepEqual(
      model.listener?.params.map((p) => [p.name, p.badges]),
      [
        ['username', ['static']],
        ['api-key', ['static', 'secret-not-redacted']],
        ['hash', ['static']],
      ],
    );
    assert.deepEqual(
      model.listener?.configuration?.map((i) => i.label),
      ['Stream Hash'],
    );
  });

  it('echo and timer: no configuration form, optional and mandatory fields', async () => {
    const echo = await builtinForm('echo');
    assert.deepEqual(echo.configuration, []);
    assert.deepEqual(
      echo.messages.map((m) => m.fields.map((f) => [f.name, f.mandatory])),
      [[['message', false]]],
    );
    const timer = await builtinForm('timer');
    assert.deepEqual(
      timer.messages.find((m) => m.name === 'create')?.fields.map((f) => [f.name, f.mandatory]),
      [
        ['id', false],
        ['then', true],
        ['trigger', true],
      ],
    );
  });

  it('ranges point at the definition: schema entries, params, message keys and field keys', async () => {
    const model = await builtinForm('twilio');
    const doc = builtinDocs.find((d) => d.definition.type?.value === 'twilio')?.document;
    assert.ok(doc);
    assert.equal(doc.getText(model.messages[2].range), '"sms"');
    assert.equal(doc.getText(model.messages[2].fields[0].range), '"to-phone-number"');
    assert.equal(doc.getText(model.endpoint?.params[1].range), '"password"');
    assert.ok(doc.getText(model.configuration[1].range).includes('"Token"'));
  });
});

describe('integration form of the listener', () => {
  async function crmForm(text: string): Promise<IntegrationFormModel> {
    const doc = documentOf(text);
    return integrationForm(parseDefinition(doc).definition, await diagnosticsOf(doc));
  }

  it("the listener's own form, its password masked, and its params with their badges", async () => {
    const model = await crmForm(crmDefinition);
    assert.deepEqual(
      [model.listener?.displayName, model.listener?.name, model.listener?.type],
      ['CRM Listener', 'crm', 'crm'],
    );
    assert.deepEqual(
      model.listener?.configuration?.map((i) => [i.param, i.label, i.password]),
      [['hook-secret', 'Webhook secret', true]],
    );
    assert.deepEqual(
      model.listener?.params.map((p) => [p.name, p.badges]),
      [['hook-secret', ['static', 'redacted']]],
    );
    assert.deepEqual(model.problems, []);
  });

  it('a password of the listener schema that the listener does not redact is a secret not redacted', async () => {
    const model = await crmForm(crmWith([', "redact": ["hook-secret"]', '']));
    assert.deepEqual(
      model.listener?.params.map((p) => [p.name, p.badges]),
      [['hook-secret', ['static', 'secret-not-redacted']]],
    );
    assert.deepEqual(
      model.problems.map((p) => [p.code, p.message]),
      [['unredacted-secret', messages.unredactedSecret('hook-secret', 'listener')]],
    );
  });

  it("the integration's password in the listener params, and the listener's password in the endpoint params", async () => {
    const model = await crmForm(
      crmWith(['"params": ["hook-secret"]', '"params": ["hook-secret", "secret"]'], ['"params": ["login", "secret"]', '"params": ["login", "secret", "hook-secret"]']),
    );
    assert.deepEqual(
      model.listener?.params.map((p) => [p.name, p.badges]),
      [
        ['hook-secret', ['static', 'redacted']],
        ['secret', ['secret-not-redacted']],
      ],
    );
    assert.deepEqual(
      model.endpoint?.params.map((p) => [p.name, p.badges]),
      [
        ['login', ['static']],
        ['secret', ['static', 'redacted']],
        ['hook-secret', ['secret-not-redacted']],
      ],
    );
  });
});

describe('integration form of a definition with errors', () => {
  const text = `{
  "type": "sms",
  "display": "SMS <b>gateway</b>",
  "schema": [
    { "label": "Account", "param": "account" },
    { "label": "API token", "param": "token", "type": "password" },
    { "label": "Secret", "param": "secret" }
  ],
  "endpoint": {
    "name": "sms", "display": "SMS Endpoint",
    "params": ["account", "token"],
    "static-params": ["account", "token"],
    "redact": ["tokne"],
    "sends": { "text": { "to": { "type": "mandatory", "enum": ["a", "b"] }, "body": { "type": "sometimes" } } }
  },
}`;

  it('renders what it can and lists every problem with its code, severity and range', async () => {
    const doc = documentOf(text, 'definition', 'broken');
    const diagnostics = await diagnosticsOf(doc);
    const model = integrationForm(parseDefinition(doc).definition, diagnostics);
    assert.equal(model.displayName, 'SMS <b>gateway</b>');
    assert.equal(model.builtin, false);
    assert.deepEqual(
      model.configuration.map((i) => [i.param, i.password]),
      [
        ['account', false],
        ['token', true],
        ['secret', false],
      ],
    );
    assert.deepEqual(
      model.endpoint?.params.map((p) => [p.name, p.badges]),
      [
        ['account', ['static']],
        ['token', ['static', 'secret-not-redacted']],
        ['tokne', ['redacted']],
      ],
    );
    assert.deepEqual(
      model.messages[0].fields.map((f) => [f.name, f.mandatory, f.options]),
      [
        ['to', true, ['a', 'b']],
        ['body', false, undefined],
      ],
    );
    // In document order, for the reader of the list, in the words of the diagnostics.
    assert.deepEqual(
      model.problems.map((p) => [p.code, p.severity, compactRange(p.range)]),
      [
        ['secret-not-masked', 'warning', rangeOfText(doc, '"secret"')],
        ['schema', 'error', rangeOfText(doc, '"endpoint"')],
        ['unredacted-secret', 'warning', rangeOfText(doc, '"token"', 1)],
        ['unknown-param', 'error', rangeOfText(doc, '"tokne"')],
        ['schema', 'error', rangeOfText(doc, '"sometimes"')],
        ['json-syntax', 'error', [14, 3, 14, 4]], // the comma after the endpoint
      ],
    );
    assert.deepEqual(
      model.problems.map((p) => p.message),
      [
        messages.secretNotMasked('secret'),
        messages.schema('Missing property "type".'),
        messages.unredactedSecret('token', 'endpoint'),
        messages.unknownParam('tokne', 'endpoint.redact', 'token'),
        messages.schema('Value is not accepted. Valid values: "mandatory", "optional".'),
        messages.jsonSyntax('Trailing comma'),
      ],
    );
    assert.deepEqual(
      [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character).map(messageText),
      model.problems.map((p) => p.message),
    );
  });

  it('a file that is not a JSON object still gives a (nearly empty) form', async () => {
    const doc = documentOf('[1, 2', 'definition');
    const model = integrationForm(parseDefinition(doc).definition, await diagnosticsOf(doc));
    assert.equal(model.displayName, '(unnamed integration)');
    assert.deepEqual(model.configuration, []);
    assert.deepEqual(
      model.problems.map((p) => [p.code, p.message, compactRange(p.range)]),
      [['json-syntax', messages.jsonSyntax('Expected comma or closing bracket'), [0, 4, 0, 5]]],
    );
  });
});

describe('half-typed definitions', () => {
  it('a form from every prefix of every built-in definition', async () => {
    for (const { document } of builtinDocs) {
      const text = document.getText();
      for (let cut = 0; cut <= text.length; cut += 37) {
        const doc = documentOf(text.slice(0, cut));
        const model = integrationForm(parseDefinition(doc).definition, await diagnosticsOf(doc));
        assert.equal(model.kind, 'integration');
        for (const input of model.configuration) assert.ok(input.label.length > 0);
      }
    }
  });
});
