// The files shipped beside the code (schemas, built-in definitions), read from the disk whether
// running from a bundle in dist/ or from compiled sources in out/. The browser build replaces this
// module with `browser/resources.ts`, which has the same files bundled in.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { ShippedFile } from './shippedFile';

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

/** The text of a schema in `schemas/`, by file name. */
export function shippedSchema(name: string): string {
  return fs.readFileSync(resourcePath('schemas', name), 'utf8');
}

/** The built-in definitions of `schemas/builtin`, by name, under their files' uris. */
export function shippedBuiltins(): ShippedFile[] {
  const dir = resourcePath('schemas', 'builtin');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.integration.json'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return { name, uri: URI.file(file).toString(), text: fs.readFileSync(file, 'utf8') };
    });
}
