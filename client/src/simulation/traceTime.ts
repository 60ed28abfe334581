// Virtual instants as the trace panel and the send form show them.

/** `2026-03-02 09:45:00`, milliseconds only when there are some. */
export function showTime(at: number): string {
  if (!Number.isFinite(at)) return String(at);
  return new Date(at).toISOString().replace('T', ' ').replace(/\.000Z$/, '').replace(/Z$/, '');
}
