// Parse once per document version: a small cache keyed by uri and version, dropped on close.
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class DocumentCache<T> {
  private entries = new Map<string, { version: number; languageId: string; value: T }>();

  constructor(
    private readonly parse: (doc: TextDocument) => T,
    private readonly maxEntries = 64,
  ) {}

  get(doc: TextDocument): T {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.languageId === doc.languageId) {
      // Re-insert so that iteration order is least-recently-used first.
      this.entries.delete(doc.uri);
      this.entries.set(doc.uri, hit);
      return hit.value;
    }
    const value = this.parse(doc);
    this.entries.delete(doc.uri);
    this.entries.set(doc.uri, { version: doc.version, languageId: doc.languageId, value });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
