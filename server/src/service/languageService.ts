// The language service behind the LSP server and the CLI: it owns the workspace (folders, files,
// open documents), the definition index and the store of per-document state, and answers every
// request by document kind. Callers speak URIs and positions; nothing here knows of LSP wiring.
import {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  SelectionRange,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisContext, analysisContext } from './analysisContext';
import { DefinitionIndex } from './definitions/definitionIndex';
import { definitionSymbols } from './definitions/definitionDocument';
import { BuiltinDefinitions } from './definitions/builtin';
import { validateDefinition } from './definitions/validate';
import { completeDefinition } from './definitions/completion';
import { hoverDefinition } from './definitions/hover';
import { definitionCodeActions } from './definitions/codeActions';
import { Definition, definitionType } from './definitions/model';
import { DuplicateTypeFacts } from './definitions/checks';
import { applySeverityOverrides, capDiagnostics, inDocumentOrder } from './diagnostics';
import { boundedCompletion, maxCodeLenses, maxSymbols } from './documents/answerLimits';
import { DocumentModel } from './documents/documentModel';
import { DocumentStore } from './documents/documentStore';
import { clampPosition, hasSurrogates, wholeCharacters, wholeRange } from './documents/textSafety';
import { displayPath, folderKey, isInside, normaliseUri } from './documents/uris';
import { Settings } from './settings';
import { withCodeDescription } from './codeLinks';
import { checkFlowDocumentWithin } from './flow';
import {
  completeFlow,
  flowCodeActions,
  flowDefinition,
  flowHighlights,
  flowInlayHints,
  flowSignatureHelp,
  flowSymbols,
  flowTokens,
  flowVariableReferences,
  hoverFlow,
} from './flow/editing/features';
import { completePattern, hoverPattern } from './flow/editing/payload';
import { checkPatternDocument } from './flow/embedding/payloadChecks';
import { Formatted, formatDocument, guardedNote, indentNewLine } from './formatting/documentFormatting';
import { foldingRanges, selectionRanges } from './formatting/documentStructure';
import { parsedDocument } from './formatting/parsedDocument';
import { sendCodeLenses } from './previews';
import { PreviewRequests } from './previewRequests';
import { CancellationToken, FileAccess, ScanLimits, ScanProgress } from './workspace/fileAccess';
import { FileChange, FolderScan, Workspace } from './workspace/workspace';
import { SourceDocument } from './workspace/sourceDocument';
import { workspaceReferences } from './workspaceReferences';
import { TemplateIndex } from './templates/templateIndex';
import { jsonService } from './jsonService';
import { TemplateFiles } from './templates/templateFiles';
import { checkTemplateDocument } from './templates/templateChecks';
import { completeTemplateFile, hoverTemplateFile } from './templates/templateEditing';
import { templateUses } from './templates/templateUses';

export interface ClientOptions {
  snippets: boolean;
}

export interface ServiceOptions {
  files: FileAccess;
  /** The `cxengage.*` settings that apply to a document or folder. */
  settingsFor(uri: string): Settings;
  scanLimits?: ScanLimits;
  /** The built-in definitions (default: read from the bundled `schemas/builtin`, see `useBuiltinScheme`). */
  builtins?: () => Definition[];
}

/** How many closed definition files are read at once during a scan. */
const readsAtOnce = 16;

export class LanguageService {
  readonly workspace: Workspace;
  readonly index = new DefinitionIndex();
  /** The message templates (`*.template.json`) of the workspace, by id. */
  readonly templates = new TemplateIndex();
  private readonly templateFiles: TemplateFiles;
  readonly previews: PreviewRequests;
  private readonly store = new DocumentStore();
  private readonly settingsFor: (uri: string) => Settings;
  /** The built-in definitions, read on first use; their uris and texts. */
  readonly builtins: BuiltinDefinitions;
  private builtinsLoaded = false;

  constructor(options: ServiceOptions) {
    this.settingsFor = options.settingsFor;
    this.builtins = new BuiltinDefinitions(options.builtins);
    this.workspace = new Workspace(options.files, options.settingsFor, options.scanLimits);
    this.previews = new PreviewRequests(this);
    this.templateFiles = new TemplateFiles(this.workspace, this.templates, (source) => this.modelOf(source));
  }

