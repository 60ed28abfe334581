// The send form and Apply on a send nested in another: in a 4.1 send's success or failure, in the
// branches of an await's if, in a timer create's then. The form is the innermost send at the
// position (also at its opening bracket), and Apply writes into that same send, never the outer one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sendForm } from '../../server/src/service/previews';
import { compactRange, rangeOfText, withCursor } from '../support/documents';
import { readFlow } from '../support/service';
import { applySendForm, builtinContext } from '../support/flowContext';

const ctx = builtinContext();

// `twilio call` has an optional `message` field too: a write into the wrong send would land there.
const nested: [string, string][] = [
  ['the success of a send', '(send twilio call {:to-phone-number "1" :from-phone-number "2"}\n  (success |(send echo message {})))'],
  ['the failure of a send', '(send twilio call {:to-phone-number "1" :from-phone-number "2"}\n  (success (set a 1))\n  (failure |(send echo message {})))'],
  [
    "the success branch of an await's if",
    '(await twilio call-status {:sid $sid}\n  (if (= $status "completed") (success |(send echo message {})) (failure (delay 1 minutes))))',
  ],
  [
    "the failure branch of an await's if",
    '(await twilio call-status {:sid $sid}\n  (if (= $status "completed") (success (delay 1 minutes)) (failure |(send echo message {}))))',
  ],
  ["a timer create's then", '(send timer create {:trigger "5m"\n                    :then |(send echo message {})})'],
];

const applyAt = (doc: TextDocument, position: { line: number; character: number }, values: Record<string, string>) => applySendForm(doc, position, values, ctx);

describe('send form and Apply on a nested send', () => {
  for (const [where, text] of nested) {
    it(`in ${where}: the form at its "(" is the inner send, and Apply writes there`, () => {
      const { doc, position } = withCursor(text, 'flow');
      const inner = rangeOfText(doc, '(send echo message {})');
      const model = sendForm(readFlow(doc), position, ctx);
      assert.ok(model);
      assert.equal(`${model.operator} ${model.integration} ${model.message}`, 'send echo message');
      assert.deepEqual(compactRange(model.range), inner);
      assert.deepEqual(
        model.fields.map((f) => [f.name, f.editable]),
        [['message', true]],
      );
      const expected = doc.getText().replace('(send echo message {})', '(send echo message {:message "hi"})');
      // The panel applies at the start of the form it shows, which is the inner `(`.
      assert.equal(applyAt(doc, model.range.start, { message: 'hi' }), expected);
      assert.equal(applyAt(doc, model.position, { message: 'hi' }), expected);
      // Inside the inner send, on its message word, the same.
      const onWord = doc.positionAt(doc.offsetAt(position) + '(send echo mes'.length);
      assert.equal(sendForm(readFlow(doc), onWord, ctx)?.integration, 'echo');
      assert.equal(applyAt(doc, onWord, { message: 'hi' }), expected);
    });
  }

  it('just before the inner "(", the form and Apply are the outer send\'s', () => {
    const { doc, position } = withCursor('(send twilio call {:to-phone-number "1" :from-phone-number "2"} (success| (send echo message {})))', 'flow');
    const model = sendForm(readFlow(doc), position, ctx);
    assert.equal(model?.integration, 'twilio');
    assert.equal(
      applyAt(doc, position, { message: 'hi' }),
      '(send twilio call {:to-phone-number "1" :from-phone-number "2" :message "hi"} (success (send echo message {})))',
    );
  });

  it('inside a pattern string, the inner send of a success, escaped for JSON', () => {
    const { doc, position } = withCursor(
      '{"name": "p", "when": "(event (= a 1))", "then": "(send twilio call {:to-phone-number \\"1\\" :from-phone-number \\"2\\"} (success |(send echo message {})))"}',
      'pattern',
    );
    const model = sendForm(readFlow(doc), position, ctx);
    assert.equal(model?.integration, 'echo');
    const after = applyAt(doc, position, { message: 'say "hi"' });
    assert.equal(
      (JSON.parse(after) as { then: string }).then,
      '(send twilio call {:to-phone-number "1" :from-phone-number "2"} (success (send echo message {:message "say \\"hi\\""})))',
    );
  });
});
