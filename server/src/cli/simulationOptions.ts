// Arguments of `cxengage-lint run` and `cxengage-lint test`, parsed strictly as the other
// subcommands' are: a usage error names the bad argument.
import * as fs from 'node:fs';
import { DialectSetting } from '../service/simulation';
import { dialectChoices, forEachArgument } from './arguments';

export class SimulationUsageError extends Error {}

export interface SimulationOptions {
  paths: string[];
  format: 'text' | 'json' | 'junit';
  events?: string;
  mocks?: string;
  key?: string;
  dialect: DialectSetting;
  /** Where definitions and templates are read from (default: the current folder). */
  workspace: string;
  builtin: boolean;
  help: boolean;
}

/** `formats`: the output formats the subcommand takes; `inputs`: whether --events/--mocks/--key apply. */
export function parseSimulationArguments(argv: string[], command: string, formats: readonly SimulationOptions['format'][], inputs: boolean): SimulationOptions {
  const options: SimulationOptions = { paths: [], format: 'text', dialect: 'auto', workspace: '.', builtin: true, help: false };
  forEachArgument(argv, (message) => new SimulationUsageError(message), ({ arg, name, take, takeOneOf }) => {
    switch (name) {
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '--no-builtin':
        options.builtin = false;
        break;
      case '--format':
        options.format = takeOneOf(formats);
        break;
      case '--dialect':
        options.dialect = takeOneOf(dialectChoices);
        break;
      case '--workspace':
        options.workspace = take();
        break;
      case '--events':
      case '--mocks':
      case '--key':
        if (!inputs) throw new SimulationUsageError(`${command} takes no ${name}: a test case names its own`);
        options[name.slice(2) as 'events' | 'mocks' | 'key'] = take();
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new SimulationUsageError(`unknown option ${arg}`);
        options.paths.push(arg);
    }
  });
  if (!options.help && !isFolder(options.workspace)) throw new SimulationUsageError(`--workspace ${options.workspace} is not a folder that can be read`);
  return options;
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
