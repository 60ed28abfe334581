// Bundles the extension, the language server, the CLI and the preview webview script, and the
// browser builds of the extension and the server (web worker) for vscode.dev and github.dev.
// Type checking is separate (`npm run typecheck`); esbuild only transpiles.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  // The server and the CLI report the package's version, read here once rather than at run time.
  define: { CXENGAGE_VERSION: JSON.stringify(version) },
};

const nodeBundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
].map((b) => ({
  ...common,
  ...b,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The JSON language service's UMD build hides its modules from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
}));

const webBundles = [
  { entryPoints: ['client/src/preview/main.ts'], outfile: 'dist/preview.js' },
].map((b) => ({ ...common, ...b, format: 'iife', platform: 'browser', target: 'es2022' }));

/**
 * The browser build has no disk: `service/resources.ts` is replaced by `browser/resources.ts`, and
 * the `cxengage:shipped` module it imports holds the schemas and built-in definitions as text.
 */
const shippedInBundle = {
  name: 'cxengage-shipped',
  setup(build) {
    const nodeResources = path.resolve('server/src/service/resources.ts');
    build.onResolve({ filter: /(^|\/)resources$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, `${args.path}.ts`);
      return resolved === nodeResources ? { path: path.resolve('server/src/browser/resources.ts') } : undefined;
    });
    build.onResolve({ filter: /^cxengage:shipped$/ }, () => ({ path: 'shipped', namespace: 'cxengage-shipped' }));
    build.onLoad({ filter: /.*/, namespace: 'cxengage-shipped' }, () => {
      const text = (file) => readFileSync(file, 'utf8');
      const schemas = Object.fromEntries(
        readdirSync('schemas').filter((n) => n.endsWith('.schema.json')).map((n) => [n, text(path.join('schemas', n))]),
      );
      const builtins = readdirSync('schemas/builtin')
        .filter((n) => n.endsWith('.integration.json'))
        .sort()
        .map((name) => ({ name, text: text(path.join('schemas/builtin', name)) }));
      return {
        contents: `export const schemas = ${JSON.stringify(schemas)};\nexport const builtins = ${JSON.stringify(builtins)};`,
        loader: 'js',
        watchFiles: [...Object.keys(schemas).map((n) => path.resolve('schemas', n)), ...builtins.map((b) => path.resolve('schemas/builtin', b.name))],
      };
    });
  },
};

const browserHostBundles = [
  // The extension in the browser's extension host (a web worker itself): CommonJS, `vscode` given.
  { entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browser/extension.js', format: 'cjs', external: ['vscode'] },
  // The server in a web worker of its own.
  { entryPoints: ['server/src/browserMain.ts'], outfile: 'dist/browser/server.js', format: 'iife', plugins: [shippedInBundle] },
  // The JSON language service's `browser` and `main` fields name its UMD build, which hides its modules from the bundler.
].map((b) => ({ ...common, ...b, platform: 'browser', target: 'es2022', mainFields: ['module', 'browser', 'main'] }));

const bundles = [...nodeBundles, ...webBundles, ...browserHostBundles].filter((b) => existsSync(b.entryPoints[0]));

if (watch) {
  for (const b of bundles) (await esbuild.context(b)).watch();
} else {
  await Promise.all(bundles.map((b) => esbuild.build(b)));
}
