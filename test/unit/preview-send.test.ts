// Send form models: filled from flows with every kind of value and mistake, in the words of the
// diagnostics; no secret value ever in a model; code lenses; writing a form back into the flow.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { messages } from '../../server/src/service/codes';
import { messageText } from '../../server/src/service/diagnostics';
import { checkFlowDocument } from '../../server/src/service/flow';
import { FormRange, SendFieldModel, SendFormEditResult, SendFormModel, sendCodeLenses, sendForm, sendFormEdit } from '../../server/src/service/previews';
import { noEditReasons } from '../../server/src/service/previews/sendPreviewEdit';
import { compactRange, documentOf, rangeOfText, withCursor } from '../support/documents';
import { builtinContext } from '../support/flowContext';

const ctx = builtinContext();
import { readFlow } from '../support/service';

function sendFormAt(text: string, kind: 'flow' | 'pattern' = 'flow'): { model: SendFormModel; doc: TextDocument } {
  const { doc, position } = withCursor(text, kind);
  const model = sendForm(readFlow(doc), position, ctx);
  assert.ok(model, 'a send form');
  return { model, doc };
}

function field(model: SendFormModel, name: string): SendFieldModel {
  const f = model.fields.find((x) => x.name === name);
  assert.ok(f, `field ${name}`);
  return f;
}

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
      model.problems.map((p) => [p.code, p.severity, p.message, compactRange(p.range)]),
      [
        [
          'missing-mandatory-field',
          'error',
          messages.missingMandatoryFields('salesforce', 'task', ['Description']),
          rangeOfText(doc, 'salesforce task'),
        ],
        ['invalid-enum-value', 'error', byName.Subject.problem, rangeOfText(doc, '"Cal"')],
        ['unknown-field', 'warning', byName.Descriptoin.problem, rangeOfText(doc, ':Descriptoin')],
      ],
    );
    assert.deepEqual(
      model.fields.filter((f) => f.problem !== undefined).map((f) => [f.name, f.severity]),
      [
        ['Subject', 'error'],
        ['Description', 'error'],
        ['Descriptoin', 'warning'],
      ],
    );
  });

  it('the problems of the forms are the diagnostics of the send checks, word for word, range for range', () => {
    const { doc } = withCursor(everyValue, 'flow');
    const shape = (code: unknown, severity: unknown, message: string, r: FormRange) => [String(code), String(severity), message, compactRange(r)].join(' ');
    const levels = ['', 'error', 'warning', 'information', 'hint'];
    // `$who` outside a success block, and the `if` used as a value, are the analyser's walk of values, not the send check.
    const [, , , ifEnd] = rangeOfText(doc, '(if true "High" "Low")');
    const diagnostics = checkFlowDocument(readFlow(doc), ctx)
      .filter((d) => d.code !== 'response-outside-success' && !(d.code === 'arity' && d.range.end.character <= ifEnd && d.range.start.line === 7))
      .map((d) => shape(d.code, levels[d.severity ?? 0], messageText(d), d.range));
    const problems: string[] = [];
    for (const send of sendCodeLenses(readFlow(doc))) {
      const model = sendForm(readFlow(doc), send.command?.arguments?.[1], ctx);
      assert.ok(model);
      for (const p of model.problems) problems.push(shape(p.code, p.severity, p.message, p.range));
    }
    assert.deepEqual(problems, diagnostics);
    assert.equal(problems.length, 4);
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

  it('follows the cursor: the innermost send holding it, else the next one, else the last one before it', () => {
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
    // Past the last send: the last one (in source order, so the innermost of the last form).
    const past = sendFormAt(flow.replace('|', '') + '\n|').model;
    assert.deepEqual([past.integration, field(past, 'message').value], ['echo', { kind: 'constant', text: 'inner' }]);
    const { doc, position } = withCursor(';; no sends\n(delay 1 days)|', 'flow');
    assert.equal(sendForm(readFlow(doc), position, ctx), null);
    const lastPattern = sendFormAt('[{"then": "(send echo message {})"}, {"then": "(send twilio sms {})"}]|', 'pattern').model;
    assert.equal(lastPattern.integration, 'twilio');
    const between = sendFormAt('(seq (send echo message {:message "a"}) | (delay 1 days) (send twilio sms {}))').model;
    assert.equal(between.integration, 'twilio');
    const fromWhen = sendFormAt('{"when": "(event |(= a 1))", "then": "(send echo message {})"}', 'pattern').model;
    assert.equal(fromWhen.integration, 'echo');
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
    assert.equal(sendForm(readFlow(doc), { line: 0, character: 1 }, ctx), null);
    assert.deepEqual(sendCodeLenses(readFlow(doc)), []);
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
      const lenses = sendCodeLenses(readFlow(doc));
      assert.equal(lenses.length, 2);
      const models = lenses.map((lens) => sendForm(readFlow(doc), lens.command?.arguments?.[1], ctx));
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
    const lenses = sendCodeLenses(readFlow(doc));
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
      return sendForm(readFlow(doc), l.command?.arguments?.[1], ctx)?.range;
    });
    assert.deepEqual(
      opened.map((r) => r && compactRange(r)),
      lenses.map((l) => compactRange(l.range)),
    );
  });
});

/** The document after a form's edit, checking the edit is versioned for that document. */
function applied(doc: TextDocument, result: SendFormEditResult): TextDocument {
  const edit = result.edit;
  assert.ok(edit?.documentChanges, `an edit, not: ${result.reason}`);
  const [change] = edit.documentChanges as TextDocumentEdit[];
  assert.deepEqual(change.textDocument, { uri: doc.uri, version: doc.version });
  const text = TextDocument.applyEdits(doc, change.edits as TextEdit[]);
  return TextDocument.create(doc.uri, doc.languageId, doc.version + 1, text);
}

