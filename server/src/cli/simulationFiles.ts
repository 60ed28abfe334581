// What `cxengage-lint run` and `test` read from disk around a pattern: the definitions (built-in
// ones and `*.integration.json` under the workspace folder) for masking credentials and checking
// mocks, the `*.template.json` templates, and files named relative to a test case.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiskFileAccess } from '../node/diskFileAccess';
import { loadBuiltinDocuments } from '../service/definitions/builtin';
import { parseDefinitionDocument } from '../service/definitions/definitionDocument';
import { DefinitionIndex } from '../service/definitions/definitionIndex';
import { Definition } from '../service/definitions/model';
import { languageIds } from '../service/documentKind';
import { CaseLoader, InputProblem, MessageCheck, MessageTemplate, messageCheck, readTemplate, TemplateSet, templateSet } from '../service/simulation';
import { defaultScanLimits } from '../service/workspace/fileAccess';

export interface SimulationFiles {
  lookup: (integration: string) => Definition | undefined;
  checkMock: MessageCheck;
  templates: TemplateSet;
  /** Problems with template files: reported, not fatal. */
  problems: InputProblem[];
}

const maxFileSize = 5 * 1024 * 1024;

/** Files under a folder whose relative path matches one of the globs, as file system paths, sorted. */
export async function filesUnder(folder: string, globs: string[]): Promise<string[]> {
  const found = await new DiskFileAccess().findFiles(URI.file(folder).toString(), globs, [], defaultScanLimits);
  return found.files.map((uri) => URI.parse(uri).fsPath);
}

/** Definitions and templates under `root`. */
export async function loadSimulationFiles(root: string, builtin: boolean): Promise<SimulationFiles> {
  const index = new DefinitionIndex();
  if (builtin) index.setBuiltins(loadBuiltinDocuments().map((d) => d.definition));
  const templates: MessageTemplate[] = [];
  const problems: InputProblem[] = [];
  for (const file of await filesUnder(root, ['**/*.integration.json', '**/*.template.json'])) {
    const shown = path.relative(process.cwd(), file).split(path.sep).join('/');
    const text = readText(file);
    if (file.endsWith('.template.json')) {
      const read = text === undefined ? { problem: { source: 'templates' as const, message: `cannot read ${shown}` } } : readTemplate(text, shown);
      if (read.template) templates.push(read.template);
      if (read.problem) problems.push(read.problem);
    } else if (text !== undefined && text.length <= maxFileSize) {
      index.set(parseDefinitionDocument(TextDocument.create(URI.file(file).toString(), languageIds.definition, 0, text)).definition);
    }
  }
  const scope = { builtin };
  const lookup = (integration: string) => index.lookup(integration, scope);
  return { lookup, checkMock: messageCheck(lookup), templates: templateSet(templates), problems };
}

export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A loader of files relative to a folder. */
export function loaderFrom(folder: string): CaseLoader {
  return (relative) => {
    const file = path.resolve(folder, relative);
    const text = readText(file);
    return text === undefined ? undefined : { uri: URI.file(file).toString(), text: text.replace(/^\ufeff/, '') };
  };
}
