// Form models: every built-in definition's forms, a broken definition, and send forms filled
// from flows with every kind of value and mistake; no secret value ever in a model.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { analysisContext } from '../../server/src/service/analysisContext';
import { messages } from '../../server/src/service/codes';
import { loadBuiltinDocuments } from '../../server/src/service/definitions/builtin';
import { getDefinitionDocument } from '../../server/src/service/definitions/definitionDocument';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { validateDefinition } from '../../server/src/service/definitions/validate';
import { messageText } from '../../server/src/service/diagnostics';
import { checkFlowDocument } from '../../server/src/service/flow';
import {
  FormRange,
  IntegrationFormModel,
  SendFieldModel,
  SendFormModel,
  integrationForm,
  sendCodeLenses,
  sendForm,
  sendFormEdit,
} from '../../server/src/service/forms';
import { defaultSettings } from '../../server/src/service/settings';
import { CompactRange, documentOf, rangeOfText, withCursor } from '../support/documents';

const builtinDocs = loadBuiltinDocuments();
const index = new DefinitionIndex();
index.setBuiltins(builtinDocs.map((d) => d.definition));
const ctx = analysisContext(index, 'file:///workspace/flow.cxflow', defaultSettings);

const compactRange = (r: FormRange): CompactRange => [r.start.line, r.start.character, r.end.line, r.end.character];

async function builtinForm(type: string): Promise<IntegrationFormModel> {
  const doc = builtinDocs.find((d) => d.definition.type?.value === type);
  assert.ok(doc, `built-in ${type}`);
  return integrationForm(doc.definition, await validateDefinition(doc.document, defaultSettings));
}

function sendFormAt(text: string, kind: 'flow' | 'pattern' = 'flow'): { model: SendFormModel; doc: TextDocument } {
  const { doc, position } = withCursor(text, kind);
  const model = sendForm(doc, position, ctx);
  assert.ok(model, 'a send form');
  return { model, doc };
}

function field(model: SendFormModel, name: string): SendFieldModel {
  const f = model.fields.find((x) => x.name === name);
  assert.ok(f, `field ${name}`);
  return f;
}

