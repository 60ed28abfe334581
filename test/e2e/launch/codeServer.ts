// One code-server session for the end-to-end tier: a fresh profile with the packaged
// extension and the suite runner installed, served on a free local port, on a copy of
// the fixture workspace (so quick fixes and edits never touch the repository).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { cacheDir, extensionVsix, fixtureWorkspace, repoRoot, runnerEntry, suiteIndex, tools } from './paths';
import { delay, runLogged, stopGroup, tail, trackGroup } from './processes';
import { node24Env } from './setup';
import type { RunnerReport } from '../runner/extension';

export interface SessionPaths {
  runDir: string;
  workspace: string;
  userData: string;
  extensions: string;
  config: string;
  results: string;
  log: string;
}

export class CodeServerSession {
  private exited: string | undefined;

  private constructor(
    readonly paths: SessionPaths,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    child.on('exit', (code, signal) => {
      this.exited = `code-server exited with ${code ?? signal}`;
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.paths.workspace)}`;
  }

  /**
   * Prepares a fresh profile, installs the extension (and the suite runner, unless `suite` is
   * false) and starts code-server on a copy of `workspace` (default: the fixture workspace).
   * `suiteFiles` narrows the in-editor suite to some of its files, or leaves some out.
   */
  static async start(options: { workspace?: string; suite?: boolean; suiteFiles?: SuiteFiles } = {}): Promise<CodeServerSession> {
    const withSuite = options.suite ?? true;
    for (const [file, hint] of [
      [tools.codeServerEntry, 'run `node out/test/e2e/launch/setup.js` (part of `npm run test:e2e`)'],
      [extensionVsix, 'run `npm run package`'],
      [suiteIndex, 'run `npm run compile-tests`'],
      [runnerEntry, 'run `npm run compile-tests`'],
    ])
      if (!fs.existsSync(file)) throw new Error(`missing ${file}: ${hint}`);

    const runDir = freshRunDir();
    const paths: SessionPaths = {
      runDir,
      workspace: path.join(runDir, 'workspace'),
      userData: path.join(runDir, 'user-data'),
      extensions: path.join(runDir, 'extensions'),
      config: path.join(runDir, 'config.yaml'),
      results: path.join(runDir, 'results.json'),
      log: path.join(runDir, 'code-server.log'),
    };
    fs.mkdirSync(path.join(paths.userData, 'User'), { recursive: true });
    fs.mkdirSync(paths.extensions, { recursive: true });
    fs.cpSync(options.workspace ?? fixtureWorkspace, paths.workspace, { recursive: true });
    fs.writeFileSync(path.join(paths.userData, 'User', 'settings.json'), JSON.stringify(quietSettings, null, 2));

    const port = await freePort();
    // Without --config, code-server writes a config with a password into the home folder.
    fs.writeFileSync(paths.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

    const runner = withSuite ? ['--install-extension', await packageRunner(runDir, paths.log)] : [];
    await runLogged(
      tools.node24,
      [tools.codeServerEntry, ...profileArgs(paths), '--install-extension', extensionVsix, ...runner],
      { env: node24Env(), logFile: paths.log, timeoutMs: 120_000, what: 'installing the extensions into code-server' },
    );

    const log = fs.openSync(paths.log, 'a');
    const child = spawn(
      tools.node24,
      [tools.codeServerEntry, ...profileArgs(paths), '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', paths.workspace],
      { env: { ...node24Env(), ...suiteFilesEnv(options.suiteFiles), CXENGAGE_E2E_RESULTS: paths.results }, stdio: ['ignore', log, log], detached: true },
    );
    fs.closeSync(log);
    trackGroup(child);
    const session = new CodeServerSession(paths, port, child);
    try {
      await session.waitUntilServing();
    } catch (err) {
      await session.stop();
      throw err;
    }
    return session;
  }

  /** Fails at once if code-server has died, with the end of its log. */
  assertRunning(): void {
    if (this.exited) throw new Error(`${this.exited}; log ${this.paths.log}:\n${tail(this.paths.log)}`);
  }

  private async waitUntilServing(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      this.assertRunning();
      if ((await httpStatus(`http://127.0.0.1:${this.port}/healthz`)) === 200) return;
      await delay(250);
    }
    throw new Error(`code-server did not answer on port ${this.port} within ${timeoutMs / 1000} s; log ${this.paths.log}:\n${tail(this.paths.log)}`);
  }

  /**
   * Waits for the runner extension's report: first for it to start (the workbench must be
   * open in a browser for the extension host to run), then for the suite to finish.
   */
  async waitForResults(startMs = 120_000, finishMs = 480_000): Promise<RunnerReport> {
    const read = (): RunnerReport | undefined =>
      fs.existsSync(this.paths.results) ? (JSON.parse(fs.readFileSync(this.paths.results, 'utf8')) as RunnerReport) : undefined;
    const started = Date.now();
    while (read() === undefined) {
      this.assertRunning();
      if (Date.now() - started > startMs)
        throw new Error(
          `the suite runner extension did not start within ${startMs / 1000} s of opening the workbench ` +
            `(no ${this.paths.results}); extension host log under ${this.paths.userData}/logs; code-server log:\n${tail(this.paths.log)}`,
        );
      await delay(250);
    }
    const running = Date.now();
    for (;;) {
      this.assertRunning();
      const report = read();
      if (report && report.state !== 'running') return report;
      if (Date.now() - running > finishMs)
        throw new Error(`the in-editor suite started but did not finish within ${finishMs / 1000} s (${this.paths.results} still says running)`);
      await delay(250);
    }
  }

  /** The end of the extension's own output channel log (the language client's), for failure messages. */
  serverLogTail(lines = 15): string {
    const logs = path.join(this.paths.userData, 'logs');
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (full.includes('cxengage.cxengage-language-tools') && entry.name.endsWith('.log')) found.push(full);
      }
    };
    walk(logs);
    if (found.length === 0) return `(no output log of the extension under ${logs})`;
    // Bundled sources make some lines huge; a line's start says enough.
    return found
      .map((file) => `${file}:\n${tail(file, lines).split('\n').map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l)).join('\n')}`)
      .join('\n');
  }

  async stop(): Promise<void> {
    await stopGroup(this.child);
  }
}