  // ---- The workspace and its documents ----

  setFolders(uris: readonly string[]): void {
    this.workspace.setFolders(uris);
    this.index.setFolders(this.workspace.folders);
    this.templates.setFolders(this.workspace.folders);
  }

  /** Reads the built-in definitions into the index (once; every analysis needs them). */
  loadBuiltins(): void {
    if (this.builtinsLoaded) return;
    this.builtinsLoaded = true;
    this.index.setBuiltins(this.builtins.definitions());
  }

  /** A built-in definition is never a workspace one, even when the editor reopens it before the built-ins are read. */
  private isBuiltin(uri: string): boolean {
    return this.index.isBuiltinUri(uri) || this.builtins.owns(uri);
  }

  /**
   * Finds the workspace's definition and flow files again and reads every definition into the
   * index (open ones as edited). Bounded and cancellable; says per folder what stopped it.
   */
  async scanWorkspace(token?: CancellationToken, progress?: ScanProgress): Promise<FolderScan[]> {
    const scans = await this.workspace.scan(token, progress);
    const files = this.workspace.knownFiles('definition').filter((f) => this.workspace.opened(f.key) === undefined && !this.index.isBuiltinUri(f.key));
    const read: SourceDocument[] = [];
    for (let i = 0; i < files.length && !token?.isCancellationRequested; i += readsAtOnce) {
      const batch = await Promise.all(files.slice(i, i + readsAtOnce).map((f) => this.workspace.read(f.uri)));
      for (const source of batch) if (source !== undefined) read.push(source);
    }
    const found = new Set(files.map((f) => f.key));
    this.index.batch(() => {
      this.index.deleteWhere((key) => !found.has(key) && this.workspace.opened(key) === undefined);
      for (const source of read) this.indexDefinition(source);
      for (const source of this.workspace.openDocuments()) if (source.kind === 'definition') this.indexDefinition(source);
    });
    await this.templateFiles.scanned(token);
    return scans;
  }

  /** An opened or edited document: its text is what counts from now on. */
  documentChanged(doc: TextDocument): void {
    const source = this.workspace.setOpen(doc);
    if (source.kind === 'definition') this.indexDefinition(source);
    this.templateFiles.changed(source);
  }

  /** A closed document: its state is dropped, and a definition goes back to what is on disk. */
  documentClosed(uri: string): Promise<void> {
    const source = this.workspace.setClosed(uri);
    this.store.drop(normaliseUri(uri));
    if (source?.kind === 'template') return this.track(this.templateFiles.fromDisk(uri));
    if (source?.kind !== 'definition') return this.settled();
    return this.track(this.reindexFromDisk(uri));
  }

  /** Files created, changed or deleted on disk (open documents keep their unsaved text). */
  filesChanged(changes: readonly { uri: string; change: FileChange }[]): Promise<void> {
    return this.track(
      (async () => {
        for (const { uri, change } of changes) {
          // A folder deleted whole is reported as the folder alone: what was read under it goes too.
          if (change === 'deleted' && !this.index.has(uri)) {
            const folder = folderKey(uri);
            this.index.deleteWhere((key) => isInside(key, folder) && this.workspace.opened(key) === undefined);
          }
          const role = this.workspace.fileChanged(uri, change);
          await this.templateFiles.fileChanged(uri, change);
          if (this.workspace.opened(uri) !== undefined) continue;
          if (role === 'definition') await this.reindexFromDisk(uri);
          else this.index.delete(uri);
        }
      })(),
    );
  }

  private updates: Promise<void> = Promise.resolve();

  /** Resolves once every index update begun so far (closes, file events, which read the disk) is done. */
  settled(): Promise<void> {
    return this.updates;
  }

  private track(update: Promise<void>): Promise<void> {
    // A failed update is the caller's to report; later requests still go ahead.
    this.updates = Promise.all([this.updates, update.catch(() => undefined)]).then(() => undefined);
    return update;
  }

