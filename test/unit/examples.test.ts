// The examples say what they hold: in each flow file, every `; MISTAKE: <code>` comment is followed
// (before the next one) by a diagnostic of that code, and every diagnostic follows a comment that
// names its code; the clean flows are clean; the pattern payloads hold the mistakes examples/README.md
// lists. So the documentation of the examples cannot drift from what the checks say.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeSummaries, defaultSeverity } from '../../server/src/service/codes';
import { documentOf } from '../support/documents';
import { openAndCheck, openDocumentsService, parseDefinition } from '../support/service';
import { repoRoot } from '../support/lspClient';

const examples = path.join(repoRoot, 'examples');
const service = openDocumentsService();
service.index.batch(() => {
  for (const file of fs.readdirSync(path.join(examples, 'definitions'))) {
    const text = fs.readFileSync(path.join(examples, 'definitions', file), 'utf8');
    service.index.set(parseDefinition(documentOf(text, 'definition', path.basename(file, '.integration.json'))).definition);
  }
});
const flows = path.join(examples, 'flows');
// The example templates, open, as the workspace scan would index them: `+TM1` resolves, `+TM3` does not.
for (const file of fs.readdirSync(path.join(examples, 'templates'))) {
  service.documentChanged(documentOf(fs.readFileSync(path.join(examples, 'templates', file), 'utf8'), 'template', path.basename(file, '.template.json')));
}

async function diagnosticsOf(file: string) {
  const text = fs.readFileSync(path.join(flows, file), 'utf8');
  const doc = documentOf(text, file.endsWith('.cxflow') ? 'flow' : 'pattern');
  return { text, doc, diagnostics: await openAndCheck(service, doc) };
}

describe('examples', () => {
  for (const file of fs.readdirSync(flows).filter((f) => f.endsWith('.cxflow'))) {
    it(`${file}: each diagnostic where a MISTAKE comment says, of the code it names`, async () => {
      const { text, doc, diagnostics } = await diagnosticsOf(file);
      const notes = [...text.matchAll(/; MISTAKE: ([a-z-]+)/g)].map((m) => ({ code: m[1], at: m.index ?? 0 }));
      const noteBefore = (offset: number) => notes.filter((n) => n.at < offset).pop();
      for (const d of diagnostics) {
        const note = noteBefore(doc.offsetAt(d.range.start));
        assert.equal(note?.code, d.code, `${file}:${d.range.start.line + 1} ${String(d.code)} follows no MISTAKE comment naming it`);
      }
      notes.forEach((note, i) => {
        const end = notes[i + 1]?.at ?? text.length;
        const found = diagnostics.some((d) => d.code === note.code && doc.offsetAt(d.range.start) > note.at && doc.offsetAt(d.range.start) < end);
        assert.ok(found, `${file}: no ${note.code} after the MISTAKE comment at line ${doc.positionAt(note.at).line + 1}`);
      });
    });
  }

  it('the 4.2 mistakes show every 4.2 code, and both dialects together show every flow code', async () => {
    const shown = new Set<string>();
    for (const file of ['mistakes.cxflow', 'mistakes-4.2.cxflow']) for (const d of (await diagnosticsOf(file)).diagnostics) shown.add(String(d.code));
    for (const code of ['wrong-dialect', 'unbound-variable', 'shadowed-name', 'unknown-template']) assert.ok(shown.has(code), code);
  });

  it('the pattern payloads hold the mistakes examples/README.md lists, and no other', async () => {
    const codes = async (file: string) => (await diagnosticsOf(file)).diagnostics.map((d) => [d.code, d.range.start.line + 1]);
    assert.deepEqual(await codes('vip.pattern.json'), [
      ['missing-mandatory-field', 14],
      ['unknown-field', 14],
    ]);
    assert.deepEqual(await codes('service-reminders.pattern.json'), [
      ['missing-pattern-code', 12],
      ['unknown-pattern-key', 14],
      ['wrong-dialect', 21],
      ['unbound-variable', 21],
    ]);
    const readme = fs.readFileSync(path.join(examples, 'README.md'), 'utf8');
    for (const code of ['unknown-field', 'missing-mandatory-field', 'unknown-pattern-key', 'missing-pattern-code', 'wrong-dialect', 'unbound-variable']) {
      assert.ok(readme.includes(`\`${code}\``), code);
    }
  });

  it("the extension page's table lists every diagnostic code with its default severity", () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'EXTENSION.md'), 'utf8');
    for (const [code, severity] of Object.entries(defaultSeverity)) {
      assert.ok(readme.includes(`| \`${code}\` | ${severity} |`), code);
      assert.ok(codeSummaries[code as keyof typeof codeSummaries].length > 0, code);
    }
  });
});
