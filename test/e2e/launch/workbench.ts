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
  static async open(url: string, { stateDir, timeoutMs = 60_000 }: { stateDir?: string; timeoutMs?: number } = {}): Promise<Workbench> {
    const env = stateDir
      ? { ...process.env, XDG_CONFIG_HOME: path.join(stateDir, 'config'), XDG_CACHE_HOME: path.join(stateDir, 'cache') }
      : process.env;
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags, env, timeout: 30_000 });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
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

  /** Opens a top-level file of the workspace from the Explorer. */
  async openFromExplorer(fileName: string): Promise<void> {
    const row = this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
    await visible(row, `the Explorer row of ${fileName}`);
    await row.click();
    await visible(this.page.locator('.tabs-container .tab.active', { hasText: fileName }), `an active editor tab for ${fileName}`);
    await visible(this.page.locator('.editor-instance .monaco-editor .view-lines'), `the text of ${fileName}`);
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
