// LSP wiring: capabilities from the client's, document and workspace events into the language
// service, diagnostics pushed or pulled, and one-line request handlers over the service.
import {
  CodeActionTriggerKind,
  CancellationTokenSource,
  Connection,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextEdit,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerPreviewHandlers } from './previewHandlers';
import { registerDialectHandlers } from './dialectHandlers';
import { registerRenameHandlers } from './renameHandlers';
import { EditingRefresh, editingCapabilities, registerEditingHandlers } from './editingHandlers';
import { registerSimulationHandlers } from './simulationHandlers';
import { InitializationOptions } from './protocol';
import type { Formatted } from './service/formatting/documentFormatting';
import { safeHandler, safely } from './safeHandler';
import { isBuiltinScheme } from './service/definitions/builtin';
import { folderKey } from './service/documents/uris';
import { LanguageService } from './service/languageService';
import { documentCodeActions } from './service/actions/documentActions';
import { providedKinds } from './service/actions/kinds';
import type { FileAccess } from './service/workspace/fileAccess';
import { FolderScan } from './service/workspace/workspace';
import { SettingsStore } from './settingsStore';
import { scanProgress } from './scanProgress';
import { folderLabel, indexSummary, registerStatusHandlers } from './statusHandlers';
import { serverVersion } from './version';

const pushDelayMs = 150;
/** How long a request waits for the first workspace scan; after that it answers with what is known. */
const scanWaitMs = 1000;

/** What differs between the two hosts of the server: Node (`main.ts`) and a web worker (`browserMain.ts`). */
export interface ServerHost {
  /** How the service reaches files that are not open: the disk, or requests to the client. */
  files(connection: Connection): FileAccess;
  /** Where the server runs, for the start-up log line (`Node v20.19.0`, `a web worker`). */
  name: string;
}

