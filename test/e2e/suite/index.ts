// Runs the in-editor mocha suite: `run` is the entry @vscode/test-electron calls,
// `runCollecting` the one the code-server runner extension calls to record results.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  tests: TestOutcome[];
}

function createMocha(): Mocha {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000, reporter: 'spec' });
  const grep = process.env.CXENGAGE_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of suiteFiles()) mocha.addFile(path.join(__dirname, file));
  return mocha;
}

/**
 * The suite's files, narrowed by the launcher: `CXENGAGE_E2E_ONLY` and `CXENGAGE_E2E_EXCEPT` name
 * files without `.test.js`, comma-separated (the browser client's suite runs in a session of its
 * own under `npm run test:browser`, and is left out of the main session's).
 */
export function suiteFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const names = (value: string | undefined): string[] | undefined => value?.split(',').map((n) => `${n.trim()}.test.js`);
  const only = names(env.CXENGAGE_E2E_ONLY);
  const except = names(env.CXENGAGE_E2E_EXCEPT) ?? [];
  const all = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js'));
  for (const name of [...(only ?? []), ...except])
    if (!all.includes(name)) throw new Error(`no in-editor suite file ${name} (there are ${all.join(', ')})`);
  return all.filter((f) => (only ? only.includes(f) : true) && !except.includes(f)).sort();
}

export function runCollecting(): Promise<SuiteResults> {
  const results: SuiteResults = { passes: 0, failures: 0, pending: 0, tests: [] };
  return new Promise((resolve, reject) => {
    try {
      const runner = createMocha().run(() => resolve(results));
      runner.on('pass', (test: Mocha.Test) => {
        results.passes++;
        results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
      });
      // Failing hooks arrive here too, so that a broken `before` is reported rather than silent.
      runner.on('fail', (test: Mocha.Runnable, err: Error) => {
        results.failures++;
        results.tests.push({
          title: test.fullTitle(),
          state: 'failed',
          durationMs: test.duration ?? 0,
          error: err.stack ?? err.message,
        });
      });
      runner.on('pending', (test: Mocha.Test) => {
        results.pending++;
        results.tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 });
      });
    } catch (err) {
      reject(err);
    }
  });
}

export async function run(): Promise<void> {
  const results = await runCollecting();
  if (results.failures > 0) throw new Error(`${results.failures} end-to-end test(s) failed`);
}
