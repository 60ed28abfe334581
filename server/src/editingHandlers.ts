// The LSP wiring of semantic tokens, signature help and inlay hints over the service, and the
// refresh requests that tell the client to ask again when definitions or settings change (a
// known integration becomes unknown, a hint kind is turned off).
import { ClientCapabilities, Connection, ServerCapabilities } from 'vscode-languageserver';
import { safeHandler } from './safeHandler';
import { LanguageService } from './service/languageService';
import { semanticTokensLegend } from './service/flow/editing/semanticTokens';

/** How long a burst of changes (typing in a definition) waits before one refresh is asked. */
const refreshDelayMs = 300;

export function editingCapabilities(): ServerCapabilities {
  return {
    semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
    signatureHelpProvider: { triggerCharacters: ['{', ' ', ':'], retriggerCharacters: ['"'] },
    inlayHintProvider: { resolveProvider: false },
  };
}

export interface EditingRefresh {
  /** Asks the client (when it supports it) to ask for semantic tokens and inlay hints again, once per burst. */
  refresh(): void;
}

export function registerEditingHandlers(
  connection: Connection,
  service: LanguageService,
  answerable: () => Promise<void>,
  /** The client's capabilities, known once it has initialised. */
  caps: () => ClientCapabilities,
): EditingRefresh {
  const log = { error: (m: string) => connection.console.error(m) };
  connection.languages.semanticTokens.on(
    safeHandler(log, 'semantic tokens', { data: [] }, async (p) => {
      await answerable();
      return service.semanticTokens(p.textDocument.uri);
    }),
  );
  connection.languages.semanticTokens.onRange(
    safeHandler(log, 'semantic tokens (range)', { data: [] }, async (p) => {
      await answerable();
      return service.semanticTokens(p.textDocument.uri, p.range);
    }),
  );
  connection.onSignatureHelp(
    safeHandler(log, 'signature help', null, async (p) => {
      await answerable();
      return service.signatureHelp(p.textDocument.uri, p.position);
    }),
  );
  connection.languages.inlayHint.on(
    safeHandler(log, 'inlay hints', [], async (p) => {
      await answerable();
      return service.inlayHints(p.textDocument.uri, p.range);
    }),
  );

  let timer: NodeJS.Timeout | undefined;
  return {
    refresh(): void {
      const tokensRefresh = caps().workspace?.semanticTokens?.refreshSupport === true;
      const hintsRefresh = caps().workspace?.inlayHint?.refreshSupport === true;
      if ((!tokensRefresh && !hintsRefresh) || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        // A client may refuse a refresh (one still starting): log, never crash.
        const refused = (what: string) => (error: unknown) => log.error(`${what} refresh refused: ${String(error)}`);
        if (tokensRefresh) connection.languages.semanticTokens.refresh().catch(refused('semantic tokens'));
        if (hintsRefresh) connection.languages.inlayHint.refresh().catch(refused('inlay hint'));
      }, refreshDelayMs);
    },
  };
}
