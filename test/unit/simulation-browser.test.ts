// The simulator must run in a browser build: bundled for the browser, it needs nothing of Node.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from '../support/lspClient';

describe('simulator module', () => {
  it('bundles for the browser without any Node module', async () => {
    const result = await esbuild.build({
      entryPoints: [path.join(repoRoot, 'server', 'src', 'service', 'simulation', 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      mainFields: ['module', 'main'],
      write: false,
      logLevel: 'silent',
    });
    assert.deepEqual(result.errors, []);
    const code = result.outputFiles[0].text;
    assert.ok(!/\brequire\("(node:)?(fs|path|os|child_process)"\)/.test(code));
  });
});
