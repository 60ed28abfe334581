// The packaged extension in code-server (VS Code's workbench and extension host) seen from
// Chromium: the in-editor suite's results (but the browser client's, which `npm run test:browser`
// runs in browserClient.test.ts), then what a user sees in the workbench.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { codesOf, expectedDiagnostics } from '../expectations';
import { browserClientSuite, CodeServerSession } from './codeServer';
import { fixturePosition } from './editorText';
import { reportInEditorSuite } from './inEditorSuite';
import { delay } from './processes';
import { visible, Workbench } from './workbench';

const flowCodes = codesOf(expectedDiagnostics.flow);

async function waitForText(read: () => Promise<string>, wanted: readonly string[], what: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await read().catch(() => '');
    if (wanted.every((w) => text.includes(w))) return text;
    await delay(250);
  }
  const missing = wanted.filter((w) => !text.includes(w));
  throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}; missing [${missing.join(', ')}] in:\n${text.slice(0, 2000)}`);
}

describe('the packaged extension in code-server', { timeout: 20 * 60_000 }, () => {
  let session: CodeServerSession | undefined;
  let workbench: Workbench | undefined;
  /** Why the extension never started in the editor, when the suite's set-up says so. */
  let notStarted: string | undefined;

  before(
    async () => {
      session = await CodeServerSession.start({ suiteFiles: { except: [browserClientSuite] } });
      workbench = await Workbench.open(session.url, { stateDir: path.join(session.paths.runDir, 'browser') });
    },
    { timeout: 5 * 60_000 },
  );

  after(async () => {
    await workbench?.close().catch(() => undefined);
    await session?.stop();
  });

  function open(): { session: CodeServerSession; workbench: Workbench } {
    assert.ok(session && workbench, 'code-server or the browser did not start (see the before hook)');
    session.assertRunning();
    assert.equal(notStarted, undefined, `the extension did not start in the editor, so the workbench cannot show its features: ${notStarted}`);
    return { session, workbench };
  }

  it('runs the in-editor suite in the extension host', { timeout: 11 * 60_000 }, async (t) => {
    const { session, workbench } = open();
    await reportInEditorSuite(t, session, async (reason) => {
      notStarted = reason;
      await workbench.screenshot('after-suite');
    });
  });

  it('lists the flow problems in the Problems panel', { timeout: 2 * 60_000 }, async () => {
    const { workbench } = open();
    await workbench.openFromExplorer('alerts.cxflow');
    await workbench.runCommand('Problems: Focus on Problems View');
    const panel = await visible(workbench.page.locator('.markers-panel'), 'the Problems panel');
    try {
      await waitForText(() => panel.innerText(), flowCodes, 'the Problems panel to list the codes of alerts.cxflow');
    } finally {
      await workbench.screenshot('problems-panel');
    }
  });

  it('offers a missing field in the suggest widget inside a params map', { timeout: 2 * 60_000 }, async () => {
    const { workbench } = open();
    const { page } = workbench;
    await workbench.openFromExplorer('alerts.cxflow');
    const at = fixturePosition('alerts.cxflow', ':body "Bye" }', '}');
    await workbench.goTo(at.line, at.column);
    await page.keyboard.type(':pri');
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'priority' }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 5_000 }).catch(async () => {
        await page.keyboard.press('Control+Space');
        await visible(row, 'a `priority` row in the suggest widget after typing :pri in the params map');
      });
    } finally {
      await workbench.screenshot('suggest-widget');
      await page.keyboard.press('Escape');
      await workbench.runCommand('File: Revert File');
    }
  });

  it('shows the field table of a message type on hover', { timeout: 2 * 60_000 }, async () => {
    const { workbench } = open();
    const { page } = workbench;
    await workbench.openFromExplorer('alerts.cxflow');
    const at = fixturePosition('alerts.cxflow', ':body "Bye" }', 'text', 1);
    await workbench.goTo(at.line, at.column);
    await workbench.runCommand('Show or Focus Hover');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'priority' }).first();
    try {
      await visible(hover, 'a hover on `text` that mentions the field priority');
      await waitForText(() => hover.innerText(), ['to', 'body', 'priority'], 'the hover to list the fields of acme-sms text');
      assert.ok((await hover.locator('table').count()) > 0, 'the hover shows no table');
    } finally {
      await workbench.screenshot('hover');
      await page.keyboard.press('Escape');
    }
  });

  it('renders the integration form in the preview webview', { timeout: 2 * 60_000 }, async () => {
    const { workbench } = open();
    await workbench.openFromExplorer('acme-sms.integration.json');
    await workbench.runCommand('Preview Integration Form');
    try {
      const frame = await workbench.frameWith('label:has-text("API token")', 'the integration form of acme-sms in a webview');
      const body = await frame.locator('body').innerText();
      for (const label of ['Account', 'API token', 'Password', 'priority'])
        assert.ok(body.includes(label), `the preview lacks ${label}:\n${body.slice(0, 2000)}`);
      const password = frame.locator('input[type="password"]');
      assert.ok((await password.count()) > 0, 'the Password param is not a password input');
      assert.equal(await password.first().inputValue(), '', 'a password input is pre-filled');
      const options = await frame.locator('select option').allInnerTexts();
      for (const value of ['low', 'normal', 'high'])
        assert.ok(options.some((o) => o.includes(value)), `the priority drop-down lacks ${value}: [${options.join(', ')}]`);
    } finally {
      await workbench.screenshot('integration-form-preview');
    }
  });
});
