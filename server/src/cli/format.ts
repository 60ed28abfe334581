// `cxengage-lint format [--check] [paths]`: formats definitions, flows and pattern payloads in
// place as the editor's Format Document does, or with `--check` lists those that would change.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { documentKind, DocumentKind, languageIds } from '../service/documentKind';
import { looksBinary } from '../service/fileGuards';
import { formatDocument } from '../service/formatting/documentFormatting';
import { parsedDocument } from '../service/formatting/parsedDocument';
import { JsonKeySpacing } from '../service/formatting/jsonFormatting';

export const formatUsage = `Usage: cxengage-lint format [--check] [options] [paths...]

Formats CxEngage integration definitions (*.integration.json), flows (*.cxflow) and
patterns (*.pattern.json) in the given files and folders (default: the current folder), in
place: JSON layout for definitions and payloads, Lisp indentation for flow code, also inside
a payload's code strings. Top-level forms with syntax errors are left as written.

Options:
  --check                          change nothing: list the files that would change
  --indent N|tab                   JSON indentation: N spaces (default 2) or one tab
  --json-key-spacing compact|spaced
                                   "key": value (default), or "key" : value
  --json-keep-lines                keep the JSON's line breaks as written
  -h, --help                       show this help

Exit status: 0 every file formatted (--check: none would change), 1 with --check when a file
would change, 2 usage error or unreadable path.`;

interface FormatOptions {
  check: boolean;
  tabSize: number;
  insertSpaces: boolean;
  keySpacing: JsonKeySpacing;
  keepLines: boolean;
  paths: string[];
  help: boolean;
}

class FormatUsageError extends Error {}

function parseFormatArguments(argv: string[]): FormatOptions {
  const options: FormatOptions = { check: false, tabSize: 2, insertSpaces: true, keySpacing: 'compact', keepLines: false, paths: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const take = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new FormatUsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--check':
        options.check = true;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '--indent': {
        const v = take();
        if (v === 'tab') options.insertSpaces = false;
        else if (/^[1-8]$/.test(v)) options.tabSize = Number(v);
        else throw new FormatUsageError(`--indent takes a number of spaces from 1 to 8, or tab, not "${v}"`);
        break;
      }
      case '--json-keep-lines':
        options.keepLines = true;
        break;
      case '--json-key-spacing': {
        const v = take();
        if (v !== 'compact' && v !== 'spaced') throw new FormatUsageError(`--json-key-spacing must be compact or spaced, not "${v}"`);
        options.keySpacing = v;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new FormatUsageError(`unknown option ${arg}`);
        options.paths.push(arg);
    }
  }
  return options;
}

const skippedDirectories = new Set(['node_modules', '.git', '.hg', '.svn']);

function kindOf(file: string): DocumentKind {
  return documentKind(URI.file(file).toString());
}

/** The files to format under the given paths, sorted; a missing or foreign path is a usage error. */
function filesToFormat(paths: string[]): string[] {
  const files = new Set<string>();
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
      fs.accessSync(p, fs.constants.R_OK);
    } catch {
      throw new FormatUsageError(`cannot read ${p}: no such file or folder, or no permission`);
    }
    if (stat.isFile()) {
      if (kindOf(p) === 'other') throw new FormatUsageError(`${p} is not a definition (*.integration.json), flow (*.cxflow) or pattern (*.pattern.json) file`);
      files.add(path.resolve(p));
      continue;
    }
    const folders = [path.resolve(p)];
    while (folders.length > 0) {
      const dir = folders.pop() as string;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        throw new FormatUsageError(`cannot read ${path.relative(process.cwd(), dir) || '.'}: no permission, or it is gone`);
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && !skippedDirectories.has(entry.name)) folders.push(full);
        else if (entry.isFile() && kindOf(full) !== 'other') files.add(full);
      }
    }
  }
  return [...files].sort();
}

export async function runFormat(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let options: FormatOptions;
  let files: string[];
  try {
    options = parseFormatArguments(argv);
    if (options.help) {
      out(formatUsage);
      return 0;
    }
    files = filesToFormat(options.paths.length > 0 ? options.paths : ['.']);
  } catch (error) {
    if (error instanceof FormatUsageError) {
      err(`cxengage-lint format: ${error.message}`);
      return 2;
    }
    throw error;
  }
  let changed = 0;
  let status = 0;
  for (const file of files) {
    const shown = path.relative(process.cwd(), file).split(path.sep).join('/');
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      err(`cxengage-lint format: cannot read ${shown}`);
      status = 2;
      continue;
    }
    if (looksBinary(text)) {
      err(`${shown}: holds binary data; left as it is`);
      continue;
    }
    const kind = kindOf(file);
    // A byte order mark is the file's encoding, not its text (as an editor reads it): kept apart.
    const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    const doc = TextDocument.create(URI.file(file).toString(), languageIds[kind as Exclude<DocumentKind, 'other'>], 1, text.slice(bom.length));
    const result = formatDocument(parsedDocument(doc, kind), {
      options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces, insertFinalNewline: true },
      json: { keySpacing: options.keySpacing, keepLines: options.keepLines },
    });
    if (result.note !== undefined) err(`${shown}: ${result.note}`);
    const formatted = bom + TextDocument.applyEdits(doc, result.edits);
    if (formatted === text) continue;
    changed++;
    if (options.check) out(shown);
    else fs.writeFileSync(file, formatted);
  }
  const count = `${changed} of ${files.length} file${files.length === 1 ? '' : 's'}`;
  if (options.check) {
    err(changed === 0 ? `${files.length} file${files.length === 1 ? '' : 's'} already formatted` : `${count} would be reformatted`);
    return status || (changed > 0 ? 1 : 0);
  }
  out(`${count} reformatted`);
  return status;
}
