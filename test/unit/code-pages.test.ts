// docs/codes.md has one section per diagnostic code and no other, each link a diagnostic carries
// points at one of them, and the link's base is the repository package.json names.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeSummaries, defaultSeverity } from '../../server/src/service/codes';
import { codeHref, codesPage, repositoryUrl } from '../../server/src/service/codeLinks';
import { documentOf } from '../support/documents';
import { diagnosticsOf } from '../support/service';
import { repoRoot } from '../support/lspClient';

const page = fs.readFileSync(path.join(repoRoot, 'docs', 'codes.md'), 'utf8');
/** The code sections: `### code` headings (GitHub anchors them by the code itself). */
const sections = [...page.matchAll(/^### (.+)$/gm)].map((m) => m[1]);

/** The text of one code's section, up to the next heading. */
function section(code: string): string {
  const start = page.indexOf(`### ${code}\n`);
  const rest = page.slice(start + code.length + 5);
  const next = rest.search(/^#{2,3} /m);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('the page of diagnostic codes', () => {
  const codes = Object.keys(defaultSeverity);

  it('has a section for every code, and every section is a code', () => {
    assert.deepEqual([...sections].sort(), [...codes].sort());
    assert.equal(new Set(sections).size, sections.length, 'no code twice');
  });

  it('each section gives the default severity, and says how to fix', () => {
    const word = { error: 'Error', warning: 'Warning', information: 'Information', hint: 'Hint' } as const;
    for (const code of codes) {
      const text = section(code);
      assert.match(text, new RegExp(`^\\*\\*${word[defaultSeverity[code as keyof typeof defaultSeverity]]}\\.\\*\\*`, 'm'), code);
      assert.match(text, /\*\*Fix:\*\*/, code);
    }
  });

  it('links from the repository named in package.json, one anchor per code', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { repository: { type: string; url: string } };
    assert.deepEqual(manifest.repository, { type: 'git', url: repositoryUrl });
    assert.equal(codesPage, 'https://github.com/cxengage/cxengage-language-tools/blob/main/docs/codes.md');
    assert.equal(codeHref('unknown-unit'), `${codesPage}#unknown-unit`);
    assert.equal(Object.keys(codeSummaries).length, codes.length);
  });

  it('every diagnostic the service gives carries its code\'s link', async () => {
    const diagnostics = [
      ...(await diagnosticsOf(documentOf(';; Then\n(sned x)\n(delay 5 minuets)', 'flow'))),
      ...(await diagnosticsOf(documentOf('{"name": "p", "cdoe": 1}', 'pattern'))),
      ...(await diagnosticsOf(documentOf('{ "type": 1 }', 'definition'))),
    ];
    assert.deepEqual(
      diagnostics.map((d) => d.codeDescription?.href),
      diagnostics.map((d) => `${codesPage}#${String(d.code)}`),
    );
    assert.deepEqual([...new Set(diagnostics.map((d) => d.code))].sort(), ['schema', 'unknown-form', 'unknown-pattern-key', 'unknown-unit']);
  });
});
