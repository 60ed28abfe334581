// Durations of the flow language (`(delay 5 minutes)`, `(within 1 hours ...)`) and of event
// offsets (`"+30s"`), in milliseconds of virtual time.
import type { FlowNode } from '../flow/syntax/tree';
const unitMs: Readonly<Record<string, number>> = {
  second: 1000,
  seconds: 1000,
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

export function unitLength(unit: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(unitMs, unit) ? unitMs[unit] : undefined;
}

/** `5 minutes` as two forms: milliseconds, or undefined when they are not a number and a unit. */
export function durationOf(n: FlowNode | undefined, unit: FlowNode | undefined): number | undefined {
  if (n?.kind !== 'number' || unit?.kind !== 'symbol' || n.value < 0) return undefined;
  const size = unitLength(unit.name);
  return size === undefined ? undefined : n.value * size;
}

const offsetUnits: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `"+30s"`, `"+5m"`, `"+2h"`, `"+1d"` (also `"+250ms"`, `"+1.5h"`): milliseconds, or undefined. */
export function parseOffset(text: string): number | undefined {
  const m = /^\+(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  return m ? Math.round(Number(m[1]) * offsetUnits[m[2]]) : undefined;
}

/** A duration as the trace shows it: `90s` → `1m 30s`. */
export function showDuration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join(' ');
}

/** A virtual instant as the trace shows it: ISO-8601 in UTC. */
export function showTime(ms: number): string {
  return new Date(ms).toISOString();
}
