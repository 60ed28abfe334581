// The send check's result, which every view reads: what it resolved (or why not), each field's
// status, entries and problems, the credential values, and a verb added by one table entry.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { messages } from '../../server/src/service/codes';
import { Interaction, interactionVerbs, InteractionVerb, readInteraction } from '../../server/src/service/flow/analysis/interactions';
import { checkInteraction, fieldStatus, InteractionCheck } from '../../server/src/service/flow/analysis/sendCheck';
import { appendFields, fieldParts } from '../../server/src/service/flow/editing/fieldInsertion';
import { renderPlain, renderSnippet } from '../../server/src/service/flow/editing/insertText';
import { ListNode } from '../../server/src/service/flow/syntax/tree';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';
import { builtinContext } from '../support/flowContext';

const ctx = builtinContext();

/** The first top-level form of a flow, read as an interaction of `verbs`. */
function interactionOf(text: string, verbs: ReadonlyMap<string, InteractionVerb> = interactionVerbs) {
  const doc = documentOf(text, 'flow');
  const region = readFlow(doc).regions[0];
  const interaction = readInteraction(region.tree.forms[0] as ListNode, verbs);
  assert.ok(interaction, 'an interaction');
  return { doc, region, interaction };
}

function check(text: string, verbs?: ReadonlyMap<string, InteractionVerb>): InteractionCheck {
  return checkInteraction(interactionOf(text, verbs).interaction, ctx);
}

const fieldRows = (c: InteractionCheck) =>
  c.fields.map((f) => {
    const { status, problem } = fieldStatus(f);
    return [f.name, status, problem?.code, f.entries.length, f.templateEntries.length];
  });

describe('send check: what it resolves', () => {
  it('the definition, endpoint and message of a known send', () => {
    const c = check('(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m"})');
    assert.equal(c.integration, 'twilio');
    assert.equal(c.definition?.type?.value, 'twilio');
    assert.equal(c.endpoint?.name?.value, 'twilio');
    assert.equal(c.message?.name, 'sms');
    assert.equal(c.unresolved, undefined);
    assert.deepEqual(
      ['account', 'password', 'message', 'token'].map((n) => c.isCredential(n)),
      [true, true, false, false],
    );
    assert.deepEqual(c.problems, []);
  });

  it('why not, with did-you-mean, and the fields it could still read', () => {
    const unknown = check('(send twillio sms {:to "x"})');
    assert.equal(unknown.unresolved, 'unknown-integration');
    assert.deepEqual(unknown.suggestions, ['twilio']);
    assert.deepEqual(fieldRows(unknown), [['to', 'ok', undefined, 1, 0]]);
    // Unknown: the credentials of its lookalike `twilio`, and names that say they are secrets, are hidden, not reported.
    assert.deepEqual(
      ['password', 'account', 'api-token', 'to'].map((n) => unknown.isCredential(n)),
      [true, true, true, false],
    );
    assert.deepEqual(
      unknown.problems.map((p) => [p.code, p.message]),
      [['unknown-integration', messages.unknownIntegration('twillio', 'twilio')]],
    );
    assert.equal(check('(send datasift x {})').unresolved, 'no-endpoint');
    // Pusher's listener is configured with `channel` and `event`, which its endpoint's message sends: fields, not credentials.
    const pusher = check('(send pusher event {:channel "c" :event "e" :secret "s"})');
    assert.deepEqual(
      pusher.problems.map((p) => [p.code, p.data?.field]),
      [['secret-inline', 'secret']],
    );
    const message = check('(await twilio sms-stats {:sid $sid})');
    assert.equal(message.unresolved, 'unknown-message');
    assert.deepEqual(message.suggestions, ['sms-status']);
    assert.equal(check('(send "twilio" sms {})').unresolved, 'no-integration');
    assert.equal(check('(send twilio 3 {})').unresolved, 'no-message');
  });
});

