// Rename across a workspace of open documents: prepareRename's range and placeholder, the edits of
// an integration type, a message, a field (definition, 4.1 and 4.2 flows, code inside payload
// strings with JSON escapes) and a 4.2 variable; refusals with their reasons; bad input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, WorkspaceEdit } from 'vscode-languageserver-types';
import { LanguageService } from '../../server/src/service/languageService';
import { Refusal, isRefusal } from '../../server/src/service/renaming/renameTarget';
import { prepareRename, rename } from '../../server/src/service/renaming/workspaceRename';
import { compactRange, documentOf } from '../support/documents';
import { openDocumentsService } from '../support/service';
import { appliedTexts, editsByUri } from '../support/renaming';

const definition = `{
  "type": "crm",
  "display": "CRM",
  "endpoint": {
    "name": "crm", "type": "crm", "display": "CRM Endpoint",
    "sends": {
      "note": { "text": { "type": "mandatory" }, "title": { "type": "optional" } },
      "task": { "text": { "type": "optional" } }
    }
  }
}
`;

const flow41 = `;; Then
(seq
  (send crm note {:text "a" :title "t"})
  (send crm task {:text "b"})
  (send crm note {"text" "c"} (template {:text +TM1})))
`;

const flow42 = `(def who "x")
(let [r (create crm note {:text who})]
  (perform crm note {:text r.id}))
`;

const payload41 = '{"name": "p", "when": "(event (= a 1))", "then": "(send crm note {\\"text\\" \\"hi\\"})"}';
const payload42 = '{"name": "q", "status": true, "code": "(let [n 1]\\n  (perform crm note {:text n}))\\n(perform crm task {:text \\"b\\"})"}';

interface Workspace {
  service: LanguageService;
  docs: TextDocument[];
  byName: Record<string, TextDocument>;
}

function workspace(extra: Record<string, { kind: 'flow' | 'pattern' | 'definition'; text: string }> = {}): Workspace {
  const service = openDocumentsService();
  service.loadBuiltins();
  const files = {
    crm: { kind: 'definition' as const, text: definition },
    flow41: { kind: 'flow' as const, text: flow41 },
    flow42: { kind: 'flow' as const, text: flow42 },
    payload41: { kind: 'pattern' as const, text: payload41 },
    payload42: { kind: 'pattern' as const, text: payload42 },
    ...extra,
  };
  const byName: Record<string, TextDocument> = {};
  for (const [name, file] of Object.entries(files)) {
    byName[name] = documentOf(file.text, file.kind, `rename-${name}`);
    service.documentChanged(byName[name]);
  }
  return { service, docs: Object.values(byName), byName };
}

/** The position of the `occurrence`th `needle` in a document, `into` characters into it. */
function at(doc: TextDocument, needle: string, occurrence = 0, into = 1): Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = doc.getText().indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} #${occurrence} not found`);
  return doc.positionAt(offset + into);
}

async function renamed(ws: Workspace, doc: TextDocument, position: Position, newName: string): Promise<Record<string, string>> {
  const edit = await rename(ws.service, doc.uri, position, newName, { documentChanges: false });
  assert.ok(!isRefusal(edit), isRefusal(edit) ? edit.refused : '');
  const texts = appliedTexts(edit, ws.docs);
  const result: Record<string, string> = {};
  for (const [name, d] of Object.entries(ws.byName)) if (texts.has(d.uri)) result[name] = texts.get(d.uri) as string;
  return result;
}

async function refusal(ws: Workspace, doc: TextDocument, position: Position, newName: string): Promise<string> {
  const edit = await rename(ws.service, doc.uri, position, newName, { documentChanges: false });
  assert.ok(isRefusal(edit), 'expected a refusal');
  return (edit as Refusal).refused;
}

