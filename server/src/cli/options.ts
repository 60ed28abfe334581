// Command-line arguments of cxengage-lint, parsed strictly: a usage error names the bad argument.
import { forEachArgument } from './arguments';
export type OutputFormat = 'text' | 'json' | 'sarif';
export type DialectOption = 'auto' | '4.1' | '4.2';

export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  maxWarnings?: number;
  builtin: boolean;
  severity: Record<string, string>;
  /** `--dialect`: over the settings files; absent, theirs (else `auto`) holds. */
  dialect?: DialectOption;
  /** `--settings FILE`: `cxengage.*` settings over those of each folder's `.vscode/settings.json`. */
  settingsFile?: string;
  /** `--fix`: apply the safe fixes to the files before checking them. */
  fix: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const usage = `Usage: cxengage-lint [options] [paths...]
       cxengage-lint format [--check] [paths...]   (see cxengage-lint format --help)
       cxengage-lint run <flow> --events <file>    (see cxengage-lint run --help)
       cxengage-lint test [paths...]               (see cxengage-lint test --help)

Checks CxEngage integration definitions (*.integration.json), flows (*.cxflow) and
patterns (*.pattern.json) in the given files and folders (default: the current folder).
Definitions found among them join the built-in ones, so flows are checked against them.
The cxengage.* settings of a folder's .vscode/settings.json apply to it, as in the editor
(cxengage.definitions.include/exclude choose the files; files given by name are always checked).

Options:
  --fix                      apply the safe fixes first (a single did-you-mean: a misspelt
                             integration, message, field, form, unit or enum value), in place;
                             says what it changed, then reports the problems left
  --format text|json|sarif   output format (default: text)
  --max-warnings N           also fail when there are more than N warnings
  --severity CODE=LEVEL      re-grade a code: error, warning, information, hint or off (repeatable)
  --settings FILE            cxengage.* settings (JSON with comments, like .vscode/settings.json),
                             over those of each folder's own .vscode/settings.json
  --no-builtin               do not use the eight built-in definitions
  --dialect auto|4.1|4.2     the flow language of files whose first line does not say
                             (default: auto, each file decides; see the README)
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage error, unreadable path or settings file.`;

export function parseArguments(argv: string[]): CliOptions {
  const options: CliOptions = { paths: [], format: 'text', builtin: true, severity: {}, fix: false, help: false, version: false };
  forEachArgument(argv, (message) => new UsageError(message), ({ arg, name, take }) => {
    switch (name) {
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      case '--fix':
        options.fix = true;
        break;
      case '--no-builtin':
        options.builtin = false;
        break;
      case '--format': {
        const f = take();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}"`);
        options.format = f;
        break;
      }
      case '--dialect': {
        const d = take();
        if (d !== 'auto' && d !== '4.1' && d !== '4.2') throw new UsageError(`--dialect must be auto, 4.1 or 4.2, not "${d}"`);
        options.dialect = d;
        break;
      }
      case '--max-warnings': {
        const n = take();
        if (!/^\d+$/.test(n)) throw new UsageError(`--max-warnings needs a whole number, not "${n}"`);
        options.maxWarnings = Number(n);
        break;
      }
      case '--settings':
        options.settingsFile = take();
        break;
      case '--severity': {
        const s = take();
        const m = /^([a-z-]+)=([a-z]+)$/.exec(s);
        if (!m) throw new UsageError(`--severity takes CODE=LEVEL, not "${s}"`);
        options.severity[m[1]] = m[2];
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        options.paths.push(arg);
    }
  });
  return options;
}
