// The message templates a document can see: the `*.template.json` files of its workspace folder
// (every one, for a document outside all folders, as the CLI's given files are), by `id`. Kept
// current like the definition index, with a generation that analyses cached against it compare.
import { Range } from 'vscode-languageserver-types';
import { UriKey, isInside, normaliseUri } from '../documents/uris';
import { TemplateDocument } from './templateDocument';

/** One template file as flows see it. */
export interface TemplateEntry {
  uri: string;
  id: string;
  /** The `id` value's range in its file (go to definition lands there). */
  idRange: Range;
  name?: string;
  description?: string;
  /** The Mustache text, when the file has one. */
  text?: string;
}

/** What a flow asks of the templates it can see. */
export interface TemplateLookup {
  /** The template with this id (the first file in path order when several declare it). */
  get(id: string): TemplateEntry | undefined;
  /** Every template visible, one per id, in id order. */
  all(): TemplateEntry[];
}

interface Stored {
  entry: TemplateEntry;
  folder?: UriKey;
}

export class TemplateIndex {
  private readonly files = new Map<UriKey, Stored>();
  private folders: readonly UriKey[] = [];
  private listeners: (() => void)[] = [];
  /** Bumped on every change. */
  generation = 0;

  setFolders(folders: readonly UriKey[]): void {
    this.folders = [...folders].sort((a, b) => b.length - a.length);
    for (const [key, stored] of this.files) stored.folder = this.folderOf(key);
    this.changed();
  }

  private folderOf(key: UriKey): UriKey | undefined {
    return this.folders.find((f) => isInside(key, f));
  }

  /** Indexes a template file as read; a file without an `id` holds no template flows can name. */
  set(uri: string, doc: TemplateDocument): void {
    const key = normaliseUri(uri);
    const id = doc.id?.value.trim();
    if (id === undefined || id === '' || doc.id === undefined) {
      this.delete(uri);
      return;
    }
    const entry: TemplateEntry = { uri, id, idRange: doc.id.range, name: doc.name?.value, description: doc.description?.value, text: doc.text?.value };
    const before = this.files.get(key)?.entry;
    if (before !== undefined && sameEntry(before, entry)) return;
    this.files.set(key, { entry, folder: this.folderOf(key) });
    this.changed();
  }

  delete(uri: string): void {
    if (this.files.delete(normaliseUri(uri))) this.changed();
  }

  has(uri: string): boolean {
    return this.files.has(normaliseUri(uri));
  }

  /** Drops the template files for which `drop` holds (gone from disk, or out of every folder). */
  deleteWhere(drop: (key: UriKey) => boolean): void {
    let any = false;
    for (const key of [...this.files.keys()]) {
      if (!drop(key)) continue;
      this.files.delete(key);
      any = true;
    }
    if (any) this.changed();
  }

  /** The templates a document at `uri` sees. */
  lookupFor(uri: string): TemplateLookup {
    const folder = this.folderOf(normaliseUri(uri));
    let byId: Map<string, TemplateEntry> | undefined;
    const visible = () => {
      if (byId !== undefined) return byId;
      byId = new Map();
      const keys = [...this.files.keys()].sort();
      for (const key of keys) {
        const stored = this.files.get(key) as Stored;
        if (folder !== undefined && stored.folder !== folder) continue;
        if (!byId.has(stored.entry.id)) byId.set(stored.entry.id, stored.entry);
      }
      return byId;
    };
    return {
      get: (id) => visible().get(id),
      all: () => [...visible().values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    };
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    this.generation++;
    for (const listener of this.listeners) listener();
  }
}

function sameEntry(a: TemplateEntry, b: TemplateEntry): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.description === b.description &&
    a.text === b.text &&
    a.idRange.start.line === b.idRange.start.line &&
    a.idRange.start.character === b.idRange.start.character &&
    a.idRange.end.character === b.idRange.end.character
  );
}