  /** The revision of an open document (bumped on every change), to tell whether an answer is still current. */
  revisionOf(uri: string): number | undefined {
    return this.workspace.opened(uri)?.revision;
  }

  private async reindexFromDisk(uri: string): Promise<void> {
    if (this.isBuiltin(uri)) return;
    const onDisk = this.workspace.roleOf(uri) === 'definition' ? await this.workspace.read(uri) : undefined;
    // Opened again while the file was read: the editor's text wins.
    if (this.workspace.opened(uri) !== undefined) return;
    if (onDisk === undefined) this.index.delete(uri);
    else this.indexDefinition(onDisk);
  }

  private indexDefinition(source: SourceDocument): void {
    if (this.isBuiltin(source.uri)) return;
    const model = this.modelOf(source);
    if (model.kind !== 'definition' || model.guard !== undefined) this.index.delete(source.uri);
    else this.index.set(model.definition.definition);
  }

  // ---- Models and contexts ----

  modelOf(source: SourceDocument): DocumentModel {
    return this.store.model(source, this.settingsFor(source.uri));
  }

  /** The model of an open document, unless a guard stopped it (every feature then answers nothing). */
  openModel(uri: string): DocumentModel | undefined {
    const source = this.workspace.opened(uri);
    if (source === undefined) return undefined;
    const model = this.modelOf(source);
    return model.guard === undefined ? model : undefined;
  }

  contextFor(uri: string, settings = this.settingsFor(uri)): AnalysisContext {
    this.loadBuiltins();
    return analysisContext(this.index, uri, settings, this.templates);
  }

  // ---- Requests ----

