// What a language server session recorded that means a handler failed: the server answers a
// throwing handler with an empty result and an error log line, so a test must look at the logs.
import { AssertionError } from 'node:assert/strict';
import { MessageType } from 'vscode-languageserver-protocol';

/** One window/logMessage notification as the client received it. */
export interface LogEntry {
  type: MessageType;
  message: string;
}

/**
 * The failures among a session's logs and stderr: every error-level log line (a handler's
 * `<name> failed: <stack>`, a refused refresh, unreadable settings) and any output on stderr,
 * which the server never writes to while it runs.
 */
export function serverFailures(logs: readonly LogEntry[], stderr: string): string[] {
  const failures = logs.filter((l) => l.type === MessageType.Error).map((l) => l.message);
  if (stderr.trim() !== '') failures.push(`stderr: ${stderr.trim()}`);
  return failures;
}

/** Fails listing every failure with its stack, so that the test report shows where it broke. */
export function assertNoServerFailures(logs: readonly LogEntry[], stderr: string): void {
  const failures = serverFailures(logs, stderr);
  if (failures.length === 0) return;
  throw new AssertionError({ message: `the server logged ${failures.length} failure${failures.length === 1 ? '' : 's'}:\n${failures.join('\n')}` });
}
