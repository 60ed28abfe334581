// The host side of the preview and trace webviews in a real browser: a local page served with the panel's
// own HTML and CSP, an acquireVsCodeApi stand-in, VS Code theme colours, and page checks.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Browser, ConsoleMessage, Page, chromium } from 'playwright-core';
import type { HostMessage, PreviewState, PreviewTarget } from '../../client/src/preview/messages';
import { previewHtml } from '../../client/src/preview/webviewHtml';
import type { TraceState } from '../../client/src/simulation/traceMessages';
import type { FormModel } from '../../server/src/service/previews';

const root = path.resolve(__dirname, '../../..');
const dist = path.join(root, 'dist');
const results = path.join(root, 'test-results');
const nonce = 'testNonce0123456789abcdefABCDEF';

// VS Code's Dark Modern colours, as the workbench sets them on a webview's <html>.
export const darkTheme: Record<string, string> = {
  '--vscode-font-family': '"DejaVu Sans", system-ui, sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
  '--vscode-foreground': '#cccccc',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-input-background': '#313131',
  '--vscode-input-foreground': '#cccccc',
  '--vscode-input-border': '#3c3c3c',
  '--vscode-input-placeholderForeground': '#989898',
  '--vscode-dropdown-background': '#313131',
  '--vscode-dropdown-foreground': '#cccccc',
  '--vscode-dropdown-border': '#3c3c3c',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-errorForeground': '#f85149',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-editorInfo-foreground': '#3794ff',
  '--vscode-inputValidation-errorBorder': '#be1100',
  '--vscode-inputValidation-errorBackground': '#5a1d1d',
  '--vscode-inputValidation-warningBorder': '#b89500',
  '--vscode-badge-background': '#616161',
  '--vscode-badge-foreground': '#f8f8f8',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-textLink-foreground': '#4daafc',
  '--vscode-textCodeBlock-background': '#2b2b2b',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-list-hoverBackground': '#2a2d2e',
};

// Light Modern and High Contrast, the other two kinds of theme a webview must stay readable in.
const lightTheme: Record<string, string> = {
  ...darkTheme,
  '--vscode-foreground': '#3b3b3b',
  '--vscode-editor-background': '#ffffff',
  '--vscode-descriptionForeground': '#616161',
  '--vscode-input-background': '#ffffff',
  '--vscode-input-foreground': '#3b3b3b',
  '--vscode-input-border': '#cecece',
  '--vscode-dropdown-background': '#ffffff',
  '--vscode-dropdown-foreground': '#3b3b3b',
  '--vscode-dropdown-border': '#cecece',
  '--vscode-errorForeground': '#a1260d',
  '--vscode-inputValidation-errorBackground': '#f2dede',
  '--vscode-badge-background': '#cccccc',
  '--vscode-badge-foreground': '#3b3b3b',
  '--vscode-textCodeBlock-background': '#f0f0f0',
  '--vscode-panel-border': '#e5e5e5',
  '--vscode-list-hoverBackground': '#f2f2f2',
};
const highContrastTheme: Record<string, string> = {
  ...darkTheme,
  '--vscode-foreground': '#ffffff',
  '--vscode-editor-background': '#000000',
  '--vscode-descriptionForeground': '#ffffff',
  '--vscode-input-background': '#000000',
  '--vscode-input-foreground': '#ffffff',
  '--vscode-input-border': '#6fc3df',
  '--vscode-contrastBorder': '#6fc3df',
  '--vscode-errorForeground': '#f48771',
  '--vscode-badge-background': '#000000',
  '--vscode-badge-foreground': '#ffffff',
};
export const themes = [
  { name: 'dark', bodyClass: 'vscode-dark', vars: darkTheme },
  { name: 'light', bodyClass: 'vscode-light', vars: lightTheme },
  { name: 'high-contrast', bodyClass: 'vscode-high-contrast', vars: highContrastTheme },
];

export interface PageLog {
  console: string[];
  errors: string[];
}

let server: http.Server;
let origin: string;
let browser: Browser;

/** The stand-in for the webview host: acquireVsCodeApi, the theme, and a CSP violation log. */
function hostScript(theme: Record<string, string>, bodyClass: string, savedState: unknown): string {
  return `(() => {
    window.__posted = [];
    window.__state = ${JSON.stringify(savedState ?? null)};
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(m),
      getState: () => window.__state ?? undefined,
      setState: (s) => { window.__state = s; },
    });
    const theme = ${JSON.stringify(theme)};
    document.addEventListener('DOMContentLoaded', () => {
      for (const [k, v] of Object.entries(theme)) document.documentElement.style.setProperty(k, v);
      document.body.classList.add(${JSON.stringify(bodyClass)});
    });
  })();`;
}

/** The pages served: the form previews, and the trace panel (same HTML and CSP, its own bundle). */
export type PageName = 'preview' | 'trace';

export async function openPreview(savedState?: PreviewState | TraceState, theme = themes[0], name: PageName = 'preview'): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage({ viewport: { width: 760, height: 900 }, deviceScaleFactor: 1 });
  const log: PageLog = { console: [], errors: [] };
  page.on('console', (m: ConsoleMessage) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('dialog', (d) => {
    log.errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(hostScript(theme.vars, theme.bodyClass, savedState));
  await page.goto(`${origin}/${name}.html`);
  await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
  return { page, log };
}

export async function post(page: Page, message: HostMessage): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
  // The script stores the state and renders in the same task: once the state is there, so is the DOM.
  const expected = JSON.stringify(
    message.type === 'model'
      ? { target: message.target, model: message.model, ...(message.lastRun ? { lastRun: message.lastRun } : {}) }
      : { target: message.target, text: message.text },
  );
  await page.waitForFunction((e) => JSON.stringify((window as unknown as { __state: unknown }).__state) === e, expected);
}

export async function showModel(page: Page, model: FormModel, target?: PreviewTarget): Promise<void> {
  await post(page, { type: 'model', target: target ?? { kind: 'integration', uri: model.uri }, model });
}

export async function posted(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted);
}

/** No CSP violation, no script error, no console error: checked after every page. */
export async function assertClean(page: Page, log: PageLog): Promise<void> {
  const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  assert.deepEqual(csp, []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(
    log.console.filter((l) => l.startsWith('error') || /Content Security Policy/i.test(l)),
    [],
  );
}

/** A message as the page shows it: its `quoted` words as code, without the backquotes. */
export const plain = (message: string) => message.replace(/`/g, '');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(results, { recursive: true });
  await page.screenshot({ path: path.join(results, name), fullPage: true });
}

/** Serves the preview page and starts Chromium (Debian's, headless). */
export async function startPreviewHost(): Promise<void> {
  for (const file of ['preview.js', 'preview.css', 'trace.js', 'trace.css']) {
    assert.ok(fs.existsSync(path.join(dist, file)), `dist/${file} is missing: run \`node esbuild.mjs\` first`);
  }
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const html = /^\/(preview|trace)\.html$/.exec(url.pathname);
    if (html) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        previewHtml({
          cspSource: origin,
          scriptUri: `${origin}/dist/${html[1]}.js`,
          styleUri: `${origin}/dist/${html[1]}.css`,
          nonce,
          title: 'Preview',
        }),
      );
      return;
    }
    // A browser tab asks for an icon; a webview never does.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const match = /^\/dist\/((?:preview|trace)\.(js|css))$/.exec(url.pathname);
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': match[2] === 'js' ? 'text/javascript' : 'text/css' });
    res.end(fs.readFileSync(path.join(dist, match[1])));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function stopPreviewHost(): Promise<void> {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
}
