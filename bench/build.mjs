// Bundles the benchmark (bench/main.ts and the service sources it measures) into out/bench/bench.js,
// and the language server as the extension ships it (minified, as `npm run build:prod` does) into
// out/bench/server.js: the server workloads run their own copy, whatever else rebuilds dist/.
// The browser builds (web worker server, browser extension) likewise, minified, into out/bench/browser/.
import * as esbuild from 'esbuild';
import { shippedInBundle } from '../scripts/shippedInBundle.mjs';

const node = {
  bundle: true,
  sourcemap: true,
  sourcesContent: false,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The JSON language service's UMD build hides its modules from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

/** As esbuild.mjs builds them for the browser, minified as `npm run build:prod` ships them. */
const browser = {
  bundle: true,
  minify: true,
  sourcemap: false,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['module', 'browser', 'main'],
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...node, entryPoints: ['bench/main.ts'], outfile: 'out/bench/bench.js', external: ['esbuild', 'playwright-core'] }),
  esbuild.build({ ...node, entryPoints: ['server/src/main.ts'], outfile: 'out/bench/server.js', minify: true }),
  esbuild.build({ ...browser, entryPoints: ['server/src/browserMain.ts'], outfile: 'out/bench/browser/server.js', format: 'iife', plugins: [shippedInBundle] }),
  esbuild.build({ ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'out/bench/browser/extension.js', format: 'cjs', external: ['vscode'] }),
]);
