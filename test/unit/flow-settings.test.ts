// What the user decides about flow diagnostics: suppression comments on any line ending (CRLF
// too), and severity overrides applied to flow codes by the language service, as the server and
// the CLI see them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseSettings } from '../../server/src/service/settings';
import { crmDefinition } from '../support/definitions';
import { compact, documentOf, rangeOfText } from '../support/documents';
import { diagnoseFlow } from '../support/flowContext';
import { diagnosticsOf } from '../support/service';

const diagnose = diagnoseFlow;

describe('suppression comments with CRLF line ends', () => {
  it('silences the named codes on the next line only', () => {
    const text = '; cxengage-disable-next-line unknown-unit, unknown-field\r\n(send echo message {:mesage 1} (within 1 weks))\r\n(delay 1 weks)\r\n';
    const { diagnostics, doc } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [['unknown-unit', rangeOfText(doc, 'weks', 1)]]);
  });

  it('without codes silences every code on the next line', () => {
    const text = '(seq\r\n  ; cxengage-disable-next-line\r\n  (send echo mesage {} (within 1 weks))\r\n  (delay 1 weks))';
    const { diagnostics, doc } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [['unknown-unit', rangeOfText(doc, 'weks', 1)]]);
  });

  it('with a lone CR line end as well, and not when the comment names another code', () => {
    const { diagnostics, doc } = diagnose('; cxengage-disable-next-line unknown-unit\r(delay 1 weks)\r; cxengage-disable-next-line arity\r(delay 2 weks)');
    assert.deepEqual(compact(diagnostics), [['unknown-unit', rangeOfText(doc, 'weks', 1)]]);
  });
});

describe('severity overrides on flow codes through the language service', () => {
  const flow = ';; Then\n(seq (send crm note {:text "x" :colour "blue"}) (delay 1 weks))\n';
  const pattern = '{ "name": "p", "status": true, "when": "(event)", "then": "(delay 1 weks)" }';

  async function diagnostics(text: string, kind: 'flow' | 'pattern', severity: Record<string, string>) {
    const doc = documentOf(text, kind);
    const crm = documentOf(crmDefinition, 'definition', 'crm');
    return { doc, found: (await diagnosticsOf(doc, normaliseSettings({ diagnostics: { severity } }), [crm])).map((d) => [d.code, d.severity, compact([d])[0][1]]) };
  }

  it('defaults: an invalid enum value and an unknown unit are errors', async () => {
    const { doc, found } = await diagnostics(flow, 'flow', {});
    assert.deepEqual(found, [
      ['invalid-enum-value', 1, rangeOfText(doc, '"blue"')],
      ['unknown-unit', 1, rangeOfText(doc, 'weks')],
    ]);
  });

  it('re-grades a flow code to information and to hint, leaving the others', async () => {
    const { doc, found } = await diagnostics(flow, 'flow', { 'unknown-unit': 'information', 'invalid-enum-value': 'hint' });
    assert.deepEqual(found, [
      ['invalid-enum-value', 4, rangeOfText(doc, '"blue"')],
      ['unknown-unit', 3, rangeOfText(doc, 'weks')],
    ]);
  });

  it('off drops a flow code, in a .cxflow file and in a pattern file', async () => {
    const inFlow = await diagnostics(flow, 'flow', { 'unknown-unit': 'off' });
    assert.deepEqual(inFlow.found, [['invalid-enum-value', 1, rangeOfText(inFlow.doc, '"blue"')]]);
    const inPattern = await diagnostics(pattern, 'pattern', { 'unknown-unit': 'warning' });
    assert.deepEqual(inPattern.found, [['unknown-unit', 2, rangeOfText(inPattern.doc, 'weks')]]);
    assert.deepEqual((await diagnostics(pattern, 'pattern', { 'unknown-unit': 'off' })).found, []);
  });
});
