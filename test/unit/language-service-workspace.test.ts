// The language service keeping its definition index in step with the workspace: scans, file
// events (a file, a folder deleted whole), open documents winning over the disk, closes read the
// disk again once `settled`, built-in definitions never taken for workspace ones; and the
// diagnostics that depend on it: duplicate types, severity overrides, the cap per file.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiskFileAccess } from '../../server/src/node/diskFileAccess';
import { definitionType } from '../../server/src/service/definitions/model';
import { languageIds } from '../../server/src/service/documentKind';
import { LanguageService } from '../../server/src/service/languageService';
import { Settings, defaultSettings, normaliseSettings } from '../../server/src/service/settings';
import { noFiles } from '../../server/src/service/workspace/fileAccess';
import { compactRange } from '../support/documents';
import { fileUri } from '../support/lspClient';
import { builtinDefinitions, openDocumentsService } from '../support/service';
import { suiteFolders } from '../support/suiteFolders';

const definition = (type: string) => JSON.stringify({ type, endpoint: { name: type, type, display: type, params: [], sends: { note: { text: { type: 'mandatory' } } } } });

describe('language service: the index and the workspace', () => {
  const folders = suiteFolders('cxengage-service-');
  after(() => folders.remove());

  async function workspace(files: Record<string, string>, settings: Settings = defaultSettings) {
    const folder = folders.make(files);
    const service = new LanguageService({ files: new DiskFileAccess(), settingsFor: () => settings, builtins: builtinDefinitions });
    service.setFolders([fileUri(folder)]);
    await service.scanWorkspace();
    const uri = (name: string) => fileUri(path.join(folder, name));
    const indexed = () =>
      service.index
        .workspaceDefinitions()
        .map((d) => `${path.relative(folder, new URL(d.uri).pathname)}=${definitionType(d)}`)
        .sort();
    const open = (name: string, text: string, version = 1) => service.documentChanged(TextDocument.create(uri(name), languageIds.definition, version, text));
    return { service, folder, uri, indexed, open };
  }

  it('drops in a new scan what left the disk, keeping open documents', async () => {
    const { service, folder, indexed, open } = await workspace({ 'crm.integration.json': definition('crm'), 'erp.integration.json': definition('erp') });
    open('edited.integration.json', definition('edited'));
    open('erp.integration.json', definition('erp2'));
    assert.deepEqual(indexed(), ['crm.integration.json=crm', 'edited.integration.json=edited', 'erp.integration.json=erp2']);
    fs.rmSync(path.join(folder, 'crm.integration.json'));
    fs.rmSync(path.join(folder, 'erp.integration.json'));
    await service.scanWorkspace();
    assert.deepEqual(indexed(), ['edited.integration.json=edited', 'erp.integration.json=erp2']);
  });

  it('follows file events: created, changed, deleted, a folder deleted whole, open documents kept as edited', async () => {
    const { service, folder, uri, indexed, open } = await workspace({
      'crm.integration.json': definition('crm'),
      'sub/erp.integration.json': definition('erp'),
      'sub/deep/hr.integration.json': definition('hr'),
      'f.cxflow': '(send crm note {:text "x"})\n',
    });
    open('sub/open.integration.json', definition('open'));
    open('crm.integration.json', definition('crm-edited'));
    fs.writeFileSync(path.join(folder, 'new.integration.json'), definition('new'));
    fs.writeFileSync(path.join(folder, 'crm.integration.json'), definition('crm-disk'));
    await service.filesChanged([
      { uri: uri('new.integration.json'), change: 'created' },
      { uri: uri('crm.integration.json'), change: 'changed' },
      { uri: uri('f.cxflow'), change: 'changed' },
    ]);
    assert.deepEqual(indexed(), ['crm.integration.json=crm-edited', 'new.integration.json=new', 'sub/deep/hr.integration.json=hr', 'sub/erp.integration.json=erp', 'sub/open.integration.json=open']);
    fs.rmSync(path.join(folder, 'sub'), { recursive: true });
    fs.rmSync(path.join(folder, 'new.integration.json'));
    await service.filesChanged([
      { uri: uri('sub'), change: 'deleted' },
      { uri: uri('new.integration.json'), change: 'deleted' },
    ]);
    assert.deepEqual(indexed(), ['crm.integration.json=crm-edited', 'sub/open.integration.json=open']);
    fs.writeFileSync(path.join(folder, 'later.integration.json'), definition('later'));
    await service.filesChanged([{ uri: uri('later.integration.json'), change: 'created' }]);
    assert.deepEqual(indexed(), ['crm.integration.json=crm-edited', 'later.integration.json=later', 'sub/open.integration.json=open']);
    // An open definition deleted on disk keeps its editor's text.
    fs.rmSync(path.join(folder, 'crm.integration.json'));
    await service.filesChanged([{ uri: uri('crm.integration.json'), change: 'deleted' }]);
    assert.deepEqual(indexed(), ['crm.integration.json=crm-edited', 'later.integration.json=later', 'sub/open.integration.json=open']);
  });

  it('reads the disk again when a definition closes, once settled; an open again wins over the read', async () => {
    const { service, uri, indexed, open } = await workspace({ 'crm.integration.json': definition('crm'), 'erp.integration.json': definition('erp') });
    open('crm.integration.json', definition('crm-edited'));
    open('erp.integration.json', definition('erp-edited'));
    open('gone.integration.json', definition('gone'));
    void service.documentClosed(uri('crm.integration.json'));
    void service.documentClosed(uri('gone.integration.json'));
    await service.settled();
    assert.deepEqual(indexed(), ['crm.integration.json=crm', 'erp.integration.json=erp-edited']);
    const closing = service.documentClosed(uri('erp.integration.json'));
    open('erp.integration.json', definition('erp-again'), 3);
    await closing;
    assert.deepEqual(indexed(), ['crm.integration.json=crm', 'erp.integration.json=erp-again']);
    await service.documentClosed('file:///never/opened.cxflow');
  });

  it('reads a template file again when it closes', async () => {
    const template = (text: string) => JSON.stringify({ id: 'TM1', template: text });
    const { service, uri } = await workspace({ 'TM1.template.json': template('disk') });
    service.documentChanged(TextDocument.create(uri('TM1.template.json'), languageIds.template, 2, template('edited')));
    const seen = () => service.templates.lookupFor(uri('f.cxflow')).all().map((e) => e.text);
    assert.deepEqual(seen(), ['edited']);
    await service.documentClosed(uri('TM1.template.json'));
    assert.deepEqual(seen(), ['disk']);
  });

  it('reads open definitions again in a scan under new settings: too large now, or no longer', async () => {
    let settings = defaultSettings;
    const service = new LanguageService({ files: noFiles, settingsFor: () => settings, builtins: builtinDefinitions });
    service.setFolders(['file:///a']);
    service.documentChanged(TextDocument.create('file:///a/x.integration.json', languageIds.definition, 1, definition('x')));
    service.documentChanged(TextDocument.create('file:///a/y.integration.json', languageIds.definition, 1, JSON.stringify({ type: 'y' })));
    const indexed = () => service.index.workspaceDefinitions().map((d) => d.uri);
    assert.deepEqual(indexed(), ['file:///a/x.integration.json', 'file:///a/y.integration.json']);
    settings = normaliseSettings({ maxFileSize: 50 });
    await service.scanWorkspace();
    assert.deepEqual(indexed(), ['file:///a/y.integration.json']);
    settings = defaultSettings;
    await service.scanWorkspace();
    assert.deepEqual(indexed(), ['file:///a/y.integration.json', 'file:///a/x.integration.json']);
  });

  it('drops a definition from the index once its text is too large to read', async () => {
    const { service, uri, indexed, open } = await workspace({}, normaliseSettings({ maxFileSize: 200 }));
    open('big.integration.json', definition('big'));
    assert.deepEqual(indexed(), ['big.integration.json=big']);
    open('big.integration.json', definition('big'.repeat(100)), 2);
    assert.deepEqual([indexed(), service.index.has(uri('big.integration.json'))], [[], false]);
  });

  it('reports a type declared twice in a folder, and a workspace definition overriding a built-in one', async () => {
    const { service, uri, open } = await workspace({ 'a.integration.json': definition('crm'), 'b/c.integration.json': definition('crm'), 'echo.integration.json': definition('echo') });
    open('lone.integration.json', definition('lone'));
    const shown = async (name: string) => (await service.diagnostics(uri(name))).map((d) => [d.code, d.severity, ...compactRange(d.range), d.message]);
    assert.deepEqual(
      [await shown('a.integration.json'), await shown('b/c.integration.json'), await shown('echo.integration.json'), await shown('lone.integration.json')],
      [
        [['duplicate-type', 2, 0, 8, 0, 13, 'Integration type `crm` is also declared by b/c.integration.json']],
        [['duplicate-type', 2, 0, 8, 0, 13, 'Integration type `crm` is also declared by a.integration.json']],
        [['duplicate-type', 3, 0, 8, 0, 14, 'This definition overrides the built-in `echo` integration']],
        [],
      ],
    );
  });
});

