// A definition file parsed by the JSON language service (see jsonService.ts), and the definition
// model read from the same tree. The document store keeps one per open document's revision.
import type { JSONDocument } from 'vscode-json-languageservice';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { jsonService } from '../jsonService';
import { readDefinition } from './read';
import { Definition } from './model';

export interface DefinitionDocument {
  document: TextDocument;
  json: JSONDocument;
  definition: Definition;
}

export function parseDefinitionDocument(document: TextDocument, builtin = false): DefinitionDocument {
  const json = jsonService().parseJSONDocument(document);
  return { document, json, definition: readDefinition(document, json.root, builtin) };
}

/** The model of a definition file that is not read (a guard stopped it): no JSON, no content. */
export function emptyDefinitionDocument(document: TextDocument): DefinitionDocument {
  const blank = TextDocument.create(document.uri, document.languageId, document.version, '');
  return { document, json: jsonService().parseJSONDocument(blank), definition: { uri: document.uri, builtin: false, schema: [] } };
}

/** The outline of a definition file, at most `limit` symbols (the JSON service's own is unbounded). */
export function definitionSymbols(parsed: DefinitionDocument, limit: number): DocumentSymbol[] {
  return jsonService().findDocumentSymbols2(parsed.document, parsed.json, { resultLimit: limit });
}
