// What a workload reports: its input, timed rows (ours and the peers beside it), other figures
// (memory, sizes, counts), and each target of the issue with whether this run met it.
import { Stats, stats } from './measure';

export interface TimedRow {
  measure: string;
  /** How ratio columns name a peer. */
  short: string;
  /** Ours are compared with every peer of the same workload. */
  role: 'ours' | 'peer';
  stats: Stats;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export interface WorkloadResult {
  id: string;
  title: string;
  input: Record<string, string | number>;
  rows: TimedRow[];
  figures: Record<string, string | number>;
  targets: TargetCheck[];
}

/**
 * How many times the peer's time ours takes. Samples taken round by round (the same count) are
 * paired: the median of the per-round ratios, which a burst of load on a shared machine moves
 * far less than the ratio of the two medians (the fallback for unpaired samples).
 */
export function ratio(ours: TimedRow | Stats, peer: TimedRow | Stats): number {
  const a = 'stats' in ours ? ours.stats : ours;
  const b = 'stats' in peer ? peer.stats : peer;
  if (a.samples.length === 0 || a.samples.length !== b.samples.length) return a.median / b.median;
  return stats(a.samples.map((x, i) => x / b.samples[i])).median;
}

export function row(measure: string, role: TimedRow['role'], stats: Stats, short = measure): TimedRow {
  return { measure, short, role, stats };
}

export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3));
export const times = (r: number) => `${r.toFixed(2)}×`;
