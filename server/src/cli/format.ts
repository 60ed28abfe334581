// `cxengage-lint format [--check] [paths]`: formats definitions, flows and pattern payloads in
// place as the editor's Format Document does, over the same workspace and settings as the checks
// (`cxengage.format.*` and `cxengage.definitions.include`/`exclude` of each folder), or with
// `--check` lists the files that would change.
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { forEachArgument } from './arguments';
import { UsageError } from './options';
import { SettingsFileError, SettingsLayer } from './settingsFiles';
import { Targets, openWorkspace, resolveTargets, settingsByFolder } from './workspaceRun';
import { JsonKeySpacing } from '../service/formatting/jsonFormatting';
import { Settings } from '../service/settings';

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
  --settings FILE                  cxengage.* settings (JSON with comments), over those of each
                                   folder's own .vscode/settings.json
  -h, --help                       show this help

The JSON layout is taken from cxengage.format.jsonKeySpacing and cxengage.format.jsonKeepLines
of each folder's .vscode/settings.json, unless the options above say otherwise; the files are
those cxengage-lint checks (cxengage.definitions.include/exclude choose the definitions).

Exit status: 0 every file formatted (--check: none would change), 1 with --check when a file
would change, 2 usage error or unreadable path.`;

interface FormatOptions {
  check: boolean;
  tabSize: number;
  insertSpaces: boolean;
  /** Given on the command line: over the settings files. */
  keySpacing?: JsonKeySpacing;
  keepLines?: boolean;
  settingsFile?: string;
  paths: string[];
  help: boolean;
}

function parseFormatArguments(argv: string[]): FormatOptions {
  const options: FormatOptions = { check: false, tabSize: 2, insertSpaces: true, paths: [], help: false };
  forEachArgument(argv, (message) => new UsageError(message), ({ arg, name, take, takeOneOf }) => {
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
        else throw new UsageError(`--indent takes a number of spaces from 1 to 8, or tab, not "${v}"`);
        break;
      }
      case '--json-keep-lines':
        options.keepLines = true;
        break;
      case '--settings':
        options.settingsFile = take();
        break;
      case '--json-key-spacing':
        options.keySpacing = takeOneOf(['compact', 'spaced'] as const);
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        options.paths.push(arg);
    }
  });
  return options;
}

/** The layer of settings the JSON layout options give. */
function flagLayer(options: FormatOptions): SettingsLayer {
  const format: Record<string, unknown> = {};
  if (options.keySpacing !== undefined) format.jsonKeySpacing = options.keySpacing;
  if (options.keepLines !== undefined) format.jsonKeepLines = options.keepLines;
  return Object.keys(format).length > 0 ? { format } : {};
}

export async function runFormat(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let options: FormatOptions;
  let targets: Targets;
  let settingsFor: (uri: string) => Settings;
  try {
    options = parseFormatArguments(argv);
    if (options.help) {
      out(formatUsage);
      return 0;
    }
    targets = resolveTargets(options.paths.length > 0 ? options.paths : ['.']);
    settingsFor = await settingsByFolder(targets, options.settingsFile, flagLayer(options), (w) => err(`cxengage-lint format: ${w}`));
  } catch (error) {
    if (error instanceof UsageError || error instanceof SettingsFileError) {
      err(`cxengage-lint format: ${error.message}`);
      return 2;
    }
    throw error;
  }
  let status = 0;
  const fail = (message: string) => {
    err(`cxengage-lint format: ${message}`);
    status = 2;
  };
  const { service, files } = await openWorkspace(targets, settingsFor, fail);
  const editor = { tabSize: options.tabSize, insertSpaces: options.insertSpaces, insertFinalNewline: true };
  let changed = 0;
  for (const { uri, shown } of files) {
    const source = await service.workspace.read(uri);
    if (source === undefined) {
      fail(`cannot read ${shown}: not a regular file, no permission, or it is gone`);
      continue;
    }
    const result = service.formatSource(source, editor);
    if (result.note !== undefined) err(`${shown}: ${result.note}`);
    if (result.edits.length === 0) continue;
    const text = source.document.getText();
    const formatted = TextDocument.applyEdits(source.document, result.edits);
    if (formatted === text) continue;
    changed++;
    // A byte order mark is the file's encoding, not its text: written back as it was.
    if (options.check) out(shown);
    else fs.writeFileSync(URI.parse(uri).fsPath, (source.bom ? '\ufeff' : '') + formatted);
  }
  const count = `${changed} of ${files.length} file${files.length === 1 ? '' : 's'}`;
  if (options.check) {
    err(changed === 0 ? `${files.length} file${files.length === 1 ? '' : 's'} already formatted` : `${count} would be reformatted`);
    return status || (changed > 0 ? 1 : 0);
  }
  out(`${count} reformatted`);
  return status;
}
