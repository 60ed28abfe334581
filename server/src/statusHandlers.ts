// Requests for the editor's own display of the server: the text of a built-in definition (shown
// read-only under its own scheme) and the facts of the status item.
import type { Connection } from 'vscode-languageserver';
import { BuiltinDefinitionRequest, ServerStatus, StatusRequest } from './protocol';
import { safeHandler } from './safeHandler';
import { AnalysisContext } from './service/analysisContext';
import { DefinitionIndex } from './service/definitions/definitionIndex';
import { Definition } from './service/definitions/model';
import { URI } from 'vscode-uri';
import { serverVersion } from './version';

export interface StatusEnvironment {
  index: DefinitionIndex;
  /** Settles once the built-ins and the workspace definitions have been read. */
  ready: Promise<void>;
  contextFor(uri: string): AnalysisContext;
  /** The shipped text of a built-in definition by its uri. */
  builtinText(uri: string): string | undefined;
}

export function registerStatusHandlers(connection: Connection, env: StatusEnvironment): void {
  const log = { error: (message: string) => connection.console.error(message) };
  connection.onRequest(
    BuiltinDefinitionRequest,
    safeHandler(log, 'built-in definition', null, (params) => (typeof params?.uri === 'string' ? (env.builtinText(params.uri) ?? null) : null)),
  );
  connection.onRequest(
    StatusRequest,
    safeHandler(log, 'status', statusOf(env, undefined), async (params) => {
      await env.ready;
      return statusOf(env, params?.uri);
    }),
  );
}

export function statusOf(env: StatusEnvironment, uri: unknown): ServerStatus {
  const definitions: Definition[] =
    typeof uri === 'string' ? env.contextFor(uri).visible() : [...env.index.builtinDefinitions(), ...env.index.workspaceDefinitions()];
  const builtin = definitions.filter((d) => d.builtin).length;
  return { version: serverVersion, definitions: { builtin, workspace: definitions.length - builtin } };
}

/** One line for the log: how many definitions each folder sees, and how long reading them took. */
export function indexSummary(index: DefinitionIndex, folders: readonly string[], elapsedMs: number): string {
  const workspace = index.workspaceDefinitions();
  const perFolder = folders.map((f) => `${folderLabel(f)}: ${workspace.filter((d) => d.uri.startsWith(f)).length}`);
  const loose = workspace.filter((d) => !folders.some((f) => d.uri.startsWith(f))).length;
  const where = [...perFolder, ...(loose > 0 ? [`outside the folders: ${loose}`] : [])];
  return (
    `Definitions: ${index.builtinDefinitions().length} built-in, ${workspace.length} in the workspace` +
    `${where.length > 0 ? ` (${where.join('; ')})` : ''}; read in ${elapsedMs.toFixed(0)} ms`
  );
}

/** A workspace folder as a person reads it: its path, for a folder on disk. */
export function folderLabel(uri: string): string {
  const parsed = URI.parse(uri);
  const label = parsed.scheme === 'file' ? parsed.fsPath : uri;
  return label.length > 1 && label.endsWith('/') ? label.slice(0, -1) : label;
}
