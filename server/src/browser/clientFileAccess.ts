// The service's file access in the web worker: every find, read and stat is a request to the
// editor (workspace.findFiles, workspace.fs), which reaches any file system it has, `vscode-vfs:`
// included. A scan is bounded by its limits and cancelled with the request when a newer one starts.
import { CancellationTokenSource, Connection } from 'vscode-languageserver';
import { FindFilesRequest, ReadFileRequest, StatRequest } from '../fileAccessProtocol';
import { Globs } from '../service/workspace/globs';
import { CancellationToken, FileAccess, FileStat, ReadResult, ScanLimits, ScanResult } from '../service/workspace/fileAccess';

/** Folders never worth a look, whatever the globs say (as on the disk). */
const skippedDirectories = /(^|\/)(node_modules|\.git|\.hg|\.svn)\//;

/** An LSP token has `onCancellationRequested`; the service's tokens only promise the flag. */
interface Observable extends CancellationToken {
  onCancellationRequested?: (listener: () => void) => { dispose(): void };
}

export class ClientFileAccess implements FileAccess {
  private readonly globs = new Globs();
  /** Uris already reported unreadable: one log line each, not one per request. */
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  async findFiles(folder: string, include: readonly string[], exclude: readonly string[], limits: ScanLimits, token?: Observable): Promise<ScanResult> {
    const result: ScanResult = { files: [], unreadable: [], cancelled: false };
    const source = new CancellationTokenSource();
    const link = token?.onCancellationRequested?.(() => source.cancel());
    try {
      if (token?.isCancellationRequested) return { ...result, cancelled: true };
      const params = { folder, include: [...include], exclude: [...exclude], maxResults: limits.maxFiles + 1 };
      const found = await this.connection.sendRequest(FindFilesRequest, params, source.token);
      if (token?.isCancellationRequested) return { ...result, cancelled: true };
      if (found.refused !== undefined) {
        this.connection.console.error(`Could not search the folder ${folder}: ${found.refused}`);
        return { ...result, unreadable: [folder] };
      }
      // The editor's search may know other excludes than ours: the folder's own globs decide.
      const prefix = folder.endsWith('/') ? folder : `${folder}/`;
      const files: string[] = [];
      for (const uri of found.files) {
        if (!uri.startsWith(prefix)) continue;
        const relative = decoded(uri.slice(prefix.length));
        if (relative !== undefined && !skippedDirectories.test(relative) && this.globs.matches(relative, include, exclude)) files.push(uri);
      }
      files.sort();
      if (files.length > limits.maxFiles || found.files.length > limits.maxFiles) result.stoppedAt = 'maxFiles';
      result.files = files.slice(0, limits.maxFiles);
      return result;
    } catch (error) {
      if (token?.isCancellationRequested || source.token.isCancellationRequested) return { ...result, cancelled: true };
      this.connection.console.error(`Could not search the folder ${folder}: ${message(error)}`);
      return { ...result, unreadable: [folder] };
    } finally {
      link?.dispose();
      source.dispose();
    }
  }

  async readFile(uri: string, maxBytes: number): Promise<ReadResult> {
    let result: ReadResult;
    try {
      result = await this.connection.sendRequest(ReadFileRequest, { uri, maxBytes });
    } catch (error) {
      result = { kind: 'unreadable', reason: message(error) };
    }
    if (result.kind === 'unreadable' && !this.reported.has(uri)) {
      this.reported.add(uri);
      this.connection.console.error(`Could not read ${uri}: ${result.reason}`);
    }
    return result;
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      return (await this.connection.sendRequest(StatRequest, { uri })) ?? undefined;
    } catch {
      return undefined;
    }
  }
}

/** A uri's path decoded; undefined for one that does not decode (a lone `%`), which is passed over. */
function decoded(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
