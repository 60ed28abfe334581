// The browser build's server inside this extension host: `startServer` with the browser host (files
// only through requests to the client), over a pair of in-process streams where vscode.dev gives
// it a web worker's postMessage. The Node extension host can make no web worker, and
// `vscode-languageserver/browser` does not load in Node, so the streams carry the same JSON-RPC.
import { PassThrough } from 'node:stream';
import { createConnection, createProtocolConnection, ProposedFeatures, WatchDog } from 'vscode-languageserver';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { MessageTransports } from 'vscode-languageclient';
import { browserHost } from '../../../server/src/browser/browserHost';
import { startServer } from '../../../server/src/server';

export interface InMemoryServer {
  /** The client's ends of the streams. */
  transports: MessageTransports;
  /** Closes the server's connection and its streams, once the client has stopped. */
  dispose(): void;
}

export function startInMemoryServer(): InMemoryServer {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // As in the web worker: `exit` ends nothing but the connection; this host must live on.
  let shutdownReceived = false;
  const watchDog: WatchDog = {
    initialize: () => undefined,
    get shutdownReceived() {
      return shutdownReceived;
    },
    set shutdownReceived(value: boolean) {
      shutdownReceived = value;
    },
    exit: () => undefined,
  };
  const connection = createConnection(
    (logger) => createProtocolConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient), logger),
    watchDog,
    ProposedFeatures.all,
  );
  startServer(connection, browserHost('the extension host, over in-memory streams'));
  return {
    transports: { reader: new StreamMessageReader(toClient), writer: new StreamMessageWriter(toServer) },
    dispose: () => {
      connection.dispose();
      toServer.end();
      toClient.end();
    },
  };
}
