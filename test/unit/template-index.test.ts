// The template index: which templates a document sees (its folder's, the first file by path for an
// id, in id order), when it counts a change; and how it follows the workspace: files scanned,
// edited, closed, changed and deleted on disk, whole folders deleted.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiskFileAccess } from '../../server/src/node/diskFileAccess';
import { languageIds } from '../../server/src/service/documentKind';
import { LanguageService } from '../../server/src/service/languageService';
import { defaultSettings } from '../../server/src/service/settings';
import { parseTemplateDocument } from '../../server/src/service/templates/templateDocument';
import { TemplateIndex } from '../../server/src/service/templates/templateIndex';
import { normaliseUri } from '../../server/src/service/documents/uris';
import { compactRange } from '../support/documents';
import { suiteFolders } from '../support/suiteFolders';
import { fileUri } from '../support/lspClient';
import { builtinDefinitions } from '../support/service';

const template = (id: string | undefined, text = 'Hi {{name}}', extra: Record<string, string> = {}) =>
  JSON.stringify({ ...(id === undefined ? {} : { id }), ...extra, template: text });

function parsed(uri: string, text: string) {
  return parseTemplateDocument(TextDocument.create(uri, languageIds.template, 1, text));
}

/** An index with `files` (uri to text) set in that order, counting its change events. */
function indexWith(files: Record<string, string>, folders: string[] = []): { index: TemplateIndex; events: () => number } {
  const index = new TemplateIndex();
  let events = 0;
  index.onDidChange(() => events++);
  index.setFolders(folders.map(normaliseUri));
  for (const [uri, text] of Object.entries(files)) index.set(uri, parsed(uri, text));
  return { index, events: () => events };
}

const ids = (entries: { id: string; uri: string }[]) => entries.map((e) => [e.id, e.uri]);

