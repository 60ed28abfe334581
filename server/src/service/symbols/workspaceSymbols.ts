// "Go to Symbol in Workspace": integrations (their types), the messages of their endpoints, and the
// patterns and 4.2 `def`s of every flow and payload of the workspace, matched loosely against the
// query. Definitions come from the index; the names of a flow file are kept per read of it.
import { SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import type { LanguageService } from '../languageService';
import { Definition, definitionType } from '../definitions/model';
import { UriKey } from '../documents/uris';
import { CancellationToken } from '../workspace/fileAccess';
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
    const workspace = this.service.workspace;
    const uris = new Map<UriKey, string>();
    for (const source of workspace.openDocuments()) if (source.kind === 'flow' || source.kind === 'pattern') uris.set(source.key, source.uri);
    for (const file of workspace.knownFiles('flow')) if (!uris.has(file.key)) uris.set(file.key, file.uri);
    for (const key of [...this.flows.keys()]) if (!uris.has(key)) this.flows.delete(key);
    const result: SymbolInformation[][] = [];
    for (const [key, uri] of uris) {
      if (token?.isCancellationRequested) break;
      const source = await workspace.readFlow(uri);
      if (source === undefined) continue;
      const cached = this.flows.get(key);
      if (cached?.revision === source.revision) {
        result.push(cached.names);
        continue;
      }
      const model = this.service.modelOf(source);
      const names = model.guard === undefined && (model.kind === 'flow' || model.kind === 'pattern') ? flowNames(model.flow, this.service.contextFor(uri).settings.flow.dialect) : [];
      this.flows.set(key, { revision: source.revision, names });
      result.push(names);
    }
    return result;
  }
}
