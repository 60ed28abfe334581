// Runs the built cxengage-lint (dist/cli.js) as CI does: a child process, its exit status and output.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './lspClient';

const cli = path.join(repoRoot, 'dist', 'cli.js');

export interface LintRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function lint(args: string[], cwd = repoRoot): LintRun {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
