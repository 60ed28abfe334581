// The failure check of the protocol tests on recorded sessions: error logs and stderr fail a
// session; information, warnings and the settings messages a user sees do not.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MessageType } from 'vscode-languageserver-protocol';
import { assertNoServerFailures, LogEntry, serverFailures } from '../support/serverFailures';

const handlerFailure = "completion failed: TypeError: Cannot read properties of undefined (reading 'kind')\n    at completeInRegion (dist/server.js:1:2)";

describe('server failures in a recorded session', () => {
  it('an error log line is a failure; warnings, information and log lines are not', () => {
    const logs: LogEntry[] = [
      { type: MessageType.Info, message: 'indexed 3 definitions' },
      { type: MessageType.Warning, message: 'cxengage.diagnostics.severity: unknown diagnostic code "x" is ignored' },
      { type: MessageType.Log, message: 'completion failed: only a word in a log line' },
      { type: MessageType.Error, message: handlerFailure },
      { type: MessageType.Error, message: 'diagnostic refresh refused: Error: no' },
    ];
    assert.deepEqual(serverFailures(logs, ''), [handlerFailure, 'diagnostic refresh refused: Error: no']);
    assert.throws(
      () => assertNoServerFailures(logs, ''),
      (error: Error) => error.message === `the server logged 2 failures:\n${handlerFailure}\ndiagnostic refresh refused: Error: no`,
    );
  });

  it('anything on stderr is a failure', () => {
    assert.deepEqual(serverFailures([], 'Error: listen EADDRINUSE\n'), ['stderr: Error: listen EADDRINUSE']);
    assert.throws(() => assertNoServerFailures([], 'x'), /^AssertionError \[ERR_ASSERTION\]: the server logged 1 failure:\nstderr: x$/);
  });

  it('a quiet session passes', () => {
    assert.deepEqual(serverFailures([{ type: MessageType.Info, message: 'ready' }], '  \n'), []);
    assert.doesNotThrow(() => assertNoServerFailures([], ''));
  });
});
