// `cxengage-lint --fix` on a temporary copy of files: the safe fixes written in place (a definition
// fixed first, so that flows are checked against it), what changed reported, then the problems
// left; nothing written when nothing is safe to fix; a byte order mark kept.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../support/lint';

const definition = (type: string) =>
  `{ "type": "crm", "display": "CRM", "endpoint": { "name": "crm", "type": "crm", "display": "CRM", "params": [], "sends": { "lead": { "email": { "type": ${type} } } } } }\n`;

const files: Record<string, string> = {
  'defs/crm.integration.json': definition('"required"'),
  'flows/a.cxflow': ';; Then\n(seq (sned crm lead {:email "x"})\n     (delay 5 minuets)\n     (send twilio sms {:to-phone-number "1"}))\n',
  'flows/b.cxflow': '\ufeff(create crm lead {})\n',
  'flows/p.pattern.json': '{"name": "p", "descripton": "d", "status": false, "then": "(send crm lead {:emial \\"x\\"})"}\n',
};

describe('cxengage-lint --fix', () => {
  let dir: string;
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-fix-cli-'));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the safe fixes, says what it changed, then reports what is left', () => {
    const run = lint(['--fix', '.'], dir);
    assert.equal(read('defs/crm.integration.json'), definition('"mandatory"'));
    assert.equal(read('flows/a.cxflow'), files['flows/a.cxflow'].replace('sned', 'send').replace('minuets', 'minutes'));
    assert.equal(read('flows/p.pattern.json'), files['flows/p.pattern.json'].replace('descripton', 'description').replace('emial', 'email'));
    // `email` is mandatory once the definition says so: the missing field is reported, not invented.
    assert.equal(read('flows/b.cxflow'), files['flows/b.cxflow']);
    const lines = run.stdout.trim().split('\n');
    assert.deepEqual(lines.slice(0, 4), [
      'defs/crm.integration.json: fixed 1 problem: Change to `mandatory`',
      'flows/a.cxflow: fixed 2 problems: Change to `send`; Change to `minutes`',
      'flows/p.pattern.json: fixed 2 problems: Rename to "description"; Change to :email',
      '--fix: 5 problems fixed in 3 files',
    ]);
    assert.deepEqual(lines.slice(4), [
      'flows/a.cxflow:4:12 error missing-mandatory-field `twilio sms` is missing mandatory fields `from-phone-number`, `message`',
      'flows/b.cxflow:1:9 error missing-mandatory-field `crm lead` is missing mandatory field `email`',
      '4 files checked: 2 errors, 0 warnings, 0 information, 0 hints',
    ]);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
  });

  it('a second run has nothing left to fix and writes nothing', () => {
    lint(['--fix', '.'], dir);
    const before = Object.keys(files).map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs, read(f)]);
    const run = lint(['--fix', '.'], dir);
    assert.equal(run.stdout.split('\n')[0], '--fix: 0 problems fixed in 0 files');
    assert.deepEqual(Object.keys(files).map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs, read(f)]), before);
  });

  it('with --format json, the fixes go to stderr and stdout stays JSON', () => {
    const run = lint(['--fix', '--format', 'json', 'flows/a.cxflow'], dir);
    assert.equal(run.stderr, 'flows/a.cxflow: fixed 2 problems: Change to `send`; Change to `minutes`\n--fix: 2 problems fixed in 1 file\n');
    const report = JSON.parse(run.stdout) as { files: { diagnostics: { code: string }[] }[] };
    // Alone, without the definition, `crm` is unknown: its name is left as written.
    assert.deepEqual(report.files[0].diagnostics.map((d) => d.code), ['unknown-integration', 'missing-mandatory-field']);
  });
});
