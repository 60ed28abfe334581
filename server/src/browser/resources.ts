// The shipped files in the browser build: bundled at build time (esbuild.mjs puts this module in
// place of `service/resources.ts`), so the server in a web worker reads nothing and fetches nothing.
import { builtins, schemas } from 'cxengage:shipped';
import { builtinScheme } from '../protocol';
import type { ShippedFile } from '../service/shippedFile';

export function shippedSchema(name: string): string {
  const text = schemas[name];
  if (text === undefined) throw new Error(`schema ${name} is not in the bundle`);
  return text;
}

/** The built-in definitions; with no file to name them, under the built-ins' own scheme. */
export function shippedBuiltins(): ShippedFile[] {
  return builtins.map((b) => ({ name: b.name, text: b.text, uri: `${builtinScheme}:/${b.name}` }));
}
