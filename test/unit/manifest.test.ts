// The extension manifest against the code it describes: the severity setting lists exactly the
// diagnostic codes of codes.ts, the flow language's Enter rule indents after an open bracket, and
// the three languages get the editor defaults the examples are written with, and the walkthrough
// links commands and pictures that exist.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeSummaries, defaultSeverity } from '../../server/src/service/codes';

const root = join(__dirname, '..', '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

interface SettingSchema {
  type?: string;
  enum?: string[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, SettingSchema>;
  propertyNames?: { enum?: string[] };
  additionalProperties?: boolean | SettingSchema;
}

interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported?: boolean | string }; virtualWorkspaces?: boolean };
  main: string;
  browser?: string;
  contributes: {
    configuration: { title: string; properties: Record<string, SettingSchema> }[];
    configurationDefaults: Record<string, Record<string, unknown>>;
    languages: { id: string; configuration: string }[];
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string; key: string; when?: string }[];
    walkthroughs: { id: string; steps: { id: string; description: string; media: { image: string; altText: string }; completionEvents: string[] }[] }[];
  };
  icon: string;
}

const manifest = readJson('package.json') as Manifest;
const settings: Record<string, SettingSchema> = {};
for (const section of manifest.contributes.configuration) Object.assign(settings, section.properties);
const levels = ['error', 'warning', 'information', 'hint', 'off'];

describe('the settings of the manifest', () => {
  const severity = settings['cxengage.diagnostics.severity'];

  it('offers every diagnostic code as a key of the severity map, described as codes.ts describes it', () => {
    const codes = Object.keys(defaultSeverity);
    const sync = 'run `npm run compile-tests && node scripts/sync-severity-setting.mjs`';
    assert.deepEqual(severity.propertyNames?.enum, codes, `propertyNames.enum must list the codes of codes.ts, in its order: ${sync}`);
    assert.deepEqual(Object.keys(severity.properties ?? {}), codes, `properties must have one entry per code of codes.ts, in its order: ${sync}`);
    assert.equal(severity.additionalProperties, false);
    for (const code of codes) {
      const entry = severity.properties?.[code];
      assert.deepEqual(
        { type: entry?.type, enum: entry?.enum, description: entry?.description },
        { type: 'string', enum: levels, description: `${codeSummaries[code as keyof typeof codeSummaries]} Default: ${defaultSeverity[code as keyof typeof defaultSeverity]}.` },
        `the severity setting's entry for ${code}: ${sync}`,
      );
      assert.equal(entry?.enumDescriptions?.length, levels.length, `${code}: one description per level`);
    }
  });

  it('describes every setting for the Settings UI, and groups them under titled sections', () => {
    for (const section of manifest.contributes.configuration) assert.ok(section.title, 'a configuration section without a title');
    for (const [key, schema] of Object.entries(settings)) {
      const text = schema.markdownDescription ?? schema.description ?? '';
      assert.match(text, /^[A-Z].*\.$/s, `${key}: a description that is a sentence`);
      if (schema.enum) assert.equal((schema.enumDescriptions ?? schema.markdownEnumDescriptions)?.length, schema.enum.length, `${key}: one description per value`);
    }
  });
});

