// Find references from a payload, over a payload open but not saved, past a flow deleted since the
// scan, and past a flow of another folder that sees no definition of the type at all.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiskFileAccess } from '../../server/src/node/diskFileAccess';
import { languageIds } from '../../server/src/service/documentKind';
import { LanguageService } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { crmDefinition } from '../support/definitions';
import { compactRange } from '../support/documents';
import { fileUri } from '../support/lspClient';
import { builtinDefinitions } from '../support/service';
import { suiteFolders } from '../support/suiteFolders';

describe('find references: the sources of flow code', () => {
  const folders = suiteFolders('cxengage-refs-sources-');
  after(() => folders.remove());

  it('finds the uses from a payload in open payloads and flows on disk, past a deleted flow and a folder without the type', async () => {
    const root = folders.make({
      'one/crm.integration.json': crmDefinition,
      'one/a.cxflow': '(send crm note {:text "a"})\n',
      'one/gone.cxflow': '(send crm note {:text "g"})\n',
      'two/b.cxflow': '(send crm note {:text "b"})\n',
    });
    const service = new LanguageService({ files: new DiskFileAccess(), settingsFor: () => defaultSettings, builtins: builtinDefinitions });
    const uri = (name: string) => fileUri(path.join(root, name));
    service.setFolders([uri('one'), uri('two')]);
    await service.scanWorkspace();
    fs.rmSync(path.join(root, 'one', 'gone.cxflow'));
    const payload = uri('one/p.pattern.json');
    service.documentChanged(TextDocument.create(payload, languageIds.pattern, 1, '{"then": "(send crm note {:text \\"p\\"})"}'));
    const unsaved = uri('one/unsaved.cxflow');
    service.documentChanged(TextDocument.create(unsaved, languageIds.flow, 1, '\n(send crm note {})\n'));
    const found = await service.references(payload, { line: 0, character: 20 }, true);
    assert.deepEqual(
      found.map((l) => [path.relative(root, new URL(l.uri).pathname), ...compactRange(l.range)]),
      [
        ['one/crm.integration.json', 11, 6, 11, 12],
        ['one/p.pattern.json', 0, 20, 0, 24],
        ['one/unsaved.cxflow', 1, 10, 1, 14],
        ['one/a.cxflow', 0, 10, 0, 14],
      ],
    );
  });
});
