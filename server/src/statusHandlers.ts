// Requests for the editor's own display of the server: the text of a built-in definition (shown
// read-only under its own scheme) and the facts of the status item; and the log lines that say
// what the server read.
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { BuiltinDefinitionRequest, ServerStatus, StatusRequest } from './protocol';
import { safeHandler } from './safeHandler';
import type { LanguageService } from './service/languageService';
import { Definition } from './service/definitions/model';
import { serverVersion } from './version';

/** `ready`: settles once the built-ins and the workspace definitions have been read. */
export function registerStatusHandlers(connection: Connection, service: LanguageService, ready: () => Promise<void>): void {
  const log = { error: (message: string) => connection.console.error(message) };
  connection.onRequest(
    BuiltinDefinitionRequest,
    safeHandler(log, 'built-in definition', null, (params: unknown) => {
      const uri = (params as { uri?: unknown } | null)?.uri;
      return typeof uri === 'string' ? (service.builtins.text(uri) ?? null) : null;
    }),
  );
  connection.onRequest(
    StatusRequest,
    safeHandler(log, 'status', { version: serverVersion, definitions: { builtin: 0, workspace: 0 } }, async (params: unknown) => {
      await ready();
      const uri = (params as { uri?: unknown } | null)?.uri;
      return statusOf(service, typeof uri === 'string' ? uri : undefined);
    }),
  );
}

/** The version, and the definitions a document sees (every one known, without a document). */
function statusOf(service: LanguageService, uri: string | undefined): ServerStatus {
  service.loadBuiltins();
  const definitions: Definition[] =
    uri !== undefined ? service.contextFor(uri).visible() : [...service.index.builtinDefinitions(), ...service.index.workspaceDefinitions()];
  const builtin = definitions.filter((d) => d.builtin).length;
  return { version: serverVersion, definitions: { builtin, workspace: definitions.length - builtin } };
}

/** One line for the log: how many definitions each folder has, and how long reading them took. */
export function indexSummary(service: LanguageService, elapsedMs: number): string {
  const perFolder = new Map<string, number>(service.workspace.folders.map((f) => [f, 0]));
  let loose = 0;
  const workspace = service.index.workspaceDefinitions();
  for (const d of workspace) {
    const folder = service.workspace.folderOf(d.uri);
    if (folder === undefined) loose++;
    else perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1);
  }
  const where = [...perFolder].map(([f, n]) => `${folderLabel(f)}: ${n}`);
  if (loose > 0) where.push(`outside the folders: ${loose}`);
  return (
    `Definitions: ${service.index.builtinDefinitions().length} built-in, ${workspace.length} in the workspace` +
    `${where.length > 0 ? ` (${where.join('; ')})` : ''}; read in ${elapsedMs.toFixed(0)} ms`
  );
}

/** A workspace folder as a person reads it: its path, for a folder on disk. */
export function folderLabel(uri: string): string {
  const parsed = URI.parse(uri);
  const label = parsed.scheme === 'file' ? parsed.fsPath : uri;
  return label.length > 1 && label.endsWith('/') ? label.slice(0, -1) : label;
}
