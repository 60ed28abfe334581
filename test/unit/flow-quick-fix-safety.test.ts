// No quick fix introduces a diagnostic: every fix offered on the examples and on the fixtures is
// applied, and the diagnostics after it are among those before it, less the one it fixed. A fix of
// a name (integration, message, form) may reveal the checks that name held back, in that send only;
// a form rewritten to its own dialect's, those of the form; code read as its dialect, any check but
// another wrong-dialect.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { messageText } from '../../server/src/service/diagnostics';
import { flowInteractionAt, regionAt } from '../../server/src/service/flow';
import { nodeAt } from '../../server/src/service/flow/syntax/tree';
import { documentOf } from '../support/documents';
import { readFlow, builtinDefinitions, parseDefinition, openDocumentsService, openAndCheck } from '../support/service';
import { applyAction } from '../support/flowContext';
import { repoRoot } from '../support/lspClient';

const folders = ['examples', 'test/fixtures/quick-fixes', 'test/fixtures/secrets'];

function filesIn(folder: string): string[] {
  const dir = path.join(repoRoot, folder);
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)).sort();
}

const index = new DefinitionIndex();
index.setBuiltins(builtinDefinitions());
for (const folder of folders) {
  for (const file of filesIn(folder).filter((f) => f.endsWith('.integration.json'))) {
    index.set(parseDefinition(documentOf(fs.readFileSync(file, 'utf8'), 'definition', path.basename(file, '.integration.json'))).definition);
  }
}
const service = openDocumentsService();
service.index.batch(() => {
  for (const d of index.workspaceDefinitions()) service.index.set(d);
});

/**
 * A diagnostic as the comparison counts it: code and words, without a did-you-mean (a fix may take
 * away what it suggested). The missing fields of a send are counted by code alone (a fix of one of
 * its fields shortens the list), and so are reader errors (they quote the token they stop at).
 */
const key = (d: Diagnostic) =>
  d.code === 'missing-mandatory-field' || d.code === 'syntax' ? String(d.code) : `${String(d.code)} ${messageText(d).replace(/; did you mean .*$/, '')}`;

/** The checks a name held back until it was right: the send check's field codes and its message. */
const revealed = new Set(['unknown-message', 'missing-mandatory-field', 'unknown-field', 'invalid-enum-value', 'secret-inline', 'duplicate-field']);

/** The document range of the list whose operator starts at a position (a form a wrong-dialect fix rewrote). */
function formAt(doc: TextDocument, position: Diagnostic['range']['start']): Diagnostic['range'] | undefined {
  const region = regionAt(readFlow(doc), doc.offsetAt(position));
  const node = region === undefined ? undefined : nodeAt(region.tree, region.toRegionOffset(doc.offsetAt(position)) + 1);
  const list = node?.parent;
  return region === undefined || list === undefined ? undefined : region.range(list.start, list.end);
}

function remove(list: string[], item: string): boolean {
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

describe('quick fixes never introduce a diagnostic', () => {
  const flows = folders.flatMap(filesIn).filter((f) => f.endsWith('.cxflow') || f.endsWith('.pattern.json'));

  it('finds the flows and pattern files to fix', () => {
    assert.deepEqual(
      flows.map((f) => path.relative(repoRoot, f)),
      [
        'examples/flows/abandoned-calls.cxflow',
        'examples/flows/escalations.cxflow',
        'examples/flows/mistakes-4.2.cxflow',
        'examples/flows/mistakes.cxflow',
        'examples/flows/service-reminders.cxflow',
        'examples/flows/service-reminders.pattern.json',
        'examples/flows/vip.pattern.json',
        'test/fixtures/quick-fixes/fixable.cxflow',
        'test/fixtures/quick-fixes/fixable.pattern.json',
        'test/fixtures/secrets/leaks.cxflow',
        'test/fixtures/secrets/leaks42.cxflow',
      ],
    );
  });

  for (const file of flows) {
    it(`every fix offered on ${path.relative(repoRoot, file)}`, async () => {
      const text = fs.readFileSync(file, 'utf8');
      const kind = file.endsWith('.cxflow') ? 'flow' : 'pattern';
      const doc = documentOf(text, kind);
      const before = await openAndCheck(service, doc);
      let fixes = 0;
      for (const diagnostic of before) {
        for (const action of service.codeActions(doc.uri, diagnostic.range, [diagnostic])) {
          fixes++;
          const fixed = TextDocument.create(doc.uri, doc.languageId, doc.version + fixes, applyAction(doc, action));
          const after = await openAndCheck(service, fixed);
          // Back to the text the next fix is offered on.
          service.documentChanged(doc);
          const allowed = before.map(key);
          assert.ok(remove(allowed, key(diagnostic)));
          const context = `${action.title} on ${key(diagnostic)}\n${fixed.getText()}`;
          // A fixed name may reveal its send's checks; a fixed field only ever shortens the missing list.
          const nameFix = diagnostic.code === 'unknown-integration' || diagnostic.code === 'unknown-message' || diagnostic.code === 'unknown-form';
          const dialectFix = diagnostic.code === 'wrong-dialect';
          const wholeCode = dialectFix && action.title.startsWith('Read this');
          const send = nameFix ? flowInteractionAt(readFlow(fixed), fixed.offsetAt(diagnostic.range.start))?.range : dialectFix ? formAt(fixed, diagnostic.range.start) : undefined;
          const inSend = (d: Diagnostic) => send !== undefined && fixed.offsetAt(d.range.start) >= fixed.offsetAt(send.start) && fixed.offsetAt(d.range.end) <= fixed.offsetAt(send.end);
          const held = (d: Diagnostic) => (wholeCode ? d.code !== 'wrong-dialect' : dialectFix ? inSend(d) : revealed.has(String(d.code)) && inSend(d));
          const introduced = after.filter((d) => !held(d)).filter((d) => !remove(allowed, key(d)));
          assert.deepEqual(introduced.map(key), [], context);
          assert.ok(after.length <= before.length - 1 || nameFix || dialectFix, context);
        }
      }
      assert.ok(fixes > 0 || before.length === 0, `no fix offered on ${file}`);
    });
  }
});