/** Files of the in-editor suite (`test/e2e/suite`), named without `.test.js`. */
export interface SuiteFiles {
  only?: readonly string[];
  except?: readonly string[];
}

/** The browser client's suite: `npm run test:browser` runs it in a session of its own. */
export const browserClientSuite = 'browserClient';

function suiteFilesEnv(files: SuiteFiles | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  if (files?.only) env.CXENGAGE_E2E_ONLY = files.only.join(',');
  if (files?.except) env.CXENGAGE_E2E_EXCEPT = files.except.join(',');
  return env;
}

/** A profile that starts straight into the workspace, with nothing else competing for focus. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'git.enabled': false,
  'files.hotExit': 'off',
  // The suite's edits must stay unsaved (the index has to follow unsaved text) and be reverted.
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
};

/**
 * A folder of this session's own, so that sessions of several test files or shells never
 * share a profile. A session's folder (logs, screenshots of state) stays after it ends and is
 * cleared when a later session starts and finds its process gone.
 */
function freshRunDir(): string {
  const runs = path.join(cacheDir, 'runs');
  fs.mkdirSync(runs, { recursive: true });
  for (const entry of fs.readdirSync(runs)) {
    const pid = Number(entry.split('-')[0]);
    if (pid !== process.pid && !processAlive(pid)) fs.rmSync(path.join(runs, entry), { recursive: true, force: true });
  }
  const dir = path.join(runs, `${process.pid}-${Date.now()}`);
  fs.mkdirSync(dir);
  return dir;
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function profileArgs(paths: SessionPaths): string[] {
  return ['--config', paths.config, '--user-data-dir', paths.userData, '--extensions-dir', paths.extensions];
}

/** Packages the runner extension: a manifest plus a one-line entry that loads the compiled runner. */
async function packageRunner(runDir: string, logFile: string): Promise<string> {
  const dir = path.join(runDir, 'runner-extension');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'cxengage-e2e-runner',
    displayName: 'CxEngage end-to-end suite runner',
    description: 'Runs the CxEngage end-to-end suite in the extension host.',
    publisher: 'cxengage-e2e',
    version: '0.0.1',
    license: 'MIT',
    engines: { vscode: '^1.91.0' },
    activationEvents: ['onStartupFinished'],
    // The suite runs with VS Code's defaults, so in Restricted Mode: the runner must run there too.
    capabilities: { untrustedWorkspaces: { supported: true } },
    main: './extension.js',
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'extension.js'), `module.exports = require(${JSON.stringify(runnerEntry)});\n`);
  fs.writeFileSync(path.join(dir, 'README.md'), '# CxEngage end-to-end suite runner\n\nRuns the suite when CXENGAGE_E2E_RESULTS is set.\n');
  const vsix = path.join(runDir, 'cxengage-e2e-runner.vsix');
  await runLogged(
    process.execPath,
    [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix],
    { cwd: dir, logFile, timeoutMs: 60_000, what: 'packaging the suite runner extension' },
  );
  return vsix;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}
