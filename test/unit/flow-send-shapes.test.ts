// The other half of the send checks: the fields of `(template {...})` maps checked like the params
// map, the shapes of then-side `event` and `template`, and how far did-you-mean reaches.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { messages } from '../../server/src/service/codes';
import { messageText } from '../../server/src/service/diagnostics';
import { compact, rangeOfText } from '../support/documents';
import { diagnoseFlow } from '../support/flowContext';

const diagnose = diagnoseFlow;

describe('flow send checks: template maps', () => {
  it('checks the fields of a template map as those of the params map: unknown, enum, secret, duplicate', () => {
    const text = '(send crm note {:text "x"} (template {:colur "red" :colour "grene" :secret "s" :login "l" :colour "red"}))';
    const { diagnostics, doc } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['unknown-field', rangeOfText(doc, ':colur')],
      ['invalid-enum-value', rangeOfText(doc, '"grene"')],
      ['secret-inline', rangeOfText(doc, ':secret')],
      ['secret-inline', rangeOfText(doc, ':login')],
      ['duplicate-field', rangeOfText(doc, ':colour', 1)],
    ]);
    assert.deepEqual(diagnostics.map(messageText), [
      // `colour` is in this template map already: no suggestion.
      messages.unknownField('colur', 'note', undefined),
      messages.invalidEnumValue('grene', 'colour', ['red', 'green'], 'green'),
      messages.secretInline('secret', 'crm'),
      messages.secretInline('login', 'crm'),
      messages.duplicateField('colour'),
    ]);
  });

  it('a field given in the params map and in a template is no duplicate; each template map stands alone', () => {
    const text = '(send crm note {:text "x" :colour "red"} (template {:colour "green"}) (template {:color "red"}))';
    const { diagnostics, doc } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [['unknown-field', rangeOfText(doc, ':color')]]);
    assert.equal(messageText(diagnostics[0]), messages.unknownField('color', 'note', 'colour'));
  });

  it('a mandatory field given by a template only is provided', () => {
    assert.deepEqual(diagnose('(send crm note {:colour "red"} (template {:text +TM1}))').diagnostics, []);
  });
});

describe('flow send checks: then-side shapes', () => {
  it('(event "x") on the then side: its params must be a map', () => {
    const { diagnostics, doc } = diagnose(';; Then\n(seq (event "x") (event {:a 1} (retries 1)))');
    assert.deepEqual(compact(diagnostics), [['arity', rangeOfText(doc, '"x"')]]);
    assert.equal(messageText(diagnostics[0]), messages.paramsNotMap('event'));
  });

  it('(event) with nothing, and (template "x") or (template) after a send', () => {
    const text = ';; Then\n(seq (event) (send echo message {} (template "x")) (send echo message {} (template)))';
    const { diagnostics, doc } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['arity', rangeOfText(doc, 'event')],
      ['arity', rangeOfText(doc, '"x"')],
      ['arity', rangeOfText(doc, 'template', 1)],
    ]);
    assert.deepEqual(diagnostics.map(messageText).slice(1), [messages.paramsNotMap('template'), messages.formShape('template', '(template {<params>})')]);
  });
});

describe('flow send checks: did-you-mean reach', () => {
  it('a unit two edits away is suggested, one far from every unit is not', () => {
    const { diagnostics, doc } = diagnose(';; Then\n(seq (delay 5 minits) (delay 5 xyzzy) (delay 5 hour))');
    assert.deepEqual(compact(diagnostics), [
      ['unknown-unit', rangeOfText(doc, 'minits')],
      ['unknown-unit', rangeOfText(doc, 'xyzzy')],
      ['unknown-unit', rangeOfText(doc, 'hour')],
    ]);
    assert.deepEqual(
      diagnostics.map((d) => (d.data as { suggestions: string[] }).suggestions),
      [['minutes'], [], ['hours']],
    );
    assert.deepEqual(diagnostics.map(messageText), [messages.unknownUnit('minits', 'minutes'), messages.unknownUnit('xyzzy', undefined), messages.unknownUnit('hour', 'hours')]);
  });

  it('a short field name gets a suggestion one edit away only', () => {
    const { diagnostics } = diagnose('(send crm note {:text "x" :color "red"})\n(send crm note {:text "x" :colr "red"})');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, (d.data as { suggestions: string[] }).suggestions]),
      [
        ['unknown-field', ['colour']],
        ['unknown-field', []],
      ],
    );
  });
});
