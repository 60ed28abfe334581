// Signature help inside an interaction (the message's fields, the active one following the cursor
// through the params map) and inlay hints (missing mandatory fields, integration display names),
// in both dialects and in pattern strings, with exact positions; bad input never throws.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InlayHint, SignatureHelp } from 'vscode-languageserver-types';
import { flowInlayHints, flowSignatureHelp } from '../../server/src/service/flow/editing/features';
import { analysisContext } from '../../server/src/service/analysisContext';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { defaultSettings, Settings } from '../../server/src/service/settings';
import { documentOf, withCursor } from '../support/documents';
import { builtinContext } from '../support/flowContext';
import { builtinDefinitions, readFlow } from '../support/service';

const ctx = builtinContext();

/** The signature's label, the active parameter's text (or null when none is active). */
function help(text: string, kind: 'flow' | 'pattern' = 'flow'): { label: string; active: string | null } | null {
  const { doc, position } = withCursor(text, kind);
  const h: SignatureHelp | null = flowSignatureHelp(readFlow(doc), position, ctx);
  if (h === null) return null;
  const signature = h.signatures[h.activeSignature ?? 0];
  const parameter = signature.parameters?.[h.activeParameter ?? 0];
  const label = parameter?.label;
  return { label: signature.label, active: label === undefined ? null : typeof label === 'string' ? label : signature.label.slice(label[0], label[1]) };
}

const smsLabel = '(send twilio sms {:to-phone-number :from-phone-number :message})';

describe('signature help: 4.1 send', () => {
  it('lists the fields, mandatory bare and optional in brackets, with the active one the key being written', () => {
    assert.deepEqual(help('(send twilio call {:to-p|})'), {
      label: '(send twilio call {:to-phone-number :from-phone-number [:message] [:url]})',
      active: ':to-phone-number',
    });
    assert.deepEqual(help('(send twilio call {:to-phone-number "1" :mess|'), {
      label: '(send twilio call {:to-phone-number :from-phone-number [:message] [:url]})',
      active: ':message',
    });
  });

  it('follows the cursor into a value, also a nested one, and shows none between entries', () => {
    assert.equal(help('(send twilio sms {:to-phone-number "1" :from-phone-number |})')?.active, ':from-phone-number');
    assert.equal(help('(send twilio sms {:message (str "a" |)})')?.active, ':message');
    assert.equal(help('(send twilio sms {:to-phone-number "1" |})')?.active, null);
    assert.equal(help('(send twilio sms |)')?.active, null);
    assert.equal(help('(send twilio sms {:message "x"} (template {:to-phone-number |}))')?.active, ':to-phone-number');
  });

  it('answers nothing in an option, outside an interaction, or for an unknown message', () => {
    assert.equal(help('(send twilio sms {} (retries |))'), null);
    assert.equal(help('(seq |)'), null);
    assert.equal(help('(send twilio smss {|})'), null);
    assert.equal(help('(send twillio sms {|})'), null);
    assert.equal(help('(send twilio sms {}) ; {:to |'), null);
  });

  it('takes the innermost interaction: a send nested in another send\'s success', () => {
    assert.deepEqual(help('(send twilio sms {} (success (send echo message {:m|})))'), { label: '(send echo message {[:message]})', active: ':message' });
  });
});

