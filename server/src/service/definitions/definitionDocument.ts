// Parses a definition file once per version with the JSON language service configured with our
// schema, and reads the definition model from the same tree.
import * as fs from 'node:fs';
import { getLanguageService, JSONDocument, LanguageService, JSONSchema } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../documentCache';
import { resourcePath } from '../resources';
import { readDefinition } from './read';
import { Definition } from './model';

export const definitionSchemaUri = 'cxengage://schemas/integration-definition.schema.json';

export interface DefinitionDocument {
  document: TextDocument;
  json: JSONDocument;
  definition: Definition;
}

let service: LanguageService | undefined;
let schema: JSONSchema | undefined;

export function definitionSchema(): JSONSchema {
  // `id` names the schema in the JSON service's registry: a schema handed to doValidation without
  // one is registered anew, under a fresh name, on every call, and the registry only grows.
  schema ??= { ...(JSON.parse(fs.readFileSync(resourcePath('schemas', 'integration-definition.schema.json'), 'utf8')) as JSONSchema), id: definitionSchemaUri };
  return schema;
}

/** The JSON language service, configured once with the definition schema for every file we hand it. */
export function jsonService(): LanguageService {
  if (service) return service;
  service = getLanguageService({
    // The only schema is ours, registered in memory: nothing is ever fetched.
    schemaRequestService: (uri) => Promise.reject(new Error(`schema ${uri} is not available`)),
  });
  service.configure({
    validate: true,
    allowComments: false,
    schemas: [{ uri: definitionSchemaUri, fileMatch: ['*'], schema: definitionSchema() }],
  });
  return service;
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
