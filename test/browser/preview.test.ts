// The preview webview in real headless Chromium: the page the panel serves (same HTML, same CSP),
// its script and stylesheet from dist/, fed form models built by the server's own builders.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PreviewState, PreviewTarget } from '../../client/src/preview/messages';
import { analysisContext } from '../../server/src/service/analysisContext';
import { messages } from '../../server/src/service/codes';
import { loadBuiltinDocuments } from '../../server/src/service/definitions/builtin';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { validateDefinition } from '../../server/src/service/definitions/validate';
import { IntegrationFormModel, SendFormModel, integrationForm, sendForm } from '../../server/src/service/previews';
import { defaultSettings } from '../../server/src/service/settings';
import { crmWith } from '../support/definitions';
import { documentOf, withCursor } from '../support/documents';
import { readFlow, parseDefinition, diagnosticsOf } from '../support/service';
import {
  assertClean,
  openPreview,
  plain,
  post,
  posted,
  screenshot,
  showModel,
  startPreviewHost,
  stopPreviewHost,
  themes,
} from '../support/previewPage';

// Models built by the server's own builders from the built-in definitions and real flows.
const builtinDocs = loadBuiltinDocuments();
const index = new DefinitionIndex();
index.setBuiltins(builtinDocs.map((d) => d.definition));
const ctx = analysisContext(index, 'file:///workspace/flow.cxflow', defaultSettings);

async function builtinModel(type: string): Promise<IntegrationFormModel> {
  const doc = builtinDocs.find((d) => d.definition.type?.value === type);
  assert.ok(doc);
  return integrationForm(doc.definition, await validateDefinition(doc));
}

function sendModel(text: string, settings = defaultSettings): SendFormModel {
  const { doc, position } = withCursor(text, 'flow');
  const model = sendForm(readFlow(doc), position, settings === defaultSettings ? ctx : analysisContext(index, 'file:///workspace/flow.cxflow', settings));
  assert.ok(model);
  return model;
}

const xssLabel = '<img src=x onerror="window.__xss=1">';
const xssDefinition = `{
  "type": "hostile",
  "display": "<script>window.__xss=2</script>Hostile",
  "schema": [ { "label": ${JSON.stringify(xssLabel)}, "param": "token", "type": "password" } ],
  "endpoint": {
    "name": "hostile", "type": "hostile", "display": "<b onmouseover=alert(1)>End</b>",
    "params": ["token"], "redact": ["token"],
    "sends": { "<svg onload=alert(1)>": { "<i>f</i>": { "type": "mandatory", "description": "<a href=javascript:alert(1)>x</a>", "enum": ["<u>v</u>"] } } }
  }
}`;

const taskFlow = `(seq
  (send twilio sms {:to-phone-number *phone-number*
                    :from-phone-number "1-506-555-1234"
                    :password "hunter2-inline-secret"}
        (template {:message +TM1}))
  (send salesforce task {:OwnerId owner :WhoId $who :WhatId *account|*
                         :Subject "Cal" :Status "Not Started" :Descriptoin "Failed check-in"
                         :Priority "High"}))`;

