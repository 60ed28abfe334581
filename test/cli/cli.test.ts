// cxengage-lint as CI runs it: exit codes, the three output formats, and usage errors.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLanguageService, JSONSchema } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from '../support/lspClient';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'cli');

function lint(args: string[], cwd = repoRoot) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cxengage-lint', () => {
  it('exits 0 on a clean folder and says how many files it checked', () => {
    const r = lint([path.join(fixtures, 'clean')]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), '1 file checked: 0 errors, 0 warnings, 0 information, 0 hints');
  });

  it('prints file:line:col severity code message, and exits 0 on warnings alone', () => {
    const r = lint(['test/fixtures/cli/warnings']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      'test/fixtures/cli/warnings/chat.integration.json:7:17 warning unredacted-secret Secret param `token` is in endpoint.params but not in endpoint.redact: its value would be shown in clear',
      'test/fixtures/cli/warnings/chat.integration.json:7:26 information param-without-form endpoint.params entry `room` is not declared by any schema: no configuration form collects it',
      '1 file checked: 0 errors, 1 warning, 1 information, 0 hints',
    ]);
  });

  it('exits 1 when warnings exceed --max-warnings', () => {
    assert.equal(lint(['--max-warnings', '1', 'test/fixtures/cli/warnings']).status, 0);
    const r = lint(['--max-warnings=0', 'test/fixtures/cli/warnings']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /1 warnings, more than --max-warnings 0/);
  });

  it('exits 1 on the examples, whose acme-crm definition has deliberate errors', () => {
    const r = lint(['examples']);
    assert.equal(r.status, 1, r.stderr);
    const acme = r.stdout.split('\n').filter((l) => l.startsWith('examples/definitions/acme-crm.integration.json:'));
    assert.deepEqual(
      acme.map((l) => l.split(' ').slice(0, 3).join(' ').replace('examples/definitions/acme-crm.integration.json:', '')),
      [
        '6:42 warning secret-not-masked',
        '8:46 warning duplicate-entry',
        '12:13 information endpoint-type-mismatch',
        '14:46 warning unredacted-secret',
        '14:62 information param-without-form',
        '15:53 warning duplicate-entry',
        '16:33 error unknown-param',
        '20:28 error schema',
      ],
    );
  });

  it('writes JSON with a summary and ranges', () => {
    const r = lint(['--format', 'json', 'test/fixtures/cli/warnings']);
    assert.equal(r.status, 0);
    const report = JSON.parse(r.stdout) as { summary: Record<string, number>; files: { path: string; diagnostics: { code: string; line: number; column: number; range: unknown }[] }[] };
    assert.deepEqual(report.summary, { files: 1, errors: 0, warnings: 1, information: 1, hints: 0 });
    assert.deepEqual(report.files[0].diagnostics[0], {
      code: 'unredacted-secret',
      severity: 'warning',
      message: 'Secret param `token` is in endpoint.params but not in endpoint.redact: its value would be shown in clear',
      range: { start: { line: 6, character: 16 }, end: { line: 6, character: 23 } },
      line: 7,
      column: 17,
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
    const log = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const run = log.runs[0];
    const unknownParam = run.results.find((x) => x.ruleId === 'unknown-param');
    assert.ok(unknownParam);
    assert.equal(run.tool.driver.rules[unknownParam.ruleIndex].id, 'unknown-param');
    assert.equal(unknownParam.locations[0].physicalLocation.artifactLocation.uri, 'examples/definitions/acme-crm.integration.json');
  });

  it('exits 2 with a one-line reason on usage errors and unreadable paths', () => {
    for (const [args, reason] of [
      [['no/such/folder'], 'cxengage-lint: cannot read no/such/folder: no such file or folder, or no permission'],
      [['--format', 'xml'], 'cxengage-lint: --format must be text, json or sarif, not "xml"'],
      [['--bogus'], 'cxengage-lint: unknown option --bogus'],
      [['--severity', 'no-such-code=error'], 'cxengage-lint: --severity: unknown diagnostic code "no-such-code"'],
      [['package.json'], 'cxengage-lint: package.json is not a definition (*.integration.json), flow (*.cxflow) or pattern (*.pattern.json) file'],
    ] as const) {
      const r = lint([...args]);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.equal(r.stderr.trim(), reason);
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
    const credential = (field: string, integration: string) =>
      `secret-inline \`${field}\` is a credential of the \`${integration}\` integration: configure it on the integration, never inline in a flow`;
    assert.deepEqual(outputs[0].trim().split('\n'), [
      `${flow}:4:56 error ${credential('pin', 'vault')}`,
      `${flow}:6:74 error ${credential('password', 'twilio')}`,
      `${flow}:6:84 error syntax Map key \`•••\` has no value: a map needs an even number of forms`,
      `${flow}:8:78 error ${credential('password', 'twilio')}`,
      `${flow}:8:88 error syntax Invalid number \`•••\``,
      `${flow}:10:56 error ${credential('hook-token', 'vault')}`,
      'test/fixtures/secrets/vault.integration.json:12:24 warning unredacted-secret Secret param `pin` is in endpoint.params but not in endpoint.redact: its value would be shown in clear',
      '2 files checked: 6 errors, 1 warning, 0 information, 0 hints',
    ]);
  });

  it('checks the current folder by default and re-grades by --severity', () => {
    const r = lint(['--severity', 'unredacted-secret=error'], path.join(fixtures, 'warnings'));
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^chat.integration.json:7:17 error unredacted-secret /m);
  });
});