describe('prepareRename', () => {
  const ws = workspace();
  const prepare = (doc: TextDocument, position: Position) => {
    const answer = prepareRename(ws.service, doc.uri, position);
    return isRefusal(answer) ? answer : { range: compactRange(answer.range), placeholder: answer.placeholder };
  };

  it('gives the name alone: a symbol, a keyword without its colon, a string key without quotes, a definition key or type inside its quotes', () => {
    assert.deepEqual(prepare(ws.byName.flow41, at(ws.byName.flow41, 'note')), { range: [2, 12, 2, 16], placeholder: 'note' });
    assert.deepEqual(prepare(ws.byName.flow41, at(ws.byName.flow41, 'crm')), { range: [2, 8, 2, 11], placeholder: 'crm' });
    assert.deepEqual(prepare(ws.byName.flow41, at(ws.byName.flow41, ':text')), { range: [2, 19, 2, 23], placeholder: 'text' });
    assert.deepEqual(prepare(ws.byName.flow41, at(ws.byName.flow41, '"text"')), { range: [4, 19, 4, 23], placeholder: 'text' });
    assert.deepEqual(prepare(ws.byName.crm, at(ws.byName.crm, '"crm"')), { range: [1, 11, 1, 14], placeholder: 'crm' });
    assert.deepEqual(prepare(ws.byName.crm, at(ws.byName.crm, '"task"')), { range: [7, 7, 7, 11], placeholder: 'task' });
    assert.deepEqual(prepare(ws.byName.crm, at(ws.byName.crm, '"title"')), { range: [6, 50, 6, 55], placeholder: 'title' });
  });

  it('places the name inside a payload string, escapes and all', () => {
    assert.deepEqual(prepare(ws.byName.payload41, at(ws.byName.payload41, '\\"text')), { range: [0, 68, 0, 72], placeholder: 'text' });
    assert.deepEqual(prepare(ws.byName.payload42, at(ws.byName.payload42, 'n 1')), { range: [0, 45, 0, 46], placeholder: 'n' });
  });

  it('gives a 4.2 variable from its binding or a read, `r` of `r.id`', () => {
    assert.deepEqual(prepare(ws.byName.flow42, at(ws.byName.flow42, 'r.id', 0, 3)), { range: [2, 27, 2, 28], placeholder: 'r' });
    assert.deepEqual(prepare(ws.byName.flow42, at(ws.byName.flow42, 'who', 0)), { range: [0, 5, 0, 8], placeholder: 'who' });
  });

  it('refuses with a reason: built-in definitions, forms, unknown integrations, empty places', async () => {
    const extra = workspace({ other: { kind: 'flow', text: '(send twilio sms {:message "m"})\n(send nope msg {})\n' } });
    const other = extra.byName.other;
    const twilio = prepareRename(extra.service, other.uri, at(other, 'twilio'));
    assert.match(isRefusal(twilio) ? twilio.refused : '', /^`twilio` is declared by the built-in `twilio` definition, which ships with the extension and cannot be renamed/);
    const field = prepareRename(extra.service, other.uri, at(other, ':message'));
    assert.match(isRefusal(field) ? field.refused : '', /^`message` is declared by the built-in `twilio` definition/);
    assert.deepEqual(prepareRename(extra.service, other.uri, at(other, 'send')), {
      refused: '`send` is a form of the flow language: only integrations, messages, fields and 4.2 variables can be renamed.',
    });
    assert.deepEqual(prepareRename(extra.service, other.uri, at(other, 'nope')), {
      refused: 'No definition of the integration `nope` is known here, so there is nothing to rename it in.',
    });
    assert.deepEqual(prepareRename(extra.service, other.uri, at(other, '"m"')), {
      refused: 'Nothing to rename here: put the cursor on an integration type, a message, a field or a 4.2 variable.',
    });
    assert.deepEqual(prepareRename(extra.service, 'file:///workspace/closed.cxflow', { line: 0, character: 0 }), {
      refused: 'The document is not open: rename starts from an open document.',
    });
  });
});

