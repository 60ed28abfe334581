// A language client for the benchmarks: spawns the bundled server over stdio, speaks LSP with
// vscode-languageserver-protocol, and pulls diagnostics (as VS Code does) so that a figure is the
// server's work, not the push debounce. Also reads the server's resident memory.
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'vscode-uri';
import {
  ClientCapabilities,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  Position,
  ProtocolConnection,
  ReferencesRequest,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { stopServerProcess } from '../test/support/serverProcess';
import { serverNodeOptions } from '../server/src/nodeOptions';

export interface SessionOptions {
  serverPath: string;
  /** Workspace folder (absolute path), if any. */
  folder?: string;
}

export interface StartTimes {
  /** Spawn to the `initialize` result. */
  initializeMs: number;
  /** Time the `initialized` notification went out (performance.now()). */
  initializedAt: number;
}

const capabilities: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: false } },
  textDocument: {
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    diagnostic: { dynamicRegistration: false },
    publishDiagnostics: {},
  },
};

export class LspSession {
  private versions = new Map<string, number>();
  stderr = '';
  times: StartTimes = { initializeMs: NaN, initializedAt: NaN };

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: SessionOptions): Promise<LspSession> {
    const spawnedAt = performance.now();
    // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server side.
    // The server runs with the options the extension starts it with.
    const nodeArgs = serverNodeOptions.concat(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []);
    const child = spawn(process.execPath, [...nodeArgs, options.serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    child.stderr!.on('data', (chunk: Buffer) => (session.stderr += chunk.toString()));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
    const folderUri = options.folder ? URI.file(options.folder).toString() : null;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: folderUri ? [{ uri: folderUri, name: path.basename(options.folder!) }] : [],
      capabilities,
    });
    const initializeMs = performance.now() - spawnedAt;
    session.times = { initializeMs, initializedAt: performance.now() };
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report: DocumentDiagnosticReport = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return report.kind === 'full' ? report.items : [];
  }

  completion(uri: string, position: Position) {
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  }

  hover(uri: string, position: Position) {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  references(uri: string, position: Position) {
    return this.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: false } });
  }

  /** Resident set size of the server process, in MiB (Linux /proc). */
  rssMiB(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
      return kb ? Number(kb[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    await stopServerProcess(this.connection, this.child);
  }
}

export function fileUri(file: string): string {
  return URI.file(path.resolve(file)).toString();
}
