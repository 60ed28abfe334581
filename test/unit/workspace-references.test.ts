// Find references across a workspace on disk: from a definition's type, message or field and from
// a use in a flow, to every flow (open ones as edited, closed ones from disk, pattern payloads with
// `\u` escapes) that resolves the name to the same definition, and to none in another folder that
// has its own definition of the type.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Location } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { DiskFileAccess } from '../../server/src/node/diskFileAccess';
import { LanguageService } from '../../server/src/service/languageService';
import { normaliseSettings } from '../../server/src/service/settings';
import { crmDefinition } from '../support/definitions';
import { compactRange } from '../support/documents';
import { builtinDefinitions } from '../support/service';

const flowA = ';; When\n(event (= type "x"))\n;; Then\n(send crm note {:text "a"})\n';
const flowB = ';; When\n(event (= type "y"))\n;; Then\n(send crm note {:text "b" :colour "red"})\n(send twilio sms {})\n';
/** The position of `needle` (its `inside`-th character) in `text`. */
function at(text: string, needle: string, inside = 1): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset + inside).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const payload = '{"name": "p", "status": true, "key": "k", "when": "(event (= type \\"z\\"))", "then": "(send \\u0063rm note {:text \\"c\\"})"}';

describe('find references across the workspace', () => {
  let root: string;
  let service: LanguageService;
  const file = (relative: string) => URI.file(path.join(root, relative)).toString();
  const shown = (locations: Location[]) => locations.map((l) => [path.relative(root, URI.parse(l.uri).fsPath), ...compactRange(l.range)]);

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-refs-'));
    for (const folder of ['one', 'two']) fs.mkdirSync(path.join(root, folder));
    fs.writeFileSync(path.join(root, 'one', 'crm.integration.json'), crmDefinition);
    fs.writeFileSync(path.join(root, 'one', 'a.cxflow'), flowA);
    fs.writeFileSync(path.join(root, 'one', 'b.cxflow'), flowB);
    fs.writeFileSync(path.join(root, 'one', 'p.pattern.json'), payload);
    fs.writeFileSync(path.join(root, 'one', 'other.cxflow'), '(send twilio sms {})\n');
    // The second folder has its own crm: its flow means that one.
    fs.writeFileSync(path.join(root, 'two', 'crm.integration.json'), crmDefinition);
    fs.writeFileSync(path.join(root, 'two', 'c.cxflow'), flowA);
    service = new LanguageService({ files: new DiskFileAccess(), settingsFor: () => normaliseSettings({}), builtins: builtinDefinitions });
    service.setFolders([file('one'), file('two')]);
    await service.scanWorkspace();
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function open(relative: string, languageId: string, text = fs.readFileSync(path.join(root, relative), 'utf8'), version = 1): string {
    service.documentChanged(TextDocument.create(file(relative), languageId, version, text));
    return file(relative);
  }

  it('finds the uses of a definition\'s type in the flows of its folder, declaration first when asked', async () => {
    const definition = open('one/crm.integration.json', 'cxengage-integration');
    const typeAt = { line: 1, character: 12 };
    assert.deepEqual(shown(await service.references(definition, typeAt, true)), [
      ['one/crm.integration.json', 1, 10, 1, 15],
      ['one/a.cxflow', 3, 6, 3, 9],
      ['one/b.cxflow', 3, 6, 3, 9],
      ['one/p.pattern.json', 0, 91, 0, 99],
    ]);
    assert.deepEqual(shown(await service.references(definition, typeAt, false)).map((l) => l[0]), ['one/a.cxflow', 'one/b.cxflow', 'one/p.pattern.json']);
    await service.documentClosed(definition);
  });

  it('finds a message and a field, from the definition and from a flow', async () => {
    const definition = open('one/crm.integration.json', 'cxengage-integration');
    const noteAt = at(crmDefinition, '"note"', 2);
    assert.deepEqual(shown(await service.references(definition, noteAt, true)), [
      ['one/crm.integration.json', 11, 6, 11, 12],
      ['one/a.cxflow', 3, 10, 3, 14],
      ['one/b.cxflow', 3, 10, 3, 14],
      ['one/p.pattern.json', 0, 100, 0, 104],
    ]);
    const colourAt = at(crmDefinition, '"colour"', 2);
    assert.deepEqual(shown(await service.references(definition, colourAt, true)), [
      ['one/crm.integration.json', 13, 8, 13, 16],
      ['one/b.cxflow', 3, 26, 3, 33],
    ]);
    await service.documentClosed(definition);
    // From a use in a closed flow's open copy: the same list, declaration first.
    const b = open('one/b.cxflow', 'cxflow');
    assert.deepEqual(shown(await service.references(b, { line: 3, character: 27 }, true)), [
      ['one/crm.integration.json', 13, 8, 13, 16],
      ['one/b.cxflow', 3, 26, 3, 33],
    ]);
    await service.documentClosed(b);
  });

  it('reads open flows as edited, and leaves out another folder\'s definition of the same type', async () => {
    const a = open('one/a.cxflow', 'cxflow', ';; When\n(event (= type "x"))\n;; Then\n(send twilio sms {})\n(send crm note {:text "a"})\n');
    const two = open('two/c.cxflow', 'cxflow');
    assert.deepEqual(shown(await service.references(two, { line: 3, character: 7 }, true)), [
      ['two/crm.integration.json', 1, 10, 1, 15],
      ['two/c.cxflow', 3, 6, 3, 9],
    ]);
    assert.deepEqual(shown(await service.references(a, { line: 4, character: 7 }, false)), [
      ['one/a.cxflow', 4, 6, 4, 9],
      ['one/b.cxflow', 3, 6, 3, 9],
      ['one/p.pattern.json', 0, 91, 0, 99],
    ]);
    await service.documentClosed(a);
    await service.documentClosed(two);
  });

  it('finds nothing where nothing is named, in other kinds of file, or once cancelled', async () => {
    const definition = open('one/crm.integration.json', 'cxengage-integration');
    assert.deepEqual(await service.references(definition, { line: 0, character: 0 }, true), []);
    assert.deepEqual(await service.references(file('one/missing.cxflow'), { line: 0, character: 0 }, true), []);
    const template = open('one/t.template.json', 'cxengage-template', '{"id": "TM1", "template": "crm"}');
    assert.deepEqual(await service.references(template, { line: 0, character: 28 }, true), []);
    const cancelled = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose: () => undefined }) };
    assert.deepEqual(shown(await service.references(definition, { line: 1, character: 12 }, true, cancelled)), [['one/crm.integration.json', 1, 10, 1, 15]]);
    // A position past the end is clamped into the document rather than refused.
    assert.equal((await service.references(definition, { line: 999, character: 0 }, true)).length, 0);
    await service.documentClosed(definition);
    await service.documentClosed(template);
  });
});
