// Keeps the template index in step with the workspace: template files read after a scan (open ones
// as edited), on every edit of an open one, and from disk again when it closes or changes there.
import { DocumentModel } from '../documents/documentModel';
import { isInside, folderKey, normaliseUri } from '../documents/uris';
import { CancellationToken } from '../workspace/fileAccess';
import { SourceDocument } from '../workspace/sourceDocument';
import { FileChange, Workspace } from '../workspace/workspace';
import { TemplateIndex } from './templateIndex';

/** How many closed template files are read at once during a scan. */
const readsAtOnce = 16;

export class TemplateFiles {
  constructor(
    private readonly workspace: Workspace,
    private readonly index: TemplateIndex,
    private readonly modelOf: (source: SourceDocument) => DocumentModel,
  ) {}

  /** After a workspace scan: every template file found is read and indexed; those gone are dropped. */
  async scanned(token?: CancellationToken): Promise<void> {
    const files = this.workspace.knownFiles('template').filter((f) => this.workspace.opened(f.key) === undefined);
    const read: SourceDocument[] = [];
    for (let i = 0; i < files.length && !token?.isCancellationRequested; i += readsAtOnce) {
      const batch = await Promise.all(files.slice(i, i + readsAtOnce).map((f) => this.workspace.read(f.uri)));
      for (const source of batch) if (source !== undefined) read.push(source);
    }
    const found = new Set(files.map((f) => f.key));
    this.index.deleteWhere((key) => !found.has(key) && this.workspace.opened(key) === undefined);
    for (const source of read) this.indexSource(source);
    for (const source of this.workspace.openDocuments()) if (source.kind === 'template') this.indexSource(source);
  }

  /** An open template document edited: its text counts from now on. */
  changed(source: SourceDocument): void {
    if (source.kind === 'template') this.indexSource(source);
  }

  /** A template document closed, or a file changed on disk: the index follows the disk. */
  async fromDisk(uri: string): Promise<void> {
    if (this.workspace.opened(uri) !== undefined) return;
    const onDisk = this.workspace.roleOf(uri) === 'template' ? await this.workspace.read(uri) : undefined;
    // Opened again while the file was read: the editor's text wins.
    if (this.workspace.opened(uri) !== undefined) return;
    if (onDisk === undefined) this.index.delete(uri);
    else this.indexSource(onDisk);
  }

  /** A file event (after the workspace has followed it). */
  async fileChanged(uri: string, change: FileChange): Promise<void> {
    if (change === 'deleted' && !this.index.has(uri)) {
      // A folder deleted whole is reported as the folder alone.
      const folder = folderKey(uri);
      this.index.deleteWhere((key) => isInside(key, folder) && this.workspace.opened(key) === undefined);
    }
    if (this.index.has(uri) || this.workspace.roleOf(normaliseUri(uri)) === 'template') await this.fromDisk(uri);
  }

  private indexSource(source: SourceDocument): void {
    const model = this.modelOf(source);
    if (model.kind !== 'template' || model.guard !== undefined) this.index.delete(source.uri);
    else this.index.set(source.uri, model.template);
  }
}
