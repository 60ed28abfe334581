// Signature help of flow interactions, compared whole: the label, each parameter's place and
// markdown (mandatory, optional, enum values, description) and the summary; and the active
// parameter's index from many cursor places (symbol and string keys, a key not yet a field, a bare
// `:`, a non-key, the interaction's own words, comments, options and forms too short).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MarkupKind, SignatureHelp } from 'vscode-languageserver-types';
import { flowSignatureHelp } from '../../server/src/service/flow/editing/features';
import { analysisContext } from '../../server/src/service/analysisContext';
import { defaultSettings } from '../../server/src/service/settings';
import { withCursor } from '../support/documents';
import { crmIndex } from '../support/definitions';
import { readFlow } from '../support/service';

const ctx = analysisContext(crmIndex(), 'file:///workspace/flow.cxflow', defaultSettings);

function help(text: string): SignatureHelp | null {
  const { doc, position } = withCursor(text, 'flow');
  return flowSignatureHelp(readFlow(doc), position, ctx);
}

const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });

describe('signature help: whole answers', () => {
  it('documents each field and the message, with the place of each field in the label', () => {
    const summary = markdown('CRM: message `note`, 1 of 2 fields mandatory (optional ones in [brackets]).');
    const text = markdown('**mandatory** · The note');
    const colour = markdown('optional · one of `"red"`, `"green"`');
    assert.deepEqual(help('(send crm note {:colour |})'), {
      signatures: [
        {
          label: '(send crm note {:text [:colour]})',
          parameters: [
            { label: [16, 21], documentation: text },
            { label: [23, 30], documentation: colour },
          ],
          documentation: summary,
        },
      ],
      activeSignature: 0,
      activeParameter: 1,
    });
    assert.deepEqual(help('(perform crm note {:te|})'), {
      signatures: [
        {
          label: '(perform crm note {:text [:colour]})',
          parameters: [
            { label: [19, 24], documentation: text },
            { label: [26, 33], documentation: colour },
          ],
          documentation: summary,
        },
      ],
      activeSignature: 0,
      activeParameter: 0,
    });
  });

  it('gives the index of the active field, past the last one when none is active, or no answer', () => {
    // twilio sms: 0 :to-phone-number, 1 :from-phone-number, 2 :message; 3 is none.
    const cases: [string, number | null][] = [
      ['(send "twilio" sms {|})', null],
      ['(send twilio "sms" {|})', null],
      ['(send twilio sms {to-ph|})', 0],
      ['(send twilio sms {"message" |})', 2],
      ['(send twilio sms {:message "x" ;c|\n})', null],
      ['(send twilio sms {:message "x" :to-phone-number "1" |})', 3],
      ['(send twilio sms {:message "x" :to-phone-number|})', 0],
      ['(send twilio sms {:zz|})', 3],
      ['(send twilio sms {:|})', 3],
      ['(send twilio sms {1 |})', 3],
      ['(send twilio sms {:message "x" 1 |})', 3],
      ['(send tw|ilio sms {})', 3],
      ['(se|nd twilio sms {})', 3],
      ['(send twilio s|ms {})', 3],
      ['(send twilio sms {} |)', 3],
      ['(send twilio sms {} (success |))', null],
      ['(send twilio sms {:to-phone-number| "1"})', 0],
      ['(send)|', null],
      ['(send |)', null],
      ['(send twilio |)', null],
      ['(send twilio sms {[1] |})', 3],
      ['(send datasift x {|})', null],
      ['(send twilio sms {me:ssage|})', 3],
    ];
    for (const [text, active] of cases) {
      const answer = help(text);
      assert.deepEqual(answer === null ? null : [answer.activeParameter, answer.signatures.map((s) => s.label)], active === null ? null : [active, ['(send twilio sms {:to-phone-number :from-phone-number :message})']], text);
    }
  });
});
