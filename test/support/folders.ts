// Folders written for one test from inline files, removed when the test file's suite ends. Unit
// tests, which the mutation run loads into one process, use suiteFolders.ts instead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made: string[] = [];

/** A new temporary folder holding `files` (relative path to text), left for the caller to remove. */
export function writeFolder(files: Record<string, string>, prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), text);
  }
  return folder;
}

/** A new folder holding `files`, removed by `removeFolders` (a test file run in a process of its own). */
export function folderWith(files: Record<string, string>, prefix = 'cxengage-lint-'): string {
  const folder = writeFolder(files, prefix);
  made.push(folder);
  return folder;
}

/** Removes every folder `folderWith` made; for `after(...)`. */
export function removeFolders(): void {
  for (const folder of made.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
}
