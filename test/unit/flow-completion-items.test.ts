// What each class of flow completion item is and inserts: its CompletionItemKind, the exact text
// edit with and without snippets, and the *all mandatory fields* item on a message that has
// optional fields too.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItem, CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import { analysisContext } from '../../server/src/service/analysisContext';
import { completeFlow } from '../../server/src/service/flow/editing/features';
import { defaultSettings } from '../../server/src/service/settings';
import { crmIndex } from '../support/definitions';
import { compactRange, withCursor } from '../support/documents';
import { applyItem } from '../support/flowContext';
import { readFlow } from '../support/service';

/** The built-in definitions and the crm fixture, as a workspace holding it sees them. */
const ctx = analysisContext(crmIndex(), 'file:///workspace/flow.cxflow', defaultSettings);

/** Each item as [label, kind, inserted text, snippet or not, compact edit range]. */
function items(text: string, snippets: boolean, kind: 'flow' | 'pattern' = 'flow') {
  const { doc, position } = withCursor(text, kind);
  const found = completeFlow(readFlow(doc), position, ctx, { snippets });
  const edit = (i: CompletionItem) => (i.textEdit !== undefined && 'range' in i.textEdit ? i.textEdit : undefined);
  return {
    doc,
    found,
    rows: found.map((i) => [i.label, i.kind, edit(i)?.newText, i.insertTextFormat === InsertTextFormat.Snippet, edit(i) && compactRange(edit(i)!.range)]),
  };
}

describe('flow completion item kinds and inserted text', () => {
  it('forms at an operator position: keywords, the name alone or a snippet of the form', () => {
    const plain = items(';; Then\n(del|)', false).rows;
    assert.deepEqual(plain.find((r) => r[0] === 'delay'), ['delay', CompletionItemKind.Keyword, 'delay', false, [1, 1, 1, 4]]);
    const snippet = items(';; Then\n(|)', true).rows;
    assert.deepEqual(snippet.find((r) => r[0] === 'set'), ['set', CompletionItemKind.Keyword, 'set $0', true, [1, 1, 1, 1]]);
    assert.deepEqual([...new Set(snippet.map((r) => r[1]))], [CompletionItemKind.Keyword]);
  });

  it('a new form: a keyword bringing its parentheses', () => {
    const { rows } = items(';; Then\n(seq |)', false);
    assert.deepEqual(rows.find((r) => r[0] === 'delay'), ['delay', CompletionItemKind.Keyword, '(delay)', false, [1, 5, 1, 5]]);
    assert.deepEqual([...new Set(rows.map((r) => r[1]))], [CompletionItemKind.Keyword]);
  });

  it('integrations are modules, message types methods', () => {
    assert.deepEqual(items('(send twi|)', false).rows.find((r) => r[0] === 'twilio'), ['twilio', CompletionItemKind.Module, 'twilio', false, [0, 6, 0, 9]]);
    assert.deepEqual(items('(send twilio s| {})', false).rows, [
      ['call', CompletionItemKind.Method, 'call', false, [0, 13, 0, 14]],
      ['call-status', CompletionItemKind.Method, 'call-status', false, [0, 13, 0, 14]],
      ['sms', CompletionItemKind.Method, 'sms', false, [0, 13, 0, 14]],
      ['sms-status', CompletionItemKind.Method, 'sms-status', false, [0, 13, 0, 14]],
    ]);
  });

  it('fields are fields, with the cursor inside empty quotes or the enum choice as a snippet; all mandatory fields is a snippet item', () => {
    assert.deepEqual(items('(send crm note {:co|})', true).rows, [
      [':text', CompletionItemKind.Field, ':text "$1"', true, [0, 16, 0, 19]],
      [':colour', CompletionItemKind.Field, ':colour "${1|red,green|}"', true, [0, 16, 0, 19]],
      ['all mandatory fields', CompletionItemKind.Snippet, ':text "$1"', true, [0, 16, 0, 19]],
    ]);
    assert.deepEqual(items('(send crm note {:text "x" |})', false).rows, [
      [':colour', CompletionItemKind.Field, ':colour', false, [0, 26, 0, 26]],
    ]);
  });

  it('enum values are enum members inserted as strings; units are units', () => {
    assert.deepEqual(items('(send salesforce task {:Priority "N|"})', false).rows, [
      ['High', CompletionItemKind.EnumMember, '"High"', false, [0, 33, 0, 36]],
      ['Normal', CompletionItemKind.EnumMember, '"Normal"', false, [0, 33, 0, 36]],
      ['Low', CompletionItemKind.EnumMember, '"Low"', false, [0, 33, 0, 36]],
    ]);
    // `seq` makes the file 4.1: plural units only (4.2 takes the singular too, flow-editing-42.test.ts).
    assert.deepEqual(items('(seq (delay 5 |))', false).rows, [
      ['seconds', CompletionItemKind.Unit, 'seconds', false, [0, 14, 0, 14]],
      ['minutes', CompletionItemKind.Unit, 'minutes', false, [0, 14, 0, 14]],
      ['hours', CompletionItemKind.Unit, 'hours', false, [0, 14, 0, 14]],
      ['days', CompletionItemKind.Unit, 'days', false, [0, 14, 0, 14]],
    ]);
  });

  it('the keys of a pattern map are properties', () => {
    assert.deepEqual(items('{:name "a" :status true :wh|}', true).rows, [
      [':description', CompletionItemKind.Property, ':description "$1"', true, [0, 24, 0, 27]],
      [':when', CompletionItemKind.Property, ':when ($1)', true, [0, 24, 0, 27]],
      [':then', CompletionItemKind.Property, ':then ($1)', true, [0, 24, 0, 27]],
    ]);
  });
});

describe('the all mandatory fields item', () => {
  it('inserts only the mandatory fields of a message with optional ones', () => {
    // twilio call: to-phone-number and from-phone-number mandatory; message and url optional.
    const plain = items('(send twilio call {|})', false);
    const all = plain.found.find((i) => i.label === 'all mandatory fields');
    assert.ok(all);
    assert.equal(all.detail, 'to-phone-number, from-phone-number');
    assert.equal(applyItem(plain.doc, all), '(send twilio call {:to-phone-number "" :from-phone-number ""})');
    const snippet = items('(send twilio call {:message "hi" |})', true);
    assert.equal(
      applyItem(snippet.doc, snippet.found.find((i) => i.label === 'all mandatory fields')!),
      '(send twilio call {:message "hi" :to-phone-number "$1" :from-phone-number "$2"})',
    );
  });

  it('is not offered once every mandatory field is there, optional ones missing or not', () => {
    assert.deepEqual(
      items('(send twilio call {:to-phone-number "1" :from-phone-number "2" |})', false).rows.map((r) => r[0]),
      [':message', ':url'],
    );
  });
});
