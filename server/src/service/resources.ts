// Locates the files shipped beside the code (schemas, built-in definitions), whether running from
// a bundle in dist/ or from compiled sources in out/.
import * as fs from 'node:fs';
import * as path from 'node:path';

let root: string | undefined;

function extensionRoot(): string {
  if (root !== undefined) return root;
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'schemas', 'integration-definition.schema.json'))) return (root = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`schemas/ not found above ${__dirname}`);
    dir = parent;
  }
}

export function resourcePath(...segments: string[]): string {
  return segments.reduce((joined, segment) => path.join(joined, segment), extensionRoot());
}
