// W7: start-up of the bundled server (spawn → `initialize` result, → first diagnostics of an open
// flow file) of the production build, and the size of each bundle minified as shipped.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { languageIds } from '../../server/src/service/documentKind';
import { BenchConfig } from '../config';
import { generateFlowFile } from '../generators';
import { LspSession } from '../lspSession';
import { stats } from '../measure';
import { ratio, row, times, WorkloadResult } from '../results';
import { repoRoot, serverPath } from './serverPaths';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** Size of an entry point bundled and minified the way `npm run build:prod` does, built in memory. */
async function minifiedSize(entry: string): Promise<number> {
  const result = await build({
    entryPoints: [path.join(repoRoot(), entry)],
    bundle: true,
    minify: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: ['vscode'],
    logLevel: 'silent',
  });
  return result.outputFiles.reduce((n, f) => n + f.contents.length, 0);
}

/** Spawn to exit of `node -e ""`: what any Node program pays before its first line runs. */
function bareNodeStart(): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - start));
  });
}

export async function runW7(config: BenchConfig): Promise<WorkloadResult> {
  const flow = generateFlowFile({ sends: 20, bytes: 4096, seed: config.seed });
  const uri = 'file:///bench/startup.cxflow';
  const initialize: number[] = [];
  const firstDiagnostics: number[] = [];
  const bareNode: number[] = [];
  let rss = NaN;
  const starts = Math.max(1, config.starts);
  for (let s = 0; s < starts + 1; s++) {
    const spawnedAt = performance.now();
    const session = await LspSession.start({ serverPath: serverPath() });
    await session.open(uri, languageIds.flow, flow.text);
    await session.diagnostics(uri);
    const diagnosticsAt = performance.now();
    // The first start warms the file cache of the OS; it is not counted.
    if (s > 0) {
      initialize.push(session.times.initializeMs);
      firstDiagnostics.push(diagnosticsAt - spawnedAt);
    }
    rss = session.rssMiB() ?? NaN;
    await session.stop();
    const bare = await bareNodeStart();
    if (s > 0) bareNode.push(bare);
  }

  const figures: Record<string, string> = { 'server RSS after start (MiB)': rss.toFixed(0) };
  figures['server bundle (minified, as shipped)'] = kib(fs.statSync(serverPath()).size);
  figures['cli bundle (minified)'] = kib(await minifiedSize('server/src/cli.ts'));
  figures['extension bundle (minified)'] = kib(await minifiedSize('client/src/extension.ts'));

  const init = stats(initialize);
  const initRow = row('ours: spawn → initialize result', 'ours', init);
  const bareRow = row('node start-up alone (spawn → exit of node -e "")', 'peer', stats(bareNode), 'bare node');
  const vsBare = ratio(initRow, bareRow);
  return {
    id: 'W7',
    title: 'start-up',
    input: { starts, 'open file bytes': flow.text.length, 'open file sends': flow.sends },
    rows: [
      initRow,
      row('ours: spawn → first diagnostics of an open flow', 'ours', stats(firstDiagnostics)),
      bareRow,
    ],
    figures,
    targets: [
      { target: 'W7 initialize within 1.4× of a bare node start', measured: `${times(vsBare)} (${init.median.toFixed(0)} ms)`, met: vsBare <= 1.4 },
    ],
  };
}
