// Document highlights of an integration, message or field in 4.1 and 4.2 code and in payload
// strings (and of a 4.2 variable); workspace symbols matched loosely, from definitions, open flows
// and flows on disk; rename of files on disk, which carry no version.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DocumentHighlightKind, SymbolKind } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageIds } from '../../server/src/service/documentKind';
import { DiskFileAccess } from '../../server/src/node/diskFileAccess';
import { flowHighlights } from '../../server/src/service/flow/editing/features';
import { LanguageService } from '../../server/src/service/languageService';
import { isRefusal } from '../../server/src/service/renaming/renameTarget';
import { rename } from '../../server/src/service/renaming/workspaceRename';
import { defaultSettings } from '../../server/src/service/settings';
import { matchScore } from '../../server/src/service/symbols/fuzzyMatch';
import { WorkspaceSymbols } from '../../server/src/service/symbols/workspaceSymbols';
import { compactRange, documentOf, rangeIn, withCursor } from '../support/documents';
import { builtinContext } from '../support/flowContext';
import { fileUri } from '../support/lspClient';
import { suiteFolders } from '../support/suiteFolders';
import { builtinDefinitions, openDocumentsService, readFlow } from '../support/service';
import { editsByUri } from '../support/renaming';

const ctx = builtinContext();

function highlights(text: string, kind: 'flow' | 'pattern' = 'flow') {
  const { doc, position } = withCursor(text, kind);
  return flowHighlights(readFlow(doc), position, ctx).map((h) => [...compactRange(h.range), h.kind]);
}

/** The expected highlight of the `occurrence`th `needle` of `text` (the cursor's `|` left out). */
function place(text: string, needle: string, occurrence: number, kind: DocumentHighlightKind = DocumentHighlightKind.Text) {
  return [...rangeIn(text.replace('|', ''), needle, occurrence), kind];
}

const T = DocumentHighlightKind.Text;

describe('document highlights', () => {
  const flow41 = ';; Then\n(seq (send twilio sms {:message "a"}) (send twilio call {:message "b"}) (send twi|lio sms {}))';

  it('highlights every use of an integration, a message and a field in 4.1 code', () => {
    assert.deepEqual(highlights(flow41), [place(flow41, 'twilio', 0), place(flow41, 'twilio', 1), place(flow41, 'twilio', 2)]);
    const sms = flow41.replace('twi|lio sms', 'twilio s|ms');
    assert.deepEqual(highlights(sms), [place(sms, 'sms', 0), place(sms, 'sms', 1)]);
    const field = ';; Then\n(seq (send twilio sms {:mes|sage "a"}) (send twilio call {:message "b"}) (send twilio sms {} (template {:message +TM1})))';
    assert.deepEqual(highlights(field), [place(field, ':message', 0), place(field, ':message', 2)]);
    assert.deepEqual(place(field, ':message', 0).slice(0, 4), [1, 23, 1, 31]);
  });

  it('highlights by name an integration no definition declares', () => {
    assert.deepEqual(highlights('(perform no|pe a {}) (fetch nope b {})'), [
      [0, 9, 0, 13, T],
      [0, 27, 0, 31, T],
    ]);
  });

  it('highlights in 4.2 code inside a payload string, over the escapes', () => {
    const payload = '{"name": "q", "code": "(perform echo message {\\"message\\" \\"a\\"})\\n(perform echo mess|age {:message \\"b\\"})"}';
    assert.deepEqual(highlights(payload, 'pattern'), [place(payload, 'message', 0), place(payload, 'message', 2)]);
    const key = payload.replace('{\\"message\\"', '{\\"mess|age\\"').replace('mess|age {', 'message {');
    assert.deepEqual(highlights(key, 'pattern'), [place(key, '\\"message\\"', 0), place(key, ':message', 0)]);
  });

  it('still highlights a 4.2 variable, its binding written', () => {
    const text = '(let [r (fetch echo message {})] (perform echo message {:message r|.id}))';
    const read = text.replace('|', '').indexOf('r.id');
    assert.deepEqual(highlights(text), [
      [0, 6, 0, 7, DocumentHighlightKind.Write],
      [0, read, 0, read + 1, DocumentHighlightKind.Read],
    ]);
  });

  it('highlights nothing on an operator or a value', () => {
    assert.deepEqual(highlights('(se|nd twilio sms {})'), []);
    assert.deepEqual(highlights('(send twilio sms {:message "h|i"})'), []);
  });
});

describe('workspace symbol matching', () => {
  it('ranks a whole name, a prefix, a run, characters apart; nothing else', () => {
    assert.equal(matchScore('sms', 'SMS'), 4);
    assert.equal(matchScore('send-message', 'send'), 3);
    assert.equal(matchScore('send-message', 'message'), 2);
    assert.equal(matchScore('send-message', 'smsg'), 1);
    assert.equal(matchScore('send-message', 'gms'), undefined);
    assert.equal(matchScore('anything', ''), 0);
  });
});