export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  let settings!: SettingsStore;
  const service = new LanguageService({ files: host.files(connection), settingsFor: (uri) => settings.get(uri) });
  const log = { error: (m: string) => connection.console.error(m) };

  let pullDiagnostics = false;
  let refreshSupport = false;
  let snippets = false;
  let foldingLimit: number | undefined;
  let watchRegistration = false;
  let folderEvents = false;
  let progressSupport = false;
  let clientCaps: InitializeParams['capabilities'] = {};
  // Edits as versioned documentChanges (rename), and with files created (the payload conversions).
  const documentChanges = () => clientCaps.workspace?.workspaceEdit?.documentChanges === true;
  const createFiles = () => documentChanges() && clientCaps.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  let scanned: Promise<void> = new Promise<void>(() => undefined);

  /**
   * Ready to answer: settings read, built-ins loaded, the first scan done (or taking long), and
   * the index updates of earlier events (a closed definition read back from disk) done.
   */
  const answerable = async (): Promise<void> => {
    await ready;
    await Promise.race([scanned, new Promise<void>((resolve) => setTimeout(resolve, scanWaitMs))]);
    await service.settled();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    clientCaps = caps;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    foldingLimit = caps.textDocument?.foldingRange?.rangeLimit;
    watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderEvents = caps.workspace?.workspaceFolders === true;
    progressSupport = caps.window?.workDoneProgress === true;
    const scheme = (params.initializationOptions as InitializationOptions | null | undefined)?.builtinScheme;
    if (isBuiltinScheme(scheme)) service.builtins.useScheme(scheme);
    const folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : [])).map((f) => f.uri);
    service.setFolders(folders);
    settings = new SettingsStore(connection, caps.workspace?.configuration === true, () => service.workspace.folders, params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['(', ' ', ':', '"', '{', '$', '+'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: providedKinds },
        codeLensProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        ...editingCapabilities(),
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'cxengage', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cxengage-language-server', version: serverVersion },
    };
  });

  connection.onInitialized(() =>
    safely(log, 'initialized', async () => {
      if (watchRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            ...['**/*.json', '**/*.cxflow'].map((globPattern) => ({ globPattern, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete })),
            // A folder deleted whole is reported as the folder alone: its definitions must go too.
            { globPattern: '**/*', kind: WatchKind.Delete },
          ],
        });
        service.workspace.watched = true;
      }
      if (folderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders((event) =>
          safely(log, 'workspace folders', async () => {
            const removed = new Set(event.removed.map((f) => folderKey(f.uri)));
            const kept = service.workspace.folders.filter((f) => !removed.has(f));
            service.setFolders([...kept, ...event.added.map((f) => f.uri)]);
            await settings.refresh();
            await scan();
          }),
        );
      }
      const folders = service.workspace.folders.map(folderLabel).join(', ') || 'none';
      connection.console.info(`CxEngage language server ${serverVersion} on ${host.name}; workspace folders: ${folders}`);
      try {
        await settings.refresh();
        service.loadBuiltins();
      } finally {
        // A start-up that failed (logged) must not leave every request waiting for it.
        resolveReady();
      }
      await scan();
    }),
  );

  let scanCancel: CancellationTokenSource | undefined;

  /** Finds the workspace's files again (cancelling a scan still running) and says what stopped it. */
  function scan(): Promise<void> {
    scanCancel?.cancel();
    const source = new CancellationTokenSource();
    scanCancel = source;
    const progress = scanProgress(connection, progressSupport);
    const started = performance.now();
    const done = service
      .scanWorkspace(source.token, progress)
      .then((scans) => reportScans(scans, performance.now() - started))
      .finally(() => progress.done());
    scanned = done.catch(() => undefined);
    return done;
  }

  const reportedScans = new Set<string>();

  /** Logs what a scan read (unless a newer scan cancelled it) and warns once per folder of what stopped it. */
  function reportScans(scans: FolderScan[], elapsedMs: number): void {
    if (!scans.some((s) => s.cancelled)) connection.console.info(indexSummary(service, elapsedMs));
    for (const s of scans) {
      for (const dir of s.unreadable) log.error(`Could not read the folder ${dir}`);
      if (s.stoppedAt === undefined || reportedScans.has(s.folder)) continue;
      reportedScans.add(s.folder);
      const what = s.stoppedAt === 'maxFiles' ? 'files' : 'folders';
      const message = `CxEngage: stopped looking through ${s.folder} after too many ${what}; definitions and flows past that point are not known. Open a smaller folder, or narrow cxengage.definitions.include/exclude.`;
      connection.console.warn(message);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
  }

  // Every index change re-grades open documents: flows see new messages, definitions see duplicates.
  service.index.onDidChange(() => {
    scheduleAll();
    editing.refresh();
  });
  service.templates.onDidChange(() => scheduleAll());

  documents.onDidChangeContent((event) =>
    safely(log, 'document change', () => {
      service.documentChanged(event.document);
      schedule(event.document.uri);
    }),
  );

  documents.onDidClose((event) =>
    safely(log, 'document close', async () => {
      const uri = event.document.uri;
      const timer = pending.get(uri);
      if (timer) clearTimeout(timer);
      pending.delete(uri);
      formatNotes.delete(uri);
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
      await service.documentClosed(uri);
    }),
  );

  connection.onDidChangeWatchedFiles((params) =>
    safely(log, 'watched files', async () => {
      const kinds = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;
      await service.filesChanged(params.changes.map((c) => ({ uri: c.uri, change: kinds[c.type] ?? 'changed' })));
    }),
  );

  connection.onDidChangeConfiguration((params) =>
    safely(log, 'configuration', async () => {
      settings.setPushed(params.settings);
      // A change that arrives during start-up (VS Code sends one at once) waits for the built-ins,
      // then rescans in place of the first scan.
      await ready;
      await settings.refresh();
      scheduleAll();
      editing.refresh();
      await scan();
    }),
  );

  // Diagnostics: pulled by clients that support it, pushed (debounced) to the others.
  const pending = new Map<string, NodeJS.Timeout>();

  function schedule(uri: string): void {
    if (pullDiagnostics) return;
    const previous = pending.get(uri);
    if (previous) clearTimeout(previous);
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        safely(log, 'diagnostics', async () => {
          await answerable();
          const doc = documents.get(uri);
          const revision = service.revisionOf(uri);
          if (!doc || revision === undefined) return;
          const diagnostics = await service.diagnostics(uri);
          // Sent only if no edit came meanwhile: a client may reuse a version number, a revision is never reused.
          if (service.revisionOf(uri) === revision) await connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
        });
      }, pushDelayMs),
    );
  }

  let refreshTimer: NodeJS.Timeout | undefined;

  function scheduleAll(): void {
    if (!pullDiagnostics) {
      for (const doc of documents.all()) schedule(doc.uri);
      return;
    }
    // One refresh for a burst of index changes (typing in a definition, a folder scan).
    if (!refreshSupport || refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      // A client may refuse the refresh (older clients, or one still starting): log, never crash.
      connection.languages.diagnostics.refresh().catch((error: unknown) => log.error(`diagnostic refresh refused: ${String(error)}`));
    }, pushDelayMs);
  }

  connection.languages.diagnostics.on(
    safeHandler(log, 'diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params) => {
      await answerable();
      // A tab the editor restored but has not opened yet is pulled by uri: its text is on disk.
      return { kind: DocumentDiagnosticReportKind.Full, items: await service.diagnostics(params.textDocument.uri) };
    }),
  );

  const after =
    <P, R>(answer: (params: P, token: { isCancellationRequested: boolean }) => R | Promise<R>) =>
    async (params: P, token: { isCancellationRequested: boolean }): Promise<R> => {
      await answerable();
      return answer(params, token);
    };

  connection.onCompletion(safeHandler(log, 'completion', null, after((p) => service.completion(p.textDocument.uri, p.position, { snippets }))));
  connection.onHover(safeHandler(log, 'hover', null, after((p) => service.hover(p.textDocument.uri, p.position))));
  connection.onDefinition(safeHandler(log, 'definition', [], after((p) => service.definition(p.textDocument.uri, p.position))));
  connection.onDocumentSymbol(safeHandler(log, 'document symbols', [], after((p) => service.symbols(p.textDocument.uri))));
  connection.onCodeAction(
    safeHandler(log, 'code actions', [], after((p) => documentCodeActions(service, { uri: p.textDocument.uri, range: p.range, diagnostics: p.context.diagnostics, only: p.context.only, createFiles: createFiles(), invoked: p.context.triggerKind === CodeActionTriggerKind.Invoked }))),
  );
  connection.onCodeLens(safeHandler(log, 'code lens', [], after((p) => service.codeLenses(p.textDocument.uri))));
  connection.onReferences(safeHandler(log, 'references', [], after((p, token) => service.references(p.textDocument.uri, p.position, p.context?.includeDeclaration === true, token))));
  connection.onDocumentHighlight(safeHandler(log, 'document highlight', [], after((p) => service.highlights(p.textDocument.uri, p.position))));
  registerPreviewHandlers(connection, service, answerable);
  registerDialectHandlers(connection, service, answerable);
  registerStatusHandlers(connection, service, answerable);
  registerRenameHandlers(connection, service, answerable, documentChanges);
  const editing: EditingRefresh = registerEditingHandlers(connection, service, answerable, () => clientCaps);
  registerSimulationHandlers(connection, service, answerable);
  connection.onDocumentFormatting(safeHandler(log, 'formatting', [], after((p) => formatted(p.textDocument.uri, service.format(p.textDocument.uri, p.options)))));
  connection.onDocumentRangeFormatting(
    safeHandler(log, 'range formatting', [], after((p) => formatted(p.textDocument.uri, service.format(p.textDocument.uri, p.options, p.range)))),
  );
  connection.onDocumentOnTypeFormatting(safeHandler(log, 'on-type formatting', [], after((p) => service.formatOnType(p.textDocument.uri, p.position))));
  connection.onFoldingRanges(safeHandler(log, 'folding ranges', [], after((p) => service.foldingRanges(p.textDocument.uri, foldingLimit))));
  connection.onSelectionRanges(safeHandler(log, 'selection ranges', [], after((p) => service.selectionRanges(p.textDocument.uri, p.positions))));

  /**
   * The edits of a formatting, and a message when part of the document was left as written: once
   * per document until the reason changes, so that formatting on every save does not repeat it.
   */
  const formatNotes = new Map<string, string>();
  function formatted(uri: string, result: Formatted): TextEdit[] {
    if (result.note === undefined) formatNotes.delete(uri);
    else if (formatNotes.get(uri) !== result.note) {
      formatNotes.set(uri, result.note);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `CxEngage: ${result.note}` });
    }
    return result.edits;
  }

  documents.listen(connection);
  connection.listen();
}
