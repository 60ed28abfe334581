// The esbuild plugin of the browser build of the server, used by esbuild.mjs and bench/build.mjs.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const inRepo = (...segments) => path.join(repo, ...segments);

/**
 * The browser build has no disk: `service/resources.ts` is replaced by `browser/resources.ts`, and
 * the `cxengage:shipped` module it imports holds the schemas and built-in definitions as text.
 */
export const shippedInBundle = {
  name: 'cxengage-shipped',
  setup(build) {
    const nodeResources = inRepo('server/src/service/resources.ts');
    build.onResolve({ filter: /(^|\/)resources$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, `${args.path}.ts`);
      return resolved === nodeResources ? { path: inRepo('server/src/browser/resources.ts') } : undefined;
    });
    build.onResolve({ filter: /^cxengage:shipped$/ }, () => ({ path: 'shipped', namespace: 'cxengage-shipped' }));
    build.onLoad({ filter: /.*/, namespace: 'cxengage-shipped' }, () => {
      const text = (file) => readFileSync(file, 'utf8');
      const schemas = Object.fromEntries(
        readdirSync(inRepo('schemas')).filter((n) => n.endsWith('.schema.json')).map((n) => [n, text(inRepo('schemas', n))]),
      );
      const builtins = readdirSync(inRepo('schemas', 'builtin'))
        .filter((n) => n.endsWith('.integration.json'))
        .sort()
        .map((name) => ({ name, text: text(inRepo('schemas', 'builtin', name)) }));
      return {
        contents: `export const schemas = ${JSON.stringify(schemas)};\nexport const builtins = ${JSON.stringify(builtins)};`,
        loader: 'js',
        watchFiles: [...Object.keys(schemas).map((n) => inRepo('schemas', n)), ...builtins.map((b) => inRepo('schemas', 'builtin', b.name))],
      };
    });
  },
};
