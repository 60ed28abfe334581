// The in-editor suite's results, as reported by the runner extension, turned into node:test
// subtests: each in-editor test passes or fails under its own title, with its own error.
import * as assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { CodeServerSession } from './codeServer';
import type { SuiteResults } from '../suite/index';

/**
 * Waits for the in-editor suite of `session` to finish and reports each of its tests as a subtest
 * of `t`, and returns them. Before any assertion, `finished` hears why the extension never started, when the suite's
 * set-up says so (a failed "before all" hook), so that later workbench checks can give the reason
 * instead of a timeout.
 */
export async function reportInEditorSuite(
  t: TestContext,
  session: CodeServerSession,
  finished?: (notStarted: string | undefined) => Promise<void>,
): Promise<SuiteResults> {
  const report = await session.waitForResults();
  const setUp = report.results?.tests.find((test) => test.state === 'failed' && test.title.includes('"before all" hook'));
  const notStarted = setUp ? (setUp.error ?? '').split('\n')[0] : undefined;
  await finished?.(notStarted);
  assert.notEqual(report.state, 'crashed', `the suite runner crashed: ${report.error}`);
  const results = report.results;
  assert.ok(results, 'the suite runner reported no results');
  t.diagnostic(`VS Code ${report.vscodeVersion}, Node ${report.nodeVersion}: ${results.passes} passed, ${results.failures} failed`);
  assert.ok(results.tests.length > 0, 'the in-editor suite ran no tests');
  for (const test of results.tests)
    await t.test(test.title, () => {
      if (test.state === 'failed') throw new Error((test.error ?? 'failed').replace(/^Error: /, ''));
    });
  assert.equal(results.failures, 0, `${results.failures} in-editor test(s) failed; the extension's log ends with:\n${session.serverLogTail(30)}`);
  return results;
}
