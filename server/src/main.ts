// Entry point of the language server: `node dist/server.js --stdio` (or --node-ipc, --socket=N)
// serves any LSP client.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { DiskFileAccess } from './node/diskFileAccess';
import { startServer } from './server';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write('Usage: node dist/server.js --stdio | --node-ipc | --socket=<port>\nCxEngage language server (LSP).\n');
  process.exit(0);
}
if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('cxengage language server: choose a transport: --stdio, --node-ipc or --socket=<port>\n');
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);
startServer(connection, { files: () => new DiskFileAccess(), name: `Node ${process.version}` });
