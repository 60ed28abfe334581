// The rules under Fix All, case by case: the one replacement edit between two texts (never splitting
// a CRLF or a surrogate pair), which quick fixes count as safe and which conflict, and which code
// action kinds a request's `only` admits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind } from 'vscode-languageserver-types';
import { fixAllAction, replacementEdit } from '../../server/src/service/actions/fixAll';
import { fixAllKind, wanted } from '../../server/src/service/actions/kinds';
import { safeFixes } from '../../server/src/service/actions/safeFixes';
import { compactRange, documentOf } from '../support/documents';
import { openDocumentsService } from '../support/service';

describe('the replacement edit between two texts', () => {
  it('spans from the first to the last difference, stepping out of CRLFs and surrogate pairs', () => {
    const cases: [string, string, [number, number, number, number], string][] = [
      ['ab', 'abab', [0, 2, 0, 2], 'ab'],
      ['abab', 'ab', [0, 2, 0, 4], ''],
      ['abc', 'axc', [0, 1, 0, 2], 'x'],
      ['', 'x', [0, 0, 0, 0], 'x'],
      ['x', '', [0, 0, 0, 1], ''],
      ['aXa', 'aYYa', [0, 1, 0, 2], 'YY'],
      ['a\r\nb', 'a\rxb', [0, 1, 1, 0], '\rx'],
      ['a\r\nb', 'ax\nb', [0, 1, 1, 0], 'x\n'],
      ['a\nb', 'a\nc', [1, 0, 1, 1], 'c'],
      ['a\r\n', 'a\r\n\r\n', [1, 0, 1, 0], '\r\n'],
      ['x\ud83d\udc00', 'x\ud83d\udc01', [0, 1, 0, 3], '\ud83d\udc01'],
      ['x\ud83d\udfff', 'x\ud83d\udffe', [0, 1, 0, 3], '\ud83d\udffe'],
      ['x\ud83d\udbff', 'x\ud83d\udbfe', [0, 2, 0, 3], '\udbfe'],
      ['x\ud83d\ue000', 'x\ud83d\ue001', [0, 2, 0, 3], '\ue001'],
      ['\udc00', '\udc01', [0, 0, 0, 1], '\udc01'],
      ['a\u{1F600}', 'a\u{1E600}', [0, 1, 0, 3], '\u{1E600}'],
      ['\u{1F600}b', '\u{1E600}b', [0, 0, 0, 2], '\u{1E600}'],
    ];
    for (const [old, text, range, newText] of cases) {
      const doc = TextDocument.create('file:///w/a.cxflow', 'cxflow', 1, old);
      const edit = replacementEdit(doc, text);
      assert.deepEqual(edit && [compactRange(edit.range), edit.newText], [range, newText], JSON.stringify([old, text]));
      assert.equal(TextDocument.applyEdits(doc, edit ? [edit] : []), text);
    }
  });
});

describe('the Fix All action', () => {
  const service = openDocumentsService();
  const actionOf = async (text: string) => {
    const doc = documentOf(text, 'flow');
    service.documentChanged(doc);
    const source = service.workspace.opened(doc.uri);
    assert.ok(source);
    return { action: await fixAllAction(service, source), uri: doc.uri };
  };

  it('is offered only when a safe fix applies, and counts one fix in the singular', async () => {
    assert.equal((await actionOf(';; Then\n(delay 5 minutes)')).action, undefined);
    const { action, uri } = await actionOf(';; Then\n(delay 5 minuets)');
    assert.deepEqual(action, {
      title: 'Fix all safe problems (1 fix)',
      kind: fixAllKind,
      edit: { changes: { [uri]: [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 15 } }, newText: 'te' }] } },
    });
  });
});

describe('the safe fixes of a list of actions, case by case', () => {
  const doc = TextDocument.create('file:///w/a.cxflow', 'cxflow', 1, '(abc def ghi jkl)');
  const span = (start: number, end: number, newText: string) => ({ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText });
  const fix = (title: string, changes: CodeAction['edit'], kind: string = CodeActionKind.QuickFix, isPreferred: boolean | undefined = true): CodeAction => ({ title, kind, isPreferred, edit: changes });

  it('takes preferred quick fixes of this file only, and edits that touch without overlapping', () => {
    const fixes = safeFixes(doc, [
      fix('adjacent right', { changes: { [doc.uri]: [span(4, 5, '_')] } }),
      fix('first', { changes: { [doc.uri]: [span(1, 4, 'ABC')] } }),
      fix('not preferred', { changes: { [doc.uri]: [span(9, 12, 'x')] } }, CodeActionKind.QuickFix, false),
      fix('a refactoring', { changes: { [doc.uri]: [span(9, 12, 'x')] } }, CodeActionKind.RefactorRewrite),
      fix('versioned edits', { documentChanges: [{ textDocument: { uri: doc.uri, version: 1 }, edits: [span(9, 12, 'x')] }] }),
      fix('no edit', undefined),
      fix('nothing here', { changes: { [doc.uri]: [] } }),
      fix('this file and another', { changes: { [doc.uri]: [span(13, 16, 'x')], 'file:///w/b.cxflow': [span(0, 1, 'y')] } }),
      fix('adjacent left', { changes: { [doc.uri]: [span(0, 1, '[')] } }),
    ]);
    assert.deepEqual(fixes.titles, ['adjacent left', 'first', 'adjacent right']);
    assert.equal(TextDocument.applyEdits(doc, fixes.edits), '[ABC_def ghi jkl)');
  });

  it('leaves a fix whole when any of its edits conflicts with one taken', () => {
    const fixes = safeFixes(doc, [
      fix('one', { changes: { [doc.uri]: [span(1, 4, 'ABC')] } }),
      fix('two', { changes: { [doc.uri]: [span(3, 6, 'x'), span(13, 16, 'JKL')] } }),
      fix('three', { changes: { [doc.uri]: [span(9, 12, 'GHI'), span(5, 8, 'DEF')] } }),
    ]);
    assert.deepEqual(fixes.titles, ['one', 'three']);
    assert.equal(TextDocument.applyEdits(doc, fixes.edits), '(ABC DEF GHI jkl)');
  });
});

describe('the kinds a request admits', () => {
  it('admits every kind but the source ones without `only`, else a kind listed or one under it', () => {
    const cases: [string, string[] | undefined, boolean][] = [
      [CodeActionKind.QuickFix, undefined, true],
      [CodeActionKind.QuickFix, [], true],
      [fixAllKind, [], false],
      [CodeActionKind.RefactorRewrite, undefined, true],
      [CodeActionKind.QuickFix, ['quickfix'], true],
      [CodeActionKind.QuickFix, ['source', 'quickfix'], true],
      [CodeActionKind.QuickFix, ['quick'], false],
      [CodeActionKind.RefactorRewrite, ['refactor'], true],
      [CodeActionKind.RefactorRewrite, ['refactor.extract'], false],
      [fixAllKind, ['source.fix'], false],
      [fixAllKind, ['source.fixAll.cxengage'], true],
      [fixAllKind, ['source.fixAll.cxengage.more'], false],
    ];
    for (const [kind, only, expected] of cases) assert.equal(wanted(kind, only), expected, `${kind} ${JSON.stringify(only)}`);
  });
});