const crm = '{"type": "crm", "display": "CRM", "endpoint": {"type": "crm", "sends": {"note": {"text": {"type": "mandatory"}}}}}\n';

describe('workspace symbols and rename over files on disk', () => {
  const folders = suiteFolders('cxengage-symbols-');
  after(() => folders.remove());
  const folder = folders.make({
    'crm.integration.json': crm,
    'a.cxflow': '(def escalation-phone "+1555")\n(perform crm note {:text escalation-phone})\n',
    'b.cxflow': '[{:name "Escalate platinum" :when (event (= a 1)) :then (send crm note {:text "x"})}]\n',
    'c.pattern.json': '[{"name": "Escalate gold", "when": "(event (= a 1))", "then": "(send crm note {:text \\"y\\"})"}]\n',
  });
  const uri = (name: string) => fileUri(path.join(folder, name));

  async function service(): Promise<LanguageService> {
    const s = new LanguageService({ files: new DiskFileAccess(), settingsFor: () => defaultSettings, builtins: builtinDefinitions });
    s.setFolders([fileUri(folder)]);
    s.loadBuiltins();
    await s.scanWorkspace();
    return s;
  }

  it('finds integrations, messages, patterns and defs across the workspace, best first', async () => {
    const symbols = new WorkspaceSymbols(await service());
    const found = (await symbols.find('escal')).map((s) => [s.name, s.kind, path.basename(s.location.uri), ...compactRange(s.location.range), s.containerName]);
    assert.deepEqual(found, [
      ['Escalate gold', SymbolKind.Event, 'c.pattern.json', 0, 10, 0, 25, 'pattern'],
      ['escalation-phone', SymbolKind.Variable, 'a.cxflow', 0, 5, 0, 21, 'def'],
      ['Escalate platinum', SymbolKind.Event, 'b.cxflow', 0, 8, 0, 27, 'pattern'],
    ]);
    const crmSymbols = (await symbols.find('crm')).map((s) => [s.name, s.kind, s.containerName]);
    assert.deepEqual(crmSymbols[0], ['crm', SymbolKind.Class, 'integration']);
    const note = (await symbols.find('note')).map((s) => [s.name, s.kind, s.containerName, path.basename(s.location.uri), ...compactRange(s.location.range)]);
    assert.deepEqual(note[0], ['note', SymbolKind.Method, 'crm', 'crm.integration.json', 0, 72, 0, 78]);
    assert.deepEqual((await symbols.find('zzq')).map((s) => s.name), []);
    const twilio = (await symbols.find('twilio')).find((s) => s.kind === SymbolKind.Class);
    assert.equal(twilio?.containerName, 'built-in integration');
  });

  it('renames a message in closed files on disk, their edits with no version', async () => {
    const s = await service();
    s.documentChanged(TextDocument.create(uri('crm.integration.json'), languageIds.definition, 1, crm));
    const edit = await rename(s, uri('crm.integration.json'), { line: 0, character: 75 }, 'memo', { documentChanges: true });
    assert.ok(!isRefusal(edit));
    const versions = (edit.documentChanges ?? []).map((c) => ('textDocument' in c ? [path.basename(c.textDocument.uri), c.textDocument.version] : []));
    assert.deepEqual(versions, [
      ['crm.integration.json', 1],
      ['a.cxflow', null],
      ['b.cxflow', null],
      ['c.pattern.json', null],
    ]);
    const edits = editsByUri(edit);
    assert.deepEqual(edits.get(uri('c.pattern.json'))?.map((e) => [compactRange(e.range), e.newText]), [[[0, 73, 0, 77], 'memo']]);
    assert.deepEqual(edits.get(uri('a.cxflow'))?.map((e) => [compactRange(e.range), e.newText]), [[[1, 13, 1, 17], 'memo']]);
  });
});

describe('workspace symbols of open documents', () => {
  it('lists the defs of an open 4.2 flow, and none of a 4.1 one', async () => {
    const s = openDocumentsService();
    const doc = documentOf('(def manager "+1")\n(def other 2)', 'flow', 'symbols-42');
    s.documentChanged(doc);
    s.documentChanged(documentOf('; cxengage-dialect: 4.1\n(set manager 1)', 'flow', 'symbols-41'));
    const found = (await new WorkspaceSymbols(s).find('manager')).map((x) => [x.name, x.location.uri, ...compactRange(x.location.range)]);
    assert.deepEqual(found, [['manager', doc.uri, 0, 5, 0, 12]]);
  });
});
