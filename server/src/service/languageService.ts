// The language service behind the LSP server and the CLI: dispatches each request to the
// definition or flow features by document kind, against one definition index.
import {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  Location,
  Position,
  Range,
  SelectionRange,
  TextEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { AnalysisContext, analysisContext } from './analysisContext';
import { DefinitionIndex } from './definitions/definitionIndex';
import { getDefinitionDocument, forgetDefinitionDocument } from './definitions/definitionDocument';
import { jsonService } from './jsonService';
import { validateDefinition } from './definitions/validate';
import { completeDefinition } from './definitions/completion';
import { hoverDefinition } from './definitions/hover';
import { definitionCodeActions } from './definitions/codeActions';
import { ReferenceTarget, referenceTargetAt } from './definitions/navigation';
import { definitionType } from './definitions/model';
import { applySeverityOverrides } from './diagnostics';
import { DocumentKind, documentKind } from './documentKind';
import { guardDocument } from './fileGuards';
import { Settings } from './settings';
import { checkFlowDocument, forgetFlowDocument } from './flow';
import { completeFlow, flowCodeActions, flowDefinition, flowHighlights, flowReferences, flowSymbols, flowVariableReferences, hoverFlow } from './flow/editing/features';
import { completePattern, hoverPattern } from './flow/editing/payload';
import { checkPatternDocument } from './flow/embedding/payloadChecks';
import { Formatted, formatDocument, indentNewLine } from './formatting/documentFormatting';
import { foldingRanges, selectionRanges } from './formatting/documentStructure';
import { parsedDocument } from './formatting/parsedDocument';

export interface ClientOptions {
  snippets: boolean;
}

export class LanguageService {
  constructor(
    readonly index: DefinitionIndex,
    private readonly settingsFor: (uri: string) => Settings,
  ) {}

  kindOf(doc: TextDocument): DocumentKind {
    return documentKind(doc.uri, doc.languageId);
  }

  contextFor(uri: string): AnalysisContext {
    return analysisContext(this.index, uri, this.settingsFor(uri));
  }

  /** Reads an open or on-disk definition file into the index (its unsaved text is what counts). */
  updateDefinition(doc: TextDocument): void {
    if (this.index.isBuiltinUri(doc.uri)) return;
    if (guardDocument(doc, this.settingsFor(doc.uri))) {
      this.index.delete(doc.uri);
      return;
    }
    this.index.set(getDefinitionDocument(doc).definition);
  }

  /** Drops a closed document's cached parses. */
  forget(uri: string): void {
    forgetDefinitionDocument(uri);
    forgetFlowDocument(uri);
  }

  async diagnostics(doc: TextDocument): Promise<Diagnostic[]> {
    const settings = this.settingsFor(doc.uri);
    switch (this.kindOf(doc)) {
      case 'definition':
        return validateDefinition(doc, settings, { duplicates: this.duplicateFacts(doc, settings) });
      case 'flow':
      case 'pattern': {
        const guard = guardDocument(doc, settings);
        if (guard) return applySeverityOverrides([guard], settings);
        const ctx = this.contextFor(doc.uri);
        return applySeverityOverrides(this.kindOf(doc) === 'pattern' ? await checkPatternDocument(doc, ctx) : checkFlowDocument(doc, ctx), settings);
      }
      default:
        return [];
    }
  }

  private duplicateFacts(doc: TextDocument, settings: Settings) {
    if (this.index.isBuiltinUri(doc.uri)) return undefined;
    const type = definitionType(getDefinitionDocument(doc).definition);
    if (type === undefined) return undefined;
    const scope = this.index.scopeFor(doc.uri, settings.definitions.builtin);
    const others = this.index
      .workspaceDeclarers(type, scope)
      .filter((d) => d.uri !== doc.uri)
      .map((d) => displayPath(d.uri, scope.folder));
    return { others, overridesBuiltin: scope.builtin && this.index.builtin(type) !== undefined };
  }

  private tooLarge(doc: TextDocument): boolean {
    return guardDocument(doc, this.settingsFor(doc.uri)) !== undefined;
  }

  async completion(doc: TextDocument, position: Position, options: ClientOptions): Promise<CompletionList> {
    if (this.tooLarge(doc)) return { isIncomplete: false, items: [] };
    switch (this.kindOf(doc)) {
      case 'definition':
        return completeDefinition(doc, position);
      case 'flow':
        return { isIncomplete: false, items: completeFlow(doc, position, this.contextFor(doc.uri), options) };
      case 'pattern':
        return completePattern(doc, position, this.contextFor(doc.uri), options);
      default:
        return { isIncomplete: false, items: [] };
    }
  }

  async hover(doc: TextDocument, position: Position): Promise<Hover | null> {
    if (this.tooLarge(doc)) return null;
    switch (this.kindOf(doc)) {
      case 'definition':
        return hoverDefinition(doc, position);
      case 'flow':
        return hoverFlow(doc, position, this.contextFor(doc.uri));
      case 'pattern':
        return hoverPattern(doc, position, this.contextFor(doc.uri));
      default:
        return null;
    }
  }

  definition(doc: TextDocument, position: Position): Location[] {
    const kind = this.kindOf(doc);
    if ((kind !== 'flow' && kind !== 'pattern') || this.tooLarge(doc)) return [];
    return flowDefinition(doc, position, this.contextFor(doc.uri));
  }

  /** What a position in a definition file names, for references into flows. */
  referenceTarget(doc: TextDocument, position: Position): ReferenceTarget | undefined {
    return this.kindOf(doc) === 'definition' && !this.tooLarge(doc) ? referenceTargetAt(doc, position) : undefined;
  }

  /** Uses of `target` in the given flow documents that resolve `target.type` to the definition in `definitionUri`. */
  references(target: ReferenceTarget, definitionUri: string, flows: Iterable<TextDocument>): Location[] {
    const result: Location[] = [];
    for (const flow of flows) {
      // A flow that never spells the integration's name cannot use it: skip reading it. (A
      // pattern file might spell it with `\u` escapes inside a JSON string, so those are read.)
      const text = flow.getText();
      if (!text.includes(target.type) && !text.includes('\\u')) continue;
      if (this.tooLarge(flow)) continue;
      const ctx = this.contextFor(flow.uri);
      // A flow in another folder may mean another definition of the same type.
      if (ctx.lookup(target.type)?.uri !== definitionUri) continue;
      result.push(...flowReferences(flow, target, ctx));
    }
    return result;
  }

  /** References of the 4.2 variable under a position of a flow or pattern document (empty elsewhere). */
  variableReferences(doc: TextDocument, position: Position, withBinding: boolean): Location[] {
    const kind = this.kindOf(doc);
    if ((kind !== 'flow' && kind !== 'pattern') || this.tooLarge(doc)) return [];
    return flowVariableReferences(doc, position, this.contextFor(doc.uri), withBinding);
  }

  /** The binding and reads of the 4.2 variable under a position. */
  highlights(doc: TextDocument, position: Position): DocumentHighlight[] {
    const kind = this.kindOf(doc);
    if ((kind !== 'flow' && kind !== 'pattern') || this.tooLarge(doc)) return [];
    return flowHighlights(doc, position, this.contextFor(doc.uri));
  }

  codeActions(doc: TextDocument, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
    if (this.tooLarge(doc)) return [];
    switch (this.kindOf(doc)) {
      case 'definition':
        return definitionCodeActions(doc, diagnostics);
      case 'flow':
      case 'pattern':
        return flowCodeActions(doc, range, diagnostics, this.contextFor(doc.uri));
      default:
        return [];
    }
  }

  symbols(doc: TextDocument): DocumentSymbol[] {
    if (this.tooLarge(doc)) return [];
    switch (this.kindOf(doc)) {
      case 'definition':
        return jsonService().findDocumentSymbols2(doc, getDefinitionDocument(doc).json);
      case 'flow':
      case 'pattern':
        return flowSymbols(doc, this.contextFor(doc.uri));
      default:
        return [];
    }
  }
  /** Format Document, or Format Selection with `range`; `note` says what was left as written. */
  format(doc: TextDocument, options: FormattingOptions, range?: Range): Formatted {
    if (this.tooLarge(doc)) return { edits: [] };
    return formatDocument(parsedDocument(doc, this.kindOf(doc)), { options, range, json: this.settingsFor(doc.uri).format });
  }

  /** After Enter: the new line's indentation (flow files). */
  formatOnType(doc: TextDocument, position: Position): TextEdit[] {
    return this.tooLarge(doc) ? [] : indentNewLine(doc, this.kindOf(doc), position);
  }

  foldingRanges(doc: TextDocument, rangeLimit?: number): FoldingRange[] {
    return this.tooLarge(doc) ? [] : foldingRanges(parsedDocument(doc, this.kindOf(doc)), rangeLimit);
  }

  selectionRanges(doc: TextDocument, positions: Position[]): SelectionRange[] {
    return this.tooLarge(doc) ? [] : selectionRanges(parsedDocument(doc, this.kindOf(doc)), positions);
  }

}

/** A definition's path as a person reads it: relative to the workspace folder when inside it. */
export function displayPath(uri: string, folder: string | undefined): string {
  if (folder !== undefined && uri.startsWith(folder)) return decodeURIComponent(uri.slice(folder.length));
  try {
    return URI.parse(uri).fsPath;
  } catch {
    return uri;
  }
}
