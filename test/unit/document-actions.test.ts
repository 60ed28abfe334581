// The code actions of a request: quick fixes, Fix All and the refactorings, each offered only when
// the request's `only`, the user's asking and the client's file creation admit it.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CreateFile } from 'vscode-languageserver-types';
import { languageIds } from '../../server/src/service/documentKind';
import { DiskFileAccess } from '../../server/src/node/diskFileAccess';
import { CodeActionQuery, documentCodeActions } from '../../server/src/service/actions/documentActions';
import { LanguageService } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { documentOf } from '../support/documents';
import { suiteFolders } from '../support/suiteFolders';
import { fileUri } from '../support/lspClient';
import { builtinDefinitions, openDocumentsService } from '../support/service';

const shown = (actions: CodeAction[]) => actions.map((a) => [a.title, a.kind]);
const caret = { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } };

describe('the code actions of a request', () => {
  it('offers each kind only when the request admits it', async () => {
    const service = openDocumentsService();
    const doc = documentOf(';; Then\n(delay 5 minuets)', 'flow', 'acts');
    service.documentChanged(doc);
    const diagnostics = await service.diagnostics(doc.uri);
    const fix = ['Change to `minutes`', 'quickfix'];
    const wraps = [
      ['Wrap in (seq ...)', 'refactor.rewrite'],
      ['Wrap in (par ...)', 'refactor.rewrite'],
    ];
    const convert = ['Convert to a pattern payload (acts.pattern.json)', 'refactor.extract'];
    const cases: [Partial<CodeActionQuery>, (string | undefined)[][]][] = [
      [{}, [fix]],
      [{ createFiles: true }, [fix]],
      [{ only: ['quickfix'] }, [fix]],
      [{ only: ['quickfix'], invoked: true, createFiles: true }, [fix]],
      [{ invoked: true }, [fix, ...wraps]],
      [{ invoked: true, createFiles: true }, [fix, ...wraps, convert]],
      [{ only: ['refactor'] }, wraps],
      [{ only: ['refactor'], createFiles: true }, [...wraps, convert]],
      [{ only: ['refactor.extract'], createFiles: true }, [convert]],
      [{ only: ['refactor.extract'] }, []],
      [{ only: ['source.fixAll'] }, [['Fix all safe problems (1 fix)', 'source.fixAll.cxengage']]],
      [{ only: ['source.organizeImports'] }, []],
    ];
    for (const [query, expected] of cases) {
      const actions = await documentCodeActions(service, { uri: doc.uri, range: caret, diagnostics, createFiles: false, invoked: false, ...query });
      assert.deepEqual(shown(actions), expected, JSON.stringify(query));
    }
  });

  it('offers nothing for a document not open, and no refactoring in a definition', async () => {
    const service = openDocumentsService();
    const all = { range: caret, diagnostics: [], createFiles: true, invoked: true };
    assert.deepEqual(await documentCodeActions(service, { uri: 'file:///workspace/none.cxflow', ...all }), []);
    const definition = documentOf('{"type": "x"}', 'definition');
    service.documentChanged(definition);
    assert.deepEqual(await documentCodeActions(service, { uri: definition.uri, ...all }), []);
  });

  const folders = suiteFolders('cxengage-actions-');
  after(() => folders.remove());

  it('names the new file after the ones open or on disk', async () => {
    const folder = folders.make({ 'p.cxflow': '(delay 5 minutes)\n', 'p.pattern.json': '{}', 'p-2.pattern.json': '{}' });
    const service = new LanguageService({ files: new DiskFileAccess(), settingsFor: () => defaultSettings, builtins: builtinDefinitions });
    service.setFolders([fileUri(folder)]);
    await service.scanWorkspace();
    const uri = (name: string) => fileUri(path.join(folder, name));
    service.documentChanged(TextDocument.create(uri('p.cxflow'), languageIds.flow, 1, ';; Then\n(delay 5 minutes)\n'));
    service.documentChanged(TextDocument.create(uri('p-3.pattern.json'), languageIds.pattern, 1, '{}'));
    const actions = await documentCodeActions(service, { uri: uri('p.cxflow'), range: caret, diagnostics: [], only: ['refactor.extract'], createFiles: true, invoked: false });
    assert.deepEqual(shown(actions), [['Convert to a pattern payload (p-4.pattern.json)', 'refactor.extract']]);
    const created = actions[0].edit?.documentChanges?.[0] as CreateFile;
    assert.equal(created.uri, uri('p-4.pattern.json'));
  });
});