describe('writing a send form back into the flow', () => {
  it('fills empty fields (lined up with the keys) and replaces an enum constant; nothing else', () => {
    const { doc, position } = withCursor(everyValue, 'flow');
    const before = sendForm(readFlow(doc), position, ctx);
    assert.deepEqual(
      before?.fields.filter((f) => f.editable).map((f) => f.name),
      // ActivityDate holds a constant (nil) but no enum: only its author changes it.
      ['Subject', 'Status', 'Description'],
    );
    const values = { Subject: 'Call', Description: 'Said "hi" \\ left', WhatId: 'not-editable', Descriptoin: 'no', constructor: 'x' };
    const after = applied(doc, sendFormEdit(readFlow(doc), position, values, ctx));
    assert.equal(
      after.getText(),
      everyValue
        .replace('|', '')
        .replace('"Cal"', '"Call"')
        .replace(':ActivityDate nil})', ':ActivityDate nil\n                         :Description "Said \\"hi\\" \\\\ left"})'),
    );
    const model = sendForm(readFlow(after), position, ctx);
    assert.equal(model?.fields.find((f) => f.name === 'Description')?.value.kind, 'constant');
    assert.deepEqual(model?.fields.find((f) => f.name === 'Description')?.value, { kind: 'constant', text: 'Said "hi" \\ left' });
    assert.deepEqual(
      model?.problems.map((p) => p.code),
      ['unknown-field'],
    );
    assert.deepEqual(
      model?.fields.filter((f) => f.status !== 'ok').map((f) => [f.name, f.status]),
      [['Descriptoin', 'unknown']],
    );
  });

  it('on one line, after the last entry or inside an empty map', () => {
    const { doc, position } = withCursor('(send twilio |sms {:to-phone-number "1"})', 'flow');
    const after = applied(doc, sendFormEdit(readFlow(doc), position, { message: 'hi', 'from-phone-number': '2' }, ctx));
    assert.equal(after.getText(), '(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "hi"})');
    const empty = withCursor('(send echo |message {})', 'flow');
    assert.equal(applied(empty.doc, sendFormEdit(readFlow(empty.doc), empty.position, { message: 'a' }, ctx)).getText(), '(send echo message {:message "a"})');
  });

  it('inside a pattern file, escaped for the JSON string', () => {
    const { doc, position } = withCursor('{"name": "p", "then": "(send twilio |sms {:to-phone-number *to*})"}', 'pattern');
    const after = applied(doc, sendFormEdit(readFlow(doc), position, { message: 'say "hi"', 'from-phone-number': '1' }, ctx));
    const then = (JSON.parse(after.getText()) as { then: string }).then;
    assert.equal(then, '(send twilio sms {:to-phone-number *to* :from-phone-number "1" :message "say \\"hi\\""})');
  });

  it('never writes a credential, a templated field, or into an unknown message, and says which reason stopped it', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['(send twilio |sms {:to-phone-number "1"})', { password: 'p', account: 'a' }, noEditReasons.notEditable],
      ['(send twilio |sms {:to-phone-number "1"} (template {:message +TM1}))', { message: 'x' }, noEditReasons.notEditable],
      ['(send twilio |sms {:to-phone-number *to*})', { 'to-phone-number': 'x' }, noEditReasons.notEditable],
      ['(send twilio |smz {})', { message: 'x' }, noEditReasons.unknownMessage],
      ['(send nowhere |sms {})', { message: 'x' }, noEditReasons.unknownMessage],
      ['(send twilio |sms)', { message: 'x' }, noEditReasons.noParamsMap],
      ['(send twilio |sms {})', { message: '', constructor: 'x' }, noEditReasons.notEditable],
      ['(send twilio |sms {})', { message: '' }, noEditReasons.nothingFilled],
      // Past the last send the form shows that send; with no send left in the flow there is none.
      ['(delay 1 days)\n|', { message: 'x' }, noEditReasons.noSend],
    ];
    for (const [text, values, reason] of cases) {
      const { doc, position } = withCursor(text, 'flow');
      assert.deepEqual(sendFormEdit(readFlow(doc), position, values, ctx), { edit: null, reason }, text);
    }
  });
});

describe('half-typed flows', () => {
  it('a send form or null at every offset of every prefix of a flow and a pattern file, never an exception', () => {
    const flow = `(seq (send twilio sms {:to-phone-number *p* :message "a \\"b\\"" :password "x"} (template {:message +TM1}))
  (await twilio call-status {:sid $sid} (if (= $status "done") (success (send echo message {:message $status}))))
  (send salesforce task {:Subject "Cal" "Status" 3 :OwnerId})`;
    const pattern = JSON.stringify({ name: 'p', when: '(event (= a 1))', then: flow });
    for (const [text, kind] of [
      [flow, 'flow'],
      [pattern, 'pattern'],
    ] as const) {
      for (let cut = 0; cut <= text.length; cut += 7) {
        const doc = documentOf(text.slice(0, cut), kind);
        for (let offset = 0; offset <= cut; offset += 5) {
          const model = sendForm(readFlow(doc), doc.positionAt(offset), ctx);
          if (model) assert.ok(!JSON.stringify(model).includes('"x"'));
        }
        for (const lens of sendCodeLenses(readFlow(doc))) assert.ok(sendForm(readFlow(doc), lens.command?.arguments?.[1], ctx));
      }
    }
  });
});
