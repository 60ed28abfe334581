// Where a line of a workspace file is, as the workbench's Go to Line takes it, and what the active
// editor shows: shared by the sessions that type into code-server and by the screenshots.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { fixtureWorkspace } from './paths';

/** 1-based line and column (plus `offset`) of the first `marker` on the first line holding `lineText` of `file` under `root`. */
export function positionIn(root: string, file: string, lineText: string, marker: string, offset = 0): { line: number; column: number } {
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(lineText));
  assert.ok(index >= 0, `no line of ${file} holds ${lineText}`);
  const at = lines[index].indexOf(marker);
  assert.ok(at >= 0, `line ${index + 1} of ${file} holds no ${marker}`);
  return { line: index + 1, column: at + offset + 1 };
}

/** The same, in a file of the fixture workspace. */
export function fixturePosition(file: string, lineText: string, marker: string, offset = 0): { line: number; column: number } {
  return positionIn(fixtureWorkspace, file, lineText, marker, offset);
}

/** The visible text of the active editor; Monaco draws spaces as no-break spaces. */
export async function editorText(page: Page): Promise<string> {
  return (await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}
