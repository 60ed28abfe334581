// Takes the screenshots of the extension's README and walkthrough (media/screenshots/) in
// code-server, on a copy of examples/, the way a user would see them: `npm run screenshots`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeServerSession } from './codeServer';
import { positionIn } from './editorText';
import { repoRoot } from './paths';
import { delay } from './processes';
import { setUp } from './setup';
import { visible, Workbench } from './workbench';

const outDir = path.join(repoRoot, 'media', 'screenshots');

/** 1-based line and column of `marker` (plus `offset`) on the first line of an example holding `lineText`. */
function examplePosition(file: string, lineText: string, marker: string, offset = 0): { line: number; column: number } {
  return positionIn(path.join(repoRoot, 'examples'), file, lineText, marker, offset);
}

async function shoot(workbench: Workbench, name: string): Promise<void> {
  // Let the editor finish painting (lenses, decorations, the webview's layout).
  await delay(1_500);
  await workbench.page.screenshot({ path: path.join(outDir, `${name}.png`) });
  console.log(`media/screenshots/${name}.png`);
}

async function takeScreenshots(): Promise<void> {
  await setUp();
  fs.mkdirSync(outDir, { recursive: true });
  const session = await CodeServerSession.start({ workspace: path.join(repoRoot, 'examples'), suite: false });
  let workbench: Workbench | undefined;
  try {
    workbench = await Workbench.open(session.url, { stateDir: path.join(session.paths.runDir, 'browser'), viewport: { width: 1280, height: 800 } });
    const { page } = workbench;
    // The Restricted Mode banner says nothing about the extension: leave it out of the pictures.
    await page.locator('.part.banner [aria-label="Close Banner"]').click().catch(() => undefined);
    await workbench.revealInExplorer(['flows', 'definitions']);

    // The send form beside its flow.
    await workbench.openFromExplorer('abandoned-calls.cxflow');
    const send = examplePosition('flows/abandoned-calls.cxflow', '(send zendesk ticket', 'ticket');
    await workbench.goTo(send.line, send.column);
    await workbench.runCommand('Preview Send Form');
    await workbench.frameWith('h1:has-text("send zendesk ticket")', 'the send form of the zendesk ticket');
    await shoot(workbench, 'send-form');
    await workbench.runCommand('View: Close All Editors');

    // The integration forms beside the definition.
    await workbench.openFromExplorer('zendesk.integration.json');
    await workbench.runCommand('Preview Integration Form');
    await workbench.frameWith('h1:has-text("Zendesk")', 'the integration form of zendesk');
    await shoot(workbench, 'integration-form');
    await workbench.runCommand('View: Close All Editors');

    // The mistakes of a flow in the Problems panel, and a quick fix offered on one.
    await workbench.openFromExplorer('mistakes.cxflow');
    await workbench.runCommand('Problems: Focus on Problems View');
    await visible(page.locator('.markers-panel .monaco-list-row', { hasText: 'unknown-unit' }).first(), 'the mistakes in the Problems panel');
    const unit = examplePosition('flows/mistakes.cxflow', '(delay 5 minuets)', 'minuets', 2);
    await workbench.goTo(unit.line, unit.column);
    await page.keyboard.press('Control+.');
    await visible(page.locator('.action-widget', { hasText: 'minutes' }).first(), 'the quick fix menu on minuets');
    await shoot(workbench, 'problems');
    await page.keyboard.press('Escape');
    await workbench.runCommand('View: Hide Panel');
    await workbench.runCommand('View: Close All Editors');

    // Completion of every mandatory field of a send.
    await workbench.openFromExplorer('abandoned-calls.cxflow');
    const last = examplePosition('flows/abandoned-calls.cxflow', '(failure (send echo message', '(failure');
    await workbench.goTo(last.line, last.column);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft'); // inside the seq, before its closing bracket
    await page.keyboard.press('Enter');
    await page.keyboard.type('(send twilio sms {');
    await visible(page.locator('.suggest-widget .monaco-list-row', { hasText: 'all mandatory fields' }).first(), 'the all mandatory fields item');
    await page.keyboard.press('Control+Space'); // the details of the selected item, beside the list
    await shoot(workbench, 'completion');
    await page.keyboard.press('Escape');
    await workbench.runCommand('File: Revert File');
  } finally {
    await workbench?.close().catch(() => undefined);
    await session.stop();
  }
}

takeScreenshots().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