describe('language service: built-in definitions are never workspace ones', () => {
  it('leaves a built-in definition opened in the editor out of the index, by file uri and by its own scheme', async () => {
    const service = openDocumentsService();
    service.loadBuiltins();
    const echo = builtinDefinitions().find((d) => definitionType(d) === 'echo');
    assert.ok(echo);
    service.documentChanged(TextDocument.create(echo.uri, languageIds.definition, 1, fs.readFileSync(new URL(echo.uri), 'utf8')));
    assert.deepEqual(service.index.workspaceDefinitions(), []);
    // Nor is it a workspace definition overriding itself.
    assert.deepEqual(await service.diagnostics(echo.uri), []);
    await service.documentClosed(echo.uri);
    assert.deepEqual(service.index.workspaceDefinitions(), []);

    const scheme = new LanguageService({ files: noFiles, settingsFor: () => defaultSettings });
    scheme.builtins.useScheme('cxengage-builtin');
    scheme.documentChanged(TextDocument.create('cxengage-builtin:/echo.integration.json', languageIds.definition, 1, definition('echo')));
    assert.deepEqual(scheme.index.workspaceDefinitions(), []);
  });
});

describe('language service: diagnostics as settings grade them', () => {
  const flow = '(delay 5 minuets)\n(send echo mesage {:message "x"})\n';

  it('re-grades and turns off flow codes by the severity settings, and caps a file', async () => {
    const graded = async (settings: Settings, text = flow) => {
      const service = openDocumentsService(settings);
      const doc = TextDocument.create('file:///workspace/graded.cxflow', languageIds.flow, 1, text);
      service.documentChanged(doc);
      return (await service.diagnostics(doc.uri)).map((d) => [d.code, d.severity, ...compactRange(d.range)]);
    };
    assert.deepEqual(
      [
        await graded(defaultSettings),
        await graded(normaliseSettings({ diagnostics: { severity: { 'unknown-unit': 'hint' } } })),
        await graded(normaliseSettings({ diagnostics: { severity: { 'unknown-message': 'off' } } })),
        await graded(normaliseSettings({ diagnostics: { maxPerFile: 1 } })),
      ],
      [
        [['unknown-unit', 1, 0, 9, 0, 16], ['unknown-message', 1, 1, 11, 1, 17]],
        [['unknown-unit', 4, 0, 9, 0, 16], ['unknown-message', 1, 1, 11, 1, 17]],
        [['unknown-unit', 1, 0, 9, 0, 16]],
        [['unknown-unit', 1, 0, 9, 0, 16], ['too-many-problems', 3, 1, 11, 1, 17]],
      ],
    );
  });

  it('checks a flow again when a template and a definition change together', async () => {
    const service = openDocumentsService();
    const flow = '(event {:phone "x"})\n(let [n 2]\n  (create twilio sms {:to-phone-number $phone :from-phone-number "1" :message (template +TM3)}))';
    const open = (uri: string, languageId: string, text: string) => service.documentChanged(TextDocument.create(uri, languageId, 1, text));
    open('file:///w/TM1.template.json', languageIds.template, JSON.stringify({ id: 'TM1', template: 'Hi' }));
    open('file:///w/b.cxflow', languageIds.flow, flow);
    const codes = async () => (await service.diagnostics('file:///w/b.cxflow')).map((d) => d.code);
    assert.deepEqual(await codes(), ['unknown-template']);
    // One change to each index: the analysis context's generation must still move.
    open('file:///w/TM3.template.json', languageIds.template, JSON.stringify({ id: 'TM3', template: 'Hi' }));
    open('file:///w/crm.integration.json', languageIds.definition, definition('crm'));
    assert.deepEqual(await codes(), []);
  });
});
