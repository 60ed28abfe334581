// The definitions a document can see: the built-in ones plus the workspace definition files of
// its workspace folder, where a workspace definition overrides a built-in one of the same type.
import { UriKey, isInside, normaliseUri } from '../documents/uris';
import { Definition, definitionType } from './model';

export interface IndexScope {
  /** Workspace folder (its key) of the document asking, if it is in one. */
  folder?: UriKey;
  /** Whether built-in definitions are visible there (`cxengage.definitions.builtin`). */
  builtin: boolean;
}

interface WorkspaceEntry {
  key: UriKey;
  definition: Definition;
  folder?: UriKey;
}

export class DefinitionIndex {
  private builtins = new Map<string, Definition>();
  private builtinKeys = new Set<UriKey>();
  /** Workspace definitions by the normalised URI of their file. */
  private workspace = new Map<UriKey, WorkspaceEntry>();
  // Stryker disable next-line ArrayDeclaration: no uri key lies inside a folder key that is not a uri.
  private folders: readonly UriKey[] = [];
  private listeners: ((uri: string) => void)[] = [];
  /** Bumped on every change, so that caches of analyses against the index can tell they are stale. */
  generation = 0;

  setBuiltins(definitions: Definition[]): void {
    this.builtins.clear();
    this.builtinKeys.clear();
    for (const d of definitions) {
      const type = definitionType(d);
      if (type !== undefined) this.builtins.set(type, d);
      this.builtinKeys.add(normaliseUri(d.uri));
    }
    this.changed('');
  }

  /** Workspace folders (keys, longest first); a definition belongs to the longest folder containing it. */
  setFolders(folders: readonly UriKey[]): void {
    this.folders = [...folders].sort((a, b) => b.length - a.length);
    for (const [key, entry] of this.workspace) entry.folder = this.folderOf(key);
    this.changed('');
  }

  folderOf(uri: string): UriKey | undefined {
    const key = normaliseUri(uri);
    return this.folders.find((f) => isInside(key, f));
  }

  isBuiltinUri(uri: string): boolean {
    return this.builtinKeys.has(normaliseUri(uri));
  }

  /** Adds or replaces the workspace definition of a file. */
  set(definition: Definition): void {
    const key = normaliseUri(definition.uri);
    this.workspace.set(key, { key, definition, folder: this.folderOf(key) });
    this.changed(key);
  }

  delete(uri: string): void {
    const key = normaliseUri(uri);
    if (this.workspace.delete(key)) this.changed(key);
  }

  /** Drops the workspace definitions for which `drop` holds (their files are gone, or left a folder). */
  deleteWhere(drop: (key: UriKey) => boolean): void {
    let any = false;
    for (const key of [...this.workspace.keys()]) {
      if (drop(key)) {
        this.workspace.delete(key);
        any = true;
      }
    }
    if (any) this.changed('');
  }

  has(uri: string): boolean {
    return this.workspace.has(normaliseUri(uri));
  }

  /** Called with the key of the definition that changed ('' for wholesale changes). */
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

  /** Every definition visible in `scope`, one per type, workspace ones overriding built-in ones (kept until the index changes). */
  visible(scope: IndexScope): Definition[] {
    // Stryker disable next-line StringLiteral: folder keys are uris and start with neither sign, so either sign alone tells the scopes apart.
    const key = `${scope.builtin ? '+' : '-'}${scope.folder ?? ''}`;
    let result = this.visibleCache.get(key);
    // Stryker disable next-line ConditionalExpression: the cache only saves work; rebuilding gives the same list.
    if (result === undefined) {
      const byType = new Map<string, Definition>();
      if (scope.builtin) for (const [type, d] of this.builtins) byType.set(type, d);
      const seen = new Set<string>();
      for (const { definition } of this.inScope(scope)) {
        const type = definitionType(definition);
        if (type === undefined || seen.has(type)) continue;
        seen.add(type);
        byType.set(type, definition);
      }
      result = [...byType.values()];
      this.visibleCache.set(key, result);
    }
    return result;
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
  private visibleCache = new Map<string, Definition[]>();
  /** Per folder, the workspace definitions of each type: every `send` looks its integration up here. */
  private declarersCache = new Map<string, Map<string, Definition[]>>();

  private declarersByType(scope: IndexScope): Map<string, Definition[]> {
    // Stryker disable next-line StringLiteral: any key that no folder uri can be names the loose scope.
    const key = scope.folder ?? '';
    let byType = this.declarersCache.get(key);
    // Stryker disable next-line ConditionalExpression: the cache only saves work; rebuilding gives the same map.
    if (!byType) {
      byType = new Map();
      for (const { definition } of this.inScope(scope)) {
        const type = definitionType(definition);
        // Stryker disable next-line ConditionalExpression: an entry under `undefined` is never looked up (types are strings).
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
    // Stryker disable next-line StringLiteral: any key that no folder uri can be names the loose scope.
    const key = scope.folder ?? '';
    let entries = this.inScopeCache.get(key);
    if (!entries) {
      // A document outside every folder sees all workspace definitions; one inside a folder sees
      // its folder's and the loose ones (open files outside any folder).
      entries = [...this.workspace.values()]
        .filter((e) => scope.folder === undefined || e.folder === undefined || e.folder === scope.folder)
        .sort(byKey);
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
    this.visibleCache.clear();
    this.declarersCache.clear();
    if (this.batchDepth > 0) {
      this.batchChanged = true;
      return;
    }
    for (const l of this.listeners) l(uri);
  }
}

function byKey(a: WorkspaceEntry, b: WorkspaceEntry): number {
  // Stryker disable next-line EqualityOperator: keys are those of a map, never equal, so `<` and `<=` order alike.
  return a.key < b.key ? -1 : 1;
}
