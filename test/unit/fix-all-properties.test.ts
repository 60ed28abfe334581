// Fix All over every example and fixture: it never adds a diagnostic (beyond the checks a name put
// right lets run on its own send), it removes one per fix, and a second run changes nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { fixAllText } from '../../server/src/service/actions/fixAll';
import { messageText } from '../../server/src/service/diagnostics';
import { documentOf } from '../support/documents';
import { openDocumentsService, openAndCheck, readFlow } from '../support/service';
import { flowInteractionAt } from '../../server/src/service/flow';
import { repoRoot } from '../support/lspClient';

const folders = ['examples', 'test/fixtures/quick-fixes', 'test/fixtures/secrets', 'test/fixtures/spec-samples', 'test/fixtures/format'];

function filesIn(folder: string): string[] {
  const dir = path.join(repoRoot, folder);
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => /\.(cxflow|pattern\.json|integration\.json)$/.test(f))
    .sort();
}

/** Codes a name put right lets run on its send (they were held back while the name was unknown). */
const revealed = new Set(['unknown-message', 'missing-mandatory-field', 'unknown-field', 'invalid-enum-value', 'secret-inline', 'duplicate-field', 'arity']);

/** A diagnostic by code and words, without the did-you-mean and the missing-field list a fix may shorten. */
const key = (d: Diagnostic) => (d.code === 'missing-mandatory-field' || d.code === 'syntax' ? String(d.code) : `${String(d.code)} ${messageText(d).replace(/; did you mean .*$/, '')}`);

const nameCodes = new Set(['unknown-integration', 'unknown-message', 'unknown-form']);

/**
 * Whether `d` is a check of a send whose name was put right: the send held its checks back while
 * the name was unknown. Fix All replaces one word within a line, so the send's lines are the same
 * before and after.
 */
function revealedBy(d: Diagnostic, fixed: TextDocument, before: readonly Diagnostic[]): boolean {
  if (!revealed.has(String(d.code))) return false;
  const send = flowInteractionAt(readFlow(fixed), fixed.offsetAt(d.range.start))?.range;
  if (send === undefined) return false;
  return before.some((b) => nameCodes.has(String(b.code)) && b.range.start.line >= send.start.line && b.range.start.line <= send.end.line);
}

function kindOf(file: string): 'flow' | 'pattern' | 'definition' {
  return file.endsWith('.cxflow') ? 'flow' : file.endsWith('.pattern.json') ? 'pattern' : 'definition';
}

describe('Fix All over the examples and fixtures', () => {
  const service = openDocumentsService();
  // The example definitions are in the workspace, as in the examples' own folder.
  for (const file of filesIn('examples').filter((f) => kindOf(f) === 'definition')) {
    service.documentChanged(documentOf(fs.readFileSync(file, 'utf8'), 'definition', path.basename(file, '.integration.json')));
  }
  const files = folders.flatMap(filesIn);
  let fixedSomewhere = 0;

  it('finds files with safe fixes among them', () => {
    assert.ok(files.length >= 15, `${files.length} files`);
  });

  for (const file of files) {
    it(`${path.relative(repoRoot, file)}: adds no diagnostic and is idempotent`, async () => {
      const kind = kindOf(file);
      const doc = documentOf(fs.readFileSync(file, 'utf8'), kind);
      const before = await openAndCheck(service, doc);
      const source = service.workspace.opened(doc.uri)!;
      const once = await fixAllText(service, source);
      const fixed = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, once.text);
      const after = await openAndCheck(service, fixed);
      const allowed = before.map(key);
      const introduced = after
        .filter((d) => !revealedBy(d, fixed, before))
        .filter((d) => {
          const i = allowed.indexOf(key(d));
          if (i >= 0) allowed.splice(i, 1);
          return i < 0;
        });
      assert.deepEqual(introduced.map(key), [], once.text);
      if (once.applied.length > 0) {
        fixedSomewhere++;
        assert.ok(after.length < before.length || after.some((d) => revealed.has(String(d.code))), `${before.length} → ${after.length}`);
      } else assert.equal(once.text, doc.getText());
      const twice = await fixAllText(service, service.workspace.opened(doc.uri)!);
      assert.deepEqual(twice, { text: once.text, applied: [] });
      service.documentClosed(doc.uri);
    });
  }

  it('fixed something in several of them', () => {
    assert.ok(fixedSomewhere >= 4, `${fixedSomewhere} files fixed`);
  });
});
