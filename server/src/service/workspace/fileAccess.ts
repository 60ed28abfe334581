// The one way the service reaches files that are not open: the Node server and the CLI fill it
// from the disk, a browser build through requests to the editor. Everything is a URI; nothing
// here knows a file system path.

/** Whether the asker still wants the answer (an LSP cancellation token is one). */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** Bounds of one folder scan: a workspace folder at `/` must not scan the whole machine. */
export interface ScanLimits {
  /** Matching files to collect before stopping. */
  maxFiles: number;
  /** Folders to enter before stopping. */
  maxDirectories: number;
}

export const defaultScanLimits: ScanLimits = { maxFiles: 20_000, maxDirectories: 20_000 };

export interface ScanProgress {
  /** Called now and then during a scan with what it has seen so far. */
  report(seen: { files: number; directories: number }): void;
}

export interface ScanResult {
  /** Regular files under the folder whose folder-relative path matches an include glob and no exclude glob. */
  files: string[];
  /** Which limit stopped the scan early, if one did. */
  stoppedAt?: keyof ScanLimits;
  /** Folders that could not be listed (no permission, gone), as URIs. */
  unreadable: string[];
  /** Whether the scan was cancelled before it ended. */
  cancelled: boolean;
}

export type ReadResult =
  | { kind: 'text'; text: string; bytes: number }
  /** Larger than asked for: not read, only measured. */
  | { kind: 'too-large'; bytes: number }
  /** Not a regular file (a folder, a FIFO, a device): never read. */
  | { kind: 'not-a-file' }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string };

export interface FileStat {
  kind: 'file' | 'directory' | 'other';
  bytes: number;
  /** Modification time in milliseconds. */
  mtime: number;
}

export interface FileAccess {
  /** Files under `folder` (a URI) whose folder-relative path matches `include` and not `exclude` (globs). */
  findFiles(folder: string, include: readonly string[], exclude: readonly string[], limits: ScanLimits, token?: CancellationToken, progress?: ScanProgress): Promise<ScanResult>;
  /** The text of a regular file of at most `maxBytes` bytes; never blocks on a FIFO, never reads past the limit. */
  readFile(uri: string, maxBytes: number): Promise<ReadResult>;
  stat(uri: string): Promise<FileStat | undefined>;
}

/** No files at all: a service that only sees open documents (tests, a single-file session). */
export const noFiles: FileAccess = {
  findFiles: async () => ({ files: [], unreadable: [], cancelled: false }),
  readFile: async () => ({ kind: 'missing' }),
  stat: async () => undefined,
};
