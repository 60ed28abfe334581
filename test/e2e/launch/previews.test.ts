// The previews in code-server, used the way an author uses them: the integration quick pick, and
// a send form whose Apply writes into the flow and whose fields reveal their place in the editor.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { CodeServerSession } from './codeServer';
import { waitFor } from '../../support/poll';
import { fixturePosition, editorText } from './editorText';
import { visible, Workbench } from './workbench';

function fieldOf(frame: Frame, label: string) {
  return frame.locator('.field', { has: frame.locator('label', { hasText: new RegExp(`^${label}\\*?$`) }) });
}

describe('the previews in code-server', { timeout: 15 * 60_000 }, () => {
  let session: CodeServerSession | undefined;
  let workbench: Workbench | undefined;

  before(
    async () => {
      // The in-editor suite runs in the session of codeServer.test.ts: this window is ours alone.
      session = await CodeServerSession.start({ suite: false });
      workbench = await Workbench.open(session.url);
      await workbench.waitForProblemsOf('alerts.cxflow');
    },
    { timeout: 5 * 60_000 },
  );

  after(async () => {
    await workbench?.close().catch(() => undefined);
    await session?.stop();
  });

  function open(): Workbench {
    assert.ok(session && workbench, 'code-server or the browser did not start (see the before hook)');
    session.assertRunning();
    return workbench;
  }

  it('picks any known integration from a quick pick of display names', { timeout: 2 * 60_000 }, async () => {
    const workbench = open();
    const { page } = workbench;
    await workbench.openFromExplorer('alerts.cxflow');
    // Not `runCommand`: the command answers with a quick pick in the same widget, which stays open.
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await visible(input, 'the command palette');
    await input.fill('>Preview Integration Form');
    await visible(page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Preview Integration Form' }).first(), 'the command');
    await page.keyboard.press('Enter');
    await visible(page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Acme SMS' }).first(), 'the integration quick pick');
    for (const name of ['Acme SMS', 'Twilio', 'Salesforce'])
      await visible(page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first(), `${name} in the quick pick`);
    await input.fill('Twilio');
    await page.keyboard.press('Enter');
    const frame = await workbench.frameWith('h1:has-text("Twilio")', 'the Twilio integration form');
    assert.equal(await frame.locator('input[type=password]').count(), 1);
    await page.keyboard.press('Control+w').catch(() => undefined);
  });

  it('applies a value chosen in the send form to the flow, and reveals a field in the editor', { timeout: 3 * 60_000 }, async () => {
    const workbench = open();
    const { page } = workbench;
    await workbench.openFromExplorer('alerts.cxflow');
    const at = fixturePosition('alerts.cxflow', ':body "Bye" }', 'text');
    await workbench.goTo(at.line, at.column);
    await workbench.runCommand('Preview Send Form');
    const frame = await workbench.frameWith('h1:has-text("send acme-sms text")', 'the send form of the last acme-sms send');
    try {
      await fieldOf(frame, 'priority').locator('select').selectOption('high');
      await frame.locator('button.apply').click();
      await waitFor('the flow to hold the applied value', async () =>
        (await editorText(page)).includes(':body "Bye" :priority "high"') ? true : undefined,
      );
      // The form re-renders from the edited flow: the value now comes from the code.
      await waitFor('the form to show the applied value', async () =>
        (await frame.locator('button.apply').isDisabled()) && (await fieldOf(frame, 'priority').locator('select').inputValue()) === 'high'
          ? true
          : undefined,
      );
      await fieldOf(frame, 'body').locator('button.reveal').click();
      const status = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
      await waitFor('the editor selection on the body value', async () =>
        /\(5 selected\)/.test(await status.innerText()) ? true : undefined,
      );
      assert.match(await status.innerText(), new RegExp(`^Ln ${at.line}, `));
    } finally {
      await workbench.screenshot('send-form-apply');
      await workbench.runCommand('File: Revert File');
    }
  });
});
