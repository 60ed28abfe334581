// What `cxengage-lint run` and `test` read from disk around a pattern: the definitions (built-in
// ones and `*.integration.json` under the current folder) for masking credentials and checking
// mocks, the `*.template.json` templates, and files named relative to a test case.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { loadBuiltinDefinitions } from '../service/definitions/builtin';
import { getDefinitionDocument } from '../service/definitions/definitionDocument';
import { DefinitionIndex } from '../service/definitions/definitionIndex';
import { Definition } from '../service/definitions/model';
import { CaseLoader, InputProblem, MessageCheck, MessageTemplate, readTemplate, TemplateSet, templateSet } from '../service/simulation';
import { DiskDocuments, findFiles } from '../workspaceFiles';

export interface SimulationFiles {
  lookup: (integration: string) => Definition | undefined;
  checkMock: MessageCheck;
  templates: TemplateSet;
  /** Problems with template files: reported, not fatal. */
  problems: InputProblem[];
}

const maxFileSize = 5 * 1024 * 1024;

/** Definitions and templates under `root`. */
export function loadSimulationFiles(root: string, builtin: boolean): SimulationFiles {
  const index = new DefinitionIndex();
  if (builtin) index.setBuiltins(loadBuiltinDefinitions());
  const disk = new DiskDocuments();
  const templates: MessageTemplate[] = [];
  const problems: InputProblem[] = [];
  for (const file of findFiles(root, (rel) => rel.endsWith('.integration.json') || rel.endsWith('.template.json'))) {
    const shown = path.relative(process.cwd(), file).split(path.sep).join('/');
    if (file.endsWith('.template.json')) {
      const text = readText(file);
      const read = text === undefined ? { problem: { source: 'templates' as const, message: `cannot read ${shown}` } } : readTemplate(text, shown);
      if (read.template) templates.push(read.template);
      if (read.problem) problems.push(read.problem);
      continue;
    }
    const doc = disk.read(file, maxFileSize);
    if (doc) index.set(getDefinitionDocument(doc).definition);
  }
  const scope = { builtin };
  const lookup = (integration: string) => index.lookup(integration, scope);
  const checkMock: MessageCheck = (integration, message) => {
    const definition = lookup(integration);
    if (definition === undefined) return `no integration "${integration}" among the definitions`;
    const sends = definition.endpoint?.sends ?? [];
    if (definition.endpoint?.message(message) === undefined) return `${integration} has no message "${message}" (its messages: ${sends.map((m) => m.name).join(', ') || 'none'})`;
    return undefined;
  };
  return { lookup, checkMock, templates: templateSet(templates), problems };
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
