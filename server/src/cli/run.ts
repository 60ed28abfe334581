// `cxengage-lint run <flow>[#name] --events <file> [--mocks <file>]`: runs one pattern offline
// against events, endpoints mocked, in virtual time, and prints the trace as text or JSON.
import * as path from 'node:path';
import { loadEvents, loadPattern, readMocks, simulate, traceText } from '../service/simulation';
import { loaderFrom, loadSimulationFiles, readText } from './simulationFiles';
import { parseSimulationArguments, SimulationOptions, SimulationUsageError } from './simulationOptions';

export const runUsage = `Usage: cxengage-lint run <flow>[#<pattern name>] --events <file> [options]

Runs a pattern (*.cxflow, or one payload of a *.pattern.json) against the events of a
*.events.json (a JSON array) or *.events.jsonl (one object a line) file, with every endpoint
mocked and in virtual time, and prints what happened and why. Definitions and templates
(*.integration.json, *.template.json) are read from the workspace folder.

Options:
  --events FILE              the events (required)
  --mocks FILE               mock outcomes per "<integration> <message>" (default: every call is ok {})
  --key ATTRIBUTE            the key attribute when the pattern names none (default: id)
  --workspace DIR            read definitions and templates under DIR (default: the current folder)
  --dialect auto|4.1|4.2     read the code as this dialect (default: auto)
  --format text|json         output format (default: text)
  --no-builtin               do not use the eight built-in definitions
  -h, --help                 show this help

Exit status: 0 the pattern ran, 1 it could not run or an input has problems, 2 usage error.`;

export async function runPattern(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let options: SimulationOptions;
  try {
    options = parseSimulationArguments(argv, 'run', ['text', 'json'], true);
    if (options.help) {
      out(runUsage);
      return 0;
    }
    if (options.paths.length !== 1) throw new SimulationUsageError('run takes one flow or pattern file (<path>[#<name>])');
    if (options.events === undefined) throw new SimulationUsageError('run needs --events <file>');
    for (const file of [options.events, options.mocks]) {
      if (file !== undefined && readText(file) === undefined) throw new SimulationUsageError(`cannot read ${file}: no such file, or no permission`);
    }
  } catch (error) {
    if (error instanceof SimulationUsageError) {
      err(`cxengage-lint run: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const files = await loadSimulationFiles(path.resolve(options.workspace), options.builtin);
  const load = loaderFrom(process.cwd());
  const pattern = loadPattern(options.paths[0], load, options.dialect);
  if (typeof pattern === 'string') {
    err(`cxengage-lint run: ${pattern}`);
    return 2;
  }
  const events = loadEvents(options.events, load);
  let mocksData: unknown;
  const mockProblems = [];
  if (options.mocks !== undefined) {
    try {
      mocksData = JSON.parse(readText(options.mocks) ?? '');
    } catch (error) {
      mockProblems.push({ source: 'mocks' as const, message: `${options.mocks}: not JSON (${(error as Error).message})` });
    }
  }
  const mocks = readMocks(mocksData, files.checkMock);
  const trace = simulate(pattern, {
    events: events.events,
    mocks: mocks.mocks,
    templates: files.templates,
    key: options.key,
    lookup: files.lookup,
    problems: [...files.problems, ...events.problems, ...mockProblems, ...mocks.problems.map((p) => ({ ...p, message: `${path.basename(options.mocks ?? '')}: ${p.message}` }))],
  });
  out(options.format === 'json' ? JSON.stringify(trace, null, 2) : traceText(trace));
  return trace.outcome === 'error' || trace.problems.length > 0 ? 1 : 0;
}
