// Launcher for machines that can download VS Code: runs the in-editor suite with
// @vscode/test-electron, the extension loaded from this folder (build it first).
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
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
