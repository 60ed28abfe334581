// The workspace on a real disk: scans that honour the globs, stop at their limits and survive
// symlink loops, and reads of regular files inside a workspace folder only, never more bytes
// than asked for (a FIFO or /dev/zero behind a flow's name is refused at once). Folders that
// cannot be read are the CLI tests' (they run the checker as another user).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { DiskFileAccess } from '../../server/src/node/diskFileAccess';
import { LanguageService } from '../../server/src/service/languageService';
import { defaultSettings, normaliseSettings } from '../../server/src/service/settings';
import { builtinDefinitions } from '../support/service';

const uri = (file: string) => URI.file(file).toString();
const definition = (type: string) => JSON.stringify({ type, endpoint: { name: type, type, display: type, params: [], sends: { note: { text: { type: 'mandatory' } } } } });

describe('the workspace on disk', () => {
  let root: string;
  const disk = new DiskFileAccess();
  const all = { maxFiles: 1000, maxDirectories: 1000 };

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-workspace-'));
    fs.mkdirSync(path.join(root, 'C# notes', 'deep'), { recursive: true });
    fs.mkdirSync(path.join(root, 'node_modules', 'pkg'), { recursive: true });
    fs.mkdirSync(path.join(root, 'skipped'));
    fs.writeFileSync(path.join(root, 'crm.integration.json'), definition('crm'));
    fs.writeFileSync(path.join(root, 'C# notes', 'deep', 'a?b.cxflow'), '(send crm note {:text "x"})\n');
    fs.writeFileSync(path.join(root, 'C# notes', 'p.pattern.json'), '{"then": "(send crm note {})"}');
    fs.writeFileSync(path.join(root, 'node_modules', 'pkg', 'x.integration.json'), definition('pkg'));
    fs.writeFileSync(path.join(root, 'skipped', 'y.integration.json'), definition('skipped'));
    fs.writeFileSync(path.join(root, 'notes.txt'), 'not ours');
    // A loop: a folder linking back to the root, and one linking to itself.
    fs.symlinkSync(root, path.join(root, 'C# notes', 'loop'));
    fs.symlinkSync('.', path.join(root, 'skipped', 'self'));
    spawnSync('mkfifo', [path.join(root, 'fifo.integration.json')]);
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.cxflow'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the files the globs match, each once, through a symlink loop, past FIFOs and devices', async () => {
    const found = await disk.findFiles(uri(root), ['**/*.integration.json', '**/*.cxflow', '**/*.pattern.json'], ['skipped/**'], all);
    assert.deepEqual(
      found.files.map((f) => path.relative(root, URI.parse(f).fsPath)),
      [path.join('C# notes', 'deep', 'a?b.cxflow'), path.join('C# notes', 'p.pattern.json'), 'crm.integration.json'],
    );
    assert.deepEqual([found.stoppedAt, found.cancelled, found.unreadable], [undefined, false, []]);
  });

  it('stops at its limits and says which one stopped it', async () => {
    const files = await disk.findFiles(uri(root), ['**'], [], { maxFiles: 2, maxDirectories: 1000 });
    assert.deepEqual([files.files.length, files.stoppedAt], [2, 'maxFiles']);
    const folders = await disk.findFiles(uri(root), ['**'], [], { maxFiles: 1000, maxDirectories: 2 });
    assert.equal(folders.stoppedAt, 'maxDirectories');
  });

  it('stops when cancelled', async () => {
    const found = await disk.findFiles(uri(root), ['**'], [], all, { isCancellationRequested: true });
    assert.deepEqual([found.cancelled, found.files], [true, []]);
  });

  it('reads regular files only, and never past the byte limit', { timeout: 10_000 }, async () => {
    assert.deepEqual(await disk.readFile(uri(path.join(root, 'fifo.integration.json')), 1000), { kind: 'not-a-file' });
    assert.deepEqual(await disk.readFile(uri(path.join(root, 'zero.cxflow')), 1000), { kind: 'not-a-file' });
    assert.deepEqual(await disk.readFile(uri(path.join(root, 'skipped')), 1000), { kind: 'not-a-file' });
    assert.deepEqual(await disk.readFile(uri(path.join(root, 'gone.cxflow')), 1000), { kind: 'missing' });
    const crm = path.join(root, 'crm.integration.json');
    const size = fs.statSync(crm).size;
    assert.deepEqual(await disk.readFile(uri(crm), size - 1), { kind: 'too-large', bytes: size });
    assert.deepEqual(await disk.readFile(uri(crm), size), { kind: 'text', text: definition('crm'), bytes: size });
  });

  it('a service indexes what include/exclude choose, and reads nothing outside its folders', async () => {
    const settings = normaliseSettings({ definitions: { exclude: ['**/node_modules/**', 'skipped/**'] } });
    const service = new LanguageService({ files: disk, settingsFor: () => settings, builtins: builtinDefinitions });
    service.setFolders([uri(root)]);
    const scans = await service.scanWorkspace();
    assert.deepEqual(scans.map((s) => [s.files, s.stoppedAt]), [[3, undefined]]);
    assert.deepEqual(service.index.workspaceDefinitions().map((d) => d.type?.value), ['crm']);
    assert.equal(await service.previews.formModel({ uri: uri(path.join(os.tmpdir(), 'elsewhere.integration.json')) }), null);
    assert.equal(await service.previews.formModel({ uri: uri(path.join(root, 'fifo.integration.json')) }), null);
    assert.equal(await service.previews.formModel({ uri: uri(path.join(root, 'zero.cxflow')) }), null);
    assert.equal((await service.previews.formModel({ uri: uri(path.join(root, 'crm.integration.json')) }))?.kind, 'integration');
  });

  it('a FIFO or a device named like a definition is refused when a file event names it', { timeout: 10_000 }, async () => {
    const service = new LanguageService({ files: disk, settingsFor: () => defaultSettings, builtins: builtinDefinitions });
    service.setFolders([uri(root)]);
    await service.filesChanged([
      { uri: uri(path.join(root, 'fifo.integration.json')), change: 'created' },
      { uri: uri(path.join(root, 'zero.cxflow')), change: 'changed' },
    ]);
    assert.equal(service.index.has(uri(path.join(root, 'fifo.integration.json'))), false);
  });
});
