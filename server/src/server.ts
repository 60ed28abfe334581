// LSP wiring: capabilities from the client's, document and workspace events into the definition
// index, and one-line request handlers over the language service.
import {
  CodeActionKind,
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
import { URI } from 'vscode-uri';
import { DefinitionIndex } from './service/definitions/definitionIndex';
import { loadBuiltinDefinitions } from './service/definitions/builtin';
import { LanguageService } from './service/languageService';
import type { Formatted } from './service/formatting/documentFormatting';
import { SettingsStore } from './settingsStore';
import { safeHandler, safely } from './safeHandler';
import { DiskDocuments, findFiles, matchesGlobs } from './workspaceFiles';
import { registerFormHandlers } from './formHandlers';
import { registerDialectHandlers } from './dialectHandlers';
import { sendCodeLenses } from './service/previews';

const pushDelayMs = 150;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const index = new DefinitionIndex();
  const disk = new DiskDocuments();
  let folders: string[] = [];
  let settings!: SettingsStore;
  const service = new LanguageService(index, (uri) => settings.get(uri));
  const log = { error: (m: string) => connection.console.error(m) };

  let pullDiagnostics = false;
  let refreshSupport = false;
  let snippets = false;
  let foldingLimit: number | undefined;
  let watchRegistration = false;
  let folderEvents = false;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    foldingLimit = caps.textDocument?.foldingRange?.rangeLimit;
    watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderEvents = caps.workspace?.workspaceFolders === true;
    folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : [])).map((f) => folderKey(f.uri));
    settings = new SettingsStore(connection, caps.workspace?.configuration === true, () => folders, params.initializationOptions);
    index.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['(', ' ', ':', '"', '{', '$'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'cxengage', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cxengage-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() =>
    safely(log, 'initialized', async () => {
      if (watchRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: ['**/*.json', '**/*.cxflow'].map((globPattern) => ({ globPattern, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete })),
        });
      }
      if (folderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders((event) =>
          safely(log, 'workspace folders', async () => {
            const removed = new Set(event.removed.map((f) => folderKey(f.uri)));
            for (const f of removed) index.deleteUnder(f);
            folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => folderKey(f.uri))];
            index.setFolders(folders);
            await settings.refresh();
            scanDefinitions();
          }),
        );
      }
      await settings.refresh();
      index.batch(() => {
        index.setBuiltins(loadBuiltinDefinitions());
        scanFolders();
      });
      resolveReady();
    }),
  );

  /** Reads every workspace definition file from disk; open documents keep their unsaved text. */
  function scanDefinitions(): void {
    index.batch(() => scanFolders());
  }

  function scanFolders(): void {
    for (const folder of folders) {
      index.deleteUnder(folder);
      const root = URI.parse(folder).fsPath;
      const { include, exclude } = settings.get(folder).definitions;
      for (const file of findFiles(root, (rel) => matchesGlobs(rel, include, exclude))) {
        const uri = URI.file(file).toString();
        const open = documents.get(uri);
        const doc = open ?? disk.read(file, settings.get(uri).maxFileSize);
        if (doc) service.updateDefinition(doc);
      }
    }
    for (const doc of documents.all()) if (service.kindOf(doc) === 'definition') service.updateDefinition(doc);
  }

  function isIndexedDefinitionFile(uri: string): boolean {
    const folder = index.folderOf(uri);
    if (folder === undefined) return false;
    const { include, exclude } = settings.get(uri).definitions;
    return matchesGlobs(decodeURIComponent(uri.slice(folder.length)), include, exclude);
  }

  // Every index change re-grades open documents: flows see new messages, definitions see duplicates.
  index.onDidChange(() => scheduleAll());

  documents.onDidChangeContent((event) =>
    safely(log, 'document change', () => {
      if (service.kindOf(event.document) === 'definition') service.updateDefinition(event.document);
      schedule(event.document.uri);
    }),
  );

  documents.onDidClose((event) =>
    safely(log, 'document close', () => {
      const uri = event.document.uri;
      service.forget(uri);
      const timer = pending.get(uri);
      if (timer) clearTimeout(timer);
      pending.delete(uri);
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
      if (service.kindOf(event.document) !== 'definition') return;
      // Back to what is on disk, or out of the index if the file is not one of the workspace's.
      const file = URI.parse(uri).fsPath;
      const onDisk = URI.parse(uri).scheme === 'file' && isIndexedDefinitionFile(uri) ? disk.read(file, settings.get(uri).maxFileSize) : undefined;
      if (onDisk) service.updateDefinition(onDisk);
      else index.delete(uri);
    }),
  );

  connection.onDidChangeWatchedFiles((params) =>
    safely(log, 'watched files', () => {
      for (const change of params.changes) {
        const uri = change.uri;
        const file = URI.parse(uri).fsPath;
        disk.forget(file);
        // Open documents count as edited; the index follows the include globs, not file names.
        if (documents.get(uri)) continue;
        if (change.type === FileChangeType.Deleted || !isIndexedDefinitionFile(uri)) index.delete(uri);
        else {
          const doc = disk.read(file, settings.get(uri).maxFileSize);
          if (doc) service.updateDefinition(doc);
        }
      }
    }),
  );

  connection.onDidChangeConfiguration((params) =>
    safely(log, 'configuration', async () => {
      settings.setPushed(params.settings);
      await settings.refresh();
      scanDefinitions();
      scheduleAll();
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
          await ready;
          const doc = documents.get(uri);
          if (!doc) return;
          const version = doc.version;
          const diagnostics = await service.diagnostics(doc);
          if (documents.get(uri)?.version === version) await connection.sendDiagnostics({ uri, version, diagnostics });
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
      await ready;
      const doc = documents.get(params.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: doc ? await service.diagnostics(doc) : [] };
    }),
  );

  const withDocument =
    <P extends { textDocument: { uri: string } }, R>(fn: (doc: TextDocument, params: P) => R | Promise<R>, empty: R) =>
    async (params: P): Promise<R> => {
      await ready;
      const doc = documents.get(params.textDocument.uri);
      return doc ? fn(doc, params) : empty;
    };

  connection.onCompletion(
    safeHandler(log, 'completion', null, withDocument((doc, p) => service.completion(doc, p.position, { snippets }), null)),
  );
  connection.onHover(safeHandler(log, 'hover', null, withDocument((doc, p) => service.hover(doc, p.position), null)));
  connection.onDefinition(safeHandler(log, 'definition', [], withDocument((doc, p) => service.definition(doc, p.position), [])));
  connection.onDocumentSymbol(safeHandler(log, 'document symbols', [], withDocument((doc) => service.symbols(doc), [])));
  connection.onCodeAction(
    safeHandler(log, 'code actions', [], withDocument((doc, p) => service.codeActions(doc, p.range, p.context.diagnostics), [])),
  );
  connection.onDocumentFormatting(safeHandler(log, 'formatting', [], withDocument((doc, p) => formatted(doc.uri, service.format(doc, p.options)), [])));
  connection.onDocumentRangeFormatting(
    safeHandler(log, 'range formatting', [], withDocument((doc, p) => formatted(doc.uri, service.format(doc, p.options, p.range)), [])),
  );
  connection.onDocumentOnTypeFormatting(safeHandler(log, 'on-type formatting', [], withDocument((doc, p) => service.formatOnType(doc, p.position), [])));
  connection.onFoldingRanges(safeHandler(log, 'folding ranges', [], withDocument((doc) => service.foldingRanges(doc, foldingLimit), [])));
  connection.onSelectionRanges(safeHandler(log, 'selection ranges', [], withDocument((doc, p) => service.selectionRanges(doc, p.positions), [])));

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

  connection.onCodeLens(safeHandler(log, 'code lens', [], withDocument((doc) => sendCodeLenses(doc), [])));
  connection.onReferences(
    safeHandler(
      log,
      'references',
      [],
      withDocument((doc, p) => {
        const target = service.referenceTarget(doc, p.position);
        // A definition's names are used across the workspace; a 4.2 variable within its code.
        return target ? service.references(target, doc.uri, workspaceFlows()) : service.variableReferences(doc, p.position, p.context.includeDeclaration);
      }, []),
    ),
  );
  connection.onDocumentHighlight(safeHandler(log, 'document highlight', [], withDocument((doc, p) => service.highlights(doc, p.position), [])));

  /** Every flow and pattern document of the workspace: open ones as edited, the rest from disk. */
  function* workspaceFlows(): Iterable<TextDocument> {
    const seen = new Set<string>();
    for (const doc of documents.all()) {
      const kind = service.kindOf(doc);
      if (kind === 'flow' || kind === 'pattern') {
        seen.add(doc.uri);
        yield doc;
      }
    }
    for (const folder of folders) {
      const { exclude } = settings.get(folder).definitions;
      const isFlow = (rel: string) => (rel.endsWith('.cxflow') || rel.endsWith('.pattern.json')) && matchesGlobs(rel, ['**'], exclude);
      for (const file of findFiles(URI.parse(folder).fsPath, isFlow)) {
        const uri = URI.file(file).toString();
        if (seen.has(uri)) continue;
        const doc = disk.read(file, settings.get(uri).maxFileSize);
        if (doc) yield doc;
      }
    }
  }

  /** The open document, else the file read from disk. */
  const documentOrFile = (uri: string) => documents.get(uri) ?? (URI.parse(uri).scheme === 'file' ? disk.read(URI.parse(uri).fsPath, settings.get(uri).maxFileSize) : undefined);

  registerFormHandlers(connection, {
    getDocument: documentOrFile,
    contextFor: (uri) => service.contextFor(uri),
    index,
    definitionDiagnostics: (doc) => service.diagnostics(doc),
  });

  registerDialectHandlers(connection, { getDocument: documentOrFile, contextFor: (uri) => service.contextFor(uri) });

  documents.listen(connection);
  connection.listen();
}

function folderKey(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}
