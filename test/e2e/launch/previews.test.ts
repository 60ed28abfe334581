// The previews in code-server, used the way an author uses them: the integration quick pick, a
// send form whose Apply writes into the flow and whose fields reveal their place in the editor, and
// the trace panel of a pattern run from the command palette.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
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

  // The in-editor suite checks what a run sends to the panel; this checks that the packaged panel
  // draws it (its script and style sheet are files of the package).
  it('runs a pattern from the command palette and draws its trace in the panel', { timeout: 3 * 60_000 }, async () => {
    const workbench = open();
    const { page } = workbench;
    const folder = session?.paths.workspace ?? '';
    fs.writeFileSync(
      path.join(folder, 'trace-demo.cxflow'),
      ';; When\n(count 2 (event (= CallAction "abandoned")))\n\n;; Then\n' +
        '(send twilio sms {:to-phone-number *phone-number* :from-phone-number "1-506-555-1234" :message "We missed your call"})\n',
    );
    fs.writeFileSync(
      path.join(folder, 'trace-demo.events.json'),
      JSON.stringify([
        { '@time': '2026-03-02T09:00:00Z', id: 'c1', CallAction: 'abandoned', 'phone-number': '+15065550101' },
        { '@time': '+5m', id: 'c1', CallAction: 'abandoned' },
      ]),
    );
    await workbench.openFromExplorer('trace-demo.cxflow');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('>CxEngage: Run Pattern');
    await visible(page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Run Pattern' }).first(), 'the Run Pattern command');
    await page.keyboard.press('Enter');
    await visible(page.locator('.quick-input-widget .monaco-list-row', { hasText: 'trace-demo.events.json' }).first(), 'the events file in the quick pick');
    await page.keyboard.press('Enter');
    const frame = await workbench.frameWith('h1:has-text("Run: trace-demo")', 'the trace panel of the run');
    try {
      const steps = frame.locator('ol.timeline > li');
      await waitFor('the timeline of key c1', async () => ((await steps.count()) >= 3 ? true : undefined));
      const text = await frame.locator('body').innerText();
      assert.ok(text.includes('c1'), `the panel names the key: ${text.slice(0, 400)}`);
      assert.ok(/twilio sms/.test(text), `the panel shows the interaction: ${text.slice(0, 400)}`);
      // Drawn with the packaged style sheet: a rule of trace.css applies.
      const styled = await frame.locator('ol.timeline').evaluate((list) => getComputedStyle(list).listStyleType);
      assert.notEqual(styled, 'decimal', 'the trace panel\'s style sheet is loaded');
    } finally {
      await workbench.screenshot('trace-panel');
    }
  });
});
