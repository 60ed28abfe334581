// The browser build of the server in a real Worker of headless Chromium, driven from Node over the
// worker's postMessage JSON-RPC, with the editor's side played here: a virtual workspace answers
// the server's file requests (find, read, stat) the way the browser extension answers them.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  CancellationToken,
  ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  DataCallback,
  DiagnosticRefreshRequest,
  Disposable,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  LogMessageNotification,
  Message,
  ProtocolConnection,
  RegistrationRequest,
  ShowMessageNotification,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import { FindFilesParams, FindFilesRequest, FindFilesResult, ReadFileRequest, StatRequest } from '../../server/src/fileAccessProtocol';
import type { ReadResult } from '../../server/src/service/workspace/fileAccess';

/** The bundle the tests run: dist/ as `npm run build` makes it. */
const builtBundle = path.resolve(__dirname, '../../..', 'dist', 'browser', 'server.js');

/**
 * Files by uri, as the editor's file systems would give them. A folder in `refused` cannot be
 * searched; a uri in `unreadable` cannot be read; `findFiles` may be replaced to hang or to count.
 */
export class VirtualWorkspace {
  readonly files = new Map<string, string>();
  readonly refused = new Map<string, string>();
  readonly unreadable = new Map<string, string>();
  /** Every find request, and whether the server cancelled it. */
  readonly searches: { params: FindFilesParams; cancelled: boolean }[] = [];
  /** A search that never ends by itself (a file system that does not answer): only cancelling ends it. */
  hangSearches = false;

  async findFiles(params: FindFilesParams, token: CancellationToken): Promise<FindFilesResult> {
    const search = { params, cancelled: false };
    this.searches.push(search);
    const refused = this.refused.get(params.folder.replace(/\/$/, ''));
    if (refused !== undefined) return { files: [], refused };
    if (this.hangSearches) {
      await new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()));
      search.cancelled = true;
      return { files: [] };
    }
    const prefix = `${params.folder.replace(/\/$/, '')}/`;
    const files: string[] = [];
    for (const uri of this.files.keys()) {
      if (files.length >= params.maxResults) break;
      if (uri.startsWith(prefix)) files.push(uri);
    }
    return { files };
  }

  readFile(uri: string, maxBytes: number): ReadResult {
    const reason = this.unreadable.get(uri);
    if (reason !== undefined) return { kind: 'unreadable', reason };
    const text = this.files.get(uri);
    if (text === undefined) return { kind: 'missing' };
    const bytes = Buffer.byteLength(text, 'utf8');
    return bytes > maxBytes ? { kind: 'too-large', bytes } : { kind: 'text', text, bytes };
  }
}

/** Messages from the worker, as the page hands them over. */
class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly queued: Message[] = [];

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const m of this.queued.splice(0)) callback(m);
    return Disposable.create(() => (this.callback = undefined));
  }

  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.queued.push(message);
  }
}

/** Messages to the worker, posted by the page in the order written. */
class PageWriter extends AbstractMessageWriter {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly page: Page) {
    super();
  }

  write(message: Message): Promise<void> {
    this.chain = this.chain.then(() => this.page.evaluate((m) => (window as unknown as { server: Worker }).server.postMessage(m), message as object));
    return this.chain;
  }

  end(): void {}
}

let server: http.Server | undefined;
let origin = '';
let browser: Browser | undefined;

/** Serves an empty page and the worker bundle from 127.0.0.1, and starts Debian's Chromium headless. */
export async function startWorkerHost(workerBundle = builtBundle): Promise<void> {
  if (!fs.existsSync(workerBundle)) throw new Error(`${workerBundle} is missing: run \`npm run build\` first`);
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/worker.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>worker</title>');
    } else if (url.pathname === '/bare-worker.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end('postMessage("up");');
    } else if (url.pathname === '/dist/browser/server.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(fs.readFileSync(workerBundle));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function stopWorkerHost(): Promise<void> {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

/**
 * Start to first message of a worker that only says it is up, timed as a session is: what any
 * worker costs on this machine now, beside which the server's start is read (the bench's peer).
 */
export async function bareWorkerStart(): Promise<number> {
  if (!browser) throw new Error('startWorkerHost() first');
  const page = await browser.newPage();
  await page.goto(`${origin}/worker.html`);
  const started = performance.now();
  await page.evaluate(() => new Promise<void>((resolve) => (new Worker('/bare-worker.js').onmessage = () => resolve())));
  const elapsed = performance.now() - started;
  await page.close();
  return elapsed;
}

export interface WorkerSessionOptions {
  folders: string[];
  settings?: Record<string, unknown>;
}

/** One server in one Worker: the LSP connection to it, what it logged and said, and the network it used. */
export class WorkerSession {
  readonly logs: string[] = [];
  readonly messages: string[] = [];
  /** Requests the page made beyond the page and the bundle: a server that fetches anything is wrong. */
  readonly network: string[] = [];
  readonly errors: string[] = [];
  initializeResult!: InitializeResult;
  /** When the page started the worker, and when `initialize` was answered (ms, Node's clock). */
  startedAt = 0;

  private constructor(
    readonly page: Page,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(workspace: VirtualWorkspace, options: WorkerSessionOptions): Promise<WorkerSession> {
    if (!browser) throw new Error('startWorkerHost() first');
    const page = await browser.newPage();
    const reader = new PageReader();
    await page.exposeFunction('__fromServer', (m: Message) => reader.deliver(m));
    await page.goto(`${origin}/worker.html`);
    const connection = createProtocolConnection(reader, new PageWriter(page));
    const session = new WorkerSession(page, connection);
    page.on('request', (r) => {
      if (!r.url().startsWith(origin)) session.network.push(r.url());
    });
    page.on('pageerror', (e) => session.errors.push(String(e)));
    connection.onNotification(LogMessageNotification.type, (p) => {
      session.logs.push(p.message);
    });
    connection.onNotification(ShowMessageNotification.type, (p) => {
      session.messages.push(p.message);
    });
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) => (item.section === 'cxengage' ? (options.settings ?? {}) : null)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(DiagnosticRefreshRequest.type, () => undefined);
    connection.onRequest(FindFilesRequest, (p, token) => workspace.findFiles(p, token));
    connection.onRequest(ReadFileRequest, (p) => workspace.readFile(p.uri, p.maxBytes));
    connection.onRequest(StatRequest, (p) => {
      const text = workspace.files.get(p.uri);
      return text === undefined ? null : { kind: 'file' as const, bytes: Buffer.byteLength(text, 'utf8'), mtime: 0 };
    });
    connection.listen();

    session.startedAt = performance.now();
    await page.evaluate(() => {
      const w = new Worker('/dist/browser/server.js');
      w.onmessage = (e) => (window as unknown as { __fromServer(m: unknown): void }).__fromServer(e.data);
      w.onerror = (e) => console.error(`worker error: ${e.message}`);
      (window as unknown as { server: Worker }).server = w;
    });
    const capabilities: ClientCapabilities = {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        diagnostic: { dynamicRegistration: false },
      },
      window: { workDoneProgress: true },
    };
    session.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: options.folders[0] ?? null,
      workspaceFolders: options.folders.map((uri) => ({ uri, name: uri.split('/').pop() ?? uri })),
      capabilities,
      initializationOptions: { builtinScheme: 'cxengage-builtin' },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  async stop(): Promise<void> {
    this.connection.dispose();
    await this.page.close();
  }
}
