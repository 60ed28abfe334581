// The reader's sets, tagged literals and discards as the rest of the service sees them: what the
// analyser checks inside them, and what the send form shows of them (hover: flow-hover.test.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver-types';
import { checkFlowDocument } from '../../server/src/service/flow/index';
import { sendForm } from '../../server/src/service/previews';
import { compact, documentOf, rangeOfText, withCursor } from '../support/documents';
import { readFlow } from '../support/service';
import { builtinContext } from '../support/flowContext';

const ctx = builtinContext();

function diagnose(text: string): { diagnostics: Diagnostic[]; doc: ReturnType<typeof documentOf> } {
  const doc = documentOf(text, 'flow');
  return { diagnostics: checkFlowDocument(readFlow(doc), ctx), doc };
}

describe('new reader forms in analysis', () => {
  it('visits the members of a set as it visits a vector\'s', () => {
    const { diagnostics, doc } = diagnose('(send echo message {:message #{"a" $sid}})');
    assert.deepEqual(compact(diagnostics), [['response-outside-success', rangeOfText(doc, '$sid')]]);
  });

  it('takes a tagged literal as a constant: nothing inside it is checked', () => {
    assert.deepEqual(compact(diagnose('(send echo message {:message #app/money {:amount $sid}})').diagnostics), []);
    assert.deepEqual(compact(diagnose('(send echo message {:message #inst "2014-06-18"})').diagnostics), []);
  });

  it('checks nothing in a dropped form, and reads on after it', () => {
    const { diagnostics, doc } = diagnose('(seq #_(send twillio sms {}) (send echo mesage {}))');
    assert.deepEqual(compact(diagnostics), [['unknown-message', rangeOfText(doc, 'mesage')]]);
  });

  it('reports a reader error of the new syntax with the code `syntax`, at its place', () => {
    const { diagnostics, doc } = diagnose('(send echo message {:message #{"a" "a"} :x #(inc %)})');
    assert.deepEqual(
      compact(diagnostics).filter(([code]) => code === 'syntax'),
      [
        ['syntax', rangeOfText(doc, '"a"', 1)],
        ['syntax', rangeOfText(doc, '#(')],
      ],
    );
  });
});

describe('new reader forms in the send form', () => {
  it('shows a set of constants and a tagged literal as written; a set of anything else by its shape', () => {
    const { doc, position } = withCursor('(send twilio s|ms {:to-phone-number #{"1" 2 :x} :from-phone-number #inst "2014" :message #{x}})', 'flow');
    const model = sendForm(readFlow(doc), position, ctx);
    assert.ok(model);
    assert.deepEqual(
      model.fields.map((f) => [f.name, f.value, f.editable]),
      [
        ['to-phone-number', { kind: 'constant', text: '#{"1" 2 :x}' }, false],
        ['from-phone-number', { kind: 'constant', text: '#inst "2014"' }, false],
        ['message', { kind: 'expression', summary: '#{…}' }, false],
      ],
    );
  });
});
