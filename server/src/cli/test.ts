// `cxengage-lint test [paths]`: runs the test cases (`*.cxtest.json`) found under the paths and
// reports each as passed or failed, as text, JSON or JUnit XML.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTestCases, runTestCase, traceText } from '../service/simulation';
import { formatJunit, JunitCase } from './junit';
import { filesUnder, loaderFrom, loadSimulationFiles, readText } from './simulationFiles';
import { parseSimulationArguments, SimulationOptions, SimulationUsageError } from './simulationOptions';

export const testUsage = `Usage: cxengage-lint test [options] [paths...]

Runs the pattern test cases (*.cxtest.json) in the given files and folders (default: the
current folder). Each case names a pattern, its events and mocks, and what should happen; it
runs offline in virtual time. Definitions and templates are read from the workspace folder.

Options:
  --format text|json|junit   output format (default: text)
  --workspace DIR            read definitions and templates under DIR (default: the current folder)
  --dialect auto|4.1|4.2     read pattern code as this dialect (default: auto)
  --no-builtin               do not use the eight built-in definitions
  -h, --help                 show this help

Exit status: 0 every case passed, 1 a case failed, 2 usage error, unreadable path or no cases.`;

const isTestFile = (file: string) => file.toLowerCase().endsWith('.cxtest.json');

async function testFiles(paths: string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new SimulationUsageError(`cannot read ${p}: no such file or folder, or no permission`);
    }
    if (stat.isDirectory()) for (const f of await filesUnder(path.resolve(p), ['**/*.cxtest.json'])) files.add(f);
    else if (isTestFile(p)) files.add(path.resolve(p));
    else throw new SimulationUsageError(`${p} is not a test case file (*.cxtest.json)`);
  }
  return [...files].sort();
}

interface CaseReport extends JunitCase {
  matches?: number;
  interactions?: number;
}

export async function runTests(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let options: SimulationOptions;
  let files: string[];
  try {
    options = parseSimulationArguments(argv, 'test', ['text', 'json', 'junit'], false);
    if (options.help) {
      out(testUsage);
      return 0;
    }
    files = await testFiles(options.paths.length > 0 ? options.paths : ['.']);
    if (files.length === 0) throw new SimulationUsageError(`no test cases (*.cxtest.json) under ${options.paths.join(', ') || '.'}`);
  } catch (error) {
    if (error instanceof SimulationUsageError) {
      err(`cxengage-lint test: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const shared = await loadSimulationFiles(path.resolve(options.workspace), options.builtin);
  for (const p of shared.problems) err(`cxengage-lint test: ${p.message}`);
  const reports: CaseReport[] = [];
  for (const file of files) {
    const shown = path.relative(process.cwd(), file).split(path.sep).join('/');
    const read = readTestCases(readText(file) ?? '');
    for (const problem of read.problems) reports.push({ file: shown, name: '(file)', failures: [problem] });
    read.cases.forEach((testCase, i) => {
      const result = runTestCase(testCase, i, {
        load: loaderFrom(path.dirname(file)),
        templates: shared.templates,
        lookup: shared.lookup,
        checkMock: shared.checkMock,
        dialect: options.dialect,
      });
      reports.push({
        file: shown,
        name: result.name,
        failures: result.failures,
        ...(result.trace ? { output: traceText(result.trace), matches: result.trace.matches, interactions: result.trace.groups.reduce((n, g) => n + g.interactions.length, 0) } : {}),
      });
    });
  }
  const failed = reports.filter((r) => r.failures.length > 0);
  switch (options.format) {
    case 'junit':
      out(formatJunit(reports));
      break;
    case 'json':
      out(
        JSON.stringify(
          {
            summary: { cases: reports.length, passed: reports.length - failed.length, failed: failed.length },
            cases: reports.map((r) => ({ file: r.file, name: r.name, passed: r.failures.length === 0, failures: r.failures, matches: r.matches, interactions: r.interactions })),
          },
          null,
          2,
        ),
      );
      break;
    default:
      for (const r of reports) {
        out(`${r.failures.length === 0 ? 'PASS' : 'FAIL'} ${r.file} ${r.name}`);
        for (const f of r.failures) out(`     ${f}`);
      }
      out(`${reports.length} case${reports.length === 1 ? '' : 's'}: ${reports.length - failed.length} passed, ${failed.length} failed`);
  }
  return failed.length > 0 ? 1 : 0;
}
