// `cxengage-lint format` as CI runs it: in place, or with --check listing the files that would
// change (exit 1), usage errors (exit 2), files with syntax errors formatted around them, and a
// byte order mark kept.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/lspClient';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function lint(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const files: Record<string, [string, string]> = {
  'flows/main.cxflow': ['(seq\n(delay 5 minutes)\n   (delay 1 hours))', '(seq\n  (delay 5 minutes)\n  (delay 1 hours))\n'],
  'flows/broken.cxflow': ['(seq\n(send echo message {:message}))\n(seq\n(delay 5 minutes))\n', '(seq\n(send echo message {:message}))\n(seq\n  (delay 5 minutes))\n'],
  'flows/p.pattern.json': ['{"name": "p", "code": "( perform echo message {} )"}', '{\n  "name": "p",\n  "code": "(perform echo message {})"\n}\n'],
  'defs/crm.integration.json': ['{\n  "type": "crm"\n}\n', '{\n  "type": "crm"\n}\n'],
  'flows/bom.cxflow': ['\ufeff(seq\n(delay 5 minutes))\n', '\ufeff(seq\n  (delay 5 minutes))\n'],
  'node_modules/dep/x.cxflow': ['(seq\n(delay 5 minutes))', '(seq\n(delay 5 minutes))'],
};

describe('cxengage-lint format', () => {
  let dir: string;
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-format-cli-'));
    for (const [name, [text]] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('with --check lists the files that would change, changes nothing and exits 1', () => {
    const r = lint(['format', '--check'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), ['flows/bom.cxflow', 'flows/broken.cxflow', 'flows/main.cxflow', 'flows/p.pattern.json']);
    assert.deepEqual(r.stderr.trim().split('\n'), [
      'flows/broken.cxflow: 1 top-level form with syntax errors was left as written; fix the errors to format it',
      '4 of 5 files would be reformatted',
    ]);
    for (const [name, [text]] of Object.entries(files)) assert.equal(read(name), text, name);
  });

  it('formats in place, after which --check passes', () => {
    const r = lint(['format', '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), '4 of 5 files reformatted');
    for (const [name, [, formatted]] of Object.entries(files)) assert.equal(read(name), formatted, name);
    const check = lint(['format', '--check', 'flows', 'defs/crm.integration.json'], dir);
    assert.equal(check.status, 0, check.stdout);
    assert.equal(check.stdout, '');
    assert.match(check.stderr, /5 files already formatted\n$/);
  });

  it('writes JSON as asked: "key" : value, tabs', () => {
    const r = lint(['format', '--json-key-spacing', 'spaced', '--indent=tab', 'defs'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(read('defs/crm.integration.json'), '{\n\t"type" : "crm"\n}\n');
  });

  it('exits 2 on a usage error, naming it', () => {
    const cases: [string[], string][] = [
      [['format', '--wide'], 'cxengage-lint format: unknown option --wide'],
      [['format', '--indent', '9'], 'cxengage-lint format: --indent takes a number of spaces from 1 to 8, or tab, not "9"'],
      [['format', '--json-key-spacing'], 'cxengage-lint format: --json-key-spacing needs a value'],
      [['format', 'missing'], 'cxengage-lint format: cannot read missing: no such file or folder, or no permission'],
      [['format', 'flows/../notes.txt'], 'cxengage-lint format: cannot read flows/../notes.txt: no such file or folder, or no permission'],
    ];
    fs.writeFileSync(path.join(dir, 'readme.md'), '#');
    cases.push([['format', 'readme.md'], 'cxengage-lint format: readme.md is not a definition (*.integration.json), flow (*.cxflow), pattern (*.pattern.json) or template (*.template.json) file']);
    for (const [args, message] of cases) {
      const r = lint(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr.trim(), message);
    }
  });

  it('explains itself with --help, and the checker points to it', () => {
    const r = lint(['format', '--help'], dir);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: cxengage-lint format \[--check\] \[options\] \[paths\.\.\.\]/);
    assert.match(lint(['--help'], dir).stdout, /cxengage-lint format \[--check\] \[paths\.\.\.\] {3}\(see cxengage-lint format --help\)/);
  });
});

describe('cxengage-lint format, with the settings the checks use', () => {
  let dir: string;
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-format-settings-'));
    write('.vscode/settings.json', '{\n  // as in the editor\n  "cxengage.format.jsonKeySpacing": "spaced",\n  "cxengage.definitions.exclude": ["legacy/**"],\n}\n');
    write('defs/crm.integration.json', '{"type": "crm"}');
    write('legacy/old.cxflow', '(seq\n(delay 5 minutes))');
    write('legacy/old.integration.json', '{"type": "old"}');
    write('bin.cxflow', '(seq\u0000)');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("takes the JSON layout and the files from the folder's .vscode/settings.json, and names what it leaves as written", () => {
    const r = lint(['format', '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), '1 of 2 files reformatted');
    assert.equal(r.stderr.trim(), 'bin.cxflow: The file was left as written: it holds binary data, not text');
    assert.equal(read('defs/crm.integration.json'), '{\n  "type" : "crm"\n}\n');
    assert.equal(read('legacy/old.cxflow'), '(seq\n(delay 5 minutes))');
    assert.equal(read('legacy/old.integration.json'), '{"type": "old"}');
  });

  it('the options override the settings files, and --settings FILE the folder', () => {
    write('ci.json', '{ "cxengage": { "format": { "jsonKeepLines": true } } }');
    write('defs/crm.integration.json', '{"type": "crm",\n\n"display": "CRM"}');
    const r = lint(['format', '--settings', 'ci.json', '--json-key-spacing', 'compact', 'defs'], dir);
    assert.equal(r.status, 0, r.stderr);
    // Compact from the option, over the folder's spaced; the line breaks kept, from ci.json.
    assert.equal(read('defs/crm.integration.json'), '{ "type": "crm",\n\n  "display": "CRM" }\n');
  });
});
