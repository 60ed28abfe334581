// The platform's eight built-in definitions, read from schemas/builtin. Their uris are the files'
// own (a client can open them), or, for a client that shows them read-only, `<scheme>:/<name>`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resourcePath } from '../resources';
import { parseDefinitionDocument, DefinitionDocument } from './definitionDocument';
import { Definition } from './model';
import { languageIds } from '../documentKind';

export function builtinDirectory(): string {
  return resourcePath('schemas', 'builtin');
}

export interface BuiltinOptions {
  /** A uri scheme to give the built-in definitions instead of `file`. */
  scheme?: string;
}

function builtinUri(file: string, options: BuiltinOptions): string {
  return options.scheme === undefined ? URI.file(file).toString() : URI.from({ scheme: options.scheme, path: `/${path.basename(file)}` }).toString();
}

export function loadBuiltinDocuments(options: BuiltinOptions = {}): DefinitionDocument[] {
  const dir = builtinDirectory();
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.integration.json'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const doc = TextDocument.create(builtinUri(file, options), languageIds.definition, 0, fs.readFileSync(file, 'utf8'));
      return parseDefinitionDocument(doc, true);
    });
}

const loaded = new Map<string, DefinitionDocument[]>();

function builtinDocuments(options: BuiltinOptions): DefinitionDocument[] {
  const key = options.scheme ?? 'file';
  let documents = loaded.get(key);
  if (documents === undefined) {
    documents = loadBuiltinDocuments(options);
    loaded.set(key, documents);
  }
  return documents;
}

export function loadBuiltinDefinitions(options: BuiltinOptions = {}): Definition[] {
  return builtinDocuments(options).map((d) => d.definition);
}

/** The text of the built-in definition with this uri, as shipped. */
export function builtinDocument(uri: string, options: BuiltinOptions = {}): TextDocument | undefined {
  return builtinDocuments(options).find((d) => d.document.uri === uri)?.document;
}
