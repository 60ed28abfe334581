// cxengage-lint on hostile input: a file of 127,000 problems, a FIFO and /dev/zero behind a file's
// name, a non-ASCII file over the limit in bytes, `#` and `?` in folder names, a folder it may not
// read, and its output piped into `head`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { messages } from '../../server/src/service/codes';
import { defaultSettings } from '../../server/src/service/settings';
import { repoRoot } from '../support/lspClient';

const cli = path.join(repoRoot, 'dist', 'cli.js');

/** Runs the checker; a hang fails the test instead of blocking the suite. */
function lint(args: string[], cwd: string, as?: { uid: number; gid: number }) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024, ...as });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

describe('cxengage-lint on hostile input', () => {
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-cli-'));
    fs.chmodSync(root, 0o755);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function folder(name: string, files: Record<string, string>): string {
    const dir = path.join(root, name);
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
  }

  it('127,000 problems in one flow: the first 1,000 and a count of the rest, no internal error', () => {
    const dir = folder('many', { 'many.cxflow': '(send echo message {:message "hi" :x 1})\n'.repeat(127_000) });
    const r = lint(['.'], dir);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1002);
    assert.match(lines[0], /^many\.cxflow:1:35 warning unknown-field /);
    assert.equal(lines[1000], `many.cxflow:1001:35 information too-many-problems ${messages.tooManyProblems(126_000, 1000)}`);
    assert.equal(lines[1001], '1 file checked: 0 errors, 1000 warnings, 1 information, 0 hints');
  });

  it('a FIFO or a link to /dev/zero given by name: a usage error at once, never a hang', () => {
    const dir = folder('special', {});
    spawnSync('mkfifo', [path.join(dir, 'p.cxflow')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'z.cxflow'));
    for (const name of ['p.cxflow', 'z.cxflow']) {
      const r = lint([name], dir);
      assert.equal(r.signal, null, `${name} hung`);
      assert.deepEqual([r.status, r.stderr.trim()], [2, `cxengage-lint: cannot read ${name}: not a regular file`]);
    }
    // In a folder they are passed over: only regular files are read.
    fs.writeFileSync(path.join(dir, 'ok.cxflow'), '(send echo message {:message "hi"})\n');
    const r = lint(['.'], dir);
    assert.deepEqual([r.status, r.stdout.trim()], [0, '1 file checked: 0 errors, 0 warnings, 0 information, 0 hints']);
  });

  it('a flow of 5.4 MB in two-byte characters is over the limit in bytes: not read, said so', () => {
    const text = `(send echo message {:message "${'é'.repeat(2_700_000)}"} (oops))`;
    const dir = folder('wide', { 'wide.cxflow': text });
    const r = lint(['.'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(
      r.stdout.trim().split('\n')[0],
      `wide.cxflow:1:1 information file-too-large ${messages.fileTooLarge(Buffer.byteLength(text), defaultSettings.maxFileSize)}`,
    );
  });

  it('`#` and `?` in folder and file names cut nothing', () => {
    const dir = folder('names', { 'C# notes/a?b.cxflow': '(send echo mesage {})\n', 'C# notes/x#y.integration.json': '{"type": "x#y"}' });
    const r = lint(['.'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      `C# notes/a?b.cxflow:1:12 error unknown-message ${messages.unknownMessage('echo', 'mesage', 'message')}`,
      '2 files checked: 1 error, 0 warnings, 0 information, 0 hints',
    ]);
  });

  it('a sub-folder it may not read is named on stderr, and the run fails', () => {
    const dir = folder('locked', { 'ok.cxflow': '(send echo message {:message "hi"})\n', 'secret/x.cxflow': '(send nope a {})\n' });
    fs.chmodSync(path.join(dir, 'secret'), 0);
    // Root reads every folder: the checker runs as `nobody` then, as a CI user would be.
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    try {
      const r = lint(['.'], dir, as);
      assert.equal(r.status, 2);
      assert.equal(r.stdout.trim(), '1 file checked: 0 errors, 0 warnings, 0 information, 0 hints');
      assert.equal(r.stderr.trim(), 'cxengage-lint: cannot read secret: no permission, or it is gone; its files were skipped');
    } finally {
      fs.chmodSync(path.join(dir, 'secret'), 0o755);
    }
  });

  it('piped into head: the rest of the output is dropped quietly', () => {
    const dir = folder('piped', { 'many.cxflow': '(send echo message {:message "hi" :x 1})\n'.repeat(20_000) });
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" . 2>stderr.txt | head -n 1`], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    assert.match(r.stdout, /^many\.cxflow:1:35 warning unknown-field /);
    assert.equal(fs.readFileSync(path.join(dir, 'stderr.txt'), 'utf8'), '');
  });
});
