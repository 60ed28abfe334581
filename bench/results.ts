// What a workload reports: its input, timed rows (ours and the peers beside it), other figures
// (memory, sizes, counts), and each target of the issue with whether this run met it.
import { Stats } from './measure';

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

export function ratio(ours: TimedRow | Stats, peer: TimedRow | Stats): number {
  const a = 'stats' in ours ? ours.stats : ours;
  const b = 'stats' in peer ? peer.stats : peer;
  return a.median / b.median;
}

export function row(measure: string, role: TimedRow['role'], stats: Stats, short = measure): TimedRow {
  return { measure, short, role, stats };
}

export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3));
export const times = (r: number) => `${r.toFixed(2)}×`;
