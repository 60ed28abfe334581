// Inlay hints of flow code compared whole (position, label, kind, padding, tooltip): forms too short
// or too odd to hint, an integration whose display name is its type, a suppressed problem of another
// code, and a range whose ends touch the interactions at either side.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InlayHint, InlayHintKind, Range } from 'vscode-languageserver-types';
import { flowInlayHints } from '../../server/src/service/flow/editing/features';
import { analysisContext } from '../../server/src/service/analysisContext';
import { defaultSettings } from '../../server/src/service/settings';
import { documentOf } from '../support/documents';
import { crmIndex, crmWith } from '../support/definitions';
import { readFlow } from '../support/service';

// The crm integration without a display name: its display name is its type.
const ctx = analysisContext(crmIndex(crmWith(['"display": "CRM",\n', ''])), 'file:///workspace/flow.cxflow', {
  ...defaultSettings,
  inlayHints: { missingFields: true, integrationNames: true },
});

function hints(text: string, range?: (doc: ReturnType<typeof documentOf>) => Range): InlayHint[] {
  const doc = documentOf(text, 'flow');
  return flowInlayHints(readFlow(doc), range?.(doc) ?? { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, ctx);
}

const missingTooltip = 'Mandatory fields of the message that nothing here provides yet';
const missing = (line: number, character: number, label: string, paddingLeft: boolean): InlayHint => ({
  position: { line, character },
  label,
  kind: InlayHintKind.Parameter,
  paddingLeft,
  tooltip: missingTooltip,
});
const integration = (line: number, character: number, type: string, label: string): InlayHint => ({
  position: { line, character },
  label,
  kind: InlayHintKind.Type,
  paddingLeft: true,
  tooltip: `Integration \`${type}\`: ${label}`,
});

describe('inlay hints: exact hints', () => {
  it('gives each flow its exact hints', () => {
    const cases: [string, InlayHint[]][] = [
      ['(send)', []],
      ['(send "twilio" sms {})', []],
      ['(send twillio sms {})', []],
      ['(send crm note {})', [missing(0, 16, 'missing :text', false)]],
      [
        '; cxengage-disable-next-line unknown-field\n(send twilio sms {:bogus 1 :to-phone-number 1})',
        [integration(1, 12, 'twilio', 'Twilio'), missing(1, 45, 'missing :from-phone-number :message', true)],
      ],
      ['(create generic)', [integration(0, 15, 'generic', 'Generic')]],
      ['(send twilio sms {:message "x"', [integration(0, 12, 'twilio', 'Twilio'), missing(0, 30, 'missing :to-phone-number :from-phone-number', true)]],
      ['(send twilio sms)', [integration(0, 12, 'twilio', 'Twilio')]],
    ];
    for (const [text, expected] of cases) assert.deepEqual(hints(text), expected, text);
  });

  it('answers a range with the interactions it touches, those ending or starting at its ends included', () => {
    const text = '(send twilio sms {})\n(send echo message {})\n(send crm note {})';
    const touching = hints(text, (doc) => ({ start: doc.positionAt(text.indexOf('\n')), end: doc.positionAt(text.lastIndexOf('(')) }));
    assert.deepEqual(touching, [
      integration(0, 12, 'twilio', 'Twilio'),
      missing(0, 18, 'missing :to-phone-number :from-phone-number :message', false),
      integration(1, 10, 'echo', 'Echo'),
      missing(2, 16, 'missing :text', false),
    ]);
    const inside = hints(text, (doc) => ({ start: doc.positionAt(text.indexOf('\n') + 1), end: doc.positionAt(text.lastIndexOf('(') - 1) }));
    assert.deepEqual(inside, [integration(1, 10, 'echo', 'Echo')]);
  });
});
