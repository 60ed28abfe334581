// A second LSP editor: headless Neovim (0.7, its built-in client) starts the bundled
// server over stdio, opens fixture files and must receive the same diagnostics as VS Code.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { expectedDiagnostics, fixtureFiles } from '../expectations';
import { fixtureWorkspace, repoRoot } from '../launch/paths';
import { stopGroup, tail, trackGroup } from '../launch/processes';

interface NeovimReport {
  settled: boolean;
  diagnostics: Record<string, string[] | null>;
  completion: string[];
  errors: string[];
  server_exit?: { code: number; signal: number };
  /** The end of Neovim's LSP log, where the server's stderr lands. */
  lspLog?: string;
}

/** The bundled server; CXENGAGE_E2E_SERVER points at another build of it. */
const serverPath = process.env.CXENGAGE_E2E_SERVER ?? path.join(repoRoot, 'dist', 'server.js');
const script = path.join(repoRoot, 'test', 'e2e', 'neovim', 'lsp-session.lua');
const waitMs = 30_000;

const documents = [
  { file: fixtureFiles.definition, filetype: 'cxengage-integration', expected: [...expectedDiagnostics.definition].sort() },
  { file: fixtureFiles.flow, filetype: 'cxflow', expected: [...expectedDiagnostics.flow].sort() },
  { file: fixtureFiles.pattern, filetype: 'cxengage-pattern', expected: [...expectedDiagnostics.pattern].sort() },
];

/** Runs the Lua session in headless Neovim, bounded in time, and reads its report. */
async function runNeovim(): Promise<NeovimReport> {
  assert.ok(fs.existsSync(serverPath), `missing ${serverPath}: run \`npm run build\``);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-nvim-'));
  const resultsPath = path.join(dir, 'results.json');
  const logPath = path.join(dir, 'nvim.log');
  const flowLines = fs.readFileSync(path.join(fixtureWorkspace, fixtureFiles.flow), 'utf8').split('\n');
  const line = flowLines.findIndex((l) => l.includes(':body "Bye" }'));
  const completion = { file: fixtureFiles.flow, line, character: flowLines[line].indexOf('}', flowLines[line].indexOf(':body')) };
  const log = fs.openSync(logPath, 'w');
  const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], {
    cwd: fixtureWorkspace,
    env: {
      ...process.env,
      CXENGAGE_SERVER: serverPath,
      CXENGAGE_WORKSPACE: fixtureWorkspace,
      CXENGAGE_RESULTS: resultsPath,
      CXENGAGE_TIMEOUT_MS: String(waitMs),
      CXENGAGE_DOCUMENTS: JSON.stringify(documents),
      CXENGAGE_COMPLETION: JSON.stringify(completion),
      // Neovim's LSP log (with the server's stderr) and state stay in the run's folder, not in the home folder.
      XDG_CACHE_HOME: path.join(dir, 'cache'),
      XDG_STATE_HOME: path.join(dir, 'state'),
      XDG_DATA_HOME: path.join(dir, 'data'),
    },
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  trackGroup(child);
  const limitMs = 2 * waitMs + 30_000;
  const exit = await new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve(`still running after ${limitMs / 1000} s`), limitMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve(`could not start nvim: ${err.message} (install the Debian package neovim)`);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? '' : `exited with ${code ?? signal}`);
    });
  });
  // Neovim ends its servers when it quits; this also ends them when it did not quit.
  await stopGroup(child);
  assert.ok(fs.existsSync(resultsPath), `headless Neovim wrote no report (${exit || 'exited'}); its output in ${logPath}:\n${tail(logPath)}`);
  const report = JSON.parse(fs.readFileSync(resultsPath, 'utf8')) as NeovimReport;
  report.lspLog = tail(path.join(dir, 'cache', 'nvim', 'lsp.log'), 15);
  fs.rmSync(dir, { recursive: true, force: true });
  return report;
}

describe('the language server in headless Neovim', { timeout: 3 * 60_000 }, () => {
  let report: NeovimReport | undefined;
  const session = async (): Promise<NeovimReport> => (report ??= await runNeovim());

  it('starts without errors on the client side', async () => {
    const { errors, server_exit, lspLog } = await session();
    assert.equal(server_exit, undefined, `the server exited (code ${server_exit?.code}, signal ${server_exit?.signal}) while Neovim waited for its diagnostics; Neovim's LSP log ends with:\n${lspLog}`);
    assert.deepEqual(errors, [], `errors in the Neovim session; its LSP log ends with:\n${lspLog}`);
  });

  for (const doc of documents)
    it(`publishes the diagnostics of ${doc.file}`, async () => {
      const { diagnostics } = await session();
      assert.deepEqual(diagnostics[doc.file], doc.expected, `diagnostics (line:code) Neovim received for ${doc.file}`);
    });

  it('completes a missing field inside a params map', async () => {
    const { completion } = await session();
    assert.ok(completion.some((label) => /^:?priority$/.test(label)), `no priority among [${completion.join(', ')}]`);
    assert.ok(!completion.some((label) => /^:?(to|body)$/.test(label)), `present fields offered: [${completion.join(', ')}]`);
  });
});