describe('signature help: 4.2 interactions and pattern strings', () => {
  it('works for every 4.2 verb, with the params map left out', () => {
    assert.deepEqual(help('(let [r (fetch generic fetch {:id |})] r)'), { label: '(fetch generic fetch {:id})', active: ':id' });
    assert.deepEqual(help('(create sendgrid email |)'), {
      label: '(create sendgrid email {:to [:toname] :from [:fromname] :subject :message [:html]})',
      active: null,
    });
  });

  it('maps the cursor through JSON escapes of a payload string', () => {
    const payload = '{"name": "p", "status": true, "key": "id", "code": "(perform twilio sms {\\"message\\" \\"hi\\" :to-phone-number |})"}';
    assert.equal(help(payload, 'pattern')?.active, ':to-phone-number');
    const when = '{"name": "p", "status": true, "when": "(event)", "then": "(send twilio sms {\\"message\\" \\"a|b\\"})"}';
    assert.equal(help(when, 'pattern')?.active, ':message');
  });

  it('never throws on bad input', () => {
    // A key that is no field of the message: the signature, no parameter active.
    assert.deepEqual(help('(send twilio sms {:to "open|'), { label: smsLabel, active: null });
    assert.equal(help('(send twilio sms {:to-phone-number "open|')?.active, ':to-phone-number');
    const deep = '(send twilio sms {:message ' + '('.repeat(10000) + '|' + ')'.repeat(10000) + '})';
    assert.equal(help(deep)?.active, ':message');
  });
});

function hints(text: string, kind: 'flow' | 'pattern' = 'flow', inlayHints: Settings['inlayHints'] = { missingFields: true, integrationNames: true }) {
  const index = new DefinitionIndex();
  index.setBuiltins(builtinDefinitions());
  const context = analysisContext(index, 'file:///workspace/flow.cxflow', { ...defaultSettings, inlayHints });
  const doc = documentOf(text, kind);
  const all = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
  return flowInlayHints(readFlow(doc), all, context).map((h: InlayHint) => [h.position.line, h.position.character, h.label, h.paddingLeft === true]);
}

describe('inlay hints', () => {
  const flow = ['(send twilio sms {:to-phone-number *p*})', '(send echo message {:message "x"})', '(send twilio call {} (template {:from-phone-number +TM1}))'].join('\n');

  it('shows the missing mandatory fields at the end of the params map, and the display name after the type', () => {
    assert.deepEqual(hints(flow), [
      [0, 12, 'Twilio', true],
      [0, 38, 'missing :from-phone-number :message', true],
      [1, 10, 'Echo', true],
      [2, 12, 'Twilio', true],
      [2, 19, 'missing :to-phone-number', false],
    ]);
  });

  it('has one setting per kind', () => {
    assert.deepEqual(hints(flow, 'flow', { missingFields: true, integrationNames: false }), [
      [0, 38, 'missing :from-phone-number :message', true],
      [2, 19, 'missing :to-phone-number', false],
    ]);
    assert.deepEqual(hints(flow, 'flow', { missingFields: false, integrationNames: true }).map((h) => h[2]), ['Twilio', 'Echo', 'Twilio']);
    assert.deepEqual(hints(flow, 'flow', { missingFields: false, integrationNames: false }), []);
  });

  it('in 4.2, after the message when the params map is left out; in a payload string through escapes', () => {
    assert.deepEqual(hints('(create generic fetch)', 'flow', { missingFields: true, integrationNames: false }), [[0, 21, 'missing :id', true]]);
    const payload = '{"name": "p", "status": true, "key": "id", "code": "(perform twilio sms {\\"message\\" \\"hi\\"})"}';
    assert.deepEqual(hints(payload, 'pattern'), [
      [0, 67, 'Twilio', true],
      [0, 91, 'missing :to-phone-number :from-phone-number', true],
    ]);
  });

  it('agrees with the Problems panel: a suppressed or turned-off problem has no hint', () => {
    assert.deepEqual(hints('; cxengage-disable-next-line missing-mandatory-field\n(send twilio sms {})', 'flow', { missingFields: true, integrationNames: false }), []);
  });

  it('never throws on bad input', () => {
    assert.deepEqual(hints('(send twilio sms {:to-phone-number "open', 'flow', { missingFields: true, integrationNames: false }), [[0, 40, 'missing :from-phone-number :message', true]]);
    const deep = '(seq '.repeat(10000) + '(send echo message {})' + ')'.repeat(10000);
    assert.deepEqual(hints(deep).length, 1);
  });
});