describe('rename of a declared name', () => {
  it('renames a message from its definition key: the key, every send of it in both dialects and in payload strings', async () => {
    const ws = workspace();
    const texts = await renamed(ws, ws.byName.crm, at(ws.byName.crm, '"note"'), 'memo');
    assert.deepEqual(Object.keys(texts).sort(), ['crm', 'flow41', 'flow42', 'payload41', 'payload42']);
    assert.equal(texts.crm, definition.replace('"note"', '"memo"'));
    assert.equal(texts.flow41, flow41.replace('crm note', 'crm memo').replace('crm note', 'crm memo'));
    assert.equal(texts.flow42, flow42.replace(/crm note/g, 'crm memo'));
    assert.equal(texts.payload41, payload41.replace('crm note', 'crm memo'));
    assert.equal(texts.payload42, payload42.replace('crm note', 'crm memo'));
  });

  it('gives the exact edits, with versions when the client takes documentChanges', async () => {
    const ws = workspace();
    const edit = (await rename(ws.service, ws.byName.flow41.uri, at(ws.byName.flow41, 'task'), 'job', { documentChanges: true })) as WorkspaceEdit;
    assert.equal(edit.changes, undefined);
    const versions = (edit.documentChanges ?? []).map((c) => ('textDocument' in c ? [c.textDocument.uri, c.textDocument.version] : []));
    assert.deepEqual(versions, [
      [ws.byName.crm.uri, 1],
      [ws.byName.flow41.uri, 1],
      [ws.byName.payload42.uri, 1],
    ]);
    const edits = editsByUri(edit);
    assert.deepEqual(edits.get(ws.byName.crm.uri)?.map((e) => [compactRange(e.range), e.newText]), [[[7, 6, 7, 12], '"job"']]);
    assert.deepEqual(edits.get(ws.byName.flow41.uri)?.map((e) => [compactRange(e.range), e.newText]), [[[3, 12, 3, 16], 'job']]);
    assert.deepEqual(edits.get(ws.byName.payload42.uri)?.map((e) => [compactRange(e.range), e.newText]), [[[0, 97, 0, 101], 'job']]);
  });

  it('renames an integration type from a flow: the type, the endpoint type repeating it, every use', async () => {
    const ws = workspace();
    const texts = await renamed(ws, ws.byName.flow42, at(ws.byName.flow42, 'crm'), 'sales-crm');
    assert.equal(texts.crm, definition.replace('"type": "crm"', '"type": "sales-crm"').replace('"type": "crm"', '"type": "sales-crm"'));
    assert.ok(texts.crm.includes('"name": "crm"'), 'the endpoint name is not the type');
    assert.equal(texts.flow41, flow41.replace(/send crm/g, 'send sales-crm'));
    assert.equal(texts.flow42, flow42.replace(/crm note/g, 'sales-crm note'));
    assert.equal(texts.payload41, payload41.replace('send crm', 'send sales-crm'));
    assert.equal(texts.payload42, payload42.replace(/crm/g, 'sales-crm'));
  });

  it('renames a field of one message only: keyword keys, string keys (escaped in a payload), template keys', async () => {
    const ws = workspace();
    const texts = await renamed(ws, ws.byName.flow41, at(ws.byName.flow41, ':text'), 'body');
    assert.equal(texts.crm, definition.replace('"note": { "text"', '"note": { "body"'));
    assert.equal(
      texts.flow41,
      flow41.replace('{:text "a"', '{:body "a"').replace('{"text" "c"}', '{"body" "c"}').replace('{:text +TM1}', '{:body +TM1}'),
    );
    assert.equal(texts.flow42, flow42.replace(/\{:text/g, '{:body'));
    assert.equal(texts.payload41, payload41.replace('\\"text\\"', '\\"body\\"'));
    assert.equal(texts.payload42, payload42.replace('{:text n}', '{:body n}'), 'the task message keeps its own text field');
  });

  it('renames a name a payload spells with \\u escapes, over the escapes', async () => {
    const spelled = '{"name": "u", "code": "(perform cr\\u006d note {:text \\"x\\"})"}';
    const ws = workspace({ spelled: { kind: 'pattern', text: spelled } });
    const texts = await renamed(ws, ws.byName.crm, at(ws.byName.crm, '"crm"'), 'desk');
    assert.equal(texts.spelled, '{"name": "u", "code": "(perform desk note {:text \\"x\\"})"}');
  });

  it('refuses invalid names, with the reason', async () => {
    const ws = workspace();
    const note = at(ws.byName.flow41, 'note');
    assert.equal(await refusal(ws, ws.byName.flow41, note, ''), 'The new name is empty: a message name needs at least one character.');
    assert.equal(await refusal(ws, ws.byName.flow41, note, 'two words'), '`two words` cannot be a message name: it holds white space, which flow code cannot hold in a name.');
    assert.equal(await refusal(ws, ws.byName.flow41, note, 'say"hi'), '`say"hi` cannot be a message name: it holds a double quote, which flow code cannot hold in a name.');
    assert.equal(await refusal(ws, ws.byName.flow41, note, 'a\\b'), '`a\\b` cannot be a message name: it holds a backslash, which flow code cannot hold in a name.');
    assert.equal(await refusal(ws, ws.byName.flow41, note, 'a\u0001b'), '`a\u0001b` cannot be a message name: it holds a control character, which flow code cannot hold in a name.');
    assert.match(await refusal(ws, ws.byName.flow41, note, '42'), /^`42` cannot be a message name: flow code would not read it as a plain symbol/);
    assert.match(await refusal(ws, ws.byName.flow41, note, ':memo'), /^`:memo` cannot be a message name/);
    assert.match(await refusal(ws, ws.byName.flow41, note, '$memo'), /^`\$memo` cannot be a message name/);
    assert.match(await refusal(ws, ws.byName.flow41, note, 'nil'), /^`nil` cannot be a message name/);
    assert.equal(await refusal(ws, ws.byName.flow41, note, 'a.b'), '`a.b` cannot be a message name: a `.` in a symbol reads a field of a variable (`result.sid`).');
    assert.equal(await refusal(ws, ws.byName.flow41, at(ws.byName.flow41, ':text'), ':body'), "`:body` cannot be a field name: write it without the keyword's colon (`body`).");
    assert.match(await refusal(ws, ws.byName.flow41, at(ws.byName.flow41, ':text'), 'a{b'), /^`a\{b` cannot be a field name: it holds `\{`/);
  });

  it('refuses names already used: another integration type, message or field', async () => {
    const ws = workspace({ chat: { kind: 'definition', text: definition.replace(/crm/g, 'chat') } });
    const crm = ws.byName.crm;
    assert.equal(await refusal(ws, crm, at(crm, '"crm"'), 'twilio'), '`twilio` is already the type of a built-in integration: flows would mean both by one name.');
    assert.equal(await refusal(ws, crm, at(crm, '"crm"'), 'chat'), '`chat` is already the type of the integration defined in /workspace/rename-chat.integration.json.');
    assert.equal(await refusal(ws, crm, at(crm, '"note"'), 'task'), '`crm` already has a message `task`.');
    assert.equal(await refusal(ws, crm, at(crm, '"title"'), 'text'), 'The message `crm note` already has a field `text`.');
  });

  it('edits nothing when the name stays the same', async () => {
    const ws = workspace();
    assert.deepEqual(await rename(ws.service, ws.byName.crm.uri, at(ws.byName.crm, '"note"'), 'note', { documentChanges: false }), { changes: {} });
  });
});

describe('rename of a 4.2 variable', () => {
  it('renames the binding and every read in its scope, `r` of `r.id` too', async () => {
    const ws = workspace();
    const texts = await renamed(ws, ws.byName.flow42, at(ws.byName.flow42, '[r', 0, 1), 'result');
    assert.deepEqual(Object.keys(texts), ['flow42']);
    assert.equal(texts.flow42, flow42.replace('[r ', '[result ').replace('r.id', 'result.id'));
    const global = await renamed(ws, ws.byName.flow42, at(ws.byName.flow42, 'text who', 0, 6), 'owner');
    assert.equal(global.flow42, flow42.replace(/who/g, 'owner'));
  });

  it('renames a variable inside a payload string', async () => {
    const ws = workspace();
    const texts = await renamed(ws, ws.byName.payload42, at(ws.byName.payload42, 'text n', 0, 5), 'total');
    assert.equal(texts.payload42, payload42.replace('[n 1]', '[total 1]').replace('{:text n}', '{:text total}'));
  });

  it('refuses a name already in scope where the variable is read, and names of the language', async () => {
    const ws = workspace();
    const r = at(ws.byName.flow42, '[r', 0, 1);
    assert.equal(await refusal(ws, ws.byName.flow42, r, 'who'), 'A variable `who` (line 1) is already in scope where `r` is used: the rename would change what the code reads.');
    assert.equal(await refusal(ws, ws.byName.flow42, r, 'sum'), '`sum` cannot be a variable name: it is a form or function of the 4.2 language.');
    const shadow = workspace({ inner: { kind: 'flow', text: '(def a 1)\n(let [b 2]\n  (perform crm note {:text a}))\n' } });
    assert.match(await refusal(shadow, shadow.byName.inner, at(shadow.byName.inner, '(def a', 0, 5), 'b'), /^A variable `b` \(line 2\) is already in scope where `a` is used/);
  });
});

describe('rename in bad input', () => {
  it('renames in a file with reader errors and an unterminated string only what was read, and leaves the rest', async () => {
    const broken = '(send crm note {:text "a"})\n(send crm note {:text "b"\n(send crm note {:text "open';
    const ws = workspace({ broken: { kind: 'flow', text: broken } });
    const texts = await renamed(ws, ws.byName.crm, at(ws.byName.crm, '"note"'), 'memo');
    assert.equal(texts.broken, '(send crm memo {:text "a"})\n(send crm memo {:text "b"\n(send crm memo {:text "open');
    const field = await renamed(ws, ws.byName.crm, at(ws.byName.crm, '"text"'), 'body');
    assert.equal(field.broken, '(send crm note {:body "a"})\n(send crm note {:body "b"\n(send crm note {:body "open');
  });

  it('renames inside a form 10,000 deep, and refuses in a file no guard lets through', async () => {
    const depth = 10_000;
    const deep = `${'(seq '.repeat(depth)}(send crm note {:text "x"})${')'.repeat(depth)}`;
    const ws = workspace({ deep: { kind: 'flow', text: deep }, nested: { kind: 'pattern', text: `${'['.repeat(depth)}${']'.repeat(depth)}` } });
    const texts = await renamed(ws, ws.byName.crm, at(ws.byName.crm, '"note"'), 'memo');
    assert.equal(texts.deep, deep.replace('crm note', 'crm memo'));
    assert.equal(texts.nested, undefined);
    const guarded = prepareRename(ws.service, ws.byName.nested.uri, { line: 0, character: 1 });
    assert.match(isRefusal(guarded) ? guarded.refused : '', /^This file is not analysed, so nothing in it can be renamed: /);
  });
});