describe('the editor set-up of the three languages', () => {
  it('runs in Restricted Mode: the extension only reads files', () => {
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
  });

  it('runs in virtual workspaces and in the browser, each host from a bundle the build makes and the package ships', () => {
    assert.equal(manifest.capabilities?.virtualWorkspaces, true);
    assert.deepEqual([manifest.main, manifest.browser], ['./dist/extension.js', './dist/browser/extension.js']);
    const build = readFileSync(join(root, 'esbuild.mjs'), 'utf8');
    const shipped = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const bundle of ['dist/extension.js', 'dist/browser/extension.js', 'dist/browser/server.js']) {
      assert.ok(build.includes(`outfile: '${bundle}'`), `esbuild.mjs makes ${bundle}`);
      assert.ok(shipped.includes(`!${bundle}`), `.vscodeignore ships ${bundle}`);
    }
  });

  it('ships every bundle the build makes, and the style sheet of each webview', () => {
    const build = readFileSync(join(root, 'esbuild.mjs'), 'utf8');
    const shipped = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    const bundles = [...build.matchAll(/outfile: '([^']+)'/g)].map((m) => m[1]);
    assert.ok(bundles.includes('dist/trace.js') && bundles.includes('dist/preview.js'), JSON.stringify(bundles));
    for (const bundle of bundles) assert.ok(shipped.includes(`!${bundle}`), `.vscodeignore ships ${bundle}`);
    // A webview script imports its CSS; esbuild writes it beside the script.
    for (const webview of ['preview', 'trace']) assert.ok(shipped.includes(`!dist/${webview}.css`), `.vscodeignore ships dist/${webview}.css`);
  });

  it('turns word-based suggestions off, indents by two spaces and colours bracket pairs', () => {
    for (const language of ['cxflow', 'cxengage-integration', 'cxengage-pattern']) {
      const defaults = manifest.contributes.configurationDefaults[`[${language}]`];
      assert.ok(defaults, `no configurationDefaults for ${language}`);
      assert.equal(defaults['editor.wordBasedSuggestions'], 'off', language);
      assert.equal(defaults['editor.tabSize'], 2, language);
      assert.equal(defaults['editor.insertSpaces'], true, language);
      assert.equal(defaults['editor.bracketPairColorization.enabled'], true, language);
    }
  });

  const flowConfiguration = manifest.contributes.languages.find((l) => l.id === 'cxflow')?.configuration ?? '';
  const flow = readJson(flowConfiguration) as {
    onEnterRules: { beforeText: string; action: { indent: string } }[];
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  };

  it('indents the line after an open bracket of flow code, and only then', () => {
    const [rule] = flow.onEnterRules;
    assert.equal(rule.action.indent, 'indent');
    assert.equal(rule.beforeText, flow.indentationRules.increaseIndentPattern);
    const opens = new RegExp(rule.beforeText);
    for (const line of [
      '(seq',
      '  (if (= $status "completed")',
      ':then (seq (send twilio sms {:to *phone* :body "x"})',
      '[{:name "Escalate"',
      '(send salesforce task {:OwnerId "005x" :WhoId *contact*',
      '(par (send a b {:x (f (g {:y 1}))})',
    ])
      assert.ok(opens.test(line), `Enter after ${JSON.stringify(line)} should indent`);
    for (const line of [
      '(within 1 hours (count 2 (event (= CallAction "abandoned"))))',
      '(send a b {:body "an ( in a string"})',
      '  (delay 5 minutes)',
      ';; Then',
      '{:to "x" :body "y"}',
      '  (send acme-sms text {:to *phone-number* :body "Bye" }))',
    ])
      assert.ok(!opens.test(line), `Enter after ${JSON.stringify(line)} should keep the indentation`);
    // Closing brackets end lines in flow code: a line never moves left for them, so Enter inside
    // `(seq (delay 5 minutes)|)` leaves the cursor where the next member goes.
    for (const line of ['  ))', '  )', '  (seq']) assert.ok(!new RegExp(flow.indentationRules.decreaseIndentPattern).test(line), line);
  });
});

describe('the commands of the manifest', () => {
  it('puts the previews and Run Pattern in the editor title bar, and the previews on Ctrl+K V, for the files they work on', () => {
    const titleBar = manifest.contributes.menus['editor/title'].map((m) => [m.command, m.when]);
    assert.deepEqual(titleBar, [
      ['cxengage.previewIntegrationForm', 'resourceLangId == cxengage-integration'],
      ['cxengage.previewSendForm', 'resourceLangId == cxflow || resourceLangId == cxengage-pattern'],
      ['cxengage.runPattern', 'resourceLangId == cxflow || resourceLangId == cxengage-pattern'],
    ]);
    const keys = manifest.contributes.keybindings.map((k) => [k.command, k.key, k.when]);
    assert.deepEqual(keys, [
      ['cxengage.previewIntegrationForm', 'ctrl+k v', 'editorLangId == cxengage-integration'],
      ['cxengage.previewSendForm', 'ctrl+k v', 'editorLangId == cxflow || editorLangId == cxengage-pattern'],
    ]);
  });

  it('offers Show Trace on the failure messages of the Testing view that have a trace, and nowhere in the palette', () => {
    const menus = manifest.contributes.menus;
    for (const place of ['testing/message/context', 'testing/message/content']) {
      assert.deepEqual(menus[place].map((m) => [m.command, m.when]), [['cxengage.showTestTrace', 'testMessage == cxengage.caseWithTrace']], place);
    }
    assert.deepEqual(menus.commandPalette.map((m) => [m.command, m.when]), [
      ['cxengage.runPattern', 'editorLangId == cxflow || editorLangId == cxengage-pattern'],
      ['cxengage.showTestTrace', 'false'],
    ]);
  });

  it('names every command in the CxEngage category', () => {
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'CxEngage', c.command);
  });

  it('links the walkthrough to commands of its own or of VS Code, and to pictures it ships', () => {
    const ours = new Set(manifest.contributes.commands.map((c) => c.command));
    const [walkthrough] = manifest.contributes.walkthroughs;
    const linked: string[] = [];
    for (const step of walkthrough.steps) {
      for (const [, command] of step.description.matchAll(/\]\(command:([\w.]+)/g)) linked.push(command);
      assert.ok(existsSync(join(root, step.media.image)), `${step.id}: ${step.media.image}`);
      assert.notEqual(step.media.altText, '', step.id);
      // A step is done when the user runs the command its button runs (or changes the setting it opens).
      const [first] = step.completionEvents;
      assert.ok(first.startsWith('onCommand:') ? linked.at(-1) === first.slice('onCommand:'.length) : first.startsWith('onSettingChanged:cxengage.'), step.id);
    }
    assert.deepEqual(linked.filter((c) => c.startsWith('cxengage.')).sort(), ['cxengage.openExamples', 'cxengage.previewIntegrationForm', 'cxengage.previewSendForm']);
    for (const command of linked) assert.ok(ours.has(command) || command.startsWith('workbench.'), command);
    assert.ok(existsSync(join(root, manifest.icon)), manifest.icon);
  });
});
