// Flow hover with `|` cursor fixtures: integrations, message types, fields and operators, in
// `.cxflow` files and inside pattern-file strings (ranges mapped through escapes).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hover, MarkupContent } from 'vscode-languageserver-types';
import { hoverFlow } from '../../server/src/service/flow/features';
import { CompactRange, rangeOfText, withCursor } from '../support/documents';
import { builtinContext } from '../support/flowContext';

const ctx = builtinContext();

function hover(text: string, kind: 'flow' | 'pattern' = 'flow'): { hover: Hover | null; value: string; range?: CompactRange; doc: ReturnType<typeof withCursor>['doc'] } {
  const { doc, position } = withCursor(text, kind);
  const result = hoverFlow(doc, position, ctx);
  const r = result?.range;
  return {
    hover: result,
    value: result === null ? '' : (result.contents as MarkupContent).value,
    range: r === undefined ? undefined : [r.start.line, r.start.character, r.end.line, r.end.character],
    doc,
  };
}

describe('flow hover', () => {
  it('shows an integration with its display name and messages', () => {
    const h = hover('(send twi|lio sms {})');
    assert.match(h.value, /^\*\*Twilio\*\* integration `twilio`/);
    assert.match(h.value, /Messages: `call`, `call-status`, `sms`, `sms-status`/);
    assert.deepEqual(h.range, rangeOfText(h.doc, 'twilio'));
  });

  it('shows a message type as a table of its fields', () => {
    const h = hover('(send salesforce ta|sk {})');
    assert.match(h.value, /\*\*salesforce task\*\* message/);
    assert.match(h.value, /\| `Priority` \| \*\*mandatory\*\* \| Priority \| `"High"`, `"Normal"`, `"Low"` \|/);
    assert.match(h.value, /\| field \| \| description \| values \|/);
    assert.deepEqual(h.range, rangeOfText(h.doc, 'task'));
  });

  it('lists mandatory fields before optional ones', () => {
    const h = hover('(send twilio call| {})');
    assert.ok(h.value.indexOf('`from-phone-number`') < h.value.indexOf('`message`'));
    assert.match(h.value, /\| `url` \| optional \|/);
  });

  it('shows a field of the params map or of a template', () => {
    const h = hover('(send salesforce task {:Stat|us "Completed"})');
    assert.match(h.value, /^\*\*Status\*\*: mandatory field of `salesforce task`/);
    assert.match(h.value, /Values: `"Not Started"`, `"In Progress"`/);
    assert.deepEqual(h.range, rangeOfText(h.doc, ':Status'));
    assert.match(hover('(send twilio sms {} (template {:mess|age +TM1}))').value, /\*\*message\*\*: mandatory field of `twilio sms`/);
  });

  it('shows an operator with its shape and description', () => {
    const h = hover('(del|ay 5 minutes)');
    assert.match(h.value, /^`\(delay <n> <unit>\)`\n\nWait for a duration\./);
    assert.deepEqual(h.range, rangeOfText(h.doc, 'delay'));
    assert.match(hover('(send echo message {} (ret|ries 2))').value, /`\(retries <n>\)`/);
  });

  it('reads an operator by its position where a name has several meanings', () => {
    assert.match(hover(';; When\n(with|in 1 hours (event (= a 1)))').value, /^`\(within <n> <unit> <pattern>\)`$/m);
    assert.doesNotMatch(hover(';; When\n(with|in 1 hours (event (= a 1)))').value, /Give up/);
    assert.match(hover('(send echo message {} (with|in 1 hours))').value, /Give up after this duration/);
  });

  it('answers null on values, unknown names and whitespace', () => {
    assert.equal(hover('(send twilio sms {:message "h|i"})').hover, null);
    assert.equal(hover('(send twillio| sms {})').hover, null);
    assert.equal(hover('(send twilio smz| {})').hover, null);
    assert.equal(hover('(send twilio sms {:nope| 1})').hover, null);
    assert.equal(hover('(send twilio sms {}) | ').hover, null);
    assert.equal(hover('; (de|lay 1 days)').hover, null);
  });

  it('hovers inside pattern strings with the range in the JSON text', () => {
    const h = hover('{"then": "(send salesforce task {:Subject \\"Call\\" :Prio|rity \\"High\\"})"}', 'pattern');
    assert.match(h.value, /\*\*Priority\*\*: mandatory field/);
    assert.deepEqual(h.range, rangeOfText(h.doc, ':Priority'));
    assert.equal(hover('{"name": "tw|ilio"}', 'pattern').hover, null);
  });
});
