// Completion items of a pattern file as a client without snippets takes them (payload.ts): every
// part of a snippet (escapes, tabstops, placeholders, choices) written as plain text, in the
// insert text and the text edit alike; other items as they are.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItem, CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import { withoutSnippet } from '../../server/src/service/flow/editing/payload';

const range = { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } };

describe('pattern completion without snippets', () => {
  const cases: [string, string][] = [
    ['"status": $1', '"status": '],
    ['"name": "$1"$0', '"name": ""'],
    ['"key": "${1:id}"', '"key": "id"'],
    ['"a": ${1:x\\}y\\$z\\\\w}', '"a": x}y$z\\w'],
    ['"b": ${2|true,false|}', '"b": true'],
    ['"c": ${3|a\\,b,c|}', '"c": a,b'],
    ['"d": ${4|\\|x,y|}', '"d": |x'],
    ['"e": ${5}', '"e": '],
    ['\\$1 \\} \\\\ $12', '$1 } \\ '],
    ['{$1, ${2:two}, ${3|three,3|}}', '{, two, three}'],
    ['no snippet parts', 'no snippet parts'],
  ];

  it('writes each part of a snippet as plain text', () => {
    const rows = cases.map(([snippet]) => {
      const item = withoutSnippet({ label: 'x', insertTextFormat: InsertTextFormat.Snippet, insertText: snippet, textEdit: { range, newText: snippet } });
      assert.equal(item.insertTextFormat, InsertTextFormat.PlainText);
      assert.equal(item.textEdit && 'range' in item.textEdit ? item.textEdit.newText : undefined, item.insertText);
      return [snippet, item.insertText];
    });
    assert.deepEqual(rows, cases);
  });

  it('keeps the rest of the item, and an item with only one of insert text and text edit', () => {
    const item: CompletionItem = { label: 'status', kind: CompletionItemKind.Property, detail: 'd', insertTextFormat: InsertTextFormat.Snippet, insertText: '"status": ${1:true}' };
    assert.deepEqual(withoutSnippet(item), { label: 'status', kind: CompletionItemKind.Property, detail: 'd', insertTextFormat: InsertTextFormat.PlainText, insertText: '"status": true' });
    const edited: CompletionItem = { label: 'k', insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: '"k": $1' } };
    assert.deepEqual(withoutSnippet(edited), { label: 'k', insertTextFormat: InsertTextFormat.PlainText, textEdit: { range, newText: '"k": ' } });
  });

  it('leaves plain items as they are', () => {
    const plain: CompletionItem = { label: 'p', insertText: '$1 stays', insertTextFormat: InsertTextFormat.PlainText };
    assert.equal(withoutSnippet(plain), plain);
    const unmarked: CompletionItem = { label: 'u', insertText: '${1:x}' };
    assert.equal(withoutSnippet(unmarked), unmarked);
  });
});
