// The trace panel's page in real headless Chromium: the page the panel serves (same HTML, same
// CSP), its script and stylesheet from dist/, fed traces the simulator itself produced.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { TraceHostMessage, TraceView } from '../../client/src/simulation/traceMessages';
import { analysisContext } from '../../server/src/service/analysisContext';
import { loadBuiltinDocuments } from '../../server/src/service/definitions/builtin';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { sendForm } from '../../server/src/service/previews';
import { defaultSettings } from '../../server/src/service/settings';
import { withCursor } from '../support/documents';
import { readFlow } from '../support/service';
import { runCode } from '../support/simulation';
import { assertClean, openPreview, post, posted, screenshot, startPreviewHost, stopPreviewHost, themes } from '../support/previewPage';

const flow = `;; When
(within 1 hours (count 2 (event (= CallAction "abandoned"))))
;; Then
(seq
  (send twilio sms {:to-phone-number *phone-number* :password "hunter2-secret"}
        (retries 1))
  (set notified true))
`;

const events = [
  { '@time': '2026-03-02T09:00:00Z', id: 'cust-7', CallAction: 'abandoned', 'phone-number': '+15065550101' },
  { '@time': '+20m', id: 'cust-9', CallAction: 'abandoned' },
  { '@time': '+5m', id: 'cust-7', CallAction: 'abandoned' },
];

function view(trace = runCode(flow, events, { mocks: { 'twilio sms': [{ fail: 'carrier busy' }, { ok: { sid: 'SM42' } }] } })): TraceView {
  return { title: 'abandoned.cxflow', uri: 'file:///workspace/abandoned.cxflow', input: 'abandoned.events.json', mocks: 'abandoned.mocks.json', trace };
}

async function show(page: Page, message: TraceHostMessage): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), JSON.parse(JSON.stringify(message)) as unknown);
  const expected = JSON.stringify(message.type === 'trace' ? { view: message.view } : { text: message.text });
  await page.waitForFunction((e) => JSON.stringify((window as unknown as { __state: unknown }).__state) === e, expected);
}

const texts = (page: Page, selector: string) => page.locator(selector).allInnerTexts();

