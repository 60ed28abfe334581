// What the workspace knows of the files on disk, through the real file access over a folder of its
// own: roles by name and glob, files given by name outside every folder, nested folders, a scan,
// and file events (a deleted folder takes its files with it; a cancelled scan keeps what was known).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { DiskFileAccess } from '../../server/src/node/diskFileAccess';
import { defaultSettings } from '../../server/src/service/settings';
import { FileRole, Workspace } from '../../server/src/service/workspace/workspace';
import { suiteFolders } from '../support/suiteFolders';

describe('the workspace over a folder on disk', () => {
  const folders = suiteFolders('cxengage-workspace-');
  after(() => folders.remove());
  const root = folders.make({
    'a.integration.json': '{}',
    'flows/f.cxflow': '(seq)',
    'flows/p.pattern.json': '{}',
    'templates/t.template.json': '{}',
    'notes.txt': 'x',
    'node_modules/m/b.integration.json': '{}',
    'nested/inner/c.integration.json': '{}',
  });
  const uri = (relative: string) => URI.file(path.join(root, relative)).toString();
  const names = (ws: Workspace, role: FileRole) => ws.knownFiles(role).map((f) => path.relative(root, URI.parse(f.uri).fsPath).split(path.sep).join('/')).sort();
  const workspace = () => {
    const ws = new Workspace(new DiskFileAccess(), () => defaultSettings);
    ws.setFolders([uri('nested'), uri(''), uri('nested')]);
    return ws;
  };

  it('gives each file its role by name and glob; outside every folder only files given by name', () => {
    const ws = workspace();
    // Nested folders first, once each.
    assert.deepEqual(ws.folders.map((f) => path.relative(root, URI.parse(f).fsPath)), ['nested', '']);
    assert.equal(ws.folderOf(uri('nested/inner/c.integration.json')), ws.folders[0]);
    const roles = ['a.integration.json', 'flows/f.cxflow', 'flows/p.pattern.json', 'templates/t.template.json', 'notes.txt', 'node_modules/m/b.integration.json'].map((f) => ws.roleOf(uri(f)));
    assert.deepEqual(roles, ['definition', 'flow', 'flow', 'template', undefined, undefined]);
    const outside = (name: string) => URI.file(path.join(path.dirname(root), name)).toString();
    assert.deepEqual([ws.roleOf(outside('x.integration.json')), ws.mayRead(outside('x.integration.json'))], [undefined, false]);
    for (const name of ['x.integration.json', 'y.cxflow', 'z.pattern.json', 'w.template.json', 'v.txt']) ws.addGivenFile(outside(name));
    assert.deepEqual(['x.integration.json', 'y.cxflow', 'z.pattern.json', 'w.template.json', 'v.txt'].map((n) => ws.roleOf(outside(n))), ['definition', 'flow', 'flow', 'template', undefined]);
    assert.equal(ws.mayRead(outside('v.txt')), true);
    ws.addKnownFile(outside('y.cxflow'));
    ws.addKnownFile(outside('v.txt'));
    assert.deepEqual(ws.knownFiles('flow').map((f) => f.uri), [outside('y.cxflow')]);
  });

  it('scans every folder, and follows file events', async () => {
    const ws = workspace();
    const scans = await ws.scan();
    assert.deepEqual(scans.map((s) => [s.files, s.cancelled, s.unreadable]), [[1, false, []], [5, false, []]]);
    assert.deepEqual(names(ws, 'definition'), ['a.integration.json', 'nested/inner/c.integration.json']);
    assert.deepEqual(names(ws, 'flow'), ['flows/f.cxflow', 'flows/p.pattern.json']);
    assert.deepEqual(names(ws, 'template'), ['templates/t.template.json']);
    // A new file joins with its role; a file of no role does not.
    assert.equal(ws.fileChanged(uri('flows/g.cxflow'), 'created'), 'flow');
    assert.equal(ws.fileChanged(uri('flows/g.txt'), 'created'), undefined);
    assert.deepEqual(names(ws, 'flow'), ['flows/f.cxflow', 'flows/g.cxflow', 'flows/p.pattern.json']);
    // A known file deleted leaves alone; a deleted folder takes the files under it.
    assert.equal(ws.fileChanged(uri('flows/p.pattern.json'), 'deleted'), undefined);
    assert.deepEqual(names(ws, 'flow'), ['flows/f.cxflow', 'flows/g.cxflow']);
    assert.equal(ws.fileChanged(uri('flows'), 'deleted'), undefined);
    assert.deepEqual([names(ws, 'flow'), names(ws, 'template')], [[], ['templates/t.template.json']]);
    // A change keeps the file known under the spelling it was first known by.
    assert.equal(ws.fileChanged(uri('a.integration.json'), 'changed'), 'definition');
    assert.deepEqual(ws.knownFiles('definition').map((f) => f.uri).sort(), [uri('a.integration.json'), uri('nested/inner/c.integration.json')].sort());
  });

  it('a cancelled scan says so and keeps what was known', async () => {
    const ws = workspace();
    await ws.scan();
    const scans = await ws.scan({ isCancellationRequested: true });
    assert.deepEqual(scans.map((s) => [s.folder === ws.folders[0] || s.folder === ws.folders[1], s.files, s.cancelled]), [[true, 0, true], [true, 0, true]]);
    assert.deepEqual(names(ws, 'flow'), ['flows/f.cxflow', 'flows/p.pattern.json']);
    // Folders set again forget the files outside them.
    ws.setFolders([uri('nested')]);
    assert.deepEqual([names(ws, 'definition'), names(ws, 'flow')], [['nested/inner/c.integration.json'], []]);
  });
});