describe('preview webview in Chromium', () => {
  before(startPreviewHost);
  after(stopPreviewHost);

  it('announces itself ready and renders nothing but a placeholder before a model arrives', async () => {
    const { page, log } = await openPreview();
    assert.deepEqual(await posted(page), [{ type: 'ready' }]);
    assert.equal(await page.textContent('main'), 'Loading…');
    await assertClean(page, log);
    await page.close();
  });

  it('integration form: labelled inputs, empty password inputs, mandatory marks, drop-downs, badges', async () => {
    const { page, log } = await openPreview();
    const model = await builtinModel('salesforce');
    await showModel(page, model);

    assert.equal(await page.textContent('h1'), 'Salesforce');
    // Every label is a real <label for> of an existing control.
    const labels = await page.$$eval('label', (ls) =>
      ls.map((l) => ({ text: l.textContent, target: document.getElementById(l.htmlFor)?.tagName ?? null })),
    );
    // 5 configuration inputs, 28 message fields, 1 listener input.
    assert.equal(labels.length, 34);
    assert.ok(labels.every((l) => l.target === 'INPUT' || l.target === 'SELECT'), JSON.stringify(labels.filter((l) => !l.target)));
    const configuration = await page
      .locator('section', { has: page.locator('h2', { hasText: /^Configuration$/ }) })
      .locator('label')
      .allTextContents();
    assert.deepEqual(configuration, ['Consumer Key', 'Consumer Secret', 'Username', 'Password', 'Security Token']);

    const passwords = await page.$$eval('input[type=password]', (inputs) =>
      inputs.map((i) => ({ value: (i as HTMLInputElement).value, label: document.querySelector(`label[for="${i.id}"]`)?.textContent })),
    );
    assert.deepEqual(passwords, [
      { value: '', label: 'Consumer Secret' },
      { value: '', label: 'Password' },
      { value: '', label: 'Security Token' },
    ]);
    assert.deepEqual(await page.$$eval('input', (inputs) => inputs.filter((i) => (i as HTMLInputElement).value !== '').length), 0);

    const task = page.locator('fieldset', { has: page.locator('legend', { hasText: /^task$/ }) });
    assert.equal(await task.locator('label .mandatory').count(), 8);
    assert.equal(await task.locator('[aria-required=true]').count(), 8);
    const lead = page.locator('fieldset', { has: page.locator('legend', { hasText: /^lead$/ }) });
    assert.equal(await lead.locator('label .mandatory').count(), 5);
    const subjectId = await task.locator('label', { hasText: 'Subject' }).getAttribute('for');
    assert.deepEqual(await page.$$eval(`#${subjectId} option`, (os) => os.map((o) => o.textContent)), [
      'Choose…',
      'Call',
      'Email',
      'Send Letter',
      'Send Quote',
      'Other',
    ]);
    assert.equal(await task.locator('.help', { hasText: 'Assigned To' }).count(), 1);

    const listenerParams = await page.$$eval('section:last-of-type li.param', (items) =>
      items.map((li) => [li.querySelector('code')?.textContent, [...li.querySelectorAll('.badge')].map((b) => b.textContent)]),
    );
    assert.deepEqual(listenerParams.find(([name]) => name === 'password'), ['password', ['static', 'secret, not redacted']]);
    assert.equal(await page.locator('h3', { hasText: 'Listener configuration' }).count(), 1);

    await screenshot(page, 'preview-integration-salesforce.png');
    await assertClean(page, log);
    await page.close();
  });

  it("integration form: the listener's own password input masked and empty, its unredacted secret badged", async () => {
    const { page, log } = await openPreview();
    // The crm fixture without the listener's redact list: its webhook secret is shown in clear.
    const doc = documentOf(crmWith([', "redact": ["hook-secret"]', '']));
    const model = integrationForm(parseDefinition(doc).definition, await diagnosticsOf(doc));
    await showModel(page, model);
    const listener = page.locator('section', { has: page.locator('h2', { hasText: /^Listener: CRM Listener$/ }) });
    const inputs = await listener.locator('input').evaluateAll((all) =>
      all.map((i) => {
        const input = i as HTMLInputElement;
        return { type: input.type, value: input.value, name: input.name, autocomplete: input.autocomplete, label: document.querySelector(`label[for="${input.id}"]`)?.textContent };
      }),
    );
    assert.deepEqual(inputs, [{ type: 'password', value: '', name: 'hook-secret', autocomplete: 'new-password', label: 'Webhook secret' }]);
    const params = await listener.locator('li.param').evaluateAll((items) =>
      items.map((li) => [li.querySelector('code')?.textContent, li.className, [...li.querySelectorAll('.badge')].map((b) => b.textContent)]),
    );
    assert.deepEqual(params, [['hook-secret', 'param param--exposed', ['static', 'secret, not redacted']]]);
    // Typing into it shows dots, never the text.
    await listener.locator('input').fill('s3cr3t');
    assert.equal(await listener.locator('input').getAttribute('type'), 'password');
    await assertClean(page, log);
    await page.close();
  });

  it('a definition with errors: what can be shown, plus problems that reveal their range', async () => {
    const { page, log } = await openPreview();
    const doc = documentOf(crmWith(['"redact": ["secret"]', '"redact": ["secert"]'], ['"sends": {', '"sends": { "bad": [],']));
    const model = integrationForm(parseDefinition(doc).definition, await diagnosticsOf(doc));
    assert.deepEqual(
      model.problems.map((p) => p.code),
      ['unredacted-secret', 'unknown-param', 'schema'],
    );
    await showModel(page, model);
    const problems = page.locator('ul.problems button');
    // Each problem as the page shows it: severity, message, code, line:column.
    const title = { error: 'Error', warning: 'Warning', information: 'Information', hint: 'Hint' };
    assert.deepEqual(
      await problems.allTextContents(),
      model.problems.map((p) => `${title[p.severity]}${plain(p.message)}${p.code}${p.range.start.line + 1}:${p.range.start.character + 1}`),
    );
    assert.equal(await page.locator('h2', { hasText: 'Problems (3)' }).count(), 1);
    await problems.nth(1).click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', range: model.problems[1].range });
    // The rest of the form still renders, the broken message too (without fields).
    assert.deepEqual(await page.locator('fieldset legend').allTextContents(), ['bad', 'note']);
    await assertClean(page, log);
    await page.close();
  });

  it('send form: values from the code, missing and invalid fields highlighted, secrets never shown', async () => {
    const { page, log } = await openPreview();
    const model = sendModel(taskFlow);
    await showModel(page, model, { kind: 'send', uri: model.uri, position: model.position });
    assert.equal(await page.textContent('h1'), 'send salesforce task');

    const field = (label: string) => page.locator('.field', { has: page.locator('label', { hasText: new RegExp(`^${label}\\*?$`) }) });
    assert.match((await field('Description').getAttribute('class')) ?? '', /field--missing/);
    assert.equal(await field('Description').locator('[aria-invalid=true]').count(), 1);
    assert.equal(
      await field('Description').locator('.field-problem').textContent(),
      plain(messages.missingMandatoryFields('salesforce', 'task', ['Description'])),
    );
    assert.match((await field('Subject').getAttribute('class')) ?? '', /field--invalid/);
    assert.equal(await field('Subject').locator('select option:checked').textContent(), 'Cal (not a valid value)');
    assert.equal(await field('Status').locator('select').inputValue(), 'Not Started');
    assert.equal(await field('WhatId').locator('output').textContent(), 'from event field account');
    assert.equal(await field('OwnerId').locator('output').textContent(), 'variable owner');
    assert.equal(await field('WhoId').locator('output').textContent(), 'response value $who');
    assert.match((await field('Descriptoin').getAttribute('class')) ?? '', /field--unknown/);
    assert.equal(await field('Descriptoin').locator('.field-problem').textContent(), plain(messages.unknownField('Descriptoin', 'task', 'Description')));
    // The send's diagnostics, as the Problems panel lists them; each row coloured by its level.
    assert.deepEqual(
      model.problems.map((p) => p.code),
      ['missing-mandatory-field', 'invalid-enum-value', 'unknown-field'],
    );
    assert.equal(await page.locator('ul.problems button').count(), 3);
    assert.match((await field('Description').getAttribute('class')) ?? '', /field--error/);
    assert.match((await field('Descriptoin').getAttribute('class')) ?? '', /field--warning/);

    await field('Subject').locator('button.reveal').click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', range: model.fields.find((f) => f.name === 'Subject')?.range });
    await screenshot(page, 'preview-send-salesforce-task.png');

    // Writing back: fill an empty mandatory field, choose an enum value, apply.
    const apply = page.locator('button.apply');
    assert.equal(await apply.isDisabled(), true);
    await field('Description').locator('input').fill('Failed check-in');
    await field('Subject').locator('select').selectOption('Call');
    assert.equal(await apply.isDisabled(), false);
    await apply.click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'apply', values: { Subject: 'Call', Description: 'Failed check-in' } });
    assert.equal(await field('Descriptoin').locator('input').getAttribute('readonly'), '');

    const sms = sendModel(taskFlow.replace('|', '').replace('(send twilio sms', '(send twilio |sms'));
    await showModel(page, sms, { kind: 'send', uri: sms.uri, position: sms.position });
    assert.equal(await page.textContent('h1'), 'send twilio sms');
    assert.equal(await field('message').locator('output').textContent(), 'message template TM1');
    assert.equal(await field('message').locator('.badge-templated').count(), 1);
    assert.equal(await field('password').locator('output').textContent(), '••• (inline secret)');
    assert.match((await field('password').getAttribute('class')) ?? '', /field--secret/);
    const html = await page.content();
    assert.ok(!html.includes('hunter2'), 'no secret in the page');
    await assertClean(page, log);
    await page.close();
  });

  it('user data is text: markup in labels, names and descriptions never runs or renders', async () => {
    const { page, log } = await openPreview();
    const doc = documentOf(xssDefinition);
    const model = integrationForm(parseDefinition(doc).definition, await diagnosticsOf(doc));
    await showModel(page, model);
    const id = await page.locator('input[type=password]').getAttribute('id');
    assert.equal(await page.locator(`label[for="${id}"]`).textContent(), xssLabel);
    assert.equal(await page.textContent('h1'), '<script>window.__xss=2</script>Hostile');
    assert.equal(await page.locator('fieldset legend').textContent(), '<svg onload=alert(1)>');
    assert.equal(await page.locator('fieldset .help').textContent(), '<a href=javascript:alert(1)>x</a>');
    assert.deepEqual(await page.$$eval('fieldset option', (os) => os.map((o) => o.textContent)), ['Choose…', '<u>v</u>']);
    assert.equal(await page.locator('#root img, #root script, #root svg, #root b, #root a, #root u').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    await page.locator('label', { hasText: xssLabel }).hover();
    await assertClean(page, log);
    await page.close();
  });

  it('keyboard: every control and reveal button is reachable with Tab, and Enter reveals', async () => {
    const { page, log } = await openPreview();
    const model = await builtinModel('twilio');
    await showModel(page, model);
    await screenshot(page, 'preview-integration-twilio.png');
    const focusable = await page.$$eval('input, select, button', (els) => els.length);
    const seen: number[] = [];
    for (let i = 0; i < focusable; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => [...document.querySelectorAll('input, select, button')].indexOf(document.activeElement as Element)));
    }
    // Each in turn, in document order.
    assert.deepEqual(seen, [...Array(focusable).keys()]);
    await page.focus('button[aria-label="Show Token in the editor"]');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', range: model.configuration[1].range });
    await assertClean(page, log);
    await page.close();
  });

  it('send form: a field takes the level the user gave its code, and shows no problem the user turned off', async () => {
    const { page, log } = await openPreview();
    const field = (label: string) => page.locator('.field', { has: page.locator('label', { hasText: new RegExp(`^${label}\\*?$`) }) });
    const raised = sendModel(taskFlow, { ...defaultSettings, severity: { 'unknown-field': 'error', 'invalid-enum-value': 'off' } });
    await showModel(page, raised, { kind: 'send', uri: raised.uri, position: raised.position });
    assert.match((await field('Descriptoin').getAttribute('class')) ?? '', /field--unknown field--error/);
    const color = (selector: string) => page.$eval(selector, (e) => getComputedStyle(e).color);
    assert.equal(await field('Descriptoin').locator('.field-problem').evaluate((e) => getComputedStyle(e).color), await color('label .mandatory'));
    assert.equal(await field('Subject').locator('.field-problem').count(), 0);
    assert.doesNotMatch((await field('Subject').getAttribute('class')) ?? '', /field--invalid|field--error/);
    assert.equal(await page.locator('ul.problems button').count(), 2);
    await assertClean(page, log);
    await page.close();
  });

  for (const theme of themes) {
    it(`takes every colour from the ${theme.name} theme's variables`, async () => {
      const { page, log } = await openPreview(undefined, theme);
      await showModel(page, sendModel(taskFlow));
      const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
      const style = (selector: string, property: string) =>
        page.$eval(selector, (e, p) => getComputedStyle(e).getPropertyValue(p), property);
      assert.equal(await style('body', 'color'), rgb(theme.vars['--vscode-foreground']));
      assert.equal(await style('body', 'background-color'), rgb(theme.vars['--vscode-editor-background']));
      assert.equal(await style('input', 'background-color'), rgb(theme.vars['--vscode-input-background']));
      assert.equal(await style('input', 'color'), rgb(theme.vars['--vscode-input-foreground']));
      assert.equal(await style('label .mandatory', 'color'), rgb(theme.vars['--vscode-errorForeground']));
      assert.equal(await style('.field-problem', 'color'), rgb(theme.vars['--vscode-errorForeground']));
      if (theme.name === 'high-contrast') {
        assert.equal(await style('.badge', 'border-top-color'), rgb(theme.vars['--vscode-contrastBorder']));
        assert.equal(await style('.field--missing', 'border-left-style'), 'dashed');
      }
      await screenshot(page, `preview-send-${theme.name}.png`);
      await assertClean(page, log);
      await page.close();
    });
  }

  it('keeps its model as webview state and renders it again after a reload, before the host answers', async () => {
    const first = await openPreview();
    const model = await builtinModel('twilio');
    const target: PreviewTarget = { kind: 'integration', uri: model.uri, integrationType: 'twilio' };
    await showModel(first.page, model, target);
    const state = await first.page.evaluate(() => (window as unknown as { __state: PreviewState }).__state);
    assert.deepEqual(state, { target, model });
    await first.page.close();

    const { page, log } = await openPreview(state);
    assert.equal(await page.textContent('h1'), 'Twilio');
    assert.equal(await page.locator('input[type=password]').count(), 1);
    assert.deepEqual(await posted(page), [{ type: 'ready' }]);

    await post(page, { type: 'empty', target: { kind: 'send', uri: 'file:///w/f.cxflow', position: { line: 0, character: 0 } }, text: 'This file has no send or await.' });
    assert.equal(await page.textContent('main'), 'This file has no send or await.');
    await assertClean(page, log);
    await page.close();
  });
});
