// The service's file access on Node: folders scanned asynchronously within limits (symlinked
// folders followed once each, so a loop ends), and only regular files read, never more bytes than
// asked for. A FIFO or a device behind a `*.cxflow` name is refused, never opened for reading.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { Globs } from '../service/workspace/globs';
import { CancellationToken, FileAccess, FileStat, ReadResult, ScanLimits, ScanProgress, ScanResult } from '../service/workspace/fileAccess';

/** Folders never worth walking, whatever the globs say. */
const skippedDirectories = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Folders listed at once: enough to keep the disk busy, few enough to stay polite. */
const listingsAtOnce = 8;

const progressEvery = 250;

interface Pending {
  dir: string;
  /** The folder's real path: a symlinked folder seen before is not entered again. */
  real: string;
}

export class DiskFileAccess implements FileAccess {
  private readonly globs = new Globs();

  async findFiles(
    folder: string,
    include: readonly string[],
    exclude: readonly string[],
    limits: ScanLimits,
    token?: CancellationToken,
    progress?: ScanProgress,
  ): Promise<ScanResult> {
    const result: ScanResult = { files: [], unreadable: [], cancelled: false };
    const root = fileSystemPath(folder);
    if (root === undefined) return result;
    let rootReal: string;
    try {
      rootReal = await fs.promises.realpath(root);
    } catch {
      result.unreadable.push(folder);
      return result;
    }
    const visited = new Set<string>([rootReal]);
    const queue: Pending[] = [{ dir: root, real: rootReal }];
    const found: string[] = [];
    let directories = 0;
    const relative = (full: string) => path.relative(root, full).split(path.sep).join('/');

    const list = async ({ dir, real }: Pending): Promise<void> => {
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        result.unreadable.push(URI.file(dir).toString());
        return;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        let entryReal = path.join(real, entry.name);
        if (entry.isSymbolicLink()) {
          // Follow a link to see what it names; a broken link or one into a loop is passed over.
          try {
            const target = await fs.promises.stat(full);
            isDirectory = target.isDirectory();
            isFile = target.isFile();
            if (isDirectory) entryReal = await fs.promises.realpath(full);
          } catch {
            continue;
          }
        }
        if (isDirectory) {
          if (skippedDirectories.has(entry.name) || visited.has(entryReal)) continue;
          if (this.globs.any(`${relative(full)}/`, exclude)) continue;
          visited.add(entryReal);
          queue.push({ dir: full, real: entryReal });
        } else if (isFile && found.length < limits.maxFiles && this.globs.matches(relative(full), include, exclude)) {
          found.push(full);
        }
      }
    };

    let next = 0;
    while (next < queue.length) {
      if (token?.isCancellationRequested) {
        result.cancelled = true;
        break;
      }
      if (found.length >= limits.maxFiles) {
        result.stoppedAt = 'maxFiles';
        break;
      }
      if (directories >= limits.maxDirectories) {
        result.stoppedAt = 'maxDirectories';
        break;
      }
      const batch = queue.slice(next, next + Math.min(listingsAtOnce, limits.maxDirectories - directories));
      next += batch.length;
      const before = Math.floor(directories / progressEvery);
      directories += batch.length;
      await Promise.all(batch.map(list));
      if (progress !== undefined && Math.floor(directories / progressEvery) > before) progress.report({ files: found.length, directories });
    }
    result.files = found.sort().map((f) => URI.file(f).toString());
    return result;
  }

  async readFile(uri: string, maxBytes: number): Promise<ReadResult> {
    const file = fileSystemPath(uri);
    if (file === undefined) return { kind: 'unreadable', reason: 'not a file: URI' };
    let handle: fs.promises.FileHandle;
    try {
      // Non-blocking: opening a FIFO for reading would otherwise wait for a writer, for ever.
      handle = await fs.promises.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    } catch (error) {
      return failure(error);
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return { kind: 'not-a-file' };
      if (stat.size > maxBytes) return { kind: 'too-large', bytes: stat.size };
      // The file may grow between the stat and the read: never take more than one byte over the limit.
      const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > maxBytes) return { kind: 'too-large', bytes: length };
      return { kind: 'text', text: buffer.subarray(0, length).toString('utf8'), bytes: length };
    } catch (error) {
      return failure(error);
    } finally {
      await handle.close();
    }
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const file = fileSystemPath(uri);
    if (file === undefined) return undefined;
    try {
      const stat = await fs.promises.stat(file);
      return { kind: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other', bytes: stat.size, mtime: stat.mtimeMs };
    } catch {
      return undefined;
    }
  }
}

/** The file system path of a `file:` URI; undefined for any other scheme. */
function fileSystemPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

function failure(error: unknown): ReadResult {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'not-a-file' };
  return { kind: 'unreadable', reason: code ?? String(error) };
}