describe('integration forms of the built-in definitions', () => {
  it('builds a plain-data form for each of the eight, one input per schema entry', async () => {
    assert.equal(builtinDocs.length, 8);
    for (const { definition, document } of builtinDocs) {
      const model = integrationForm(definition, await validateDefinition(document, defaultSettings));
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
    const diagnostics = await validateDefinition(doc, defaultSettings);
    const model = integrationForm(getDefinitionDocument(doc).definition, diagnostics);
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
    const codes = model.problems.map((p) => p.code);
    for (const code of ['json-syntax', 'unknown-param', 'unredacted-secret', 'secret-not-masked', 'schema']) {
      assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
    }
    assert.equal(model.problems.length, diagnostics.length);
    const unknown = model.problems.find((p) => p.code === 'unknown-param');
    assert.ok(unknown);
    assert.deepEqual(compactRange(unknown.range), rangeOfText(doc, '"tokne"'));
    assert.equal(unknown.severity, 'error');
    assert.equal(unknown.message, messageText(diagnostics.find((d) => d.code === 'unknown-param')!));
    assert.equal(model.problems.find((p) => p.code === 'unredacted-secret')?.severity, 'warning');
    // In document order, for the reader of the list.
    const starts = model.problems.map((p) => p.range.start.line * 1000 + p.range.start.character);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  it('a file that is not a JSON object still gives a (nearly empty) form', async () => {
    const doc = documentOf('[1, 2', 'definition');
    const model = integrationForm(getDefinitionDocument(doc).definition, await validateDefinition(doc, defaultSettings));
    assert.equal(model.displayName, '(unnamed integration)');
    assert.deepEqual(model.configuration, []);
    assert.ok(model.problems.length > 0);
  });
});

const everyValue = `(seq
  (send twilio sms {:to-phone-number *phone-number*
                    :from-phone-number "1-506-555-1234"}
        (template {:message +TM1})
        (retries 2))
  (send salesforce task {:OwnerId owner :WhoId $who :WhatId 42
                         :Subject "Cal|" :Status "Not Started" :Descriptoin "x"
                         :Priority (if true "High" "Low") :ActivityDate nil})
  (send twilio call {:to-phone-number "1" :to-phone-number "2" :from-phone-number {:a 1}}))`;

describe('send forms filled from the code', () => {
  it('constants, event fields, templates, variables, response values and expressions', () => {
    const { model } = sendFormAt(everyValue.replace('|', '').replace(':to-phone-number *phone', ':to-phone-number |*phone'));
    assert.equal(model.operator, 'send');
    assert.equal(model.integration, 'twilio');
    assert.equal(model.message, 'sms');
    assert.equal(model.integrationDisplayName, 'Twilio');
    assert.deepEqual(
      model.fields.map((f) => [f.name, f.mandatory, f.value, f.templated, f.status]),
      [
        ['to-phone-number', true, { kind: 'event-field', field: 'phone-number' }, false, 'ok'],
        ['from-phone-number', true, { kind: 'constant', text: '1-506-555-1234' }, false, 'ok'],
        ['message', true, { kind: 'message-template', name: 'TM1' }, true, 'ok'],
      ],
    );
    assert.deepEqual(model.problems, []);
  });

  it('the mistakes of a send, in the words of the diagnostics, each with its range', () => {
    const { model, doc } = sendFormAt(everyValue);
    assert.equal(model.message, 'task');
    const byName = Object.fromEntries(model.fields.map((f) => [f.name, f]));
    assert.deepEqual(byName.OwnerId.value, { kind: 'variable', name: 'owner' });
    assert.deepEqual(byName.WhoId.value, { kind: 'response', name: 'who' });
    assert.deepEqual(byName.WhatId.value, { kind: 'constant', text: '42' });
    assert.deepEqual(byName.Priority.value, { kind: 'expression', summary: '(if …)' });
    assert.deepEqual(byName.ActivityDate.value, { kind: 'constant', text: 'nil' });

    assert.equal(byName.Subject.status, 'invalid-enum');
    assert.equal(byName.Subject.problem, messages.invalidEnumValue('Cal', 'Subject', byName.Subject.options ?? [], 'Call'));
    assert.deepEqual(compactRange(byName.Subject.range), rangeOfText(doc, '"Cal"'));

    assert.equal(byName.Descriptoin.status, 'unknown');
    assert.equal(byName.Descriptoin.problem, messages.unknownField('Descriptoin', 'task', 'Description'));
    assert.deepEqual(compactRange(byName.Descriptoin.range), rangeOfText(doc, '"x"'));

    assert.equal(byName.Description.status, 'missing');
    assert.equal(byName.Description.problem, messages.missingMandatoryFields('salesforce', 'task', ['Description']));
    assert.deepEqual(byName.Description.value, { kind: 'empty' });
    assert.equal(byName.Status.status, 'ok');
    assert.deepEqual(byName.Status.options, ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred']);
    // Definition fields first, in definition order, then the unknown ones.
    assert.deepEqual(
      model.fields.map((f) => f.name),
      ['OwnerId', 'WhoId', 'WhatId', 'Subject', 'Status', 'Description', 'ActivityDate', 'Priority', 'Descriptoin'],
    );
    assert.deepEqual(
      model.problems.map((p) => [p.code, p.message, compactRange(p.range)]),
      [
        [
          'missing-mandatory-field',
          messages.missingMandatoryFields('salesforce', 'task', ['Description']),
          rangeOfText(doc, 'salesforce task'),
        ],
      ],
    );
  });

  it('every problem of the form is word for word a diagnostic of the analyser', () => {
    const { doc } = withCursor(everyValue, 'flow');
    const diagnostics = checkFlowDocument(doc, ctx).map((d) => [d.code, messageText(d)].join(' '));
    const texts = new Set<string>();
    for (const send of sendCodeLenses(doc)) {
      const model = sendForm(doc, send.command?.arguments?.[1], ctx);
      assert.ok(model);
      for (const p of model.problems) texts.add(`${p.code} ${p.message}`);
      for (const f of model.fields) if (f.problem && f.status !== 'missing') texts.add(f.problem);
    }
    for (const text of texts) {
      assert.ok(
        diagnostics.some((d) => d === text || d.endsWith(` ${text}`)),
        `"${text}" among the diagnostics:\n${diagnostics.join('\n')}`,
      );
    }
    assert.equal(texts.size, 4);
  });

  it('duplicate fields and expressions', () => {
    const { model } = sendFormAt(everyValue.replace('|', '').replace('(send twilio call', '(send twilio |call'));
    assert.equal(model.message, 'call');
    assert.equal(field(model, 'to-phone-number').status, 'duplicate');
    assert.equal(field(model, 'to-phone-number').problem, messages.duplicateField('to-phone-number'));
    assert.deepEqual(field(model, 'to-phone-number').value, { kind: 'constant', text: '1' });
    assert.deepEqual(field(model, 'from-phone-number').value, { kind: 'expression', summary: '{…}' });
    assert.equal(field(model, 'message').status, 'ok');
    assert.equal(field(model, 'message').mandatory, false);
  });

  it('unknown integration and unknown message, with did-you-mean', () => {
    const unknownIntegration = sendFormAt('(send twillio| sms {:to "x"})').model;
    assert.deepEqual(
      unknownIntegration.problems.map((p) => [p.code, p.message]),
      [['unknown-integration', messages.unknownIntegration('twillio', 'twilio')]],
    );
    assert.deepEqual(
      unknownIntegration.fields.map((f) => [f.name, f.status]),
      [['to', 'ok']],
    );
    const unknownMessage = sendFormAt('(await twilio| sms-stats {:sid $sid})').model;
    assert.equal(unknownMessage.operator, 'await');
    assert.deepEqual(
      unknownMessage.problems.map((p) => [p.code, p.message]),
      [['unknown-message', messages.unknownMessage('twilio', 'sms-stats', 'sms-status')]],
    );
    const noEndpoint = sendFormAt('(send datasift| x {})').model;
    assert.deepEqual(
      noEndpoint.problems.map((p) => p.message),
      [messages.integrationWithoutEndpoint('datasift')],
    );
  });

  it('follows the cursor: the innermost send holding it, else the next one, else none', () => {
    const flow = `|(send echo message {:message "a"})
(send timer create {:trigger "5m" :then (send echo message {:message "inner"})})`;
    assert.equal(sendFormAt(flow).model.message, 'message');
    const inner = sendFormAt(flow.replace('|', '').replace('"inner"', '"in|ner"')).model;
    assert.equal(inner.integration, 'echo');
    assert.deepEqual(field(inner, 'message').value, { kind: 'constant', text: 'inner' });
    const outer = sendFormAt(flow.replace('|', '').replace(':trigger', ':trig|ger')).model;
    assert.equal(outer.integration, 'timer');
    assert.deepEqual(field(outer, 'then').value, { kind: 'expression', summary: '(send …)' });
    const next = sendFormAt(flow.replace('|', '').replace('"a"})\n', '"a"})\n|')).model;
    assert.equal(next.integration, 'timer');
    const { doc, position } = withCursor(flow.replace('|', '') + '\n|', 'flow');
    assert.equal(sendForm(doc, position, ctx), null);
  });

  it('pattern files: the send inside a then string, ranges mapped through the escapes', () => {
    const pattern = `{"name": "p", "when": "(event (= a \\"b\\"))",
 "then": "(send twilio sms {:to-phone-number \\"1\\" :message \\"hi \\\\\\"you\\\\\\"\\" :from|-phone-number *from*})"}`;
    const { model, doc } = sendFormAt(pattern, 'pattern');
    assert.equal(model.message, 'sms');
    assert.deepEqual(field(model, 'to-phone-number').value, { kind: 'constant', text: '1' });
    assert.deepEqual(field(model, 'message').value, { kind: 'constant', text: 'hi "you"' });
    assert.deepEqual(compactRange(field(model, 'to-phone-number').range), rangeOfText(doc, '\\"1\\"'));
    assert.deepEqual(compactRange(field(model, 'from-phone-number').range), rangeOfText(doc, '*from*'));
    assert.deepEqual(model.problems, []);
  });

  it('a definition file or a plain JSON file has no send form and no code lenses', () => {
    const doc = documentOf('{"type": "x"}', 'definition');
    assert.equal(sendForm(doc, { line: 0, character: 1 }, ctx), null);
    assert.deepEqual(sendCodeLenses(doc), []);
  });
});

describe('inline secrets never reach a model', () => {
  const secrets = ['AC-very-secret-sid', 'hunter2-token', 'sf-consumer-secret-xyz', 'sf-password-abc', 'sf-token-123', 'tmpl-secret-999'];
  const flow = `(seq
  (send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "hi"
                    :account "${secrets[0]}" :password "${secrets[1]}"})
  (send salesforce chatter {:user-id "u" :text "t" :consumer-secret "${secrets[2]}"
                            "password" "${secrets[3]}" :secret-token (str "${secrets[4]}")}
        (template {:password "${secrets[5]}"})))`;

  it('shows each inline credential as a secret, flagged, with no value', () => {
    const { model } = sendFormAt(`|${flow}`);
    assert.deepEqual(
      model.fields.filter((f) => f.value.kind === 'secret').map((f) => [f.name, f.status, f.problem]),
      [
        ['account', 'secret-inline', messages.secretInline('account', 'twilio')],
        ['password', 'secret-inline', messages.secretInline('password', 'twilio')],
      ],
    );
  });

  it('holds none of the secret strings, in any send of a flow or a pattern file', () => {
    const pattern = JSON.stringify({ name: 'p', when: '(event (= a 1))', then: flow });
    for (const doc of [documentOf(flow, 'flow'), documentOf(pattern, 'pattern')]) {
      const lenses = sendCodeLenses(doc);
      assert.equal(lenses.length, 2);
      const models = lenses.map((lens) => sendForm(doc, lens.command?.arguments?.[1], ctx));
      assert.deepEqual(
        models.map((m) => m?.fields.filter((f) => f.value.kind === 'secret').length),
        [2, 3],
      );
      const json = JSON.stringify(models);
      for (const secret of secrets) assert.ok(!json.includes(secret), `${secret} leaked into the model`);
    }
  });
});

describe('code lenses', () => {
  it('one "Preview form" lens above each send and await, opening the form of that send', () => {
    const { doc } = withCursor(`|(seq (send echo message {})
  (await twilio call-status {:sid $sid} (if (= $status "done") (success (send echo message {})))))`, 'flow');
    const lenses = sendCodeLenses(doc);
    assert.deepEqual(
      lenses.map((l) => [l.command?.title, l.command?.command, compactRange(l.range)]),
      [
        ['Preview form', 'cxengage.previewSendForm', rangeOfText(doc, '(send echo message {})', 0)],
        ['Preview form', 'cxengage.previewSendForm', [1, 2, 1, 97]],
        ['Preview form', 'cxengage.previewSendForm', rangeOfText(doc, '(send echo message {})', 1)],
      ],
    );
    const opened = lenses.map((l) => {
      assert.equal(l.command?.arguments?.[0], doc.uri);
      return sendForm(doc, l.command?.arguments?.[1], ctx)?.range;
    });
    assert.deepEqual(
      opened.map((r) => r && compactRange(r)),
      lenses.map((l) => compactRange(l.range)),
    );
  });
});

/** The document after a form's edit, checking the edit is versioned for that document. */
function applied(doc: TextDocument, edit: WorkspaceEdit | null): TextDocument {
  assert.ok(edit?.documentChanges, 'an edit');
  const [change] = edit.documentChanges as TextDocumentEdit[];
  assert.deepEqual(change.textDocument, { uri: doc.uri, version: doc.version });
  const text = TextDocument.applyEdits(doc, change.edits as TextEdit[]);
  return TextDocument.create(doc.uri, doc.languageId, doc.version + 1, text);
}

describe('writing a send form back into the flow', () => {
  it('fills empty fields (lined up with the keys) and replaces an enum constant; nothing else', () => {
    const { doc, position } = withCursor(everyValue, 'flow');
    const before = sendForm(doc, position, ctx);
    assert.deepEqual(
      before?.fields.filter((f) => f.editable).map((f) => f.name),
      // ActivityDate holds a constant (nil) but no enum: only its author changes it.
      ['Subject', 'Status', 'Description'],
    );
    const values = { Subject: 'Call', Description: 'Said "hi" \\ left', WhatId: 'not-editable', Descriptoin: 'no', constructor: 'x' };
    const after = applied(doc, sendFormEdit(doc, position, values, ctx));
    assert.equal(
      after.getText(),
      everyValue
        .replace('|', '')
        .replace('"Cal"', '"Call"')
        .replace(':ActivityDate nil})', ':ActivityDate nil\n                         :Description "Said \\"hi\\" \\\\ left"})'),
    );
    const model = sendForm(after, position, ctx);
    assert.equal(model?.fields.find((f) => f.name === 'Description')?.value.kind, 'constant');
    assert.deepEqual(model?.fields.find((f) => f.name === 'Description')?.value, { kind: 'constant', text: 'Said "hi" \\ left' });
    assert.deepEqual(model?.problems, []);
    assert.deepEqual(
      model?.fields.filter((f) => f.status !== 'ok').map((f) => [f.name, f.status]),
      [['Descriptoin', 'unknown']],
    );
  });

  it('on one line, after the last entry or inside an empty map', () => {
    const { doc, position } = withCursor('(send twilio |sms {:to-phone-number "1"})', 'flow');
    const after = applied(doc, sendFormEdit(doc, position, { message: 'hi', 'from-phone-number': '2' }, ctx));
    assert.equal(after.getText(), '(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "hi"})');
    const empty = withCursor('(send echo |message {})', 'flow');
    assert.equal(applied(empty.doc, sendFormEdit(empty.doc, empty.position, { message: 'a' }, ctx)).getText(), '(send echo message {:message "a"})');
  });

  it('inside a pattern file, escaped for the JSON string', () => {
    const { doc, position } = withCursor('{"name": "p", "then": "(send twilio |sms {:to-phone-number *to*})"}', 'pattern');
    const after = applied(doc, sendFormEdit(doc, position, { message: 'say "hi"', 'from-phone-number': '1' }, ctx));
    const then = (JSON.parse(after.getText()) as { then: string }).then;
    assert.equal(then, '(send twilio sms {:to-phone-number *to* :from-phone-number "1" :message "say \\"hi\\""})');
  });

  it('never writes a credential, a templated field, or into an unknown message', () => {
    const cases: [string, Record<string, string>][] = [
      ['(send twilio |sms {:to-phone-number "1"})', { password: 'p', account: 'a' }],
      ['(send twilio |sms {:to-phone-number "1"} (template {:message +TM1}))', { message: 'x' }],
      ['(send twilio |smz {})', { message: 'x' }],
      ['(send nowhere |sms {})', { message: 'x' }],
      ['(send twilio |sms)', { message: 'x' }],
      ['(send twilio |sms {:to-phone-number *to*})', { 'to-phone-number': 'x' }],
    ];
    for (const [text, values] of cases) {
      const { doc, position } = withCursor(text, 'flow');
      assert.equal(sendFormEdit(doc, position, values, ctx), null, text);
    }
  });
});
