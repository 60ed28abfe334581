// The platform's eight built-in definitions, read from schemas/builtin so that navigation can
// open the real file and ranges point into it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resourcePath } from '../resources';
import { DefinitionDocument, parseDefinitionDocument } from './definitionDocument';
import { languageIds } from '../documentKind';

function builtinDirectory(): string {
  return resourcePath('schemas', 'builtin');
}

/** The built-in definition files, parsed. */
export function loadBuiltinDocuments(): DefinitionDocument[] {
  const dir = builtinDirectory();
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.integration.json'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const doc = TextDocument.create(URI.file(file).toString(), languageIds.definition, 0, fs.readFileSync(file, 'utf8'));
      return parseDefinitionDocument(doc, true);
    });
}
