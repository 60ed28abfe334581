// cxengage-lint as CI runs it: exit codes, the three output formats with exact lines, ranges and
// levels, flow and pattern files checked against the definitions beside them, usage errors, and
// the settings of the checked folder and of --settings. Each test lints a folder written from the
// shared definition fixture; the examples' full report is in golden.test.ts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { getLanguageService, JSONSchema } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { messages } from '../../server/src/service/codes';
import { crmDefinition, crmFileName, crmUnredacted, crmWith } from '../support/definitions';
import { rangeIn } from '../support/documents';
import { folderWith, removeFolders } from '../support/folders';
import { lint } from '../support/lint';
import { repoRoot } from '../support/lspClient';

after(removeFolders);

/** The crm definition with an unredacted secret (a warning) and a param no form collects (information). */
const withWarnings = crmUnredacted.replace('"params": ["login", "secret"]', '"params": ["login", "secret", "region"]');
const secretAt = rangeIn(withWarnings, '"secret"', 1);
const regionAt = rangeIn(withWarnings, '"region"');
/** `file:line:col` of a compact range, as the text format prints it. */
const at = (file: string, range: number[]) => `${file}:${range[0] + 1}:${range[1] + 1}`;

describe('cxengage-lint', () => {
  it('exits 0 on a clean folder and says how many files it checked', () => {
    const r = lint([folderWith({ [crmFileName]: crmDefinition })]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '1 file checked: 0 errors, 0 warnings, 0 information, 0 hints\n');
    assert.equal(r.stderr, '');
  });

  it('prints file:line:col severity code message, and exits 0 on warnings alone', () => {
    const r = lint(['.'], folderWith({ [crmFileName]: withWarnings }));
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.split('\n'), [
      `${at(crmFileName, secretAt)} warning unredacted-secret ${messages.unredactedSecret('secret', 'endpoint')}`,
      `${at(crmFileName, regionAt)} information param-without-form ${messages.paramWithoutForm('region', 'endpoint')}`,
      '1 file checked: 0 errors, 1 warning, 1 information, 0 hints',
      '',
    ]);
  });

  it('exits 1 when warnings exceed --max-warnings', () => {
    const folder = folderWith({ [crmFileName]: withWarnings });
    assert.equal(lint(['--max-warnings', '1', folder]).status, 0);
    const r = lint(['--max-warnings=0', folder]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'cxengage-lint: 1 warnings, more than --max-warnings 0\n');
  });

  it('writes JSON with a summary, and each diagnostic with its range, 1-based line and column', () => {
    const r = lint(['--format', 'json', '.'], folderWith({ [crmFileName]: withWarnings }));
    assert.equal(r.status, 0, r.stderr);
    const range = (c: number[]) => ({ start: { line: c[0], character: c[1] }, end: { line: c[2], character: c[3] } });
    assert.deepEqual(JSON.parse(r.stdout), {
      summary: { files: 1, errors: 0, warnings: 1, information: 1, hints: 0 },
      files: [
        {
          path: crmFileName,
          diagnostics: [
            {
              code: 'unredacted-secret',
              severity: 'warning',
              message: messages.unredactedSecret('secret', 'endpoint'),
              range: range(secretAt),
              line: secretAt[0] + 1,
              column: secretAt[1] + 1,
            },
            {
              code: 'param-without-form',
              severity: 'information',
              message: messages.paramWithoutForm('region', 'endpoint'),
              range: range(regionAt),
              line: regionAt[0] + 1,
              column: regionAt[1] + 1,
            },
          ],
        },
      ],
    });
  });

  it('writes SARIF 2.1.0 that satisfies the required shape', async () => {
    const r = lint(['--format', 'sarif', 'examples']);
    assert.equal(r.status, 1);
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'sarif-required.schema.json'), 'utf8')) as JSONSchema;
    const service = getLanguageService({});
    const doc = TextDocument.create('file:///report.sarif', 'json', 1, r.stdout);
    const problems = await service.doValidation(doc, service.parseJSONDocument(doc), { schemaValidation: 'error' }, schema);
    assert.deepEqual(problems.map((p) => p.message), []);
    const run = (JSON.parse(r.stdout) as Sarif.Log).runs[0];
    const rules = run.tool.driver.rules ?? [];
    for (const result of run.results ?? []) assert.equal(rules[result.ruleIndex ?? -1]?.id, result.ruleId);
  });

  it('SARIF regions are 1-based with an exclusive end column; information and hint are notes', () => {
    const r = lint(['--format', 'sarif', '--severity', 'unredacted-secret=hint', '.'], folderWith({ [crmFileName]: withWarnings }));
    assert.equal(r.status, 0, r.stderr);
    const run = (JSON.parse(r.stdout) as Sarif.Log).runs[0];
    const region = (c: number[]) => ({ startLine: c[0] + 1, startColumn: c[1] + 1, endLine: c[2] + 1, endColumn: c[3] + 1 });
    assert.deepEqual(
      run.results?.map((x) => [x.ruleId, x.level, x.locations?.[0].physicalLocation?.artifactLocation, x.locations?.[0].physicalLocation?.region]),
      [
        ['unredacted-secret', 'note', { uri: crmFileName, uriBaseId: '%SRCROOT%' }, region(secretAt)],
        ['param-without-form', 'note', { uri: crmFileName, uriBaseId: '%SRCROOT%' }, region(regionAt)],
      ],
    );
    // `"secret"` is 8 characters: columns 27 to 35 with the end one past the closing quote.
    assert.equal(withWarnings.split('\n')[secretAt[0]].slice(secretAt[1], secretAt[3]), '"secret"');
    assert.equal(region(secretAt).endColumn - region(secretAt).startColumn, 8);
    const rule = (id: string) => run.tool.driver.rules?.find((x) => x.id === id)?.defaultConfiguration?.level;
    assert.deepEqual([rule('unredacted-secret'), rule('param-without-form'), rule('unknown-param')], ['warning', 'note', 'error']);
  });

  it('checks flow and pattern files against the definitions among the given paths', () => {
    const flow = ';; Then\n(seq\n  (send crm note {:colour "blue"})\n  (send crm note {:text "ok" :secret "s"}))\n';
    const pattern = '{ "name": "p", "status": true, "when": "(event)", "then": "(send crm note {:text \\"x\\" :colur \\"red\\"})" }\n';
    const r = lint(['.'], folderWith({ [crmFileName]: crmDefinition, 'flows/notes.cxflow': flow, 'flows/notes.pattern.json': pattern }));
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.split('\n'), [
      `${at('flows/notes.cxflow', rangeIn(flow, 'crm note'))} error missing-mandatory-field ${messages.missingMandatoryFields('crm', 'note', ['text'])}`,
      `${at('flows/notes.cxflow', rangeIn(flow, '"blue"'))} error invalid-enum-value ${messages.invalidEnumValue('blue', 'colour', ['red', 'green'])}`,
      `${at('flows/notes.cxflow', rangeIn(flow, ':secret'))} error secret-inline ${messages.secretInline('secret', 'crm')}`,
      `${at('flows/notes.pattern.json', rangeIn(pattern, ':colur'))} warning unknown-field ${messages.unknownField('colur', 'note', 'colour')}`,
      '3 files checked: 3 errors, 1 warning, 0 information, 0 hints',
      '',
    ]);
  });

  it('indexes every definition before checking any flow, whatever the order of their paths', () => {
    const flow = '(send crm note {:text "x"})\n(send crm memo {:text "x"})\n';
    const folder = folderWith({ 'a-flows/uses-crm.cxflow': flow, [`z-definitions/${crmFileName}`]: crmWith(['"note"', '"memo"']) });
    const r = lint(['.'], folder);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.split('\n'), [
      `${at('a-flows/uses-crm.cxflow', rangeIn(flow, 'note'))} error unknown-message ${messages.unknownMessage('crm', 'note', undefined)}`,
      '2 files checked: 1 error, 0 warnings, 0 information, 0 hints',
      '',
    ]);
  });

  it('exits 2 with a one-line reason on usage errors and unreadable paths', () => {
    for (const [args, reason] of [
      [['no/such/folder'], 'cxengage-lint: cannot read no/such/folder: no such file or folder, or no permission'],
      [['--format', 'xml'], 'cxengage-lint: --format must be text, json or sarif, not "xml"'],
      [['--dialect', '4.3'], 'cxengage-lint: --dialect must be auto, 4.1 or 4.2, not "4.3"'],
      [['--bogus'], 'cxengage-lint: unknown option --bogus'],
      [['--severity', 'no-such-code=error'], 'cxengage-lint: --severity: unknown diagnostic code "no-such-code"'],
      [['package.json'], 'cxengage-lint: package.json is not a definition (*.integration.json), flow (*.cxflow), pattern (*.pattern.json) or template (*.template.json) file'],
    ] as const) {
      const r = lint([...args]);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.equal(r.stderr, `${reason}\n`);
      assert.equal(r.stdout, '');
    }
  });

  it('never prints a value planted after a credential key, in any format', () => {
    const outputs = ['text', 'json', 'sarif'].map((format) => {
      const r = lint(['--format', format, 'test/fixtures/secrets']);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stderr, '');
      assert.ok(!r.stdout.includes('PLANTED'), `${format}:\n${r.stdout}`);
      return r.stdout;
    });
    const flow = 'test/fixtures/secrets/leaks.cxflow';
    const flow42 = 'test/fixtures/secrets/leaks42.cxflow';
    const credential = (field: string, integration: string) =>
      `secret-inline \`${field}\` is a credential of the \`${integration}\` integration: configure it on the integration, never inline in a flow`;
    assert.deepEqual(outputs[0].trim().split('\n'), [
      `${flow}:4:56 error ${credential('pin', 'vault')}`,
      `${flow}:6:74 error ${credential('password', 'twilio')}`,
      `${flow}:6:84 error syntax Map key \`•••\` has no value: a map needs an even number of forms`,
      `${flow}:8:78 error ${credential('password', 'twilio')}`,
      `${flow}:8:88 error syntax Invalid number \`•••\``,
      `${flow}:10:56 error ${credential('hook-token', 'vault')}`,
      `${flow42}:4:79 error ${credential('password', 'twilio')}`,
      `${flow42}:6:80 error ${credential('password', 'twilio')}`,
      `${flow42}:6:90 error syntax Invalid number \`•••\``,
      `${flow42}:8:75 error ${credential('password', 'twilio')}`,
      `${flow42}:8:85 error syntax Map key \`•••\` has no value: a map needs an even number of forms`,
      'test/fixtures/secrets/vault.integration.json:12:24 warning unredacted-secret Secret param `pin` is in endpoint.params but not in endpoint.redact: its value would be shown in clear',
      '3 files checked: 11 errors, 1 warning, 0 information, 0 hints',
    ]);
  });

  it('--dialect reads every flow whose first line does not say as that dialect', () => {
    const file = 'test/fixtures/spec-samples/flow-dsl-4.2-sample-1.cxflow';
    assert.equal(lint([file]).status, 0);
    const forced = lint(['--dialect', '4.1', file]);
    assert.equal(forced.status, 1);
    const lines = forced.stdout.trim().split('\n');
    assert.deepEqual(lines.slice(0, 2), [
      `${file}:1:2 error wrong-dialect \`def\` is a 4.2 form; this file is read as 4.1 because cxengage.flow.dialect is 4.1`,
      `${file}:4:4 error wrong-dialect \`times\` is a 4.2 form; this file is read as 4.1 because cxengage.flow.dialect is 4.1`,
    ]);
    assert.equal(lint(['--dialect=4.2', file]).status, 0);
  });

  it('reports unknown-template in text, JSON and SARIF, and template-syntax in a template file', () => {
    const flow = '(event {:phone "x"})\n(perform echo message {:message (template +TM2)})\n';
    const template = '{"id": "TM1", "template": "Hi {{name"}\n';
    const folder = folderWith({ 'alerts.cxflow': flow, 'templates/TM1.template.json': template });
    const unknown = rangeIn(flow, '+TM2');
    const broken = rangeIn(template, '{{name');
    const text = lint(['.'], folder);
    assert.equal(text.status, 1, text.stderr);
    assert.deepEqual(text.stdout.split('\n'), [
      `${at('alerts.cxflow', unknown)} warning unknown-template ${messages.unknownTemplate('TM2', 1, 'TM1')}`,
      `${at('templates/TM1.template.json', broken)} error template-syntax ${messages.templateSyntax('a tag is never closed: expected `}}`')}`,
      '2 files checked: 1 error, 1 warning, 0 information, 0 hints',
      '',
    ]);
    const json = JSON.parse(lint(['--format', 'json', '.'], folder).stdout) as { files: { path: string; diagnostics: { code: string; range: unknown }[] }[] };
    const range = (c: number[]) => ({ start: { line: c[0], character: c[1] }, end: { line: c[2], character: c[3] } });
    assert.deepEqual(
      json.files.flatMap((f) => f.diagnostics.map((d) => [f.path, d.code, d.range])),
      [
        ['alerts.cxflow', 'unknown-template', range(unknown)],
        ['templates/TM1.template.json', 'template-syntax', range(broken)],
      ],
    );
    const run = (JSON.parse(lint(['--format', 'sarif', '.'], folder).stdout) as Sarif.Log).runs[0];
    assert.deepEqual(
      run.results?.map((x) => [x.ruleId, x.level, x.locations?.[0].physicalLocation?.region?.startLine, x.locations?.[0].physicalLocation?.region?.startColumn]),
      [
        ['unknown-template', 'warning', unknown[0] + 1, unknown[1] + 1],
        ['template-syntax', 'error', broken[0] + 1, broken[1] + 1],
      ],
    );
  });

  it('checks the current folder by default and re-grades by --severity', () => {
    const r = lint(['--severity', 'unredacted-secret=error', '--severity', 'param-without-form=off'], folderWith({ [crmFileName]: withWarnings }));
    assert.equal(r.status, 1);
    assert.deepEqual(r.stdout.split('\n'), [
      `${at(crmFileName, secretAt)} error unredacted-secret ${messages.unredactedSecret('secret', 'endpoint')}`,
      '1 file checked: 1 error, 0 warnings, 0 information, 0 hints',
      '',
    ]);
  });
});