describe('the template index', () => {
  it('indexes a file by its trimmed id with its name, description, text and id range; a file without an id holds none', () => {
    const { index } = indexWith({
      'file:///w/a.template.json': template(' TM1 ', 'Dear {{x}}', { name: 'N', description: 'D' }),
      'file:///w/b.template.json': template(undefined),
      'file:///w/c.template.json': template('  '),
      'file:///w/d.template.json': '{"id": 7, "template": "x"}',
    });
    const entry = index.lookupFor('file:///w/f.cxflow').get('TM1');
    assert.deepEqual(entry && { ...entry, idRange: compactRange(entry.idRange) }, {
      uri: 'file:///w/a.template.json',
      id: 'TM1',
      idRange: [0, 6, 0, 13],
      name: 'N',
      description: 'D',
      text: 'Dear {{x}}',
    });
    assert.deepEqual(ids(index.lookupFor('file:///w/f.cxflow').all()), [['TM1', 'file:///w/a.template.json']]);
    assert.equal(index.has('file:///w/a.template.json'), true);
    for (const uri of ['file:///w/b.template.json', 'file:///w/c.template.json', 'file:///w/d.template.json']) assert.equal(index.has(uri), false, uri);
  });

  it('drops a file whose id is removed or emptied', () => {
    const { index } = indexWith({ 'file:///w/a.template.json': template('TM1') });
    index.set('file:///w/a.template.json', parsed('file:///w/a.template.json', template('')));
    assert.equal(index.has('file:///w/a.template.json'), false);
    assert.equal(index.lookupFor('file:///w/f.cxflow').get('TM1'), undefined);
  });

  it('lists one template per id in id order, the first file by path winning', () => {
    const { index } = indexWith({
      'file:///w/z.template.json': template('TM2'),
      'file:///w/b.template.json': template('TM1', 'second'),
      'file:///w/a.template.json': template('TM1', 'first'),
      'file:///w/m.template.json': template('A0'),
      'file:///w/n.template.json': template('TM10'),
    });
    const lookup = index.lookupFor('file:///w/f.cxflow');
    assert.deepEqual(ids(lookup.all()), [
      ['A0', 'file:///w/m.template.json'],
      ['TM1', 'file:///w/a.template.json'],
      ['TM10', 'file:///w/n.template.json'],
      ['TM2', 'file:///w/z.template.json'],
    ]);
    assert.equal(lookup.get('TM1')?.text, 'first');
    assert.equal(lookup.get('TM3'), undefined);
  });

  it('shows a document its own folder’s templates (the innermost folder), and every one outside all folders', () => {
    const { index } = indexWith(
      {
        'file:///w/one/a.template.json': template('TM1', 'one'),
        'file:///w/one/inner/b.template.json': template('TM1', 'inner'),
        'file:///w/two/c.template.json': template('TM2', 'two'),
        'file:///elsewhere/d.template.json': template('TM0', 'elsewhere'),
      },
      ['file:///w/one', 'file:///w/one/inner', 'file:///w/two'],
    );
    const seen = (uri: string) => index.lookupFor(uri).all().map((e) => [e.id, e.text]);
    assert.deepEqual(seen('file:///w/one/f.cxflow'), [['TM1', 'one']]);
    assert.deepEqual(seen('file:///w/one/inner/f.cxflow'), [['TM1', 'inner']]);
    assert.deepEqual(seen('file:///w/two/f.cxflow'), [['TM2', 'two']]);
    assert.deepEqual(seen('file:///other/f.cxflow'), [
      ['TM0', 'elsewhere'],
      ['TM1', 'one'],
      ['TM2', 'two'],
    ]);
    assert.equal(index.lookupFor('file:///w/two/f.cxflow').get('TM1'), undefined);
  });

  it('re-places its files when the folders change', () => {
    const { index } = indexWith({ 'file:///w/one/a.template.json': template('TM1'), 'file:///w/two/b.template.json': template('TM2') }, ['file:///w/one']);
    assert.deepEqual(ids(index.lookupFor('file:///w/one/f.cxflow').all()), [['TM1', 'file:///w/one/a.template.json']]);
    index.setFolders(['file:///w/one', 'file:///w/two'].map(normaliseUri));
    assert.deepEqual(ids(index.lookupFor('file:///w/two/f.cxflow').all()), [['TM2', 'file:///w/two/b.template.json']]);
    assert.deepEqual(ids(index.lookupFor('file:///w/one/f.cxflow').all()), [['TM1', 'file:///w/one/a.template.json']]);
  });

  it('counts a change only when what flows see of a file changes', () => {
    const uri = 'file:///w/a.template.json';
    const { index, events } = indexWith({ [uri]: template('TM1', 'x', { name: 'n', description: 'd' }) });
    assert.equal(index.generation, 2, 'the folders, then the file');
    assert.equal(events(), 2);
    const set = (text: string) => index.set(uri, parsed(uri, text));
    set(template('TM1', 'x', { name: 'n', description: 'd' }));
    assert.equal(index.generation, 2, 'same text');
    const changes: string[] = [
      template('TM2', 'x', { name: 'n', description: 'd' }),
      template('TM2', 'y', { name: 'n', description: 'd' }),
      template('TM2', 'y', { name: 'm', description: 'd' }),
      template('TM2', 'y', { name: 'm', description: 'e' }),
      ` ${template('TM2', 'y', { name: 'm', description: 'e' })}`,
      `\n ${template('TM2', 'y', { name: 'm', description: 'e' })}`,
      `\n ${JSON.stringify({ id: 'TM2 ', name: 'm', description: 'e', template: 'y' })}`,
    ];
    let generation = 2;
    for (const text of changes) {
      set(text);
      generation++;
      assert.equal(index.generation, generation, text);
      assert.equal(events(), generation, text);
    }
    index.delete(uri);
    assert.equal(index.generation, generation + 1);
    index.delete(uri);
    index.delete('file:///w/never.template.json');
    assert.equal(index.generation, generation + 1, 'nothing deleted');
    assert.equal(events(), generation + 1);
  });

  it('drops the files a test picks, counting one change, and none when it picks none', () => {
    const { index } = indexWith({
      'file:///w/a.template.json': template('TM1'),
      'file:///w/b.template.json': template('TM2'),
      'file:///w/c.template.json': template('TM3'),
    });
    assert.equal(index.generation, 4);
    index.deleteWhere(() => false);
    assert.equal(index.generation, 4);
    index.deleteWhere((key) => key !== normaliseUri('file:///w/b.template.json'));
    assert.equal(index.generation, 5);
    assert.deepEqual(ids(index.lookupFor('file:///w/f.cxflow').all()), [['TM2', 'file:///w/b.template.json']]);
    assert.equal(index.has('file:///w/a.template.json'), false);
  });
});

