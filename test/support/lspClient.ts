// A real LSP client for tests: spawns the bundled server over stdio and talks to it with
// vscode-languageserver-protocol, answering configuration requests from a settings object. Stopping
// it fails when a handler of the server failed during the session (see serverFailures.ts).
import { spawn, ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  InlayHintRefreshRequest,
  SemanticTokensRefreshRequest,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  DiagnosticRefreshRequest,
  ShowMessageNotification,
  LogMessageNotification,
} from 'vscode-languageserver-protocol/node';
import { assertNoServerFailures, LogEntry, serverFailures } from './serverFailures';
import { stopServerProcess } from './serverProcess';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const serverPath = path.join(repoRoot, 'dist', 'server.js');

export interface StartOptions {
  rootPath?: string;
  folders?: string[];
  /** Declare pull-diagnostics support (textDocument/diagnostic); push otherwise. */
  pull?: boolean;
  /** Answer workspace/configuration requests (otherwise the server relies on pushed settings). */
  configuration?: boolean;
  snippets?: boolean;
  /** Declare that edits may come as versioned `documentChanges`. */
  documentChanges?: boolean;
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Declare support of workspace/semanticTokens/refresh and workspace/inlayHint/refresh. */
  editingRefresh?: boolean;
  /** Declare WorkspaceEdits with document changes that create files. */
  createFiles?: boolean;
}

const waitLimitMs = 15_000;

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** window/showMessage texts (what a user sees). */
  readonly messages: string[] = [];
  /** window/logMessage notifications (the output channel). */
  readonly logs: LogEntry[] = [];
  refreshes = 0;
  /** workspace/semanticTokens/refresh and workspace/inlayHint/refresh requests received. */
  editingRefreshes = { semanticTokens: 0, inlayHints: 0 };
  private listeners: (() => void)[] = [];
  private versions = new Map<string, number>();
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  stderr = '';

  private constructor(
    readonly connection: ProtocolConnection,
    readonly child: ChildProcess,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child, options.settings ?? {});
    child.stderr!.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.diagnostics.set(params.uri, params);
      client.notify();
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      client.messages.push(params.message);
      client.notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      client.logs.push({ type: params.type, message: params.message });
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'cxengage' ? client.settings : null)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      client.refreshes++;
      client.notify();
    });
    connection.onRequest(SemanticTokensRefreshRequest.type, () => {
      client.editingRefreshes.semanticTokens++;
      client.notify();
    });
    connection.onRequest(InlayHintRefreshRequest.type, () => {
      client.editingRefreshes.inlayHints++;
      client.notify();
    });
    connection.listen();

    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.configuration ?? true,
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
        ...(options.editingRefresh ? { semanticTokens: { refreshSupport: true }, inlayHint: { refreshSupport: true } } : {}),
        ...(options.createFiles || options.documentChanges
          ? { workspaceEdit: { documentChanges: true, ...(options.createFiles ? { resourceOperations: ['create'] } : {}) } }
          : {}),
      },
      textDocument: {
        completion: { completionItem: { snippetSupport: options.snippets ?? true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        publishDiagnostics: {},
      },
    };
    const folders = options.folders ?? (options.rootPath ? [options.rootPath] : []);
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders.length > 0 ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) })),
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /**
   * Runs `body` with a started client and stops it, failing on the server's failures too; when
   * `body` fails, its error is the one reported, with any failures of the server added.
   */
  static async session<T>(options: StartOptions, body: (client: TestClient) => Promise<T>): Promise<T> {
    const client = await TestClient.start(options);
    let result: T;
    try {
      result = await body(client);
    } catch (error) {
      await stopServerProcess(client.connection, client.child);
      const failures = client.failures();
      if (failures.length > 0 && error instanceof Error) error.message += `\nThe server logged too:\n${failures.join('\n')}`;
      throw error;
    }
    await client.stop();
    return result;
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  /**
   * Resolves when `probe` returns a value (checked on every message), or fails after a bounded
   * wait with the last state seen, the last exception the probe threw and the server's failures.
   */
  waitFor<T>(what: string, probe: () => T | undefined, state: () => unknown = () => undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      let lastError: unknown;
      const check = () => {
        let value: T | undefined;
        try {
          value = probe();
        } catch (error) {
          lastError = error;
          return;
        }
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        const last = JSON.stringify(state());
        const thrown = lastError === undefined ? '' : `; the probe threw: ${lastError instanceof Error ? (lastError.stack ?? lastError.message) : String(lastError)}`;
        const failures = this.failures();
        reject(
          new Error(
            `timed out after ${waitLimitMs} ms waiting for ${what}; last seen: ${last}${thrown}` +
              (failures.length > 0 ? `; server failures:\n${failures.join('\n')}` : ''),
            { cause: lastError },
          ),
        );
      }, waitLimitMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
      };
      this.listeners.push(check);
      check();
    });
  }

  /** Pushed diagnostics for `uri` once they satisfy `accept` (default: the latest version). */
  waitForDiagnostics(uri: string, accept: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const version = this.versions.get(uri);
    return this.waitFor(`diagnostics of ${uri}`, () => {
      const p = this.diagnostics.get(uri);
      if (!p || (version !== undefined && p.version !== undefined && p.version !== version)) return undefined;
      return accept(p.diagnostics) ? p.diagnostics : undefined;
    }, () => this.diagnostics.get(uri));
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async replace(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The document open with `text`, whatever earlier tests did to it: opened, or replaced when open. */
  async show(uri: string, languageId: string, text: string): Promise<void> {
    if (this.isOpen(uri)) await this.replace(uri, text);
    else await this.open(uri, languageId, text);
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { cxengage: settings } });
  }

  async fileChanged(uri: string, type: FileChangeType): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type }] });
  }

  /** Error logs and stderr output of the session so far: a handler that threw, among others. */
  failures(): string[] {
    return serverFailures(this.logs, this.stderr);
  }

  assertNoFailures(): void {
    assertNoServerFailures(this.logs, this.stderr);
  }

  /** The version the client last sent for an open document. */
  versionOf(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  /** Documents the client has opened and not closed. */
  isOpen(uri: string): boolean {
    return this.versions.has(uri);
  }

  /**
   * Ends the server, then fails if any handler failed during the session: every suite that stops
   * its client in an `after` hook or a `finally` asserts that nothing failed behind an empty answer.
   */
  async stop(): Promise<void> {
    await stopServerProcess(this.connection, this.child);
    this.assertNoFailures();
  }
}

export function fileUri(file: string): string {
  return URI.file(path.resolve(file)).toString();
}
