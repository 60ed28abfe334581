// Parses a definition file once per version with the JSON language service configured with our
// schema (see jsonService.ts), and reads the definition model from the same tree.
import type { JSONDocument } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../documentCache';
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

const cache = new DocumentCache<DefinitionDocument>((doc) => parseDefinitionDocument(doc));

/** The parsed definition for this version of the document, parsed at most once. */
export function getDefinitionDocument(document: TextDocument): DefinitionDocument {
  return cache.get(document);
}

export function forgetDefinitionDocument(uri: string): void {
  cache.delete(uri);
}