describe('send check: each field', () => {
  const task = `(send salesforce task {:OwnerId "o" :WhoId *who* :Subject "Cal" :Subject "Call" :Descriptoin "x" :password "p"}
  (template {:Status "Done" :WhatId +TM1}))`;

  it('status, code and the entries that give it; declared fields first, then the others in source order', () => {
    const c = check(task);
    assert.deepEqual(fieldRows(c), [
      ['OwnerId', 'ok', undefined, 1, 0],
      ['WhoId', 'ok', undefined, 1, 0],
      ['WhatId', 'templated', undefined, 0, 1],
      ['Subject', 'invalid-enum', 'invalid-enum-value', 2, 0],
      ['Status', 'invalid-enum', 'invalid-enum-value', 0, 1],
      ['Description', 'missing', 'missing-mandatory-field', 0, 0],
      ['ActivityDate', 'missing', 'missing-mandatory-field', 0, 0],
      ['Priority', 'missing', 'missing-mandatory-field', 0, 0],
      ['Descriptoin', 'unknown', 'unknown-field', 1, 0],
      ['password', 'secret-inline', 'secret-inline', 1, 0],
    ]);
    assert.deepEqual(c.missing, ['Description', 'ActivityDate', 'Priority']);
    assert.deepEqual(c.fields.find((f) => f.name === 'Descriptoin')?.suggestions, ['Description']);
    assert.deepEqual(c.fields.find((f) => f.name === 'Subject')?.suggestions, ['Call']);
    // The two `:Subject` keys: an invalid value, then a duplicate (whose value is valid).
    assert.deepEqual(
      c.fields.find((f) => f.name === 'Subject')?.problems.map((p) => p.code),
      ['invalid-enum-value', 'duplicate-field'],
    );
  });

  it('a field shows its first problem that survives; with none, it is ok', () => {
    const subject = check(task).fields.find((f) => f.name === 'Subject');
    assert.ok(subject);
    assert.equal(fieldStatus(subject, (p) => p.code !== 'invalid-enum-value').status, 'duplicate');
    assert.deepEqual(fieldStatus(subject, () => false), { status: 'ok' });
    const missing = check(task).fields.find((f) => f.name === 'Priority');
    assert.ok(missing);
    assert.deepEqual(fieldStatus(missing, (p) => p.code !== 'missing-mandatory-field'), { status: 'ok' });
  });

  it('the problems, in the order the analyser reports them, with their quick-fix data', () => {
    const c = check('(send twilio sms {:message "a" :message "b" :to "x"})');
    assert.deepEqual(
      c.problems.map((p) => [p.code, p.data]),
      [
        ['duplicate-field', { field: 'message' }],
        ['unknown-field', { field: 'to', integration: 'twilio', message: 'sms', suggestions: [] }],
        ['missing-mandatory-field', { integration: 'twilio', message: 'sms', missing: ['to-phone-number', 'from-phone-number'], paramsClosed: true }],
      ],
    );
  });
});

describe('send check: a verb added by one table entry', () => {
  // The 4.2 verbs take the checks of `send` and may leave the params map out.
  const verbs = new Map(interactionVerbs);
  verbs.set('create', { name: 'create', dialect: '4.2', shape: '(create <integration> <message> {<params>}? <option>*)', paramsOptional: true, responseScope: 'success' });

  it('without a params map, every mandatory field is missing, and the shape is right', () => {
    const c = check('(create twilio sms (retries 2))', verbs);
    assert.deepEqual(
      c.problems.map((p) => [p.code, p.message]),
      [['missing-mandatory-field', messages.missingMandatoryFields('twilio', 'sms', ['to-phone-number', 'from-phone-number', 'message'])]],
    );
    const { interaction } = interactionOf('(create twilio sms (retries 2))', verbs);
    assert.equal(interaction.params, undefined);
    assert.deepEqual(
      interaction.rest.map((n) => n.kind),
      ['list'],
    );
  });

  it('with one, the same checks as send', () => {
    const c = check('(create salesforce task {:Subject "Cal" :x 1 :password "p"})', verbs);
    assert.deepEqual(
      c.problems.map((p) => p.code),
      ['invalid-enum-value', 'unknown-field', 'secret-inline', 'missing-mandatory-field'],
    );
  });

  it('the missing fields go in a new map after the message word, enum fields with their first value', () => {
    const { doc, region, interaction } = interactionOf('(create salesforce case)', verbs);
    const c = checkInteraction(interaction, ctx);
    const fields = c.missing.map((name, i) => fieldParts(c.message?.field(name) ?? assert.fail(name), i + 1));
    const insertion = appendFields(region, interaction as Interaction, fields);
    assert.ok(insertion);
    assert.deepEqual(insertion.range, { start: doc.positionAt(23), end: doc.positionAt(23) });
    assert.equal(renderPlain(region, insertion.parts), ' {:OwnerId "" :Status "" :Origin "" :Contact ""}');
  });
});

describe('send check: enum fields get a choice of their values', () => {
  it('as a snippet choice, and as the first value in plain text', () => {
    const { region, interaction } = interactionOf('(send salesforce task {})');
    const c = checkInteraction(interaction, ctx);
    const subject = c.message?.field('Subject');
    assert.ok(subject);
    assert.equal(renderSnippet(region, fieldParts(subject, 1)), ':Subject "${1|Call,Email,Send Letter,Send Quote,Other|}"');
    assert.equal(renderPlain(region, fieldParts(subject, 1)), ':Subject "Call"');
    const owner = c.message?.field('OwnerId');
    assert.ok(owner);
    assert.equal(renderSnippet(region, fieldParts(owner, 2)), ':OwnerId "$2"');
  });
});
