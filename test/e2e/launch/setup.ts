// Installs the tools the end-to-end tier needs into .cache/e2e/ (Node 24 from the npm
// package `node`, then code-server built against it) and reuses them on later runs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromiumPath, cacheDir, tools, versions } from './paths';
import { runLogged } from './processes';

const minutes = 60_000;

/** PATH and npm settings under which code-server runs and its native modules build. */
export function node24Env(): NodeJS.ProcessEnv {
  // Under `npm run`, the outer npm's settings (npm_config_user_agent names Node 20, which
  // code-server's install script rejects) would reach the inner npm: leave them all out.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return {
    ...inherited,
    PATH: `${tools.node24Bin}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: tools.node24Headers,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

async function ensureNode24(logFile: string): Promise<void> {
  if (fs.existsSync(tools.node24) && fs.existsSync(path.join(tools.node24Headers, 'include', 'node', 'node.h'))) return;
  console.log(`e2e setup: installing Node ${versions.node} (npm package node@${versions.node}) into ${tools.node24Dir}`);
  fs.rmSync(tools.node24Dir, { recursive: true, force: true });
  fs.mkdirSync(tools.node24Dir, { recursive: true });
  fs.writeFileSync(path.join(tools.node24Dir, 'package.json'), '{ "private": true }\n');
  await runLogged('npm', ['install', '--no-save', '--no-audit', '--no-fund', `node@${versions.node}`], {
    cwd: tools.node24Dir,
    logFile,
    timeoutMs: 10 * minutes,
    what: `installing node@${versions.node}`,
  });
  if (!fs.existsSync(tools.node24)) throw new Error(`installing node@${versions.node}: no binary at ${tools.node24}; see ${logFile}`);
  if (!fs.existsSync(path.join(tools.node24Headers, 'include', 'node', 'node.h')))
    throw new Error(`installing node@${versions.node}: no headers under ${tools.node24Headers}; see ${logFile}`);
}

async function ensureCodeServer(logFile: string): Promise<void> {
  if (fs.existsSync(tools.codeServerStamp) && fs.existsSync(tools.codeServerEntry)) return;
  const headers = '/usr/include/gssapi/gssapi.h';
  if (!fs.existsSync(headers))
    throw new Error(`code-server's kerberos module needs the Debian package libkrb5-dev (${headers} is missing): apt-get install -y libkrb5-dev`);
  console.log(`e2e setup: installing code-server ${versions.codeServer} into ${tools.codeServerDir} (builds native modules; several minutes the first time)`);
  fs.rmSync(tools.codeServerDir, { recursive: true, force: true });
  fs.mkdirSync(tools.codeServerDir, { recursive: true });
  fs.writeFileSync(path.join(tools.codeServerDir, 'package.json'), '{ "private": true }\n');
  await runLogged('npm', ['install', '--no-save', '--no-audit', '--no-fund', `code-server@${versions.codeServer}`], {
    cwd: tools.codeServerDir,
    env: node24Env(),
    logFile,
    timeoutMs: 30 * minutes,
    what: `installing code-server@${versions.codeServer}`,
  });
  if (!fs.existsSync(tools.codeServerEntry))
    throw new Error(`installing code-server@${versions.codeServer}: no ${tools.codeServerEntry}; see ${logFile}`);
  fs.writeFileSync(tools.codeServerStamp, `${new Date().toISOString()}\n`);
}

function checkSystemTools(): void {
  const missing: string[] = [];
  if (!fs.existsSync(chromiumPath)) missing.push(`chromium (${chromiumPath})`);
  if (!process.env.PATH?.split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, 'nvim')))) missing.push('neovim (nvim)');
  if (missing.length > 0)
    throw new Error(
      `missing Debian packages: ${missing.join(', ')}; install the list: apt-get install -y $(grep -v '^#' test/e2e/debian-packages.txt)`,
    );
}

export async function setUp(): Promise<void> {
  const started = Date.now();
  fs.mkdirSync(cacheDir, { recursive: true });
  const logFile = path.join(cacheDir, 'setup.log');
  checkSystemTools();
  await ensureNode24(logFile);
  await ensureCodeServer(logFile);
  console.log(`e2e setup: Node ${versions.node} and code-server ${versions.codeServer} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  setUp().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
