// The per-document state of one language service: for every open document, the model of its
// current revision, what the next read of a flow takes over, the analyser's problems per form,
// and the diagnostics per index generation and settings. Dropped when the document closes.
import { Diagnostic } from 'vscode-languageserver-types';
import { FormAnalyses } from '../flow/analysis/formProblems';
import { Settings } from '../settings';
import { SourceDocument } from '../workspace/sourceDocument';
import { DocumentModel, buildModel } from './documentModel';
import { UriKey } from './uris';

interface Entry {
  model: DocumentModel;
  maxFileSize: number;
  analyses: FormAnalyses;
  diagnostics?: { revision: number; generation: number; settings: Settings; value: Diagnostic[] };
}

export class DocumentStore {
  private readonly entries = new Map<UriKey, Entry>();

  /**
   * The model of a document's revision: kept for an open document until its next change, built
   * afresh (and not kept) for a file read from disk.
   */
  model(source: SourceDocument, settings: Settings): DocumentModel {
    return this.entry(source, settings).model;
  }

  /** The analyser's problems per form of the document's last check, for the next check to reuse. */
  analyses(source: SourceDocument, settings: Settings): FormAnalyses {
    return this.entry(source, settings).analyses;
  }

  /** Diagnostics computed for this revision against this index generation and these settings. */
  diagnostics(source: SourceDocument, generation: number, settings: Settings): Diagnostic[] | undefined {
    const cached = this.entries.get(source.key)?.diagnostics;
    if (cached === undefined) return undefined;
    return cached.revision === source.revision && cached.generation === generation && cached.settings === settings ? cached.value : undefined;
  }

  setDiagnostics(source: SourceDocument, generation: number, settings: Settings, value: Diagnostic[]): void {
    const entry = this.entries.get(source.key);
    // Only for the revision still current: a check that awaited may finish after the next edit.
    if (entry !== undefined && entry.model.source.revision === source.revision) {
      entry.diagnostics = { revision: source.revision, generation, settings, value };
    }
  }

  /** Forgets a document (it was closed). */
  drop(key: UriKey): void {
    this.entries.delete(key);
  }

  private entry(source: SourceDocument, settings: Settings): Entry {
    const maxFileSize = settings.maxFileSize;
    const existing = this.entries.get(source.key);
    if (existing !== undefined && existing.model.source.revision === source.revision && existing.maxFileSize === maxFileSize) return existing;
    if (!source.open) {
      return { model: buildModel(source, maxFileSize), maxFileSize, analyses: new FormAnalyses() };
    }
    // Only a later revision of the same file may take the last read over: it gives its forms away.
    const previous =
      existing !== undefined && existing.model.kind === 'flow' && source.kind === 'flow' && existing.model.source.revision < source.revision
        ? existing.model.flow.read
        : undefined;
    const entry: Entry = { model: buildModel(source, maxFileSize, previous), maxFileSize, analyses: existing?.analyses ?? new FormAnalyses() };
    this.entries.set(source.key, entry);
    return entry;
  }
}
