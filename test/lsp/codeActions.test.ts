// Code actions through the bundled server over stdio: Fix All asked for by kind (as
// `editor.codeActionsOnSave` asks), in both dialects and in a pattern payload; every diagnostic's
// link to its code's page; the wrap and conversion refactorings. No handler may log a failure.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAction, CodeActionRequest, CodeActionTriggerKind, Command, CreateFile, Range, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient, fileUri } from '../support/lspClient';

const flow41 = ';; Then\n(seq (sned echo message {:message "hi"})\n     (delay 5 minuets)\n     (send twilio sms {:to-phone-number "1"}))\n';
const flow42 = '(def manager "+1")\n(create twillio sms {:to-phone-number manager :from-phone-number "2" :message "m"} (retry 2))\n';
const payload = '{"name": "p", "status": true, "code": "(delay 5 minuts) (create twilio smss {:to-phone-numbr \\"1\\" :from-phone-number \\"2\\" :message \\"m\\"})"}\n';

function actionsOnly(answer: (Command | CodeAction)[] | null): CodeAction[] {
  return (answer ?? []).filter((a): a is CodeAction => !('command' in a && typeof a.command === 'string'));
}

describe('code actions over LSP', () => {
  let client: TestClient;
  let workspace: string;
  const uriOf = (name: string) => fileUri(path.join(workspace, name));
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  async function request(name: string, only: string[] | undefined, range: Range = whole): Promise<CodeAction[]> {
    const uri = uriOf(name);
    const diagnostics = await client.waitForDiagnostics(uri);
    return actionsOnly(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } }));
  }

  function applied(text: string, uri: string, action: CodeAction): string {
    return TextDocument.applyEdits(TextDocument.create(uri, 'x', 1, text), action.edit?.changes?.[uri] ?? []);
  }

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-actions-'));
    const files: [string, string, string][] = [
      ['a41.cxflow', 'cxflow', flow41],
      ['a42.cxflow', 'cxflow', flow42],
      ['p.pattern.json', 'cxengage-pattern', payload],
    ];
    for (const [name, , text] of files) fs.writeFileSync(path.join(workspace, name), text);
    client = await TestClient.start({ rootPath: workspace, createFiles: true });
    for (const [name, languageId, text] of files) await client.open(uriOf(name), languageId, text);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('declares the kinds it offers', () => {
    assert.deepEqual(client.initializeResult.capabilities.codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.fixAll.cxengage', 'refactor.rewrite', 'refactor.extract'],
    });
  });

  it('every diagnostic links to its code\'s page', async () => {
    const diagnostics = await client.waitForDiagnostics(uriOf('a41.cxflow'));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.codeDescription?.href]),
      diagnostics.map((d) => [d.code, `https://github.com/cxengage/cxengage-language-tools/blob/main/docs/codes.md#${String(d.code)}`]),
    );
    assert.ok(diagnostics.length >= 3);
  });

  it('4.1: source.fixAll gives one action whose one edit fixes every single did-you-mean, not the missing fields', async () => {
    const actions = await request('a41.cxflow', ['source.fixAll']);
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all safe problems (2 fixes)', 'source.fixAll.cxengage']]);
    const uri = uriOf('a41.cxflow');
    assert.equal(actions[0].edit?.changes?.[uri]?.length, 1);
    assert.equal(applied(flow41, uri, actions[0]), flow41.replace('sned', 'send').replace('minuets', 'minutes'));
  });

  it('4.2: an integration, then the option, through the editor\'s own kind', async () => {
    const actions = await request('a42.cxflow', ['source.fixAll.cxengage']);
    assert.equal(actions.length, 1);
    assert.equal(applied(flow42, uriOf('a42.cxflow'), actions[0]), flow42.replace('twillio', 'twilio').replace('retry', 'retries'));
  });

  it('a pattern payload: the message, then the field it held back, fixed in the string; a 4.2 unit with two candidates left', async () => {
    const actions = await request('p.pattern.json', ['source.fixAll']);
    assert.equal(applied(payload, uriOf('p.pattern.json'), actions[0]), payload.replace('smss', 'sms').replace('numbr', 'number'));
  });

  it('quick fixes only when asked for them; the preferred ones are the safe ones', async () => {
    const uri = uriOf('a41.cxflow');
    const diagnostics = await client.waitForDiagnostics(uri);
    const answer = actionsOnly(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics, only: ['quickfix'] } }));
    assert.deepEqual(
      answer.map((a) => [a.title, a.isPreferred === true]),
      [
        ['Change to `send`', true],
        ['Change to `minutes`', true],
        ['Add mandatory fields :from-phone-number, :message', false],
      ],
    );
  });

  it('wraps the selected forms in the file\'s dialect', async () => {
    const uri = uriOf('a41.cxflow');
    const range = { start: { line: 2, character: 5 }, end: { line: 2, character: 22 } };
    const actions = await request('a41.cxflow', ['refactor.rewrite'], range);
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Wrap in (seq ...)', 'refactor.rewrite'], ['Wrap in (par ...)', 'refactor.rewrite']]);
    assert.equal(applied(flow41, uri, actions[1]), flow41.replace('(delay 5 minuets)', '(par (delay 5 minuets))'));
    const in42 = await request('a42.cxflow', ['refactor'], { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } });
    assert.deepEqual(in42.map((a) => a.title).slice(0, 2), ['Wrap in (do ...)', 'Wrap in (let ...)']);
  });

  it('converts a .cxflow to a new pattern payload and a payload to a new .cxflow', async () => {
    const [toPayload] = await request('a42.cxflow', ['refactor.extract']);
    const [create, fill] = toPayload.edit?.documentChanges ?? [];
    assert.deepEqual(create, { kind: 'create', uri: uriOf('a42.pattern.json'), options: { overwrite: false, ignoreIfExists: false } } satisfies CreateFile);
    const text = ((fill as TextDocumentEdit).edits[0] as TextEdit).newText;
    assert.deepEqual(JSON.parse(text), { name: 'a42', status: false, code: flow42.trim() });
    // The payload's own name is taken: the .cxflow gets the next free one.
    const [toFlow] = await request('p.pattern.json', ['refactor.extract']);
    assert.equal(toFlow.title, 'Convert to a .cxflow file (p.cxflow)');
    // The payload's keys other than its code travel in the header, in the REST API's order.
    const flowFill = (toFlow.edit?.documentChanges ?? [])[1] as TextDocumentEdit;
    assert.equal((flowFill.edits[0] as TextEdit).newText, `; cxengage-dialect: 4.2\n; name: p\n; status: true\n${JSON.parse(payload).code}\n`);
  });

  it('answers nothing for a document it does not know, without failing', async () => {
    const answer = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf('nowhere.cxflow') },
      range: whole,
      context: { diagnostics: [], only: ['source.fixAll', 'refactor'] },
    });
    assert.deepEqual(answer, []);
    client.assertNoFailures();
  });
});

describe('code actions for a client that cannot create files', () => {
  it('offers no conversion, and the wraps only when the user asks', async () => {
    await TestClient.session({}, async (client) => {
      const uri = 'untitled:flow.cxflow';
      await client.open(uri, 'cxflow', '(delay 1 days)');
      const answer = actionsOnly(
        await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, context: { diagnostics: [], triggerKind: CodeActionTriggerKind.Invoked } }),
      );
      assert.deepEqual(answer.map((a) => a.kind), ['refactor.rewrite', 'refactor.rewrite']);
      // The light bulb's own request, as the cursor moves: no refactoring on every line.
      const automatic = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } },
        context: { diagnostics: [], triggerKind: CodeActionTriggerKind.Automatic },
      });
      assert.deepEqual(automatic, []);
    });
  });
});
