// A temporary workspace folder holding some files, with the bundled server started on it and the
// files open in it: the set-up of LSP suites that edit a few documents.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient, fileUri } from './lspClient';

export interface OpenWorkspace {
  client: TestClient;
  folder: string;
  /** The URI of a file of the workspace, by its name. */
  uri(name: string): string;
  /** Stops the server and removes the folder. */
  dispose(): Promise<void>;
}

/** Writes `files` (name → language id and text) to a new folder, starts the server there and opens them. */
export async function openWorkspace(prefix: string, files: Record<string, { languageId: string; text: string }>): Promise<OpenWorkspace> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, file] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), file.text);
  const client = await TestClient.start({ rootPath: folder, settings: {} });
  const uri = (name: string) => fileUri(path.join(folder, name));
  for (const [name, file] of Object.entries(files)) await client.open(uri(name), file.languageId, file.text);
  return {
    client,
    folder,
    uri,
    dispose: async () => {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
