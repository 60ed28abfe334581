// Bundles the benchmark (bench/main.ts and the service sources it measures) into out/bench/bench.js,
// the same way esbuild.mjs bundles the server, so that in-process figures match the shipped code.
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['bench/main.ts'],
  outfile: 'out/bench/bench.js',
  bundle: true,
  sourcemap: true,
  sourcesContent: false,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  external: ['esbuild'],
  logLevel: 'warning',
});
