// A deliberately broken build of the extension: the real bundles and manifest, except that
// dist/server.js writes a message to stderr and exits at once, packaged like the real one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';
import { runLogged } from './processes';

/** What the broken server writes to stderr before it exits; failure messages must show it. */
export const brokenServerMessage = 'cxengage broken build: this language server exits before it starts';

// process.exit, not exitCode: the IPC channel to VS Code would keep the process alive.
// Writes to a pipe are synchronous on Linux, so the message is out before the exit.
export const brokenServerSource =
  `process.stderr.write(${JSON.stringify(`${brokenServerMessage}\n`)});\n` + `process.exit(3);\n`;

export interface BrokenBuild {
  dir: string;
  /** dist/server.js of the broken build, for editors that start the server themselves. */
  server: string;
  /** The broken build packaged as a .vsix, for code-server. */
  vsix: string;
}

/** What the real package ships (see .vscodeignore, which is copied along and applies again). */
const shipped = ['package.json', '.vscodeignore', 'EXTENSION.md', 'CHANGELOG.md', 'LICENSE', 'dist', 'schemas', 'syntaxes', 'media', 'examples'];

/** Copies the built extension into `dir`, breaks its server and packages it with vsce. */
export async function makeBrokenBuild(dir: string): Promise<BrokenBuild> {
  const builtServer = path.join(repoRoot, 'dist', 'server.js');
  if (!fs.existsSync(builtServer)) throw new Error(`missing ${builtServer}: run \`npm run package\``);
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of shipped) {
    const from = path.join(repoRoot, entry);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(dir, entry), { recursive: true, filter: (file) => !file.endsWith('.vsix') && !file.endsWith('.map') });
  }
  // vsce would run vscode:prepublish (a rebuild from sources this copy lacks).
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts?: unknown };
  delete manifest.scripts;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  const server = path.join(dir, 'dist', 'server.js');
  fs.writeFileSync(server, brokenServerSource);

  const vsix = path.join(dir, 'cxengage-language-tools-broken.vsix');
  await runLogged(
    process.execPath,
    [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--readme-path', 'EXTENSION.md', '-o', vsix],
    { cwd: dir, logFile: path.join(dir, 'package.log'), timeoutMs: 60_000, what: 'packaging the broken build of the extension' },
  );
  return { dir, server, vsix };
}
