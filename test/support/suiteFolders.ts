// Folders of one suite, removed when that suite ends: unlike `removeFolders`, which removes every
// folder `folderWith` made so far, it leaves alone the folders other suites made (in one Mocha
// process, as the mutation run loads every test file, a suite's `after` runs before later suites'
// tests). Its folders are never on `removeFolders`' list.
import * as fs from 'node:fs';
import { writeFolder } from './folders';

export interface SuiteFolders {
  /** A new folder holding `files` (relative path to text). */
  make(files: Record<string, string>): string;
  /** Removes the folders `make` made; for `after(...)`. */
  remove(): void;
}

export function suiteFolders(prefix: string): SuiteFolders {
  const made: string[] = [];
  return {
    make(files) {
      const folder = writeFolder(files, prefix);
      made.push(folder);
      return folder;
    },
    remove() {
      for (const folder of made.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
