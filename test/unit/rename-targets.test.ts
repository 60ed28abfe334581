// What a position names for a rename, case by case: in a definition (type, message and field keys;
// nothing else), in flows of both dialects and in payload strings, and each reason for refusing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { prepareRename } from '../../server/src/service/renaming/workspaceRename';
import { nothingHere } from '../../server/src/service/renaming/renameTarget';
import { DocumentKind } from '../../server/src/service/documentKind';
import { documentOf } from '../support/documents';
import { openDocumentsService } from '../support/service';

type Answer = string | [string, number, number, number, number];

describe('what a position names for a rename', () => {
  const service = openDocumentsService();
  const open = (text: string, kind: Exclude<DocumentKind, 'other'>): TextDocument => {
    const doc = documentOf(text, kind);
    service.documentChanged(doc);
    return doc;
  };
  /** The answer at `delta` characters into the last occurrence of `needle` (or the first, when `first`). */
  const answer = (doc: TextDocument, needle: string, delta: number, first = true): Answer => {
    const text = doc.getText();
    const at = (first ? text.indexOf(needle) : text.lastIndexOf(needle)) + delta;
    const result = prepareRename(service, doc.uri, doc.positionAt(at));
    if ('refused' in result) return result.refused;
    return [result.placeholder, result.range.start.line, result.range.start.character, result.range.end.line, result.range.end.character];
  };
  const noDefinition = (name: string) => `No definition of the integration \`${name}\` is known here, so there is nothing to rename it in.`;
  const noMessage = (name: string) => `\`${name}\` is not a message of a known integration, so there is nothing to rename it in.`;
  const aForm = (name: string) => `\`${name}\` is a form of the flow language: only integrations, messages, fields and 4.2 variables can be renamed.`;

  const crm = open('{"type": "crm", "version": 1, "endpoint": {"name": "crm", "type": "crm", "display": "x", "params": [], "sends": {"note": {"text": {"type": "mandatory"}}}}}', 'definition');

  it('in a definition: the type, a message key and a field key', () => {
    const doc = crm;
    const cases: [string, number, Answer][] = [
      ['"crm"', 2, ['crm', 0, 10, 0, 13]],
      ['1,', 0, nothingHere],
      ['"note"', 2, ['note', 0, 114, 0, 118]],
      ['"text"', 2, ['text', 0, 123, 0, 127]],
      ['"mandatory"', 2, nothingHere],
      ['"x"', 1, nothingHere],
      ['"params"', 2, nothingHere],
      ['"type"', 2, nothingHere],
    ];
    for (const [needle, delta, expected] of cases) assert.deepEqual(answer(doc, needle, delta), expected, needle);
  });

  it('in a definition without a type: nothing, with the reason', () => {
    const empty = open('{"type": "", "endpoint": {"sends": {"m": {"f": {}}}}}', 'definition');
    const noTypeMessages = 'The definition has no type: flows cannot use its messages, so there is nothing to rename them in.';
    assert.equal(answer(empty, '""', 1), 'The definition has no type to rename yet.');
    assert.equal(answer(empty, '"m"', 1), noTypeMessages);
    assert.equal(answer(empty, '"f"', 1), noTypeMessages);
    assert.equal(answer(open('{"endpoint": {"sends": {"m": {}}}}', 'definition'), '"m"', 1), noTypeMessages);
  });

  it('in a 4.1 flow: integrations, messages and field keys of known sends; a reason for the rest', () => {
    const doc = open(';; Then\n(send nope msg {:a 1})\n(send crm nada {"text" "x"})\n(send crm note {"text" "x" :text 1})\n(seq foo bar)\n(send crm note {"text', 'flow');
    const cases: [string, number, boolean, Answer][] = [
      ['nope', 1, true, noDefinition('nope')],
      ['msg', 1, true, noMessage('msg')],
      [':a', 1, true, nothingHere],
      ['nada', 1, true, noMessage('nada')],
      ['"text"', 1, true, nothingHere],
      ['note {"text" "x"', 7, true, ['text', 3, 17, 3, 21]],
      [':text', 1, true, ['text', 3, 28, 3, 32]],
      ['crm note {"text" "x"', 1, true, ['crm', 3, 6, 3, 9]],
      ['note {"text" "x"', 1, true, ['note', 3, 10, 3, 14]],
      ['seq', 1, true, aForm('seq')],
      ['foo', 1, true, nothingHere],
      ['bar', 1, true, nothingHere],
      [';; Then', 2, true, nothingHere],
      ['{"text', 3, false, ['text', 5, 17, 5, 21]],
    ];
    for (const [needle, delta, first, expected] of cases) assert.deepEqual(answer(doc, needle, delta, first), expected, needle);
  });

  it('in 4.2 code and in a payload string', () => {
    const doc = open('; cxengage-dialect: 4.2\n(let [a 1] (+ a 2))\n(perform crm note {:text "x"})', 'flow');
    assert.deepEqual(answer(doc, 'a 1', 0), ['a', 1, 6, 1, 7]);
    assert.deepEqual(answer(doc, '+', 0), aForm('+'));
    assert.deepEqual(answer(doc, 'crm', 1), ['crm', 2, 9, 2, 12]);
    assert.deepEqual(answer(doc, '2)', 0), nothingHere);
    const payload = open('{"name": "p", "then": "(send crm note {\\"text\\" \\"x\\"})"}', 'pattern');
    assert.deepEqual(answer(payload, 'crm', 1), ['crm', 0, 29, 0, 32]);
    assert.deepEqual(answer(payload, 'text', 1), ['text', 0, 41, 0, 45]);
    assert.deepEqual(answer(payload, '"p"', 1), nothingHere);
  });

  it('nothing in a template file or a document not open', () => {
    assert.equal(answer(open('{"id": "TM1", "template": "x"}', 'template'), 'TM1', 1), nothingHere);
    assert.deepEqual(prepareRename(service, 'file:///workspace/closed.cxflow', { line: 0, character: 0 }), { refused: 'The document is not open: rename starts from an open document.' });
  });
});
