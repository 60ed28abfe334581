// Flow quick fixes on the analyser's own diagnostics: adding missing mandatory fields with the
// map's alignment, and did-you-mean replacements, in `.cxflow` files and pattern strings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver-types';
import { checkFlowDocument } from '../../server/src/service/flow';
import { flowCodeActions } from '../../server/src/service/flow/editing/features';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';
import { applyAction, builtinContext } from '../support/flowContext';

const ctx = builtinContext();

function fixes(text: string, code: string, kind: 'flow' | 'pattern' = 'flow'): { doc: TextDocument; actions: CodeAction[]; diagnostic: Diagnostic } {
  const doc = documentOf(text, kind);
  const diagnostics = checkFlowDocument(readFlow(doc), ctx).filter((d) => d.code === code);
  assert.equal(diagnostics.length, 1, `one ${code} in ${JSON.stringify(checkFlowDocument(readFlow(doc), ctx).map((d) => d.code))}`);
  const actions = flowCodeActions(readFlow(doc), diagnostics[0].range, diagnostics, ctx);
  for (const a of actions) {
    assert.equal(a.kind, CodeActionKind.QuickFix);
    assert.deepEqual(a.diagnostics, diagnostics);
  }
  return { doc, actions, diagnostic: diagnostics[0] };
}

/** Each action as [title, text after applying it]. */
function results(text: string, code: string, kind: 'flow' | 'pattern' = 'flow'): [string, string][] {
  const { doc, actions } = fixes(text, code, kind);
  return actions.map((a) => [a.title, applyAction(doc, a)]);
}

describe('flow quick fix: missing mandatory fields', () => {
  it('adds the fields to a one-line map', () => {
    assert.deepEqual(results('(send twilio sms {:message "hi"})', 'missing-mandatory-field'), [
      ['Add mandatory fields :to-phone-number, :from-phone-number', '(send twilio sms {:message "hi" :to-phone-number "" :from-phone-number ""})'],
    ]);
    assert.deepEqual(results('(send twilio call-status {})', 'missing-mandatory-field'), [
      ['Add mandatory field :sid', '(send twilio call-status {:sid ""})'],
    ]);
  });

  it('lines new fields up with the keys of a multi-line map', () => {
    const text = [
      '(seq',
      '  (send twilio sms {:to-phone-number *phone-number*',
      '                    :message "hi"}',
      '        (retries 2)))',
    ].join('\n');
    const [[title, fixed]] = results(text, 'missing-mandatory-field');
    assert.equal(title, 'Add mandatory field :from-phone-number');
    assert.equal(
      fixed,
      [
        '(seq',
        '  (send twilio sms {:to-phone-number *phone-number*',
        '                    :message "hi"',
        '                    :from-phone-number ""}',
        '        (retries 2)))',
      ].join('\n'),
    );
  });

  it('gives an enum field its first value, says so in the title, and adds nothing the checks report', () => {
    const text = ['(send salesforce task {:OwnerId "005x"', '                       :WhoId *who*})'].join('\n');
    const [[title, fixed]] = results(text, 'missing-mandatory-field');
    assert.equal(title, 'Add mandatory fields :WhatId, :Subject "Call", :Status "Not Started", :Description, :ActivityDate, :Priority "High"');
    assert.equal(
      fixed,
      [
        '(send salesforce task {:OwnerId "005x"',
        '                       :WhoId *who*',
        '                       :WhatId ""',
        '                       :Subject "Call"',
        '                       :Status "Not Started"',
        '                       :Description ""',
        '                       :ActivityDate ""',
        '                       :Priority "High"})',
      ].join('\n'),
    );
    assert.deepEqual(checkFlowDocument(readFlow(documentOf(fixed, 'flow')), ctx), []);
  });

  it('counts template params; the fix writes placeholders, so it is not preferred (Fix All leaves it)', () => {
    const { actions } = fixes('(send twilio sms {:to-phone-number "1"} (template {:message +TM1}))', 'missing-mandatory-field');
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Add mandatory field :from-phone-number');
    assert.equal(actions[0].isPreferred, undefined);
  });

  it('escapes the inserted fields inside a pattern string', () => {
    assert.deepEqual(results('{"then": "(send twilio sms {:message \\"hi\\"})"}', 'missing-mandatory-field', 'pattern'), [
      [
        'Add mandatory fields :to-phone-number, :from-phone-number',
        '{"then": "(send twilio sms {:message \\"hi\\" :to-phone-number \\"\\" :from-phone-number \\"\\"})"}',
      ],
    ]);
  });
});

