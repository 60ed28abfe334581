// The send form and the Problems panel agree: the form's problems are the send's diagnostics (code,
// range, level, words) after the user's severity overrides and suppression comments; a field shows
// a problem only if its diagnostic survives, at the level it survives with. Cases, then random sends.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver-types';
import { seededRandom } from '../support/random';
import { SeveritySetting } from '../../server/src/service/codes';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { messageText } from '../../server/src/service/diagnostics';
import { FlowCode } from '../../server/src/service/flow/analysis/problems';
import { FormRange, sendForm, SendFormModel } from '../../server/src/service/previews';
import { defaultSettings } from '../../server/src/service/settings';
import { documentOf } from '../support/documents';
import { readFlow, builtinDefinitions, openDocumentsService, openAndCheck } from '../support/service';
import { planted, randomSend, sendCheckCodes } from '../support/randomSends';

const index = new DefinitionIndex();
index.setBuiltins(builtinDefinitions());

type Severity = Partial<Record<FlowCode, SeveritySetting>>;

const levelNames = ['', 'error', 'warning', 'information', 'hint'];
const place = (r: FormRange) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const fromDiagnostic = (d: Diagnostic) => `${String(d.code)} ${levelNames[d.severity ?? 0]} ${place(d.range)} ${messageText(d)}`;
const fromForm = (p: SendFormModel['problems'][number]) => `${p.code} ${p.severity} ${place(p.range)} ${p.message}`;

/** The Problems panel (diagnostics through the language service) and the form of the first send, under `severity`. */
async function views(text: string, severity: Severity = {}): Promise<{ panel: string[]; form: SendFormModel }> {
  const service = openDocumentsService({ ...defaultSettings, severity });
  for (const d of index.workspaceDefinitions()) service.index.set(d);
  const doc = documentOf(text, 'flow');
  const panel = (await openAndCheck(service, doc)).map(fromDiagnostic);
  const form = sendForm(readFlow(doc), { line: 0, character: 0 }, service.contextFor(doc.uri));
  assert.ok(form, 'a send form');
  return { panel, form };
}

const fieldRow = (form: SendFormModel, name: string) => {
  const f = form.fields.find((x) => x.name === name);
  assert.ok(f, name);
  return [f.status, f.problem, f.severity];
};

describe('send form and Problems panel: the same problems', () => {
  const typo = '(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m" :mesage "x"})\n';

  it('by default: the unknown field, as a warning, in both', async () => {
    const { panel, form } = await views(typo);
    assert.equal(panel.length, 1);
    assert.deepEqual(form.problems.map(fromForm), panel);
    assert.deepEqual(fieldRow(form, 'mesage'), ['unknown', form.problems[0].message, 'warning']);
  });

  it('`unknown-field` set to off: both empty, the field ok', async () => {
    const { panel, form } = await views(typo, { 'unknown-field': 'off' });
    assert.deepEqual(panel, []);
    assert.deepEqual(form.problems, []);
    assert.deepEqual(fieldRow(form, 'mesage'), ['ok', undefined, undefined]);
  });

  it('`unknown-field` raised to error: the form says error too', async () => {
    const { panel, form } = await views(typo, { 'unknown-field': 'error' });
    assert.match(panel[0], /^unknown-field error /);
    assert.deepEqual(form.problems.map(fromForm), panel);
    assert.equal(fieldRow(form, 'mesage')[2], 'error');
  });

  it('`; cxengage-disable-next-line duplicate-field`: both empty, the field ok', async () => {
    const text = `; cxengage-disable-next-line duplicate-field
(send echo message {:message "one" :message "two"})
`;
    const { panel, form } = await views(text);
    assert.deepEqual(panel, []);
    assert.deepEqual(form.problems, []);
    assert.deepEqual(fieldRow(form, 'message'), ['ok', undefined, undefined]);
    const shown = await views(text.replace('duplicate-field', 'unknown-field'));
    assert.equal(shown.panel.length, 1);
    assert.deepEqual(shown.form.problems.map(fromForm), shown.panel);
    assert.equal(fieldRow(shown.form, 'message')[0], 'duplicate');
  });

  it('a comment silences only its line: a field on the next line keeps its problem', async () => {
    const text = `(send salesforce task {:OwnerId "o" :WhoId "w" :WhatId "x" :Description "d" :ActivityDate "a"
  ; cxengage-disable-next-line
  :Subject "Cal" :Status "Not Started"
  :Priority "Urgent"})
`;
    const { panel, form } = await views(text);
    assert.deepEqual(panel.map((p) => p.split(' ')[0]), ['invalid-enum-value']);
    assert.deepEqual(form.problems.map(fromForm), panel);
    assert.deepEqual(fieldRow(form, 'Subject').slice(0, 1), ['ok']);
    assert.deepEqual(fieldRow(form, 'Priority').slice(0, 1), ['invalid-enum']);
  });

  it('with its second problem shown, a field shows that one', async () => {
    const text = '(send salesforce task {:Subject "Cal" :Subject "Call"})\n';
    const both = await views(text);
    assert.equal(fieldRow(both.form, 'Subject')[0], 'invalid-enum');
    const { panel, form } = await views(text, { 'invalid-enum-value': 'off', 'missing-mandatory-field': 'hint' });
    assert.deepEqual(form.problems.map(fromForm), panel);
    assert.deepEqual(fieldRow(form, 'Subject'), ['duplicate', form.problems.find((p) => p.code === 'duplicate-field')?.message, 'warning']);
    const owner = fieldRow(form, 'OwnerId');
    assert.deepEqual([owner[0], owner[2]], ['missing', 'hint']);
  });
});

describe('send form and Problems panel: random sends', () => {
  it('300 seeded sends, with random overrides and suppression comments: the same problems, no planted secret', async () => {
    const random = seededRandom(20_260_610);
    const definitions = builtinDefinitions();
    const seen = new Set<string>();
    for (let round = 0; round < 300; round++) {
      const { text, severity } = randomSend(random, definitions);
      const { panel, form } = await views(text, severity);
      const context = `\n${text}${JSON.stringify(severity)}`;
      assert.deepEqual(form.problems.map(fromForm), panel, context);
      // A field's problem is one the panel shows, at the level it shows it.
      for (const field of form.fields) {
        if (field.status === 'ok') {
          assert.equal(field.problem, undefined, context);
          continue;
        }
        const code = { missing: 'missing-mandatory-field', unknown: 'unknown-field', 'invalid-enum': 'invalid-enum-value', 'secret-inline': 'secret-inline', duplicate: 'duplicate-field' }[field.status];
        assert.ok(form.problems.some((p) => p.code === code && p.severity === field.severity), `${field.name} ${field.status}${context}`);
      }
      assert.ok(!JSON.stringify(form).includes(planted) && !panel.some((p) => p.includes(planted)), context);
      for (const p of form.problems) seen.add(p.code ?? '');
    }
    // The generator reaches every code of the send check.
    assert.deepEqual([...seen].sort(), [...sendCheckCodes].sort());
  });
});
