// `npm run bench`: generates the inputs, runs the workloads W1–W12 of the benchmark (W2 and W4 on a
// 4.2 program too) in one process (the server ones against dist/server.js over stdio, W11 the web
// worker build in headless Chromium), prints the markdown report and saves JSON.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { serverNodeOptions } from '../server/src/nodeOptions';
import { parseFlags } from './config';
import { describeMachine, markdownReport, writeJson } from './report';
import { WorkloadResult } from './results';
import { runW1 } from './workloads/w1Definition';
import { runW2, w2Input, w2Input42, w2Variants } from './workloads/w2Flow';
import { runW3 } from './workloads/w3Pattern';
import { runW4, w4Variants } from './workloads/w4Typing';
import { runW5 } from './workloads/w5Features';
import { runW6 } from './workloads/w6Workspace';
import { runW6Rename } from './workloads/w6Rename';
import { runW7 } from './workloads/w7Startup';
import { runW8 } from './workloads/w8Format';
import { runW9 } from './workloads/w9Hostile';
import { runW10 } from './workloads/w10Simulation';
import { runW11 } from './workloads/w11Browser';
import { runW12 } from './workloads/w12Tokens';
import { repoRoot } from './workloads/serverPaths';

/**
 * The in-process workloads run under the Node options the server runs with (the server ones get
 * them from `LspSession`): started without them, the benchmark runs itself again with them.
 */
function rerunWithServerOptions(): boolean {
  if (serverNodeOptions.every((option) => process.execArgv.includes(option))) return false;
  const args = serverNodeOptions.concat(process.execArgv, [process.argv[1]], process.argv.slice(2));
  const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
  process.exitCode = child.status ?? 1;
  return true;
}

async function main(): Promise<void> {
  if (rerunWithServerOptions()) return;
  const config = parseFlags(process.argv.slice(2));
  const started = Date.now();
  const wanted = (id: string) => config.only.includes(id);
  const results: WorkloadResult[] = [];
  const run = async (id: string, work: () => Promise<WorkloadResult>) => {
    if (!wanted(id)) return;
    const t = Date.now();
    process.stderr.write(`${id}...`);
    const result = await work();
    process.stderr.write(` ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
    results.push(result);
  };

  const flow = w2Input(config);
  await run('W1', () => runW1(config));
  await run('W2', () => runW2(config, flow));
  const flow42 = wanted('W2-4.2') || wanted('W4-4.2') || wanted('W12') ? w2Input42(config) : undefined;
  if (flow42 !== undefined) await run('W2-4.2', () => runW2(config, flow42, w2Variants['4.2']));
  await run('W3', () => runW3(config));
  const w2 = results.find((r) => r.id === 'W2')?.rows[0].stats;
  await run('W4', () => runW4(config, flow, w2));
  const w242 = results.find((r) => r.id === 'W2-4.2')?.rows[0].stats;
  if (flow42 !== undefined) await run('W4-4.2', () => runW4(config, flow42, w242, w4Variants['4.2']));
  await run('W5', () => runW5(config, flow));
  await run('W6', () => runW6(config));
  await run('W6-RENAME', () => runW6Rename(config));
  await run('W7', () => runW7(config));
  await run('W8', () => runW8(config, flow));
  await run('W9', () => runW9(config));
  await run('W10', () => runW10(config));
  await run('W11', () => runW11(config));
  await run('W12', () => runW12(config, flow, flow42 ?? w2Input42(config)));

  const machine = describeMachine(repoRoot());
  process.stdout.write(`${markdownReport(results, machine, config)}\n`);
  const file = writeJson(path.join(repoRoot(), config.out), results, machine, config);
  process.stdout.write(`\nWhole run ${((Date.now() - started) / 1000).toFixed(0)} s; JSON in ${path.relative(repoRoot(), file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
