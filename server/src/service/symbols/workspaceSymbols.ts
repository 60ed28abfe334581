// "Go to Symbol in Workspace": integrations (their types), the messages of their endpoints, and the
// patterns and 4.2 `def`s of every flow and payload of the workspace, matched loosely against the
// query. Definitions come from the index; the names of a flow file are kept per read of it.
import { SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import type { LanguageService } from '../languageService';
import { Definition, definitionType } from '../definitions/model';
import { UriKey } from '../documents/uris';
import { CancellationToken } from '../workspace/fileAccess';
import { SourceDocument } from '../workspace/sourceDocument';
import { forEachFlowFile, workspaceFlowFiles } from '../workspace/flowFiles';
import { flowNames } from './flowNames';
import { matchScore } from './fuzzyMatch';

/** At most this many symbols in one answer (the best matches). */
export const maxWorkspaceSymbols = 1000;


function definitionNames(definition: Definition): SymbolInformation[] {
  const type = definitionType(definition);
  if (type === undefined || definition.type === undefined) return [];
  const where = definition.builtin ? 'built-in integration' : 'integration';
  const names = [SymbolInformation.create(type, SymbolKind.Class, definition.type.range, definition.uri, where)];
  for (const message of definition.endpoint?.sends ?? []) names.push(SymbolInformation.create(message.name, SymbolKind.Method, message.keyRange, definition.uri, type));
  return names;
}

export class WorkspaceSymbols {
  /** The names of each flow file, by the revision of the text they were read from. */
  private readonly flows = new Map<UriKey, { revision: number; names: SymbolInformation[] }>();

  constructor(private readonly service: LanguageService) {}

  async find(query: string, token?: CancellationToken): Promise<SymbolInformation[]> {
    const service = this.service;
    service.loadBuiltins();
    const scored: { symbol: SymbolInformation; score: number }[] = [];
    const consider = (symbol: SymbolInformation) => {
      const score = matchScore(symbol.name, query);
      if (score !== undefined) scored.push({ symbol, score });
    };
    for (const definition of [...service.index.workspaceDefinitions(), ...service.index.builtinDefinitions()]) definitionNames(definition).forEach(consider);
    for (const names of await this.flowNames(token)) names.forEach(consider);
    // Best first; among equals, shorter names (closer to the query) first, then by name.
    scored.sort((a, b) => b.score - a.score || a.symbol.name.length - b.symbol.name.length || (a.symbol.name < b.symbol.name ? -1 : a.symbol.name > b.symbol.name ? 1 : 0));
    return scored.slice(0, maxWorkspaceSymbols).map((s) => s.symbol);
  }

  private async flowNames(token?: CancellationToken): Promise<SymbolInformation[][]> {
    const files = workspaceFlowFiles(this.service.workspace);
    for (const key of [...this.flows.keys()]) if (!files.has(key)) this.flows.delete(key);
    const result: SymbolInformation[][] = [];
    await forEachFlowFile(this.service.workspace, files, (source, key) => result.push(this.namesOf(key, source)), token);
    return result;
  }

  /** The names of a flow file's text, read again only when its revision changed. */
  private namesOf(key: UriKey, source: SourceDocument): SymbolInformation[] {
    const cached = this.flows.get(key);
    if (cached?.revision === source.revision) return cached.names;
    const model = this.service.modelOf(source);
    const names =
      model.guard === undefined && (model.kind === 'flow' || model.kind === 'pattern') ? flowNames(model.flow, this.service.contextFor(source.uri).settings.flow.dialect) : [];
    this.flows.set(key, { revision: source.revision, names });
    return names;
  }
}
