// `npm run check`: runs cxengage-lint over examples/. The examples hold deliberate mistakes, so the
// checker's exit status 1 (problems found) is the expected outcome here; anything else fails.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', 'examples', ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.status === 1) {
  console.log('\nThe problems above are the deliberate mistakes documented in examples/README.md.');
  process.exit(0);
}
process.exit(result.status ?? 2);