describe('flow quick fix: inline credential', () => {
  it('removes the credential entry with its separating space', () => {
    assert.deepEqual(results('(send twilio sms {:to-phone-number "1" :password "s3cret" :from-phone-number "2" :message "m"})', 'secret-inline'), [
      ['Remove the inline credential :password', '(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m"})'],
    ]);
    assert.deepEqual(results('(send twilio sms {:account "AC1", :to-phone-number "1" :from-phone-number "2" :message "m"})', 'secret-inline'), [
      ['Remove the inline credential :account', '(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m"})'],
    ]);
  });
});

describe('flow quick fix: did-you-mean', () => {
  it('replaces an invalid enum value with each close suggestion', () => {
    const text = '(send salesforce task {:OwnerId "1" :WhoId "2" :WhatId "3" :Subject "Call" :Status "Completed" :Description "d" :ActivityDate "x" :Priority "high"})';
    assert.deepEqual(results(text, 'invalid-enum-value'), [['Change to "High"', text.replace('"high"', '"High"')]]);
  });

  it('offers every allowed value when none is close', () => {
    const text = '(send salesforce task {:OwnerId "1" :WhoId "2" :WhatId "3" :Subject "Call" :Status "Completed" :Description "d" :ActivityDate "x" :Priority "Urgent"})';
    assert.deepEqual(
      results(text, 'invalid-enum-value').map(([title]) => title),
      ['Change to "High"', 'Change to "Normal"', 'Change to "Low"'],
    );
  });

  it('replaces an unknown field, keeping keyword or string keys', () => {
    assert.deepEqual(results('(send twilio sms {:to-phone-number "1" :from-phone-number "2" :mesage "x"})', 'unknown-field'), [
      ['Change to :message', '(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "x"})'],
    ]);
    assert.deepEqual(results('(send twilio sms {:to-phone-number "1" :from-phone-number "2" "mesage" "x"})', 'unknown-field'), [
      ['Change to "message"', '(send twilio sms {:to-phone-number "1" :from-phone-number "2" "message" "x"})'],
    ]);
  });

  it('replaces an unknown field inside a pattern string, keeping the key escaped as it is written', () => {
    const stringKey = '{"then": "(send twilio sms {:to-phone-number \\"1\\" :from-phone-number \\"2\\" \\"mesage\\" \\"x\\"})"}';
    assert.deepEqual(results(stringKey, 'unknown-field', 'pattern'), [['Change to "message"', stringKey.replace('\\"mesage\\"', '\\"message\\"')]]);
    const keyword = '{"then": "(send twilio sms {:to-phone-number \\"1\\" :from-phone-number \\"2\\" :mesage \\"x\\"})"}';
    assert.deepEqual(results(keyword, 'unknown-field', 'pattern'), [['Change to :message', keyword.replace(':mesage', ':message')]]);
  });

  it('replaces an unknown integration or message type', () => {
    assert.deepEqual(results('(send twillio sms {})', 'unknown-integration'), [['Change to `twilio`', '(send twilio sms {})']]);
    assert.deepEqual(results('(send twilio smss {:to-phone-number "1"})', 'unknown-message'), [
      ['Change to `sms`', '(send twilio sms {:to-phone-number "1"})'],
    ]);
    // Each close suggestion is a fix of its own; a lone one is preferred.
    const { actions } = fixes('(send salesforce chater {})', 'unknown-message');
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change to `chatter`', true]]);
  });

  it('replaces an unknown form and an unknown unit', () => {
    assert.deepEqual(results(';; Then\n(sned echo message {:message "x"})', 'unknown-form')[0], [
      'Change to `send`',
      ';; Then\n(send echo message {:message "x"})',
    ]);
    assert.deepEqual(
      fixes(';; Then\n(sez x 1)', 'unknown-form').actions.map((a) => [a.title, a.isPreferred ?? false]),
      // Two candidates: the user chooses, none is preferred.
      [['Change to `seq`', false], ['Change to `set`', false]],
    );
    assert.deepEqual(results(';; Then\n(delay 5 minuts)', 'unknown-unit')[0], ['Change to `minutes`', ';; Then\n(delay 5 minutes)']);
  });

  it('escapes replacements inside a pattern string', () => {
    const text =
      '{"then": "(send salesforce task {:OwnerId \\"1\\" :WhoId \\"2\\" :WhatId \\"3\\" :Subject \\"Call\\" :Status \\"Completed\\" :Description \\"d\\" :ActivityDate \\"x\\" :Priority \\"Hihg\\"})"}';
    const [[title, fixed]] = results(text, 'invalid-enum-value', 'pattern');
    assert.equal(title, 'Change to "High"');
    assert.equal(fixed, text.replace('\\"Hihg\\"', '\\"High\\"'));
  });

  it('ignores diagnostics of other sources and codes', () => {
    const doc = documentOf('(send twilio sms {})', 'flow');
    const foreign: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'other', code: 'unknown-field' };
    assert.deepEqual(flowCodeActions(readFlow(doc), foreign.range, [foreign], ctx), []);
  });
});
