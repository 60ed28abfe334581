// A new user's first hour as seen in the workbench (code-server in Chromium, VS Code's defaults,
// Restricted Mode): typing a send, the breadcrumbs, the preview buttons and keys, the language
// status, the settings UI, the walkthrough, the extension page, and a window reload.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { defaultSeverity } from '../../../server/src/service/codes';
import { fixtureFiles } from '../expectations';
import { CodeServerSession } from './codeServer';
import { waitFor } from '../../support/poll';
import { fixturePosition, editorText } from './editorText';
import { visible, Workbench } from './workbench';

/** Whether every image in `scope` has loaded (a broken link has no natural width). */
async function imagesLoaded(scope: Locator): Promise<{ src: string; width: number }[]> {
  return scope.locator('img').evaluateAll((images) =>
    images.map((i) => ({ src: (i as HTMLImageElement).currentSrc, width: (i as HTMLImageElement).complete ? (i as HTMLImageElement).naturalWidth : 0 })),
  );
}

describe('a first hour in code-server', { timeout: 15 * 60_000 }, () => {
  let session: CodeServerSession | undefined;
  let workbench: Workbench | undefined;

  before(
    async () => {
      session = await CodeServerSession.start({ suite: false });
      workbench = await Workbench.open(session.url, { stateDir: path.join(session.paths.runDir, 'browser') });
      await workbench.waitForProblemsOf(fixtureFiles.flow);
    },
    { timeout: 5 * 60_000 },
  );

  after(async () => {
    await workbench?.close().catch(() => undefined);
    await session?.stop();
  });

  // Whatever a test left open (a widget, the settings, a webview), the next one starts clean.
  afterEach(async () => {
    if (!workbench) return;
    await workbench.page.keyboard.press('Escape');
    await workbench.page.keyboard.press('Escape');
    await workbench.runCommand('View: Close All Editors').catch(() => undefined);
  });

  function open(): Workbench {
    assert.ok(session && workbench, 'code-server or the browser did not start (see the before hook)');
    session.assertRunning();
    return workbench;
  }

  it('opens the folder in Restricted Mode, with flows in their own language', { timeout: 2 * 60_000 }, async () => {
    const workbench = open();
    const statusBar = workbench.page.locator('.statusbar');
    await visible(statusBar.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first(), 'the Restricted Mode item of the status bar');
    await workbench.openFromExplorer(fixtureFiles.flow);
    await visible(statusBar.locator('.statusbar-item', { hasText: 'CxEngage Flow' }).first(), 'the CxEngage Flow language of the active editor');
  });

  it('completes a send by typing: no words of other files, and Tab moves through the mandatory fields', { timeout: 3 * 60_000 }, async () => {
    const workbench = open();
    const { page } = workbench;
    await workbench.openFromExplorer(fixtureFiles.flow);
    const last = fixturePosition(fixtureFiles.flow, ':body "Bye" }', '(send');
    await workbench.goTo(last.line, last.column);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const rows = page.locator('.suggest-widget.visible .monaco-list-row');
    try {
      await page.keyboard.type('(send twilio ');
      await visible(rows.filter({ hasText: 'call-status' }).first(), 'the messages of twilio after `(send twilio `');
      const labels = (await rows.allInnerTexts()).map((r) => r.split('\n')[0]);
      assert.deepEqual(labels.sort(), ['call', 'call-status', 'sms', 'sms-status'], 'only the messages of twilio, no words of the files');
      await page.keyboard.type('sms {');
      await visible(rows.filter({ hasText: 'all mandatory fields' }).first(), 'the all mandatory fields item');
      await page.keyboard.press('Enter');
      // Each value goes inside its quotes; Tab goes to the next field, never into a suggestion.
      for (const value of ['+15550100', '+15550199', 'Call us back']) {
        await page.keyboard.type(value);
        await page.keyboard.press('Tab');
      }
      await waitFor('the three fields filled in order', async () =>
        (await editorText(page)).includes('(send twilio sms {:to-phone-number "+15550100" :from-phone-number "+15550199" :message "Call us back"})')
          ? true
          : undefined,
      );
    } finally {
      await workbench.screenshot('first-hour-typed-send');
      await page.keyboard.press('Escape');
      await workbench.runCommand('File: Revert File');
    }
  });

  it('names the innermost send in the breadcrumbs', { timeout: 2 * 60_000 }, async () => {
    const workbench = open();
    await workbench.openFromExplorer(fixtureFiles.nested);
    const at = fixturePosition(fixtureFiles.nested, '(success (send echo message', 'echo');
    await workbench.goTo(at.line, at.column);
    const crumbs = workbench.page.locator('.breadcrumbs-control').first();
    const text = await waitFor('breadcrumbs down to the send in the success branch', async () => {
      const shown = (await crumbs.innerText()).split('\n').map((s) => s.trim()).filter(Boolean);
      return shown.at(-1) === 'send echo message' ? shown : undefined;
    });
    assert.deepEqual(text, [fixtureFiles.nested, 'Then', 'await twilio call-status', 'send echo message']);
  });

  it('opens the previews from the editor title bar and with Ctrl+K V, as Markdown does', { timeout: 2 * 60_000 }, async () => {
    const workbench = open();
    const { page } = workbench;
    await workbench.openFromExplorer(fixtureFiles.flow);
    const button = page.locator('.editor-actions .action-label[aria-label^="Preview Send Form"]').first();
    await visible(button, 'the Preview Send Form button in the editor title bar');
    assert.match((await button.getAttribute('aria-label')) ?? '', /\(Ctrl\+K V\)/, 'the button names its keybinding');
    await button.click();
    await workbench.frameWith('h1:has-text("send acme-sms text")', 'the send form opened from the title bar');
    await workbench.runCommand('View: Close All Editors');
    // A frame of the closed panel may linger: the next check looks for the integration form only.
    await workbench.openFromExplorer(fixtureFiles.definition);
    // The key works where the definition's editor has the focus, not in the Explorer.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+k');
    await page.keyboard.press('v');
    await workbench.frameWith('h1:has-text("Acme SMS")', 'the integration form opened with Ctrl+K V');
    await workbench.screenshot('first-hour-preview-key');
  });

  it('shows the server state and the definitions a file sees in the language status', { timeout: 2 * 60_000 }, async () => {
    const workbench = open();
    const { page } = workbench;
    await workbench.openFromExplorer(fixtureFiles.flow);
    const item = page.locator('#status\\.languageStatus');
    await visible(item, 'the language status item');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'definitions' }).first();
    const text = await waitFor('the language status to list the server and the definitions', async () => {
      await item.hover();
      const shown = await hover.innerText({ timeout: 2_000 });
      return /CxEngage running/.test(shown) && /\d+ definitions/.test(shown) ? shown : undefined;
    });
    assert.match(text, /9 definitions\n1 in the workspace, 8 built-in/);
    assert.match(text, /server \d+\.\d+\.\d+/);
    await page.keyboard.press('Escape');
  });

  it('shows its log with CxEngage: Show Output: versions, Restricted Mode, folders and the definitions read', { timeout: 2 * 60_000 }, async () => {
    const workbench = open();
    const { page } = workbench;
    await workbench.openFromExplorer(fixtureFiles.flow);
    await workbench.runCommand('CxEngage: Show Output');
    const output = page.locator('.part.panel .monaco-editor .view-lines').first();
    await visible(output, 'the Output panel');
    let shown = '';
    try {
      const text = await waitFor(
        'the start-up lines of the log',
        async () => {
          // The panel wraps long lines at spaces (and slashes): read it as one line of words.
          shown = (await output.innerText()).replace(/\s+/g, ' ');
          return /CxEngage Language Tools [\s\S]* in Restricted Mode;\s+folders: /.test(shown) && /Definitions: 8 built-in, 1 in the workspace/.test(shown) ? shown : undefined;
        },
        { describeLast: () => shown },
      );
      assert.match(text, /CxEngage language server \d+\.\d+\.\d+ on Node v\d+/);
      // Each scan counts the built-in definitions: none is logged before they are loaded.
      assert.doesNotMatch(text, /Definitions: 0 built-in/);
    } finally {
      await workbench.screenshot('first-hour-output');
    }
    await workbench.runCommand('View: Hide Panel');
  });

  it('lists every diagnostic code to pick in the Settings UI', { timeout: 2 * 60_000 }, async () => {
    const workbench = open();
    const { page } = workbench;
    await workbench.runCommand('Preferences: Open Settings (UI)');
    const search = page.locator('.settings-editor .settings-header .suggest-input-container');
    await visible(search, 'the search box of the settings editor');
    await search.click();
    await page.keyboard.type('cxengage.diagnostics.severity');
    await visible(page.locator('.settings-editor .settings-count-widget', { hasText: '1 Setting Found' }), 'the severity setting found');
    const setting = page.locator('.settings-editor .setting-item-contents', { hasText: 'Severity' }).first();
    await visible(setting, 'the severity setting');
    assert.match(await setting.innerText(), /Change how a problem is reported, by its code/);
    await setting.locator('.monaco-button', { hasText: 'Add Item' }).click();
    const keys = setting.locator('.setting-list-object-input-key select option');
    // Options of a closed drop-down are in the page but not visible.
    await keys.first().waitFor({ state: 'attached', timeout: 20_000 });
    assert.deepEqual(await keys.allInnerTexts(), Object.keys(defaultSeverity));
    const levels = await setting.locator('.setting-list-object-input-value select option').allInnerTexts();
    assert.deepEqual(levels, ['error', 'warning', 'information', 'hint', 'off']);
    await workbench.screenshot('first-hour-settings');
  });

  it('shows the walkthrough with its steps and their pictures', { timeout: 2 * 60_000 }, async () => {
    const workbench = open();
    const { page } = workbench;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await visible(input, 'the command palette');
    await input.fill('>Welcome: Open Walkthrough');
    await visible(page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Walkthrough' }).first(), 'the Open Walkthrough command');
    await page.keyboard.press('Enter');
    const ours = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with CxEngage Language Tools' }).first();
    await visible(ours, 'our walkthrough in the list');
    await ours.click();
    const walkthrough = page.locator('.gettingStartedContainer');
    for (const step of ['Open the examples', 'See the mistakes', 'Preview the form of a send', "Preview an integration's forms", 'Tune the checks'])
      await visible(walkthrough.locator('.getting-started-step', { hasText: step }).first(), `the walkthrough step "${step}"`);
    await visible(walkthrough.locator('a, .monaco-button', { hasText: 'Open the Examples' }).first(), 'the Open the Examples button');
    const media = walkthrough.locator('.getting-started-media');
    const loaded = await waitFor('the picture of the first step', async () => {
      const images = await imagesLoaded(media);
      return images.length > 0 && images.every((i) => i.width > 0) ? images : undefined;
    });
    assert.ok(loaded.some((i) => i.src.includes('send-form.png')), JSON.stringify(loaded));
    await workbench.screenshot('first-hour-walkthrough');
  });

  // VS Code's extension page keeps only https images in a README (its sanitizer drops relative
  // and data: sources, its CSP allows https: alone). vsce rewrites the README's relative image links
  // to the repository named in package.json; a published extension's page loads them from there.
  // Offline, the test answers for that host with the files of the installed package, so the page
  // shows the images exactly as a user's page would, and a link to a file the package lacks breaks.
  it('shows the user README, its screenshots and the icon on the extension page', { timeout: 3 * 60_000 }, async () => {
    const workbench = open();
    const { page } = workbench;
    const installed = path.join(session?.paths.extensions ?? '', fs.readdirSync(session?.paths.extensions ?? '').find((d) => d.startsWith('cxengage.cxengage-language-tools-')) ?? '');
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as { repository: { url: string } };
    const imageBase = `${manifest.repository.url}/raw/HEAD/`;
    const served: string[] = [];
    await page.context().route(`${imageBase}**`, async (route) => {
      const relative = decodeURIComponent(new URL(route.request().url()).pathname.slice(new URL(imageBase).pathname.length));
      const file = path.join(installed, relative);
      if (relative.includes('..') || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not in the package' });
      served.push(relative);
      return route.fulfill({ status: 200, contentType: 'image/png', body: fs.readFileSync(file) });
    });

    await workbench.runCommand('Extensions: Show Installed Extensions');
    const entry = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'CxEngage Language Tools' }).first();
    await visible(entry, 'the extension in the Extensions view');
    const icon = await waitFor('the icon in the Extensions view', async () => {
      const [image] = await imagesLoaded(entry);
      return image && image.width > 0 ? image : undefined;
    });
    assert.match(icon.src, /media%2Ficon\.png|media\/icon\.png/);
    await entry.click();
    const readme = await workbench.frameWith('h1:has-text("CxEngage Language Tools")', 'the README on the extension page');
    const body = readme.locator('body');
    const text = await body.innerText();
    for (const section of ['Getting started', 'What it does', 'Form previews', 'Commands', 'Settings', 'Diagnostic codes', 'Troubleshooting'])
      assert.ok(text.includes(section), `the extension page lacks the section ${section}`);
    assert.ok(!text.includes('npm ci'), 'the extension page speaks to users, not to developers');

    const packagedReadme = fs.readFileSync(path.join(installed, 'readme.md'), 'utf8');
    const named = [...packagedReadme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(named.length >= 3, `the README names its screenshots: ${JSON.stringify(named)}`);
    for (const image of named) assert.match(image, /^https:\/\/github\.com\/cxengage\/cxengage-language-tools\/raw\/HEAD\/media\/screenshots\/[\w-]+\.png$/, `${image}: a screenshot link vsce rewrote to the repository`);
    const loaded = await waitFor('every screenshot on the extension page to load', async () => {
      const images = await body.locator('img').evaluateAll((all) =>
        all.map((i) => ({ alt: i.getAttribute('alt') ?? '', src: (i as HTMLImageElement).currentSrc, width: (i as HTMLImageElement).complete ? (i as HTMLImageElement).naturalWidth : 0 })),
      );
      return images.length === named.length && images.every((i) => i.width > 0) ? images : undefined;
    });
    assert.ok(loaded.every((i) => i.alt !== ''), `every screenshot has a description: ${JSON.stringify(loaded)}`);
    assert.deepEqual([...new Set(served)].sort(), named.map((n) => n.slice(imageBase.length)).sort(), 'each screenshot came from the installed package');
    await workbench.screenshot('first-hour-extension-page');
  });

  // Last: the reload starts a new extension host.
  it('lists the problems of every restored tab after a window reload, without a click', { timeout: 3 * 60_000 }, async () => {
    const workbench = open();
    const { page } = workbench;
    const files = [fixtureFiles.definition, fixtureFiles.pattern, fixtureFiles.flow];
    await workbench.runCommand('View: Close All Editors');
    for (const file of files) await workbench.openFromExplorer(file, { pinned: true });
    assert.equal(await page.locator('.tabs-container .tab').count(), files.length, 'one tab per file to restore');
    // As a user does it: the window saves its state (the open tabs) before it reloads.
    await workbench.runCommand('Developer: Reload Window');
    await visible(page.locator('.monaco-workbench'), 'the workbench after the reload', 60_000);
    await visible(page.locator('.tabs-container .tab', { hasText: fixtureFiles.definition }).first(), 'the definition tab restored', 60_000);
    await workbench.runCommand('Problems: Focus on Problems View');
    const panel = await visible(page.locator('.markers-panel'), 'the Problems panel');
    try {
      await waitFor(
        'the Problems panel to list the three restored files',
        async () => {
          // One row per file: the list draws only the rows in view, and new files come expanded.
          await page.locator('.panel .action-label[aria-label="Collapse All"]').first().click();
          const text = await panel.innerText();
          return files.every((f) => text.includes(f)) ? true : undefined;
        },
        { timeoutMs: 60_000 },
      );
    } finally {
      await workbench.screenshot('first-hour-after-reload');
    }
  });
});