  /** Diagnostics of an open document, or of a readable file on disk (the CLI). */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const source = await this.workspace.read(uri);
    return source === undefined ? [] : this.sourceDiagnostics(source);
  }

  /** Diagnostics of a document already read: severity overrides applied, capped per file, in document order. */
  async sourceDiagnostics(source: SourceDocument): Promise<Diagnostic[]> {
    const settings = this.settingsFor(source.uri);
    const model = this.store.model(source, settings);
    const ctx = this.contextFor(source.uri, settings);
    const cached = this.store.diagnostics(source, ctx.generation, settings);
    if (cached !== undefined) return cached;
    let found: Diagnostic[];
    let total: number | undefined;
    if (model.guard !== undefined) found = [model.guard];
    else if (model.kind === 'definition') {
      found = await validateDefinition(model.definition, { duplicates: this.duplicateFacts(model.definition.definition, settings) });
    } else if (model.kind === 'flow' || model.kind === 'pattern') {
      // Only the diagnostics shown are placed in the document; the rest are counted.
      const analyses = this.store.analyses(source, settings);
      const limit = settings.maxDiagnosticsPerFile;
      const check = model.kind === 'pattern' ? await checkPatternDocument(model.flow, ctx, analyses, limit) : checkFlowDocumentWithin(model.flow, ctx, analyses, limit);
      found = check.diagnostics;
      total = check.total;
    } else if (model.kind === 'template') found = await checkTemplateDocument(model.template);
    else found = [];
    const doc = source.document;
    const graded = inDocumentOrder(applySeverityOverrides(found, settings));
    // Ranges can split a surrogate pair only where the text has one: most texts need no check.
    const pairs = hasSurrogates(doc.getText());
    const result = capDiagnostics(graded, settings, total ?? graded.length).map((d) => {
      const range = pairs ? wholeRange(doc, d.range) : d.range;
      const message = typeof d.message === 'string' ? wholeCharacters(d.message) : d.message;
      return withCodeDescription(range === d.range && message === d.message ? d : { ...d, range, message });
    });
    this.store.setDiagnostics(source, ctx.generation, settings, result);
    return result;
  }

  /** Other workspace definitions of the same type in the folder, and whether it overrides a built-in one. */
  private duplicateFacts(definition: Definition, settings: Settings): DuplicateTypeFacts | undefined {
    const type = definitionType(definition);
    if (type === undefined || this.index.isBuiltinUri(definition.uri)) return undefined;
    const scope = this.index.scopeFor(definition.uri, settings.definitions.builtin);
    const key = normaliseUri(definition.uri);
    const others = this.index
      .workspaceDeclarers(type, scope)
      .filter((d) => normaliseUri(d.uri) !== key)
      .map((d) => displayPath(d.uri, scope.folder));
    return { others, overridesBuiltin: scope.builtin && this.index.builtin(type) !== undefined };
  }

  async completion(uri: string, position: Position, options: ClientOptions): Promise<CompletionList> {
    const model = this.openModel(uri);
    const empty = { isIncomplete: false, items: [] };
    if (model === undefined) return empty;
    const doc = model.source.document;
    const at = clampPosition(doc, position);
    let list: CompletionList;
    switch (model.kind) {
      case 'definition':
        list = await completeDefinition(model.definition, at);
        break;
      case 'flow':
        list = { isIncomplete: false, items: completeFlow(model.flow, at, this.contextFor(uri), options) };
        break;
      case 'pattern':
        list = await completePattern(model.flow, at, this.contextFor(uri), options);
        break;
      case 'template':
        list = await completeTemplateFile(model.template, at, (id) => templateUses(this, id, uri), options.snippets);
        break;
      default:
        return empty;
    }
    return boundedCompletion(list, doc, at);
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    const model = this.openModel(uri);
    if (model === undefined) return null;
    const doc = model.source.document;
    const at = clampPosition(doc, position);
    let hover: Hover | null;
    switch (model.kind) {
      case 'definition':
        hover = await hoverDefinition(model.definition, at);
        break;
      case 'flow':
        hover = hoverFlow(model.flow, at, this.contextFor(uri));
        break;
      case 'pattern':
        hover = await hoverPattern(model.flow, at, this.contextFor(uri));
        break;
      case 'template':
        hover = await hoverTemplateFile(model.template, at, (id) => templateUses(this, id, uri));
        break;
      default:
        return null;
    }
    return hover?.range ? { ...hover, range: wholeRange(doc, hover.range) } : hover;
  }

  definition(uri: string, position: Position): Location[] {
    const model = this.openModel(uri);
    if (model === undefined || (model.kind !== 'flow' && model.kind !== 'pattern')) return [];
    return flowDefinition(model.flow, clampPosition(model.source.document, position), this.contextFor(uri));
  }

  /**
   * Uses, in every flow of the workspace (open ones as edited), of what a position names: in a
   * definition its type, a message or a field; in a flow the integration, message or field used,
   * or the reads of the 4.2 variable there. With `includeDeclaration`, where the definition
   * declares it (or the variable's binding) comes first.
   */
  async references(uri: string, position: Position, includeDeclaration = false, token?: CancellationToken): Promise<Location[]> {
    const variable = this.variableReferences(uri, position, includeDeclaration);
    if (variable.length > 0) return variable;
    return workspaceReferences(this, uri, position, includeDeclaration, token);
  }

  /** References of the 4.2 variable under a position of a flow or pattern document (empty elsewhere). */
  variableReferences(uri: string, position: Position, withBinding: boolean): Location[] {
    const model = this.openModel(uri);
    if (model === undefined || (model.kind !== 'flow' && model.kind !== 'pattern')) return [];
    return flowVariableReferences(model.flow, clampPosition(model.source.document, position), this.contextFor(uri), withBinding);
  }

  /** The uses in the document of the integration, message, field or 4.2 variable under a position. */
  highlights(uri: string, position: Position): DocumentHighlight[] {
    const model = this.openModel(uri);
    if (model === undefined || (model.kind !== 'flow' && model.kind !== 'pattern')) return [];
    return flowHighlights(model.flow, clampPosition(model.source.document, position), this.contextFor(uri));
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
    const source = this.workspace.opened(uri);
    return source === undefined ? [] : this.sourceCodeActions(source, diagnostics, range);
  }

  /** The quick fixes of a document already read (an open one, a file on disk, or a text Fix All made). */
  sourceCodeActions(source: SourceDocument, diagnostics: Diagnostic[], range?: Range): CodeAction[] {
    const model = this.modelOf(source);
    if (model.guard !== undefined) return [];
    switch (model.kind) {
      case 'definition':
        return definitionCodeActions(model.definition, diagnostics);
      case 'flow':
      case 'pattern': {
        const doc = model.source.document;
        const whole = range === undefined ? { start: doc.positionAt(0), end: doc.positionAt(doc.getText().length) } : wholeRange(doc, range);
        return flowCodeActions(model.flow, whole, diagnostics, this.contextFor(source.uri));
      }
      default:
        return [];
    }
  }

  /** The outline, at most `maxSymbols` entries. */
  symbols(uri: string): DocumentSymbol[] {
    const model = this.openModel(uri);
    switch (model?.kind) {
      case 'definition':
        return definitionSymbols(model.definition, maxSymbols);
      case 'flow':
      case 'pattern':
        return flowSymbols(model.flow, this.settingsFor(uri).flow.dialect, maxSymbols);
      case 'template':
        return jsonService().findDocumentSymbols2(model.template.document, model.template.json, { resultLimit: maxSymbols });
      default:
        return [];
    }
  }

  /** Format Document, or Format Selection with `range`; `note` says what was left as written. */
  format(uri: string, options: FormattingOptions, range?: Range): Formatted {
    const source = this.workspace.opened(uri);
    return source === undefined ? { edits: [] } : this.formatSource(source, options, range);
  }

  /** Format Document of a document already read (the CLI's `format`); a guarded one is left as written, saying why. */
  formatSource(source: SourceDocument, options: FormattingOptions, range?: Range): Formatted {
    const model = this.modelOf(source);
    if (model.guard !== undefined) return { edits: [], note: guardedNote(model.guard) };
    const doc = source.document;
    return formatDocument(parsedDocument(model), { options, range: range && wholeRange(doc, range), json: this.settingsFor(source.uri).format });
  }

  /** After Enter: the new line's indentation (flow files). */
  formatOnType(uri: string, position: Position): TextEdit[] {
    const model = this.openModel(uri);
    if (model === undefined) return [];
    return indentNewLine(model.source.document, model.kind, clampPosition(model.source.document, position));
  }

  foldingRanges(uri: string, rangeLimit?: number): FoldingRange[] {
    const model = this.openModel(uri);
    return model === undefined ? [] : foldingRanges(parsedDocument(model), rangeLimit);
  }

  selectionRanges(uri: string, positions: Position[]): SelectionRange[] {
    const model = this.openModel(uri);
    if (model === undefined) return [];
    const doc = model.source.document;
    return selectionRanges(parsedDocument(model), positions.map((p) => clampPosition(doc, p)));
  }

  /** A "Preview form" lens above each send of a flow or pattern file (the first `maxCodeLenses`). */
  codeLenses(uri: string): CodeLens[] {
    const model = this.openModel(uri);
    return model?.kind === 'flow' || model?.kind === 'pattern' ? sendCodeLenses(model.flow).slice(0, maxCodeLenses) : [];
  }

  // ---- Semantic tokens, signature help, inlay hints (flow code only) ----

  /** Semantic tokens of a flow or pattern document (in `range` only, when given), as LSP encodes them. */
  semanticTokens(uri: string, range?: Range): SemanticTokens {
    const model = this.openModel(uri);
    if (model?.kind !== 'flow' && model?.kind !== 'pattern') return { data: [] };
    const doc = model.source.document;
    const ctx = this.contextFor(uri);
    return { data: range === undefined ? flowTokens(model.flow, ctx) : flowTokens(model.flow, ctx, doc.offsetAt(range.start), doc.offsetAt(range.end)) };
  }

  signatureHelp(uri: string, position: Position): SignatureHelp | null {
    const model = this.openModel(uri);
    if (model?.kind !== 'flow' && model?.kind !== 'pattern') return null;
    return flowSignatureHelp(model.flow, clampPosition(model.source.document, position), this.contextFor(uri));
  }

  inlayHints(uri: string, range: Range): InlayHint[] {
    const model = this.openModel(uri);
    if (model?.kind !== 'flow' && model?.kind !== 'pattern') return [];
    return flowInlayHints(model.flow, wholeRange(model.source.document, range), this.contextFor(uri));
  }
}
