// Ends a language server child process the polite way (shutdown, exit), and for sure (SIGKILL
// after a bounded wait): shared by the protocol tests and the benchmarks.
import type { ChildProcess } from 'node:child_process';
import { ExitNotification, ProtocolConnection, ShutdownRequest } from 'vscode-languageserver-protocol/node';

const graceMs = 2000;

export async function stopServerProcess(connection: ProtocolConnection, child: ChildProcess): Promise<void> {
  try {
    await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, graceMs))]);
    await connection.sendNotification(ExitNotification.type);
  } catch {
    // the server may already be gone
  }
  connection.dispose();
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
