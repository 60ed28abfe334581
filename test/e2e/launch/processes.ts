// Child processes for the end-to-end tier: every run is bounded in time, and every
// long-lived child is started in its own process group so that it can be ended whole.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BoundedRun extends RunResult {
  /** Set when the command outlived its time limit and was stopped. */
  timedOut: boolean;
  durationMs: number;
}

/**
 * Runs a command in its own process group with its output appended to `logFile`, and ends
 * the whole group when it outlives `timeoutMs`; resolves however the command ended.
 */
export function runBounded(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { logFile: string; timeoutMs: number },
): Promise<BoundedRun> {
  const { logFile, timeoutMs, ...spawnOptions } = options;
  const log = fs.openSync(logFile, 'a');
  fs.writeSync(log, `\n$ ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', log, log], detached: true });
  trackGroup(child);
  return new Promise<BoundedRun>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      fs.closeSync(log);
      reject(new Error(`could not start ${command}: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      fs.closeSync(log);
      resolve({ code, signal, timedOut, durationMs: Date.now() - started });
    });
  });
}

/**
 * Runs a command to completion with its output appended to `logFile`; rejects with the
 * log's tail when it fails or outlives `timeoutMs`.
 */
export async function runLogged(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { logFile: string; timeoutMs: number; what: string },
): Promise<void> {
  const { what, ...runOptions } = options;
  const { logFile, timeoutMs } = options;
  const run = await runBounded(command, args, runOptions).catch((err: Error) => {
    throw new Error(`${what}: ${err.message}`);
  });
  if (run.timedOut) throw new Error(`${what}: still running after ${Math.round(timeoutMs / 1000)} s, stopped.\n${tail(logFile)}`);
  if (run.code !== 0) throw new Error(`${what}: ${command} exited with ${run.code ?? run.signal}. Log: ${logFile}\n${tail(logFile)}`);
}

/** The last lines of a log, for failure messages. */
export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no log at ${file})`;
  }
}

const groups = new Set<ChildProcess>();
let exitHooked = false;

/**
 * Remembers a long-lived child started with `detached: true`, so that its whole group is
 * ended even when this process is interrupted or dies first (a detached group does not
 * receive the terminal's Ctrl+C).
 */
export function trackGroup(child: ChildProcess): void {
  groups.add(child);
  child.once('exit', () => groups.delete(child));
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const c of groups) killGroup(c, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => {
      for (const c of groups) killGroup(c, 'SIGKILL');
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
}

/** Ends a child started with `detached: true` together with everything it started. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Ends a process group and waits (bounded) for its leader to exit, escalating to SIGKILL. */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), delay(graceMs).then(() => true)]);
  // The leader may be gone while children of the group linger; SIGKILL the group either way.
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Nothing left.
  }
  if (timedOut) await Promise.race([exited, delay(graceMs)]);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface ProcessInfo {
  pid: number;
  command: string;
}

/**
 * The live processes whose environment holds `name=value` (read from /proc, so Linux only).
 * Every descendant of a run inherits its environment, so this finds what a run left behind
 * even after the processes were re-parented away from it.
 */
export function processesWithEnv(name: string, value: string): ProcessInfo[] {
  const wanted = `${name}=${value}`;
  const found: ProcessInfo[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (!fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(wanted)) continue;
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid, command: command.length > 200 ? `${command.slice(0, 200)}…` : command });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}
