// Entry point of the language server in a web worker (vscode.dev, github.dev): LSP over the
// worker's postMessage, files through the editor, schemas and built-ins bundled in.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { browserHost } from './browser/browserHost';
import { startServer } from './server';

// The worker's global scope: it posts and receives messages as a Worker does from the other side.
const worker = self as unknown as Worker;
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
startServer(connection, browserHost('a web worker'));
