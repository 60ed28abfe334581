// What the browser build of the server runs with: files through requests to the editor, since a
// web worker has no disk. The worker's entry uses it, and so does the in-editor test that runs the
// same server over in-memory streams where no worker can be made.
import type { Connection } from 'vscode-languageserver';
import type { ServerHost } from '../server';
import { ClientFileAccess } from './clientFileAccess';

export function browserHost(name: string): ServerHost {
  return { files: (connection: Connection) => new ClientFileAccess(connection), name };
}
