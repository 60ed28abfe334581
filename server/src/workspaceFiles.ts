// Finds files of a workspace folder on disk by glob, without following links into loops, and
// reads them as text documents cached by modification time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentKind, documentKind, languageIds } from './service/documentKind';

/** Directories never worth walking, whatever the globs say. */
const skippedDirectories = new Set(['node_modules', '.git', '.hg', '.svn']);

const matchers = new Map<string, Minimatch>();

/** A compiled glob, kept: a workspace scan matches every file against the same few globs. */
function matcher(glob: string): Minimatch {
  let m = matchers.get(glob);
  if (!m) {
    m = new Minimatch(glob, { dot: true });
    matchers.set(glob, m);
  }
  return m;
}

export function matchesGlobs(relativePath: string, include: string[], exclude: string[]): boolean {
  return include.some((g) => matcher(g).match(relativePath)) && !exclude.some((g) => matcher(g).match(relativePath));
}

/** Every file under `root` (absolute paths) for which `wanted` holds of its path relative to `root`. */
export function findFiles(root: string, wanted: (relative: string) => boolean, limit = 200_000): string[] {
  const found: string[] = [];
  const stack = [root];
  while (stack.length > 0 && found.length < limit) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: skip it, keep the rest
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirectories.has(entry.name)) stack.push(full);
      } else if (entry.isFile() && wanted(path.relative(root, full).split(path.sep).join('/'))) {
        found.push(full);
      }
    }
  }
  return found.sort();
}

const languageOf: Record<DocumentKind, string> = {
  definition: languageIds.definition,
  flow: languageIds.flow,
  pattern: languageIds.pattern,
  other: 'plaintext',
};

/** Files read from disk, as documents whose version is the file's modification time. */
export class DiskDocuments {
  private cache = new Map<string, TextDocument>();

  read(file: string, maxSize: number): TextDocument | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.cache.delete(file);
      return undefined;
    }
    const version = Math.floor(stat.mtimeMs);
    const cached = this.cache.get(file);
    if (cached && cached.version === version) return cached;
    const uri = URI.file(file).toString();
    // An oversized file still gets a document (empty text would hide it); its guard diagnostic says why.
    const text = stat.size > maxSize ? safeRead(file, maxSize + 1) : safeRead(file);
    if (text === undefined) return undefined;
    const doc = TextDocument.create(uri, languageOf[documentKind(uri)], version, text);
    this.cache.set(file, doc);
    return doc;
  }

  forget(file: string): void {
    this.cache.delete(file);
  }
}

function safeRead(file: string, maxBytes?: number): string | undefined {
  try {
    if (maxBytes === undefined) return fs.readFileSync(file, 'utf8');
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(maxBytes);
      const n = fs.readSync(fd, buffer, 0, maxBytes, 0);
      return buffer.subarray(0, n).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
