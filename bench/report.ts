// The report of one run: the machine, a markdown table of every timed row with its ratio to each
// peer of the same workload, the targets met or missed, the other figures; and the same as JSON.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BenchConfig } from './config';
import { ms, ratio, times, WorkloadResult } from './results';

export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  memoryGiB: number;
  commit: string;
  date: string;
  /** 1, 5 and 15 minute load averages when the report was made: above the CPU count, figures are noisy. */
  loadAverage: number[];
}

export function describeMachine(root: string): Machine {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.execArgv.length > 0 ? `${process.version} (${process.execArgv.join(' ')})` : process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    commit,
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function ratioCell(result: WorkloadResult, index: number): string {
  const r = result.rows[index];
  if (r.role !== 'ours') return '';
  return result.rows
    .filter((p) => p.role === 'peer')
    .map((p) => `${times(ratio(r, p))} ${p.short}`)
    .join(', ');
}

export function markdownReport(results: WorkloadResult[], machine: Machine, config: BenchConfig): string {
  const lines: string[] = [];
  lines.push(`Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage.join(' ')}; commit ${machine.commit}; ${machine.date}${config.quick ? '; --quick' : ''}`);
  lines.push(`Reproduce: npm run bench${config.quick ? ' -- --quick' : ''} (seed ${config.seed}, ${config.warmup} warm-up + ${config.runs} timed runs per in-process candidate)`);
  lines.push('');
  lines.push('| workload | measure | median ms | p95 ms | runs | ours ÷ peer (median of per-round ratios) |');
  lines.push('| --- | --- | ---: | ---: | ---: | --- |');
  for (const result of results) {
    result.rows.forEach((r, i) => {
      lines.push(`| ${result.id} ${result.title} | ${r.measure} | ${ms(r.stats.median)} | ${ms(r.stats.p95)} | ${r.stats.runs} | ${ratioCell(result, i)} |`);
    });
  }
  const targets = results.flatMap((r) => r.targets);
  if (targets.length > 0) {
    lines.push('', '| target | measured | met |', '| --- | --- | --- |');
    for (const t of targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`);
  }
  lines.push('');
  for (const result of results) {
    const input = Object.entries(result.input).map(([k, v]) => `${k} ${v}`).join(', ');
    const figures = Object.entries(result.figures).map(([k, v]) => `${k}: ${v}`).join('; ');
    lines.push(`- ${result.id} input: ${input}${figures ? `. ${figures}` : ''}`);
  }
  return lines.join('\n');
}

/** Writes the run as JSON under `dir`; returns the file written. */
export function writeJson(dir: string, results: WorkloadResult[], machine: Machine, config: BenchConfig): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = machine.date.replace(/[:.]/g, '-');
  const file = path.join(dir, `bench-${stamp}${config.quick ? '-quick' : ''}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ machine, config, results }, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify({ machine, config, results }, null, 2)}\n`);
  return file;
}
