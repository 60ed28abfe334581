// Timing: a workload runs a few times unmeasured (JIT warm-up), then `runs` times measured; the
// figures are the median and 95th percentile of those samples, in milliseconds.
import { performance } from 'node:perf_hooks';

export interface Stats {
  /** Every sample, in the order taken (round by round when candidates were interleaved). */
  samples: number[];
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of ascending samples (p in 0..100). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { samples, runs: sorted.length, median, p95: percentile(sorted, 95), min: sorted[0], max: sorted[sorted.length - 1] };
}

export interface MeasureOptions {
  warmup: number;
  runs: number;
}

/** Times `run` (sync or async) `runs` times after `warmup` untimed calls; `run` gets the iteration number. */
export async function measure(options: MeasureOptions, run: (iteration: number) => unknown): Promise<Stats> {
  let iteration = 0;
  for (let i = 0; i < options.warmup; i++) await run(iteration++);
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = performance.now();
    await run(iteration++);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

/** Times one call (sync or async), in milliseconds. */
export async function timeOnce<T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/**
 * Times several candidates round-robin (one run of each per round, the order rotating), so that
 * a noisy neighbour on a shared machine slows every candidate alike and the ratios hold.
 */
export async function compare<K extends string>(options: MeasureOptions, candidates: Record<K, (iteration: number) => unknown>): Promise<Record<K, Stats>> {
  const names = Object.keys(candidates) as K[];
  const samples = new Map<K, number[]>(names.map((n) => [n, []]));
  let iteration = 0;
  for (let round = 0; round < options.warmup + options.runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const start = performance.now();
      await candidates[name](iteration++);
      const elapsed = performance.now() - start;
      if (round >= options.warmup) samples.get(name)!.push(elapsed);
    }
  }
  return Object.fromEntries(names.map((n) => [n, stats(samples.get(n)!)])) as Record<K, Stats>;
}
