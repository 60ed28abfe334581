// Bundles the extension, the language server, the CLI and the preview webview script.
// Type checking is separate (`npm run typecheck`); esbuild only transpiles.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

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
  { entryPoints: ['client/src/simulation/traceMain.ts'], outfile: 'dist/trace.js' },
].map((b) => ({ ...common, ...b, format: 'iife', platform: 'browser', target: 'es2022' }));

const bundles = [...nodeBundles, ...webBundles].filter((b) => existsSync(b.entryPoints[0]));

if (watch) {
  for (const b of bundles) (await esbuild.context(b)).watch();
} else {
  await Promise.all(bundles.map((b) => esbuild.build(b)));
}
