// The end-to-end tests must fail, soon and saying why, when the extension is broken: each
// test file runs as it does in CI, against a build whose server exits at once, and must
// fail within a time limit with the server's own error output, leaving no process behind.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brokenServerMessage, makeBrokenBuild, type BrokenBuild } from './brokenBuild';
import { repoRoot } from './paths';
import { delay, processesWithEnv, runBounded, type BoundedRun, type ProcessInfo } from './processes';

/** Marks every process a run starts, so that any left behind can be found afterwards. */
const runMarker = 'CXENGAGE_E2E_BROKEN_RUN';

interface TestFileRun extends BoundedRun {
  output: string;
  leftovers: ProcessInfo[];
}

/** Runs one compiled end-to-end test file under `node --test`, bounded, with extra environment. */
async function runTestFile(file: string, env: Record<string, string>, dir: string, limitMs: number): Promise<TestFileRun> {
  const marker = crypto.randomUUID();
  const logFile = path.join(dir, `${path.basename(file)}.log`);
  // NODE_TEST_CONTEXT, set by the outer runner, would make the inner one report to it instead of printing.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_TEST_CONTEXT'));
  const run = await runBounded(process.execPath, ['--test', '--test-reporter=spec', path.join(repoRoot, 'out', 'test', 'e2e', file)], {
    cwd: repoRoot,
    env: { ...inherited, ...env, [runMarker]: marker },
    logFile,
    timeoutMs: limitMs,
  });
  return { ...run, output: fs.readFileSync(logFile, 'utf8'), leftovers: await leftoversOf(marker) };
}

/** The processes of a finished run still alive after a short grace, ended so that none outlives the check. */
async function leftoversOf(marker: string): Promise<ProcessInfo[]> {
  const deadline = Date.now() + 5_000;
  let alive = processesWithEnv(runMarker, marker);
  while (alive.length > 0 && Date.now() < deadline) {
    await delay(200);
    alive = processesWithEnv(runMarker, marker);
  }
  for (const { pid } of alive)
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  return alive;
}

/** A failed run, within its limit, with no test passing, the server's stderr shown and nothing left running. */
function assertFailedClearly(run: TestFileRun, limitMs: number, what: RegExp): void {
  const shown = `\n--- its output (${run.output.length} chars) ends with:\n${run.output.slice(-4000)}`;
  assert.equal(run.timedOut, false, `the run was still going after ${limitMs / 1000} s: it hangs instead of failing${shown}`);
  assert.notEqual(run.code, 0, `the run passed against the broken build${shown}`);
  assert.match(run.output, /ℹ pass 0\n/, `some test passed against the broken build${shown}`);
  assert.match(run.output, /ℹ fail [1-9]/, `no test reported a failure${shown}`);
  assert.ok(run.output.includes(brokenServerMessage), `the failure does not show the server's stderr ("${brokenServerMessage}")${shown}`);
  assert.match(run.output, what, `the failure does not say what was awaited${shown}`);
  assert.deepEqual(run.leftovers, [], 'processes of the run were still alive after it ended (now killed)');
}

describe('a deliberately broken build of the extension', { timeout: 5 * 60_000 }, () => {
  let dir: string;
  let build: BrokenBuild;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-broken-'));
    build = await makeBrokenBuild(path.join(dir, 'build'));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails the Neovim test at once, with the server exit and its stderr', async (t) => {
    const limitMs = 60_000;
    const run = await runTestFile('neovim/neovim.test.js', { CXENGAGE_E2E_SERVER: build.server }, dir, limitMs);
    t.diagnostic(`failed in ${(run.durationMs / 1000).toFixed(1)} s`);
    assertFailedClearly(run, limitMs, /the server exited \(code 3, signal 0\) while Neovim waited for its diagnostics/);
  });

  it('fails the code-server test at once, with the failed activation and the extension log', async (t) => {
    const limitMs = 100_000;
    const run = await runTestFile(
      'launch/codeServer.test.js',
      {
        CXENGAGE_E2E_VSIX: build.vsix,
        // One group of the in-editor suite is enough: its set-up waits for the server first.
        CXENGAGE_E2E_GREP: 'CxEngage Language Tools in VS Code diagnostics',
        CXENGAGE_E2E_SCREENSHOTS: path.join(dir, 'screenshots'),
      },
      dir,
      limitMs,
    );
    t.diagnostic(`failed in ${(run.durationMs / 1000).toFixed(1)} s`);
    assertFailedClearly(
      run,
      limitMs,
      /failed to activate while it waited for its language server \(dist\/server\.js\) to start/,
    );
    assert.match(run.output, /the extension did not start in the editor/, 'the workbench checks do not give the reason');
  });
});
