// The names a template file offers are gathered from the flows of its own folder that name it,
// open ones as edited and closed ones from disk, at each `+id` (not a longer id it begins).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiskFileAccess } from '../../server/src/node/diskFileAccess';
import { languageIds } from '../../server/src/service/documentKind';
import { LanguageService } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { fileUri } from '../support/lspClient';
import { builtinDefinitions } from '../support/service';
import { suiteFolders } from '../support/suiteFolders';

const send = (id: string, variable: string) => `(let [${variable} 1]\n  (create twilio sms {:to-phone-number "1" :from-phone-number "2" :message (template +${id})}))\n`;

describe('the flows that use a template', () => {
  const folders = suiteFolders('cxengage-template-uses-');
  after(() => folders.remove());

  it('are those of its folder that name it, open or on disk', async () => {
    const root = folders.make({
      'one/TM1.template.json': '{"id": "TM1", "template": "{{"}',
      'one/a.cxflow': send('TM1', 'from-disk'),
      'one/b.cxflow': send('TM12', 'longer-id'),
      'one/c.pattern.json': '{"name": "p", "status": true, "code": "(event {:x 1})"}',
      'one/d.cxflow': '(event {:kind "x"})\n(def unused 1)\n',
      'one/notes.txt': send('TM1', 'not-a-flow'),
      'two/e.cxflow': send('TM1', 'other-folder'),
    });
    const uri = (name: string) => fileUri(path.join(root, name));
    const service = new LanguageService({ files: new DiskFileAccess(), settingsFor: () => defaultSettings, builtins: builtinDefinitions });
    service.setFolders([uri('one'), uri('two')]);
    await service.scanWorkspace();
    const pattern = '{"name": "p", "status": true, "code": "(event {:from-payload 1}) (perform echo message {:message (template +TM1)})"}';
    service.documentChanged(TextDocument.create(uri('one/c.pattern.json'), languageIds.pattern, 2, pattern));
    const template = '{"id": "TM1", "template": "{{"}';
    service.documentChanged(TextDocument.create(uri('one/TM1.template.json'), languageIds.template, 1, template));
    const list = await service.completion(uri('one/TM1.template.json'), { line: 0, character: template.indexOf('{{') + 2 }, { snippets: true });
    // Open documents first, then the files on disk; the variable sorts first in the editor.
    assert.deepEqual(
      list.items.map((i) => [i.label, i.detail, i.sortText]),
      [
        ['from-payload', 'event field (c.pattern.json:1)', '10000'],
        ['from-disk', 'bound by let on line 1 (a.cxflow:2)', '00001'],
      ],
    );
  });

  it('skips a flow gone from disk since the scan and a flow too large to analyse; the first flow to give a name describes it', async () => {
    const big = `${send('TM1', 'too-big')};${' '.repeat(400)}\n`;
    const root = folders.make({
      'TM1.template.json': '{"id": "TM1", "template": "{{"}',
      'a.cxflow': send('TM1', 'shared'),
      'b.cxflow': send('TM1', 'shared'),
      'gone.cxflow': send('TM1', 'gone'),
      'big.cxflow': big,
    });
    const uri = (name: string) => fileUri(path.join(root, name));
    const settings = { ...defaultSettings, maxFileSize: 300 };
    const service = new LanguageService({ files: new DiskFileAccess(), settingsFor: () => settings, builtins: builtinDefinitions });
    service.setFolders([fileUri(root)]);
    await service.scanWorkspace();
    fs.rmSync(path.join(root, 'gone.cxflow'));
    service.documentChanged(TextDocument.create(uri('b.cxflow'), languageIds.flow, 1, send('TM1', 'shared')));
    const template = '{"id": "TM1", "template": "{{"}';
    service.documentChanged(TextDocument.create(uri('TM1.template.json'), languageIds.template, 1, template));
    const list = await service.completion(uri('TM1.template.json'), { line: 0, character: template.indexOf('{{') + 2 }, { snippets: true });
    assert.deepEqual(
      list.items.map((i) => [i.label, i.detail]),
      [['shared', 'bound by let on line 1 (b.cxflow:2)']],
    );
    // A template file too large to analyse is not indexed.
    service.documentChanged(TextDocument.create(uri('TM9.template.json'), languageIds.template, 1, `{"id": "TM9", "template": "${'x'.repeat(400)}"}`));
    assert.equal(service.templates.lookupFor(uri('f.cxflow')).get('TM9'), undefined);
    assert.equal(service.templates.lookupFor(uri('f.cxflow')).get('TM1')?.text, '{{');
  });
});
