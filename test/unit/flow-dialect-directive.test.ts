// The dialect of the code at a position (the region there, else the document's first) with its
// reason, and the edit that writes, replaces or removes a region's first-line dialect comment,
// with its line end of any kind, in a file and escaped inside a pattern string.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DialectSetting } from '../../server/src/service/flow/analysis/dialect';
import { dialectAt, directiveEdit } from '../../server/src/service/flow/editing/dialectDirective';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

/** The document text after the directive edit of its first region, or undefined when there is none. */
function withDirective(text: string, dialect: DialectSetting, kind: 'flow' | 'pattern' = 'flow'): string | undefined {
  const doc = documentOf(text, kind);
  const [region] = readFlow(doc).regions;
  const edit = directiveEdit(region, dialect);
  return edit === undefined ? undefined : TextDocument.applyEdits(doc, [edit]);
}

describe('dialect directive edits', () => {
  it('writes a directive on a new first line, or replaces the one there', () => {
    assert.equal(withDirective('(seq)', '4.1'), '; cxengage-dialect: 4.1\n(seq)');
    assert.equal(withDirective('; cxengage-dialect: 4.1\n(seq)', '4.2'), '; cxengage-dialect: 4.2\n(seq)');
    assert.equal(withDirective('; cxengage-dialect: 4.1\r\n(seq)', '4.1'), '; cxengage-dialect: 4.1\r\n(seq)');
  });

  it('for auto, removes the directive with its line end of any kind, and does nothing without one', () => {
    assert.equal(withDirective('; cxengage-dialect: 4.1\n(seq)', 'auto'), '(seq)');
    assert.equal(withDirective('; cxengage-dialect: 4.1\r\n(seq)', 'auto'), '(seq)');
    assert.equal(withDirective('; cxengage-dialect: 4.1\r(seq)', 'auto'), '(seq)');
    assert.equal(withDirective('; cxengage-dialect: 4.1\n\n(seq)', 'auto'), '\n(seq)');
    assert.equal(withDirective('; cxengage-dialect: 4.1', 'auto'), '');
    assert.equal(withDirective('(seq)', 'auto'), undefined);
    assert.equal(withDirective('; a comment\n(seq)', 'auto'), undefined);
  });

  it('escapes the directive inside a pattern string, and removes its escaped line end', () => {
    assert.equal(withDirective('{"code": "(do)"}', '4.2', 'pattern'), '{"code": "; cxengage-dialect: 4.2\\n(do)"}');
    assert.equal(withDirective('{"code": "; cxengage-dialect: 4.1\\n(do)"}', '4.2', 'pattern'), '{"code": "; cxengage-dialect: 4.2\\n(do)"}');
    assert.equal(withDirective('{"code": "; cxengage-dialect: 4.1\\r\\n(do)"}', 'auto', 'pattern'), '{"code": "(do)"}');
  });
});

describe('dialect at a position', () => {
  const payload = '[{"name": "a", "when": "(event)", "then": "(seq)"}, {"name": "b", "code": "(do)"}]';

  it('reads the region under the position, with the reason', () => {
    const flow = readFlow(documentOf(payload, 'pattern'));
    const inCode = dialectAt(flow, { line: 0, character: payload.indexOf('(do)') + 1 }, 'auto');
    assert.deepEqual([inCode?.region.docStart, inCode?.dialect.version, inCode?.because], [payload.indexOf('(do)'), '4.2', 'because it is the `code` of a pattern payload']);
    const inThen = dialectAt(flow, { line: 0, character: payload.indexOf('(seq)') }, 'auto');
    assert.deepEqual([inThen?.region.docStart, inThen?.dialect.version, inThen?.because], [
      payload.indexOf('(seq)'),
      '4.1',
      'because it is the `then` of a pattern payload (4.2 payloads have `code`)',
    ]);
  });

  it('outside code, or without a position, reads the first region; the setting decides where nothing else does', () => {
    const flow = readFlow(documentOf(payload, 'pattern'));
    for (const position of [undefined, { line: 0, character: 1 }]) {
      const found = dialectAt(flow, position, '4.2');
      assert.deepEqual([found?.region.docStart, found?.dialect.version, found?.because], [payload.indexOf('(event)'), '4.2', 'because cxengage.flow.dialect is 4.2']);
    }
  });

  it('has no answer for a document without code', () => {
    assert.equal(dialectAt(readFlow(documentOf('[]', 'pattern')), undefined, 'auto'), undefined);
  });
});
