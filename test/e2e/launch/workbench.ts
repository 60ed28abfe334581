// The VS Code workbench in Debian's Chromium, driven like a user would: the Explorer to
// open files, the command palette (F1) for commands, the keyboard for typing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { chromiumPath, screenshotDir } from './paths';
import { delay } from './processes';

const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export class Workbench {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  /** Opens the workbench; `stateDir` receives what Chromium would otherwise write into the home folder. */
  static async open(
    url: string,
    { stateDir, timeoutMs = 60_000, viewport = { width: 1400, height: 900 } }: { stateDir?: string; timeoutMs?: number; viewport?: { width: number; height: number } } = {},
  ): Promise<Workbench> {
    const env = stateDir
      ? { ...process.env, XDG_CONFIG_HOME: path.join(stateDir, 'config'), XDG_CACHE_HOME: path.join(stateDir, 'cache') }
      : process.env;
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags, env, timeout: 30_000 });
    try {
      const page = await browser.newPage({ viewport });
      await page.goto(url, { timeout: timeoutMs });
      await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
      return new Workbench(browser, page);
    } catch (err) {
      await browser.close();
      throw new Error(`the workbench did not load from ${url}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens a file of the workspace from the Explorer (a top-level one, or one in an expanded folder); `pinned` keeps its tab. */
  async openFromExplorer(fileName: string, { pinned = false }: { pinned?: boolean } = {}): Promise<void> {
    // Another view (Extensions, Search) may hold the side bar.
    if (!(await this.page.locator('.explorer-folders-view').isVisible())) await this.runCommand('View: Show Explorer');
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
    await visible(row, `the Explorer row of ${fileName}`);
    // A row's hover (its path), left by the mouse of an earlier click, would take this click.
    await this.page.mouse.move(0, 0);
    await this.page.locator('.context-view .hover-contents').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    // A click opens a preview tab, which the next file replaces; a double click keeps the tab.
    if (pinned) await row.dblclick();
    else await row.click();
    await visible(this.page.locator('.tabs-container .tab.active', { hasText: fileName }), `an active editor tab for ${fileName}`);
    await visible(this.page.locator('.editor-instance .monaco-editor .view-lines'), `the text of ${fileName}`);
  }

  /**
   * Opens `file` (a file with problems) and waits until the status bar counts them: the extension
   * host has started, the extension is active and its server has answered. Without this a test
   * that starts at once races the start-up (some 20 s on a busy machine).
   */
  async waitForProblemsOf(file: string, timeoutMs = 120_000): Promise<void> {
    await this.openFromExplorer(file);
    const problems = this.page.locator('#status\\.problems');
    const deadline = Date.now() + timeoutMs;
    let seen = '';
    while (Date.now() < deadline) {
      seen = (await problems.innerText().catch(() => '')).trim();
      if (/[1-9]/.test(seen)) return;
      await delay(500);
    }
    throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for the status bar to count the problems of ${file} (the extension never answered); it shows "${seen}"`);
  }

  /** Expands folders of the Explorer (top-level ones, in order), so that their files have rows. */
  async revealInExplorer(folders: readonly string[]): Promise<void> {
    for (const folder of folders) {
      const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: folder }).first();
      await visible(row, `the Explorer row of the folder ${folder}`);
      if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
    }
  }

  /** Runs a command through the command palette, by (part of) its title. */
  async runCommand(title: string): Promise<void> {
    await this.quickInput(`>${title}`, title);
  }

  /** Moves the cursor of the active editor to a 1-based line and column through "Go to Line". */
  async goTo(line: number, column: number): Promise<void> {
    await this.quickInput(`:${line}:${column}`, undefined);
  }

  private async quickInput(value: string, expectRow: string | undefined): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await visible(input, 'the command palette');
    await input.fill(value);
    if (expectRow !== undefined)
      await visible(this.page.locator('.quick-input-widget .monaco-list-row', { hasText: expectRow }).first(), `the command "${expectRow}" in the palette`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Waits for a frame (webviews live in nested iframes) whose document has `selector`. */
  async frameWith(selector: string, what: string, timeoutMs = 30_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        const count = await frame.locator(selector).count().catch(() => 0);
        if (count > 0) return frame;
      }
      await delay(250);
    }
    throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what} (a frame holding ${selector}); frames: ${this.page.frames().map((f) => f.url()).join(', ')}`);
  }
}

/** Waits for an element with a message that says what was awaited. */
export async function visible(locator: Locator, what: string, timeoutMs = 20_000): Promise<Locator> {
  try {
    await locator.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what} in the workbench`);
  }
  return locator;
}
