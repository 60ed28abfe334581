// The one JSON language service of the server: strict JSON, with the schemas we ship (integration
// definitions, pattern payloads, message templates) registered in memory and read on first use. The package itself is
// loaded on first use too: the server answers `initialize` without it.
import type * as JsonPackage from 'vscode-json-languageservice';
import type { JSONDocument, JSONSchema, LanguageService } from 'vscode-json-languageservice';
import { Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { shippedSchema } from './resources';

export type SchemaKind = 'definition' | 'pattern' | 'template';

/** The vscode-json-languageservice package, loaded when first needed (it is a fifth of the bundle). */
export function jsonPackage(): typeof JsonPackage {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; an import would run it at start-up
  return require('vscode-json-languageservice') as typeof JsonPackage;
}

const schemaFiles: Record<SchemaKind, string> = {
  definition: 'integration-definition.schema.json',
  pattern: 'pattern.schema.json',
  template: 'template.schema.json',
};

/**
 * The names under which the JSON service sees a document of each kind. Completion and hover find
 * a document's schema by its URI, and ours is known by language id as often as by file name (an
 * untitled pattern, say), so every document reaches the service under its kind's name.
 */
const viewNames: Record<SchemaKind, string> = {
  definition: 'document.integration.json',
  pattern: 'document.pattern.json',
  template: 'document.template.json',
};
const viewUri = (kind: SchemaKind) => `cxengage-schema://documents/${viewNames[kind]}`;

const schemas: Partial<Record<SchemaKind, JSONSchema>> = {};
let service: LanguageService | undefined;

/**
 * The schema a kind of file is validated with. `id` names it in the JSON service's registry: a
 * schema handed to doValidation without one is registered anew, under a fresh name, on every call.
 */
export function schemaFor(kind: SchemaKind): JSONSchema {
  let schema = schemas[kind];
  if (schema === undefined) {
    const shipped = JSON.parse(shippedSchema(schemaFiles[kind])) as JSONSchema;
    schema = { ...(kind === 'pattern' ? withoutRulesWeReport(shipped) : shipped), id: `cxengage://schemas/${schemaFiles[kind]}` };
    schemas[kind] = schema;
  }
  return schema;
}

/**
 * The pattern schema minus the two rules the pattern checks report themselves, with did-you-mean
 * and quick fixes (`unknown-pattern-key`, `missing-pattern-code`): each problem is reported once.
 * The shipped file keeps them, for other tools that validate payloads with it.
 */
function withoutRulesWeReport(schema: JSONSchema): JSONSchema {
  const pattern = schema.definitions?.pattern;
  if (pattern === undefined || typeof pattern === 'boolean') return schema;
  const { additionalProperties: _unknownKeys, if: _enabled, then: _needsCode, ...rest } = pattern;
  return { ...schema, definitions: { ...schema.definitions, pattern: rest } };
}

/** The JSON language service, configured once with every schema. */
export function jsonService(): LanguageService {
  if (service) return service;
  service = jsonPackage().getLanguageService({
    // Our schemas are registered in memory: nothing is ever fetched.
    schemaRequestService: (uri) => Promise.reject(new Error(`schema ${uri} is not available`)),
  });
  service.configure({
    validate: true,
    allowComments: false,
    schemas: (['definition', 'pattern', 'template'] as const).map((kind) => ({ uri: schemaFor(kind).id ?? kind, fileMatch: [viewNames[kind]], schema: schemaFor(kind) })),
  });
  return service;
}

/**
 * The document as the JSON service must see it to pick the kind's schema: the same document (text,
 * line table, every method) under the kind's URI.
 */
export function forSchema(doc: TextDocument, kind: SchemaKind): TextDocument {
  // Positions go to the document itself: its line table, built when first needed (a clean file
  // validated never needs one), is shared with the view instead of built again and thrown away.
  return Object.create(doc, {
    uri: { value: viewUri(kind) },
    positionAt: { value: (offset: number) => doc.positionAt(offset) },
    offsetAt: { value: (position: Position) => doc.offsetAt(position) },
    lineCount: { get: () => doc.lineCount },
  }) as TextDocument;
}

/** The schema's description of what is under the position, or null where the schema says nothing. */
export async function schemaHover(doc: TextDocument, kind: SchemaKind, position: Position, json: JSONDocument): Promise<Hover | null> {
  const hover = await jsonService().doHover(forSchema(doc, kind), position, json);
  if (hover === null) return null;
  const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return contents.every((c) => (typeof c === 'string' ? c : c.value).trim() === '') ? null : hover;
}
