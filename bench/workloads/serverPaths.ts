// Where the repository and the benchmark's build of the server are, from this bundle (out/bench/)
// or the compiled sources.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/** The production build of the server that bench/build.mjs makes beside the benchmark. */
export function serverPath(): string {
  const file = path.join(repoRoot(), 'out', 'bench', 'server.js');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run node bench/build.mjs first`);
  return file;
}
