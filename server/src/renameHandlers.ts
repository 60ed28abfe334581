// Rename (with prepareRename), document-independent symbol search and their wiring: a refused
// rename answers with a ResponseError whose message the editor shows, never an exception.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver';
import { safeHandler } from './safeHandler';
import type { LanguageService } from './service/languageService';
import { isRefusal } from './service/renaming/renameTarget';
import { prepareRename, rename } from './service/renaming/workspaceRename';
import { WorkspaceSymbols } from './service/symbols/workspaceSymbols';

/** `ready`: settles once the server can answer (built-ins, the first scan). `documentChanges`: the client's edit capability. */
export function registerRenameHandlers(connection: Connection, service: LanguageService, ready: () => Promise<void>, documentChanges: () => boolean): void {
  const log = { error: (message: string) => connection.console.error(message) };
  const refused = (reason: string) => new ResponseError<void>(ErrorCodes.InvalidRequest, reason);
  connection.onPrepareRename(
    safeHandler(log, 'prepare rename', null, async (params) => {
      await ready();
      const answer = prepareRename(service, params.textDocument.uri, params.position);
      return isRefusal(answer) ? refused(answer.refused) : answer;
    }),
  );
  connection.onRenameRequest(
    safeHandler(log, 'rename', null, async (params, token) => {
      await ready();
      const answer = await rename(service, params.textDocument.uri, params.position, params.newName, { documentChanges: documentChanges(), token });
      return isRefusal(answer) ? refused(answer.refused) : answer;
    }),
  );
  const symbols = new WorkspaceSymbols(service);
  connection.onWorkspaceSymbol(
    safeHandler(log, 'workspace symbols', [], async (params, token) => {
      await ready();
      return symbols.find(params.query, token);
    }),
  );
}
