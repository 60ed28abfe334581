// Launcher for machines that can download VS Code (or have one): runs the in-editor suite
// with @vscode/test-electron, the extension loaded from this folder (build it first).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { fixtureWorkspace, repoRoot, suiteIndex } from './launch/paths';

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new Error('missing dist/extension.js: run `npm run build`');
  // A copy, so that the suite's edits and quick fixes never touch the repository.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-e2e-'));
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  try {
    await runTests({
      // An installed VS Code, or one downloaded from update.code.visualstudio.com.
      vscodeExecutablePath: process.env.CXENGAGE_VSCODE_EXECUTABLE,
      version: process.env.CXENGAGE_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteIndex,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`test:vscode failed: ${message}`);
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(message))
    console.error(
      'VS Code could not be downloaded. Set CXENGAGE_VSCODE_EXECUTABLE to an installed VS Code, ' +
        'or run `npm run test:e2e`, which runs the same suite in code-server from the npm registry.',
    );
  process.exit(1);
});