describe('the trace panel in Chromium', () => {
  before(() => startPreviewHost());
  after(() => stopPreviewHost());

  it('shows the outcome, a timeline per key with interactions and variables, and each event with the form that took it', async () => {
    const shown = view();
    const { page, log } = await openPreview(undefined, themes[0], 'trace');
    await show(page, { type: 'trace', view: shown });
    assert.equal(await page.locator('h1').innerText(), 'Run: abandoned.cxflow');
    assert.equal(await page.locator('.outcome').first().innerText(), 'Matched 1 time in 2 key groups');
    assert.deepEqual(await texts(page, 'section h2'), ['Key cust-7', 'Key cust-9']);
    const group = page.locator('section').first();
    const steps = shown.trace.groups[0].steps;
    assert.deepEqual(
      await group.locator('.step .kind').allInnerTexts(),
      steps.map((s) => s.kind),
    );
    assert.deepEqual(
      await group.locator('.step .text').allInnerTexts(),
      steps.map((s) => s.text),
    );
    // Each interaction: its params as rendered (the credential masked), the mock's outcome, the attempt.
    const interactions = group.locator('.interaction');
    assert.equal(await interactions.count(), 2);
    assert.deepEqual(await interactions.locator('.mock').allInnerTexts(), ['mock: failed: carrier busy', 'mock: ok']);
    assert.deepEqual(await interactions.nth(1).locator('.attempt').allInnerTexts(), ['attempt 2']);
    assert.deepEqual(await interactions.first().locator('table.params').first().locator('tr').allInnerTexts(), ['to-phone-number\t+15065550101', 'password\t•••']);
    assert.equal(await interactions.nth(1).locator('table.params').nth(1).locator('td').innerText(), 'SM42');
    assert.doesNotMatch(await page.locator('body').innerText(), /hunter2/);
    assert.deepEqual(await group.locator('.variable').allInnerTexts(), ['notified = true']);
    // The events of the group: both taken by the event form.
    assert.deepEqual(await group.locator('table.events tbody tr td:nth-child(4)').allInnerTexts(), ['(event (= CallAction "abandoned"))↗', '(event (= CallAction "abandoned"))↗']);
    const other = page.locator('section').nth(1);
    assert.deepEqual(await other.locator('.group-outcome > *').allInnerTexts(), [
      'Not matched',
      'Still waiting at (event (= CallAction "abandoned")) for an event where (= CallAction "abandoned") (1 of 2 so far), within 1 hours',
    ]);
    await screenshot(page, 'trace-dark.png');
    await assertClean(page, log);
    await page.close();
  });

  it('reveals the form of a step, of a waiting form and of an event\'s taker when selected', async () => {
    const shown = view();
    const { page, log } = await openPreview(undefined, themes[0], 'trace');
    await show(page, { type: 'trace', view: shown });
    const group = page.locator('section').first();
    const interaction = shown.trace.groups[0].steps.findIndex((s) => s.kind === 'interaction');
    await group.locator('.step-head').nth(interaction).click();
    await group.locator('table.events button.reveal').first().click();
    await page.locator('section').nth(1).locator('button.waiting').click();
    await group.locator('.step-head').nth(interaction).press('Enter');
    const reveals = (await posted(page)).filter((m) => (m as { type: string }).type === 'reveal');
    assert.deepEqual(reveals, [
      { type: 'reveal', range: shown.trace.groups[0].steps[interaction].range },
      { type: 'reveal', range: shown.trace.groups[0].events[0].usedBy?.range },
      { type: 'reveal', range: shown.trace.groups[1].outcome.kind === 'not-matched' ? shown.trace.groups[1].outcome.waiting?.range : undefined },
      { type: 'reveal', range: shown.trace.groups[0].steps[interaction].range },
    ]);
    await assertClean(page, log);
    await page.close();
  });

  it('shows a test case\'s verdict and the input problems', async () => {
    const trace = runCode(flow, [...events, { CallAction: 'abandoned' }], { mocks: { 'twilio sms': { ok: {} } } });
    const { page, log } = await openPreview(undefined, themes[1], 'trace');
    await show(page, { type: 'trace', view: { ...view(trace), input: 'the test case "two calls"', verdict: { passed: false, failures: ['expected 2 matches, got 1'] } } });
    assert.deepEqual(await page.locator('.verdict > *').allInnerTexts(), ['Test failed', 'expected 2 matches, got 1']);
    assert.deepEqual(await texts(page, '.input-problems li'), ['events event 4 has no "id" (the key attribute): skipped']);
    assert.deepEqual(await texts(page, 'section h2'), ['Problems (1)', 'Key cust-7', 'Key cust-9', 'Events without the key']);
    await assertClean(page, log);
    await page.close();
  });

  it('renders markup in events, keys and params as text, in every theme, and comes back from its saved state', async () => {
    const hostile = '<img src=x onerror="window.__xss=1">';
    const trace = runCode(
      `;; When\n(event (= kind "x"))\n;; Then\n(send twilio sms {:to-phone-number *who*})\n`,
      [{ id: `<b onmouseover="window.__xss=2">k</b>`, kind: 'x', who: hostile }],
    );
    for (const theme of themes) {
      const { page, log } = await openPreview(undefined, theme, 'trace');
      await show(page, { type: 'trace', view: { ...view(trace), title: '<script>window.__xss=3</script>' } });
      assert.equal(await page.locator('h1').innerText(), 'Run: <script>window.__xss=3</script>');
      assert.equal(await page.locator('section h2').first().innerText(), 'Key <b onmouseover="window.__xss=2">k</b>');
      assert.equal(await page.locator('table.params td').first().innerText(), hostile);
      assert.equal(await page.locator('main img, main b, main script').count(), 0);
      assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
      await screenshot(page, `trace-hostile-${theme.name}.png`);
      await assertClean(page, log);
      await page.close();
    }
    const { page, log } = await openPreview({ view: view(trace) }, themes[0], 'trace');
    assert.equal(await page.locator('h1').innerText(), 'Run: abandoned.cxflow');
    assert.deepEqual(await posted(page), [{ type: 'ready' }]);
    await assertClean(page, log);
    await page.close();
  });

  it('shows in the send form the values the send was last run with', async () => {
    const index = new DefinitionIndex();
    index.setBuiltins(loadBuiltinDocuments().map((d) => d.definition));
    const { doc, position } = withCursor('(send twilio sms {:to-phone-number *phone* :message "hi <b>"})|', 'flow');
    const model = sendForm(readFlow(doc), position, analysisContext(index, doc.uri, defaultSettings));
    assert.ok(model);
    const { page, log } = await openPreview();
    const lastRun = { key: 'cust-7', at: '2026-03-02 09:25:00', attempt: 2, outcome: 'ok', params: { 'to-phone-number': '+15065550101', message: 'hi <b>', password: '•••' } };
    await post(page, { type: 'model', target: { kind: 'send', uri: doc.uri, position }, model, lastRun });
    const last = page.locator('section', { has: page.locator('h2', { hasText: 'Last run' }) });
    assert.equal(await last.locator('.help').innerText(), 'Key cust-7, 2026-03-02 09:25:00, attempt 2: ok');
    assert.deepEqual(await last.locator('tr').allInnerTexts(), ['to-phone-number\t+15065550101', 'message\thi <b>', 'password\t•••']);
    // Without a run, no such section.
    await post(page, { type: 'model', target: { kind: 'send', uri: doc.uri, position }, model });
    assert.equal(await page.locator('h2', { hasText: 'Last run' }).count(), 0);
    await assertClean(page, log);
    await page.close();
  });
});