describe('template files on disk', () => {
  const folders = suiteFolders('cxengage-templates-');
  after(() => folders.remove());

  async function workspace(files: Record<string, string>): Promise<{ service: LanguageService; folder: string; uri: (name: string) => string }> {
    const folder = folders.make(files);
    const service = new LanguageService({ files: new DiskFileAccess(), settingsFor: () => defaultSettings, builtins: builtinDefinitions });
    service.setFolders([fileUri(folder)]);
    await service.scanWorkspace();
    return { service, folder, uri: (name: string) => fileUri(path.join(folder, name)) };
  }

  const visible = (service: LanguageService, uri: string) => service.templates.lookupFor(uri).all().map((e) => [e.id, e.text]);

  it('reads every template file of the workspace in a scan, more than one batch of them', async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 35; n++) files[`t/TM${String(n).padStart(2, '0')}.template.json`] = template(`TM${String(n).padStart(2, '0')}`, `text ${n}`);
    files['t/broken.template.json'] = '{"id": "TMX", "template": ';
    const { service, uri } = await workspace(files);
    const seen = visible(service, uri('f.cxflow'));
    assert.equal(seen.length, 36);
    assert.deepEqual(seen[0], ['TM01', 'text 1']);
    assert.deepEqual(seen[34], ['TM35', 'text 35']);
    assert.deepEqual(seen[35], ['TMX', undefined]);
  });

  it('keeps an open template’s text over the disk’s, in a scan and when the disk changes, and reads the disk again on close', async () => {
    const { service, folder, uri } = await workspace({ 'TM1.template.json': template('TM1', 'disk'), 'TM2.template.json': template('TM2', 'two') });
    service.documentChanged(TextDocument.create(uri('TM1.template.json'), languageIds.template, 2, template('TM1', 'edited')));
    assert.deepEqual(visible(service, uri('f.cxflow')), [
      ['TM1', 'edited'],
      ['TM2', 'two'],
    ]);
    await service.scanWorkspace();
    assert.deepEqual(visible(service, uri('f.cxflow'))[0], ['TM1', 'edited']);
    fs.writeFileSync(path.join(folder, 'TM1.template.json'), template('TM1', 'disk again'));
    await service.filesChanged([{ uri: uri('TM1.template.json'), change: 'changed' }]);
    assert.deepEqual(visible(service, uri('f.cxflow'))[0], ['TM1', 'edited']);
    await service.documentClosed(uri('TM1.template.json'));
    assert.deepEqual(visible(service, uri('f.cxflow'))[0], ['TM1', 'disk again']);
  });

  it('follows files created, changed and deleted on disk, and a folder deleted whole', async () => {
    const { service, folder, uri } = await workspace({ 'TM1.template.json': template('TM1'), 'sub/TM2.template.json': template('TM2'), 'sub/TM3.template.json': template('TM3') });
    assert.deepEqual(visible(service, uri('f.cxflow')).map(([id]) => id), ['TM1', 'TM2', 'TM3']);
    fs.writeFileSync(path.join(folder, 'TM4.template.json'), template('TM4', 'new'));
    await service.filesChanged([{ uri: uri('TM4.template.json'), change: 'created' }]);
    fs.writeFileSync(path.join(folder, 'TM1.template.json'), template('TM1', 'changed'));
    await service.filesChanged([{ uri: uri('TM1.template.json'), change: 'changed' }]);
    assert.deepEqual(visible(service, uri('f.cxflow')), [
      ['TM1', 'changed'],
      ['TM2', 'Hi {{name}}'],
      ['TM3', 'Hi {{name}}'],
      ['TM4', 'new'],
    ]);
    fs.rmSync(path.join(folder, 'TM4.template.json'));
    await service.filesChanged([{ uri: uri('TM4.template.json'), change: 'deleted' }]);
    fs.rmSync(path.join(folder, 'sub'), { recursive: true });
    await service.filesChanged([{ uri: uri('sub'), change: 'deleted' }]);
    assert.deepEqual(visible(service, uri('f.cxflow')).map(([id]) => id), ['TM1']);
    // A template file that loses its id, and a file of another kind, leave nothing behind.
    fs.writeFileSync(path.join(folder, 'TM1.template.json'), '{"template": "x"}');
    await service.filesChanged([{ uri: uri('TM1.template.json'), change: 'changed' }]);
    fs.writeFileSync(path.join(folder, 'notes.json'), template('TM9'));
    await service.filesChanged([{ uri: uri('notes.json'), change: 'created' }]);
    assert.deepEqual(visible(service, uri('f.cxflow')), []);
  });

  it('keeps an open template when its folder is deleted on disk, and drops the closed ones', async () => {
    const { service, folder, uri } = await workspace({ 'sub/TM1.template.json': template('TM1'), 'sub/TM2.template.json': template('TM2') });
    service.documentChanged(TextDocument.create(uri('sub/TM2.template.json'), languageIds.template, 1, template('TM2', 'open')));
    fs.rmSync(path.join(folder, 'sub'), { recursive: true });
    await service.filesChanged([{ uri: uri('sub'), change: 'deleted' }]);
    assert.deepEqual(visible(service, uri('f.cxflow')), [['TM2', 'open']]);
  });

  it('neither reads nor drops a template file in a cancelled scan', async () => {
    const folder = folders.make({ 'TM1.template.json': template('TM1') });
    const service = new LanguageService({ files: new DiskFileAccess(), settingsFor: () => defaultSettings, builtins: builtinDefinitions });
    service.setFolders([fileUri(folder)]);
    await service.scanWorkspace();
    assert.equal(service.templates.lookupFor(fileUri(path.join(folder, 'f.cxflow'))).all().length, 1);
    fs.writeFileSync(path.join(folder, 'TM2.template.json'), template('TM2'));
    await service.scanWorkspace({ isCancellationRequested: true });
    assert.deepEqual(service.templates.lookupFor(fileUri(path.join(folder, 'f.cxflow'))).all().map((e) => e.id), ['TM1']);
  });
});
