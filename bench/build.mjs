// Bundles the benchmark (bench/main.ts and the service sources it measures) into out/bench/bench.js,
// and the language server as the extension ships it (minified, as `npm run build:prod` does) into
// out/bench/server.js: the server workloads run their own copy, whatever else rebuilds dist/.
import * as esbuild from 'esbuild';

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

await Promise.all([
  esbuild.build({ ...node, entryPoints: ['bench/main.ts'], outfile: 'out/bench/bench.js', external: ['esbuild'] }),
  esbuild.build({ ...node, entryPoints: ['server/src/main.ts'], outfile: 'out/bench/server.js', minify: true }),
]);
