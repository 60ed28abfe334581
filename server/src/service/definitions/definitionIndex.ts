// The definitions a document can see: the built-in ones plus the workspace definition files of
// its workspace folder, where a workspace definition overrides a built-in one of the same type.
import { Definition, definitionType } from './model';

export interface IndexScope {
  /** Workspace folder uri of the document asking, if it is in one. */
  folder?: string;
  /** Whether built-in definitions are visible there (`cxengage.definitions.builtin`). */
  builtin: boolean;
}

interface WorkspaceEntry {
  definition: Definition;
  folder?: string;
}

export class DefinitionIndex {
  private builtins = new Map<string, Definition>();
  private workspace = new Map<string, WorkspaceEntry>();
  private folders: string[] = [];
  private listeners: ((uri: string) => void)[] = [];
  /** Bumped on every change, so that caches of analyses against the index can tell they are stale. */
  generation = 0;

  setBuiltins(definitions: Definition[]): void {
    this.builtins.clear();
    for (const d of definitions) {
      const type = definitionType(d);
      if (type !== undefined) this.builtins.set(type, d);
    }
    this.changed('');
  }

  /** Workspace folder uris (multi-root); a definition belongs to the longest folder containing it. */
  setFolders(folderUris: string[]): void {
    this.folders = folderUris.map((f) => (f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length);
    for (const [uri, entry] of this.workspace) entry.folder = this.folderOf(uri);
    this.changed('');
  }

  folderOf(uri: string): string | undefined {
    return this.folders.find((f) => uri.startsWith(f));
  }

  isBuiltinUri(uri: string): boolean {
    for (const d of this.builtins.values()) if (d.uri === uri) return true;
    return false;
  }

  set(definition: Definition): void {
    this.workspace.set(definition.uri, { definition, folder: this.folderOf(definition.uri) });
    this.changed(definition.uri);
  }

  delete(uri: string): void {
    if (this.workspace.delete(uri)) this.changed(uri);
  }

  /** Drops every workspace definition under a folder (the folder was removed, or is re-scanned). */
  deleteUnder(folderUri: string): void {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    let any = false;
    for (const uri of [...this.workspace.keys()]) {
      if (uri.startsWith(prefix)) {
        this.workspace.delete(uri);
        any = true;
      }
    }
    if (any) this.changed(prefix);
  }

  has(uri: string): boolean {
    return this.workspace.has(uri);
  }

  /** Called with the uri of the definition that changed ('' for wholesale changes). */
  onDidChange(listener: (uri: string) => void): void {
    this.listeners.push(listener);
  }

  /** A scope for a document: its folder, with builtins on or off. */
  scopeFor(uri: string, builtin: boolean): IndexScope {
    return { folder: this.folderOf(uri), builtin };
  }

  /** The definition a flow in `scope` means by `type`: a workspace one first, else the built-in one. */
  lookup(type: string, scope: IndexScope): Definition | undefined {
    const declared = this.workspaceDeclarers(type, scope);
    if (declared.length > 0) return declared[0];
    return scope.builtin ? this.builtins.get(type) : undefined;
  }

  /** Every definition visible in `scope`, one per type, workspace ones overriding built-in ones. */
  visible(scope: IndexScope): Definition[] {
    const byType = new Map<string, Definition>();
    if (scope.builtin) for (const [type, d] of this.builtins) byType.set(type, d);
    const seen = new Set<string>();
    for (const { definition } of this.inScope(scope)) {
      const type = definitionType(definition);
      if (type === undefined || seen.has(type)) continue;
      seen.add(type);
      byType.set(type, definition);
    }
    return [...byType.values()];
  }

  /** Workspace definitions of `type` in `scope`, in a stable order (by uri). */
  workspaceDeclarers(type: string, scope: IndexScope): readonly Definition[] {
    return this.declarersByType(scope).get(type) ?? [];
  }

  builtin(type: string): Definition | undefined {
    return this.builtins.get(type);
  }

  builtinDefinitions(): Definition[] {
    return [...this.builtins.values()];
  }

  /** Every workspace definition, in every folder. */
  workspaceDefinitions(): Definition[] {
    return [...this.workspace.values()].map((e) => e.definition);
  }

  private inScopeCache = new Map<string, WorkspaceEntry[]>();
  /** Per folder, the workspace definitions of each type: every `send` looks its integration up here. */
  private declarersCache = new Map<string, Map<string, Definition[]>>();

  private declarersByType(scope: IndexScope): Map<string, Definition[]> {
    const key = scope.folder ?? '';
    let byType = this.declarersCache.get(key);
    if (!byType) {
      byType = new Map();
      for (const { definition } of this.inScope(scope)) {
        const type = definitionType(definition);
        if (type === undefined) continue;
        const declarers = byType.get(type);
        if (declarers) declarers.push(definition);
        else byType.set(type, [definition]);
      }
      this.declarersCache.set(key, byType);
    }
    return byType;
  }

  private inScope(scope: IndexScope): WorkspaceEntry[] {
    const key = scope.folder ?? '';
    let entries = this.inScopeCache.get(key);
    if (!entries) {
      // A document outside every folder sees all workspace definitions; one inside a folder sees
      // its folder's and the loose ones (open files outside any folder).
      entries = [...this.workspace.values()]
        .filter((e) => scope.folder === undefined || e.folder === undefined || e.folder === scope.folder)
        .sort((a, b) => (a.definition.uri < b.definition.uri ? -1 : a.definition.uri > b.definition.uri ? 1 : 0));
      this.inScopeCache.set(key, entries);
    }
    return entries;
  }

  private batchDepth = 0;
  private batchChanged = false;

  /** Runs `update` with change events held back, then reports one change if anything changed. */
  batch(update: () => void): void {
    this.batchDepth++;
    try {
      update();
    } finally {
      if (--this.batchDepth === 0 && this.batchChanged) {
        this.batchChanged = false;
        this.changed('');
      }
    }
  }

  private changed(uri: string): void {
    this.generation++;
    this.inScopeCache.clear();
    this.declarersCache.clear();
    if (this.batchDepth > 0) {
      this.batchChanged = true;
      return;
    }
    for (const l of this.listeners) l(uri);
  }
}
