// Bounded polling for tests that wait on an editor or a server answering in its own time: a
// condition is probed until it holds, instead of sleeping a fixed time.

export interface Probe<T> {
  /** The value seen now, or undefined while the condition does not hold yet; may throw meanwhile. */
  (): T | undefined | Promise<T | undefined>;
}

export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** What was seen instead, for the timeout message. */
  describeLast?: () => string;
}

/**
 * Polls `probe` every `intervalMs` until it returns a value. After `timeoutMs` it fails with what
 * was awaited, what was seen instead, and the last exception a probe threw (kept even when later
 * probes returned nothing: a probe that threw once and then saw nothing says why), as the cause.
 */
export async function waitFor<T>(what: string, probe: Probe<T>, options: PollOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let attempts = 0;
  let lastError: { error: unknown; attempt: number } | undefined;
  for (;;) {
    attempts++;
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = { error, attempt: attempts };
    }
    if (Date.now() >= deadline) {
      const seen = options.describeLast?.() ?? '';
      const thrown = lastError === undefined ? '' : `; probe ${lastError.attempt} of ${attempts} threw: ${describeError(lastError.error)}`;
      throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}${seen ? `; saw: ${seen}` : ''}${thrown}`, {
        cause: lastError?.error,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
