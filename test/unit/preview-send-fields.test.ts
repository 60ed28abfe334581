// The send form's choices pinned: which send a cursor shows (in a flow and across the code strings
// of a payload), which field values the form may overwrite, and where a field not written yet goes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sendAt, sendForm, SendFormModel } from '../../server/src/service/previews';
import { compactRange, documentOf, withCursor } from '../support/documents';
import { builtinContext } from '../support/flowContext';
import { readFlow } from '../support/service';

const ctx = builtinContext();

function formAt(marked: string): SendFormModel {
  const { doc, position } = withCursor(marked, 'flow');
  const model = sendForm(readFlow(doc), position, ctx);
  assert.ok(model, marked);
  return model;
}

describe('the send a cursor shows', () => {
  function chosen(text: string, kind: 'flow' | 'pattern', offsets: number[]): [number, string | undefined, number][] {
    const flow = readFlow(documentOf(text, kind));
    return offsets.map((offset) => {
      const send = sendAt(flow, flow.document.positionAt(offset));
      return [offset, send?.integration?.name, send === undefined ? -1 : flow.document.offsetAt(send.range.start)];
    });
  }

  it('is the one holding it, else the next, else the last before it', () => {
    const text = ';; Then\n(delay 1 days)\n(send twilio sms {})\n(delay 2 days)\n(send echo message {})\n(delay 3 days)';
    assert.deepEqual(chosen(text, 'flow', [0, 22, 23, 43, 44, 58, 59, 82, 95]), [
      [0, 'twilio', 23],
      [22, 'twilio', 23],
      [23, 'twilio', 23],
      [43, 'twilio', 23],
      [44, 'echo', 59],
      [58, 'echo', 59],
      [59, 'echo', 59],
      [82, 'echo', 59],
      [95, 'echo', 59],
    ]);
  });

  it('looks across the code strings of a payload, back to the first', () => {
    const payload = '[{"name": "a", "then": "(send twilio sms {})"}, {"name": "b", "when": "(event (= a 1))", "then": "(seq (delay 1 days) (send echo message {}))"}, {"name": "c", "then": "(delay 2 days)"}]';
    assert.deepEqual(chosen(payload, 'pattern', [0, 24, 44, 45, 100, 113, 150, payload.length]), [
      [0, 'twilio', 24],
      [24, 'twilio', 24],
      [44, 'twilio', 24],
      [45, 'echo', 118],
      [100, 'echo', 118],
      [113, 'echo', 118],
      [150, 'echo', 118],
      [payload.length, 'echo', 118],
    ]);
    const first = '[{"name": "a", "then": "(send twilio sms {})"}, {"name": "b", "then": "(delay 1 days)"}]';
    assert.deepEqual(chosen(first, 'pattern', [first.length]), [[first.length, 'twilio', 24]]);
    assert.deepEqual(chosen('{"name": "b", "then": "(delay 1 days)"}', 'pattern', [0, 30]), [
      [0, undefined, -1],
      [30, undefined, -1],
    ]);
  });
});

describe('the fields of a send form', () => {
  it('lets the form overwrite an enum field holding a constant, not a keyword or a computed value', () => {
    const cases: [string, boolean][] = [
      ['"Call"', true],
      ['42', true],
      ['nil', true],
      ['true', true],
      [':k', false],
      ['*x*', false],
      ['owner', false],
      ['(str "a")', false],
    ];
    for (const [value, editable] of cases) {
      const subject = formAt(`;; Then\n(send salesforce task {:Subject ${value}|})`).fields.find((f) => f.name === 'Subject');
      assert.deepEqual(subject && [subject.editable, subject.help, subject.mandatory], [editable, 'Subject', true], value);
    }
  });

  it('places a field not written yet on the params map, else on the integration and message', () => {
    const rows = (model: SendFormModel) => model.fields.map((f) => [f.name, compactRange(f.range), f.status, f.problem ?? null, f.editable]);
    const missing = (name: string) => `\`twilio sms\` is missing mandatory field \`${name}\``;
    assert.deepEqual(rows(formAt(';; Then\n(send twilio sms {}|)')), [
      ['to-phone-number', [1, 17, 1, 19], 'missing', missing('to-phone-number'), true],
      ['from-phone-number', [1, 17, 1, 19], 'missing', missing('from-phone-number'), true],
      ['message', [1, 17, 1, 19], 'missing', missing('message'), true],
    ]);
    const noParams = formAt(';; Then\n(send twilio sms|)');
    assert.deepEqual(rows(noParams), [
      ['to-phone-number', [1, 6, 1, 16], 'ok', null, false],
      ['from-phone-number', [1, 6, 1, 16], 'ok', null, false],
      ['message', [1, 6, 1, 16], 'ok', null, false],
    ]);
    assert.deepEqual(rows(formAt(';; Then\n(send twilio sms [1]|)')).map((r) => r[1]), [
      [1, 6, 1, 16],
      [1, 6, 1, 16],
      [1, 6, 1, 16],
    ]);
    const unknown = formAt(';; Then\n(send nope msg {:a 1}|)');
    assert.deepEqual([unknown.kind, unknown.integration, unknown.message, rows(unknown), unknown.problems.map((p) => p.code)], ['send', 'nope', 'msg', [['a', [1, 19, 1, 20], 'ok', null, false]], ['unknown-integration']]);
    assert.equal(unknown.fields[0].mandatory, false);
    assert.equal(unknown.fields[0].help, undefined);
  });

  it('names no integration or message the send does not write', () => {
    const noMessage = formAt(';; Then\n(send twilio|)');
    assert.deepEqual([noMessage.integration, noMessage.message, noMessage.fields, noMessage.problems.map((p) => p.code)], ['twilio', '', [], ['arity']]);
    const bare = formAt(';; Then\n(send|)');
    assert.deepEqual([bare.integration, bare.message, bare.fields, bare.problems.map((p) => p.code)], ['', '', [], ['arity']]);
  });
});
