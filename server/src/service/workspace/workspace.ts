// The files the service knows: the workspace folders, the definition and flow files under them
// (by `cxengage.definitions.include`/`exclude`), found by a bounded scan and kept current by
// file events, and the open documents over them. Files are reached only through `FileAccess`, and
// only those inside a workspace folder (or given one by one, as the CLI does) are ever read.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKind, kindOfName } from '../documentKind';
import { UriKey, folderKey, isInside, normaliseUri, pathOf, relativePath } from '../documents/uris';
import { Settings } from '../settings';
import { CancellationToken, FileAccess, ScanLimits, ScanProgress, defaultScanLimits } from './fileAccess';
import { Globs } from './globs';
import { SourceDocument, diskDocument } from './sourceDocument';

/** What a file on disk is to the workspace. */
export type FileRole = 'definition' | 'flow';

const flowGlobs = ['**/*.cxflow', '**/*.pattern.json'];

export interface FolderScan {
  folder: string;
  /** Definition and flow files found. */
  files: number;
  stoppedAt?: keyof ScanLimits;
  unreadable: string[];
  cancelled: boolean;
}

export type FileChange = 'created' | 'changed' | 'deleted';

interface KnownFile {
  uri: string;
  role: FileRole;
}

/** Texts of closed flow files, kept for find-references up to a total size. */
const diskTextBudget = 64 * 1024 * 1024;

export class Workspace {
  private folderList: UriKey[] = [];
  private readonly open = new Map<UriKey, SourceDocument>();
  private readonly known = new Map<UriKey, KnownFile>();
  /** Files given one by one (the CLI's paths): readable though outside every folder. */
  private readonly given = new Set<UriKey>();
  private readonly diskTexts = new Map<UriKey, { source: SourceDocument; mtime: number; bytes: number }>();
  private diskTextSize = 0;
  private revisions = 0;
  private readonly globs = new Globs();
  /** Whether the editor reports file changes: cached disk texts are then trusted without a stat. */
  watched = false;

  constructor(
    private readonly files: FileAccess,
    private readonly settingsFor: (uri: string) => Settings,
    private readonly limits: ScanLimits = defaultScanLimits,
  ) {}

  /** The workspace folders (keys ending with `/`), longest first so that nested folders win. */
  get folders(): readonly UriKey[] {
    return this.folderList;
  }

  setFolders(uris: readonly string[]): void {
    this.folderList = [...new Set(uris.map(folderKey))].sort((a, b) => b.length - a.length);
    for (const key of [...this.known.keys()]) if (this.folderOf(key) === undefined) this.known.delete(key);
    this.diskTexts.clear();
    this.diskTextSize = 0;
  }

  folderOf(uri: string): UriKey | undefined {
    const key = normaliseUri(uri);
    return this.folderList.find((f) => isInside(key, f));
  }

  /** A new revision number: every open, change and disk read gets its own. */
  nextRevision(): number {
    return ++this.revisions;
  }

  /** Records an opened or changed document (its unsaved text is what counts from now on). */
  setOpen(doc: TextDocument): SourceDocument {
    const key = normaliseUri(doc.uri);
    const source: SourceDocument = { uri: doc.uri, key, kind: documentKind(doc.uri, doc.languageId), document: doc, revision: this.nextRevision(), open: true };
    this.open.set(key, source);
    return source;
  }

  /** Forgets an open document; the file on disk (if any) counts again. */
  setClosed(uri: string): SourceDocument | undefined {
    const key = normaliseUri(uri);
    const source = this.open.get(key);
    this.open.delete(key);
    return source;
  }

  opened(uri: string): SourceDocument | undefined {
    return this.open.get(normaliseUri(uri));
  }

  openDocuments(): IterableIterator<SourceDocument> {
    return this.open.values();
  }

  /** Lets a file outside every folder be read (the CLI checks the files it is given). */
  addGivenFile(uri: string): void {
    this.given.add(normaliseUri(uri));
  }

  /** What a file is to the workspace by its name and place, whether or not it exists. */
  roleOf(uri: string): FileRole | undefined {
    const key = normaliseUri(uri);
    const folder = this.folderOf(key);
    const kind = kindOfName(pathOf(key));
    // A file given by name is what its name says, wherever it is and whatever the globs say.
    if (folder === undefined || this.given.has(key)) {
      if (!this.given.has(key)) return undefined;
      return kind === 'definition' ? 'definition' : kind === 'flow' || kind === 'pattern' ? 'flow' : undefined;
    }
    const relative = relativePath(folder, key);
    const { include, exclude } = this.settingsFor(folder).definitions;
    if (this.globs.any(relative, exclude)) return undefined;
    if (kind === 'flow' || kind === 'pattern') return 'flow';
    return this.globs.any(relative, include) ? 'definition' : undefined;
  }

  /** Whether a file may be read from disk: inside a workspace folder, or given by name. */
  mayRead(uri: string): boolean {
    const key = normaliseUri(uri);
    return this.given.has(key) || this.folderOf(key) !== undefined;
  }

