// `npm run golden:update`: writes cxengage-lint's report on examples/ in its three formats to
// test/golden/, where test/cli/golden.test.ts compares every run with them. Review the diff of
// those files like code: each changed line is a changed line, range or level users will see.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const golden = path.join(root, 'test', 'golden');
/** The SARIF base URI is the checkout's own folder: the same placeholder in every checkout. */
const srcrootPlaceholder = 'file:///checkout/';

for (const [format, file] of [
  ['text', 'examples.txt'],
  ['json', 'examples.json'],
  ['sarif', 'examples.sarif'],
]) {
  const run = spawnSync(process.execPath, ['dist/cli.js', '--format', format, 'examples'], { cwd: root, encoding: 'utf8' });
  // The examples hold deliberate errors: exit status 1 is the expected outcome.
  if (run.status !== 1 || run.stderr !== '') {
    console.error(`cxengage-lint --format ${format} examples: exit ${run.status}\n${run.stderr}`);
    process.exit(1);
  }
  let output = run.stdout;
  if (format === 'sarif') {
    const log = JSON.parse(output);
    log.runs[0].originalUriBaseIds['%SRCROOT%'].uri = srcrootPlaceholder;
    output = `${JSON.stringify(log, null, 2)}\n`;
  }
  fs.writeFileSync(path.join(golden, file), output);
  console.log(`test/golden/${file}: ${output.split('\n').length - 1} lines`);
}
