// What stands under a cursor in flow code for hover and go-to-definition, in both dialects: the
// operator, integration, message or field target (or none) and the enum value target, from a table
// of cursors on forms whose parts are missing, misspelt, of the wrong kind or out of place.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { enumValueAt, FlowTarget, targetAt } from '../../server/src/service/flow/editing/targets';
import { grammarOf } from '../../server/src/service/flow/analysis/grammar/grammar';
import { DialectVersion } from '../../server/src/service/flow/analysis/grammar/signature';
import { analysisContext } from '../../server/src/service/analysisContext';
import { defaultSettings } from '../../server/src/service/settings';
import { crmIndex } from '../support/definitions';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

const ctx = analysisContext(crmIndex(), 'file:///workspace/flow.cxflow', defaultSettings);

/** A target as [kind, node start, name or integration, message, field, number of forms]. */
type Shape = [string, number, string, string | null, string | null, number | null] | null;
/** An enum value target as [node start, value, integration, message, field]. */
type EnumShape = [number, string, string, string, string] | null;

function shape(t: FlowTarget | undefined): Shape {
  if (t === undefined) return null;
  switch (t.kind) {
    case 'operator':
      return [t.kind, t.node.start, t.name, null, null, t.forms.length];
    case 'integration':
      return [t.kind, t.node.start, t.name, null, null, null];
    case 'message':
      return [t.kind, t.node.start, t.integration, t.message.name, null, null];
    case 'field':
      return [t.kind, t.node.start, t.integration, t.message.name, t.field.name, null];
  }
}

function targets(dialect: DialectVersion, text: string): [Shape, EnumShape] {
  const at = text.indexOf('|');
  const region = readFlow(documentOf(text.slice(0, at) + text.slice(at + 1), 'flow')).regions[0];
  const grammar = grammarOf(dialect);
  const e = enumValueAt(region, at, ctx, grammar);
  return [shape(targetAt(region, at, ctx, grammar)), e === undefined ? null : [e.node.start, e.value, e.integration, e.message.name, e.field.name]];
}

const cases: [DialectVersion, string, Shape, EnumShape][] = [
  ['4.1', 'x|', null, null],
  ['4.1', '(a (b| c))', null, null],
  ['4.1', '(seq send|)', null, null],
  ['4.1', ';; When\n(send| twilio sms {})', ['operator', 9, 'send', null, null, 1], null],
  ['4.1', '(send| twilio sms {})', ['operator', 1, 'send', null, null, 1], null],
  ['4.2', '(send| twilio sms {})', null, null],
  ['4.2', '(perform| twilio sms {})', ['operator', 1, 'perform', null, null, 1], null],
  ['4.1', '(send twilio sms sms|)', null, null],
  ['4.1', '(send twilio :sms|)', null, null],
  ['4.1', '(send twilio| sms)', ['integration', 6, 'twilio', null, null, null], null],
  ['4.1', '(send twilio sms|)', ['message', 13, 'twilio', 'sms', null, null], null],
  ['4.1', '(send "twilio" sms|)', null, null],
  ['4.1', '(send datasift x|)', null, null],
  ['4.1', '(send twillio sms|)', null, null],
  ['4.1', '(send twilio sms {:message "x"|})', null, null],
  ['4.1', '{:a| 1}', null, null],
  ['4.1', '(send "twilio" sms {:message| 1})', null, null],
  ['4.1', '(send twilio "sms" {:message| 1})', null, null],
  ['4.1', '(send datasift x {:a| 1})', null, null],
  ['4.1', '(send twillio sms {:message| 1})', null, null],
  ['4.1', '(send twilio smss {:message| 1})', null, null],
  ['4.1', '(send twilio sms {:bogus| 1})', null, null],
  ['4.1', '(send twilio sms {:message| 1})', ['field', 18, 'twilio', 'sms', 'message', null], null],
  ['4.1', '(send twilio sms {"message"| 1})', ['field', 18, 'twilio', 'sms', 'message', null], null],
  ['4.1', '(send crm note {:colour "red"|})', null, [24, 'red', 'crm', 'note', 'colour']],
  ['4.1', '(send crm note {"colour"| "red"})', ['field', 16, 'crm', 'note', 'colour', null], null],
  ['4.1', '(send crm note {:text "red"|})', null, null],
  ['4.1', '(send crm smss {:colour "red"|})', null, null],
  ['4.1', '(send "crm" note {:colour "red"|})', null, null],
  ['4.1', '(send crm "note" {:colour "red"|})', null, null],
  ['4.1', '{:colour "red"|}', null, null],
  ['4.1', '(send crm note {:colour ["red"|]})', null, null],
  ['4.2', '(perform crm note {:colour "red"|})', null, [27, 'red', 'crm', 'note', 'colour']],
  ['4.1', '(perform crm note {:colour "red"|})', null, null],
  ['4.1', '(send twillio sms {:colour "red"|})', null, null],
  ['4.1', '(send datasift x {:colour "red"|})', null, null],
  ['4.1', '"red"|', null, null],
  ['4.1', '(send crm note {"colour" "red"|})', null, [25, 'red', 'crm', 'note', 'colour']],
  ['4.1', '(send crm note {"red"|})', null, null],
  ['4.2', '(create generic| fetch {:id 1})', ['integration', 8, 'generic', null, null, null], null],
  ['4.1', '(send twilio sms {:message "message"|})', null, null],
  ['4.1', '(:send| twilio sms)', null, null],
];

describe('flow targets under the cursor', () => {
  it('finds the exact target and enum value target, or none', () => {
    for (const [dialect, text, target, enumValue] of cases) assert.deepEqual(targets(dialect, text), [target, enumValue], `${dialect}: ${text}`);
  });
});