  /**
   * Finds the definition and flow files of every folder again. Bounded by the scan limits and
   * cancellable; what a folder's scan found replaces what was known of it.
   */
  async scan(token?: CancellationToken, progress?: ScanProgress): Promise<FolderScan[]> {
    const results: FolderScan[] = [];
    for (const folder of this.folderList) {
      const { include, exclude } = this.settingsFor(folder).definitions;
      const found = await this.files.findFiles(folder, [...include, ...flowGlobs], exclude, this.limits, token, progress);
      if (found.cancelled) {
        results.push({ folder, files: 0, unreadable: found.unreadable, cancelled: true });
        continue;
      }
      for (const [key] of this.known) if (this.folderOf(key) === folder && !this.given.has(key)) this.known.delete(key);
      let files = 0;
      for (const uri of found.files) {
        const role = this.roleOf(uri);
        if (role === undefined) continue;
        this.known.set(normaliseUri(uri), { uri, role });
        files++;
      }
      results.push({ folder, files, stoppedAt: found.stoppedAt, unreadable: found.unreadable, cancelled: false });
    }
    return results;
  }

  /**
   * Files of any kind under every folder whose folder-relative path matches `include` (and no
   * `cxengage.definitions.exclude` glob), found afresh: for inputs the scan does not keep, such as
   * a simulator's events and test cases. Bounded as a scan is.
   */
  async findFiles(include: readonly string[], token?: CancellationToken): Promise<string[]> {
    const files: string[] = [];
    for (const folder of this.folderList) {
      const found = await this.files.findFiles(folder, include, this.settingsFor(folder).definitions.exclude, this.limits, token);
      for (const uri of found.files) files.push(uri);
    }
    return files;
  }

  /** Records a file given by path (the CLI), with its role. */
  addKnownFile(uri: string): void {
    const role = this.roleOf(uri);
    if (role !== undefined) this.known.set(normaliseUri(uri), { uri, role });
  }

  /** The files on disk with a role, as found by the last scan and file events. */
  knownFiles(role: FileRole): { key: UriKey; uri: string }[] {
    const result: { key: UriKey; uri: string }[] = [];
    for (const [key, file] of this.known) if (file.role === role) result.push({ key, uri: file.uri });
    return result;
  }

  /**
   * Follows a file event: the file joins, stays or leaves the known files; its cached text is
   * dropped. A folder deleted whole is reported as the folder alone: the files under it leave too.
   */
  fileChanged(uri: string, change: FileChange): FileRole | undefined {
    const key = normaliseUri(uri);
    this.forgetDiskText(key);
    if (change === 'deleted' && !this.known.has(key)) {
      const folder = folderKey(key);
      for (const known of [...this.known.keys()]) if (isInside(known, folder)) this.known.delete(known);
      for (const cached of [...this.diskTexts.keys()]) if (isInside(cached, folder)) this.forgetDiskText(cached);
    }
    const role = change === 'deleted' ? undefined : this.roleOf(key);
    if (role === undefined) this.known.delete(key);
    else this.known.set(key, { uri: this.known.get(key)?.uri ?? uri, role });
    return role;
  }

  /**
   * The document at `uri`: the open one, else the file read from disk when it may be read. A file
   * over `cxengage.maxFileSize` is measured, not read: its document is empty and carries its size.
   */
  async read(uri: string): Promise<SourceDocument | undefined> {
    const open = this.opened(uri);
    if (open !== undefined) return open;
    if (!this.mayRead(uri)) return undefined;
    const key = normaliseUri(uri);
    const known = this.known.get(key)?.uri ?? uri;
    const maxBytes = this.settingsFor(key).maxFileSize;
    const kind = this.roleOf(key) === 'definition' ? 'definition' : documentKind(known);
    const result = await this.files.readFile(known, maxBytes);
    switch (result.kind) {
      case 'text':
        return diskDocument(known, result.text, this.nextRevision(), undefined, kind);
      case 'too-large':
        return diskDocument(known, '', this.nextRevision(), result.bytes, kind);
      default:
        return undefined;
    }
  }

  /**
   * A flow file's document for find-references: kept between requests (up to a total size) while
   * the editor reports changes, or while the file's size and time are unchanged.
   */
  async readFlow(uri: string): Promise<SourceDocument | undefined> {
    const key = normaliseUri(uri);
    const open = this.open.get(key);
    if (open !== undefined) return open;
    const cached = this.diskTexts.get(key);
    if (cached !== undefined) {
      if (this.watched) return cached.source;
      const stat = await this.files.stat(cached.source.uri);
      if (stat !== undefined && stat.mtime === cached.mtime && stat.bytes === cached.bytes) return cached.source;
      this.forgetDiskText(key);
    }
    const stat = this.watched ? undefined : await this.files.stat(uri);
    const source = await this.read(uri);
    if (source === undefined || source.bytes !== undefined) return source;
    const size = source.document.getText().length;
    if (size <= diskTextBudget / 16) {
      while (this.diskTextSize + size > diskTextBudget && this.diskTexts.size > 0) {
        this.forgetDiskText(this.diskTexts.keys().next().value as UriKey);
      }
      this.diskTexts.set(key, { source, mtime: stat?.mtime ?? 0, bytes: stat?.bytes ?? 0 });
      this.diskTextSize += size;
    }
    return source;
  }

  private forgetDiskText(key: UriKey): void {
    const cached = this.diskTexts.get(key);
    if (cached === undefined) return;
    this.diskTextSize -= cached.source.document.getText().length;
    this.diskTexts.delete(key);
  }
}