describe('cxengage-lint settings, as the editor has them', () => {
  let root: string;
  const crm = JSON.stringify({ type: 'crm', endpoint: { name: 'crm', type: 'crm', display: 'CRM', params: [], sends: { note: { text: { type: 'mandatory' } } } } });

  function workspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(root, 'ws-'));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
  }

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-cli-settings-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads cxengage.* from the folder\'s .vscode/settings.json (comments and trailing commas allowed)', () => {
    const dir = workspace({
      '.vscode/settings.json': `{
        // Definitions live under defs/, named plainly; legacy/ is not ours.
        "editor.tabSize": 2,
        "cxengage.definitions.include": ["defs/*.json"],
        "cxengage.definitions.exclude": ["legacy/**"],
        "cxengage.diagnostics.severity": { "unknown-field": "error" },
      }`,
      'defs/crm.json': crm,
      'flows/main.cxflow': '(send crm note {:text "x" :colour "red"})\n',
      'legacy/old.cxflow': '(send nope nothing {})\n',
      'legacy/old.integration.json': '{ broken',
    });
    const r = lint(['.'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      'flows/main.cxflow:1:27 error unknown-field `note` has no field `colour`',
      '2 files checked: 1 error, 0 warnings, 0 information, 0 hints',
    ]);
  });

  it('--settings FILE applies over the folder\'s own settings, and the flags over both', () => {
    const dir = workspace({
      '.vscode/settings.json': '{ "cxengage.diagnostics.severity": { "unknown-field": "error", "missing-mandatory-field": "warning" } }',
      'ci.json': '{ "cxengage": { "diagnostics": { "severity": { "unknown-field": "off" }, "maxPerFile": 1 } } }',
      'crm.integration.json': crm,
      'main.cxflow': '(send crm note {:colour "red"})\n(send crm note {:colour "red"})\n',
    });
    const r = lint(['--settings', 'ci.json', '--severity', 'missing-mandatory-field=error', '.'], dir);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(lines.slice(0, 2).map((l) => l.split(' ').slice(0, 3).join(' ')), ['main.cxflow:1:7 error missing-mandatory-field', 'main.cxflow:2:7 information too-many-problems']);
    assert.deepEqual(lines.slice(2), ['2 files checked: 1 error, 0 warnings, 1 information, 0 hints']);
  });

  it('a settings file that is not JSON is a usage error; an unknown code in one is reported and ignored', () => {
    const dir = workspace({ 'bad.json': '{ "cxengage.maxFileSize": ', 'odd.json': '{ "cxengage.diagnostics.severity": { "no-such-code": "off" } }', 'a.cxflow': '(send echo message {:message "hi"})\n' });
    const bad = lint(['--settings', 'bad.json', '.'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr.trim(), /^cxengage-lint: bad\.json is not valid JSON: /);
    const odd = lint(['--settings', 'odd.json', '.'], dir);
    assert.equal(odd.status, 0);
    assert.equal(odd.stderr.trim(), 'cxengage-lint: cxengage.diagnostics.severity: unknown diagnostic code "no-such-code" is ignored');
    const missing = lint(['--settings', 'missing.json', '.'], dir);
    assert.deepEqual([missing.status, missing.stderr.trim()], [2, 'cxengage-lint: cannot read missing.json: ENOENT']);
  });

  it('files given by name are checked whatever the globs say', () => {
    const dir = workspace({ '.vscode/settings.json': '{ "cxengage.definitions.exclude": ["**"] }', 'x.cxflow': '(send echo mesage {})\n' });
    assert.equal(lint(['.'], dir).stdout.trim(), '0 files checked: 0 errors, 0 warnings, 0 information, 0 hints');
    assert.match(lint(['x.cxflow'], dir).stdout, /^x\.cxflow:1:12 error unknown-message /);
  });

  it('prints the version of package.json', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual([lint(['--version']).stdout.trim(), lint(['-v']).status], [version, 0]);
  });
});
