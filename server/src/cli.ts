// cxengage-lint: the language server's checks from the command line, for CI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseArguments, usage, UsageError, CliOptions } from './cli/options';
import { formatJson, formatSarif, formatText, summarise, FileResult } from './cli/reporters';
import { runFormat } from './cli/format';
import { DefinitionIndex } from './service/definitions/definitionIndex';
import { loadBuiltinDefinitions } from './service/definitions/builtin';
import { LanguageService } from './service/languageService';
import { documentKind } from './service/documentKind';
import { normaliseSettings } from './service/settings';
import { DiskDocuments, findFiles } from './workspaceFiles';

const version = '0.1.0';

function isCheckable(file: string): boolean {
  return documentKind(file) !== 'other';
}

/** Files to check under the given paths; an unreadable or missing path is a usage error. */
function collectFiles(paths: string[]): string[] {
  const files = new Set<string>();
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
      fs.accessSync(p, fs.constants.R_OK);
    } catch {
      throw new UsageError(`cannot read ${p}: no such file or folder, or no permission`);
    }
    if (stat.isDirectory()) {
      for (const f of findFiles(path.resolve(p), (rel) => isCheckable(rel))) files.add(f);
    } else if (isCheckable(p)) {
      files.add(path.resolve(p));
    } else {
      throw new UsageError(`${p} is not a definition (*.integration.json), flow (*.cxflow) or pattern (*.pattern.json) file`);
    }
  }
  return [...files].sort();
}

export async function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (argv[0] === 'format') return runFormat(argv.slice(1), out, err);
  let options: CliOptions;
  let files: string[];
  try {
    options = parseArguments(argv);
    if (options.help) {
      out(usage);
      return 0;
    }
    if (options.version) {
      out(version);
      return 0;
    }
    files = collectFiles(options.paths.length > 0 ? options.paths : ['.']);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`cxengage-lint: ${error.message}`);
      return 2;
    }
    throw error;
  }

  const warnings: string[] = [];
  const settings = normaliseSettings(
    { definitions: { builtin: options.builtin }, diagnostics: { severity: options.severity }, flow: { dialect: options.dialect } },
    warnings,
  );
  if (warnings.length > 0) {
    for (const w of warnings) err(`cxengage-lint: ${w.replace('cxengage.diagnostics.severity', '--severity').replace(' is ignored', '')}`);
    return 2;
  }
  const index = new DefinitionIndex();
  if (options.builtin) index.setBuiltins(loadBuiltinDefinitions());
  const service = new LanguageService(index, () => settings);
  const disk = new DiskDocuments();
  const documents: TextDocument[] = [];
  for (const file of files) {
    const doc = disk.read(file, settings.maxFileSize);
    if (!doc) {
      err(`cxengage-lint: cannot read ${file}`);
      return 2;
    }
    documents.push(doc);
  }
  // Definitions first, so that every flow is checked against all of them.
  for (const doc of documents) if (service.kindOf(doc) === 'definition') service.updateDefinition(doc);

  const results: FileResult[] = [];
  for (const doc of documents) {
    const diagnostics = await service.diagnostics(doc);
    diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    results.push({ path: path.relative(process.cwd(), URI.parse(doc.uri).fsPath).split(path.sep).join('/'), diagnostics });
  }
  const summary = summarise(results);
  switch (options.format) {
    case 'json':
      out(formatJson(results, summary));
      break;
    case 'sarif':
      out(formatSarif(results, URI.file(process.cwd()).toString(), version));
      break;
    default: {
      const text = formatText(results);
      if (text) out(text);
      out(
        `${summary.files} file${summary.files === 1 ? '' : 's'} checked: ${summary.errors} error${summary.errors === 1 ? '' : 's'}, ` +
          `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.information} information, ${summary.hints} hint${summary.hints === 1 ? '' : 's'}`,
      );
    }
  }
  const tooManyWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
  if (tooManyWarnings && options.format === 'text') err(`cxengage-lint: ${summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}`);
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

if (require.main === module) {
  runCli(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`cxengage-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
