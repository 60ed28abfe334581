// cxengage-lint's report on examples/ in text, JSON and SARIF, every line, range and level, against
// the files in test/golden/ (`npm run golden:update` writes them; their diff is the review).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { fileUri, repoRoot } from '../support/lspClient';
import { lint } from '../support/lint';

const golden = (file: string) => fs.readFileSync(path.join(repoRoot, 'test', 'golden', file), 'utf8');
const hint = 'run `npm run golden:update` and review the diff of test/golden/ if the change is meant';

describe('cxengage-lint examples, against the golden files', () => {
  it('text: every line as test/golden/examples.txt', () => {
    const r = lint(['examples']);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(r.stdout.split('\n'), golden('examples.txt').split('\n'), hint);
  });

  it('JSON: every diagnostic with its range as test/golden/examples.json', () => {
    const r = lint(['--format', 'json', 'examples']);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.split('\n'), golden('examples.json').split('\n'), hint);
  });

  it('SARIF: every result, region and level as test/golden/examples.sarif, the base URI being the checkout', () => {
    const r = lint(['--format', 'sarif', 'examples']);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout) as Sarif.Log;
    const base = log.runs[0].originalUriBaseIds?.['%SRCROOT%'];
    assert.deepEqual(base, { uri: `${fileUri(repoRoot)}/` });
    // The one line that differs between checkouts.
    base!.uri = 'file:///checkout/';
    assert.deepEqual(`${JSON.stringify(log, null, 2)}\n`.split('\n'), golden('examples.sarif').split('\n'), hint);
  });

  it('the three golden files tell the same story', () => {
    const text = golden('examples.txt').trimEnd().split('\n');
    const json = JSON.parse(golden('examples.json')) as { files: { path: string; diagnostics: { code: string; severity: string; message: string; line: number; column: number }[] }[] };
    const sarif = JSON.parse(golden('examples.sarif')) as Sarif.Log;
    const fromJson = json.files.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`));
    assert.deepEqual(fromJson, text.slice(0, -1));
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as Record<string, string>;
    assert.deepEqual(
      sarif.runs[0].results?.map((r) => {
        const { artifactLocation, region } = r.locations![0].physicalLocation!;
        return `${artifactLocation!.uri}:${region!.startLine}:${region!.startColumn} ${r.level} ${r.ruleId} ${r.message.text}`;
      }),
      json.files.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.line}:${d.column} ${level[d.severity]} ${d.code} ${d.message}`)),
    );
  });
});
