// The send check over stdio: the send form agrees with the pushed diagnostics under severity
// settings and suppression comments, Apply writes into a nested send, and no request, log or
// notification repeats a value planted after a credential key.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  Diagnostic,
  DocumentSymbolRequest,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { FormModelRequest, SendFormEditRequest, SendFormModel } from '../../server/src/protocol';
import { fileUri, repoRoot, TestClient } from '../support/lspClient';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'secrets');
const levels = ['', 'error', 'warning', 'information', 'hint'];
const shape = (code: unknown, severity: string, range: Diagnostic['range'], message: string) =>
  `${String(code)} ${severity} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${message}`;

describe('send checks over LSP', () => {
  let client: TestClient;
  let workspace: string;
  const uri = (name: string) => fileUri(path.join(workspace, name));

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-send-checks-'));
    for (const name of fs.readdirSync(fixtures)) fs.copyFileSync(path.join(fixtures, name), path.join(workspace, name));
    client = await TestClient.start({ rootPath: workspace });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function formAt(file: string, line: number, character: number): Promise<SendFormModel> {
    const model = (await client.connection.sendRequest(FormModelRequest, { uri: uri(file), position: { line, character } })) as SendFormModel | null;
    assert.ok(model, 'a send form');
    return model;
  }

  const formProblems = (model: SendFormModel) => model.problems.map((p) => shape(p.code, p.severity, p.range, p.message));
  const panel = (diagnostics: Diagnostic[]) => diagnostics.map((d) => shape(d.code, levels[d.severity ?? 0], d.range, typeof d.message === 'string' ? d.message : d.message.value));

  it('the form follows unknown-field set to off, then to error, and a suppression comment', async () => {
    const text = '(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m" :mesage "x"})\n';
    await client.open(uri('typo.cxflow'), 'cxflow', text);
    const shown = await client.waitForDiagnostics(uri('typo.cxflow'), (ds) => ds.length === 1);
    assert.deepEqual(formProblems(await formAt('typo.cxflow', 0, 1)), panel(shown));

    await client.changeSettings({ diagnostics: { severity: { 'unknown-field': 'off' } } });
    await client.waitForDiagnostics(uri('typo.cxflow'), (ds) => ds.length === 0);
    const off = await formAt('typo.cxflow', 0, 1);
    assert.deepEqual(off.problems, []);
    assert.deepEqual(
      off.fields.filter((f) => f.status !== 'ok'),
      [],
    );

    await client.changeSettings({ diagnostics: { severity: { 'unknown-field': 'error' } } });
    const raised = await client.waitForDiagnostics(uri('typo.cxflow'), (ds) => ds.length === 1 && ds[0].severity === 1);
    const form = await formAt('typo.cxflow', 0, 1);
    assert.deepEqual(formProblems(form), panel(raised));
    assert.deepEqual(
      form.fields.filter((f) => f.status !== 'ok').map((f) => [f.name, f.status, f.severity]),
      [['mesage', 'unknown', 'error']],
    );
    await client.changeSettings({});

    await client.replace(uri('typo.cxflow'), `; cxengage-disable-next-line unknown-field\n${text}`);
    await client.waitForDiagnostics(uri('typo.cxflow'), (ds) => ds.length === 0);
    assert.deepEqual((await formAt('typo.cxflow', 1, 1)).problems, []);
    await client.close(uri('typo.cxflow'));
  });

  it('Apply on a send nested in a success block writes into that send', async () => {
    const text = '(send twilio call {:to-phone-number "1" :from-phone-number "2"}\n  (success (send echo message {})))\n';
    await client.open(uri('nested.cxflow'), 'cxflow', text);
    const form = await formAt('nested.cxflow', 1, 11);
    assert.equal(`${form.integration} ${form.message}`, 'echo message');
    const { edit } = await client.connection.sendRequest(SendFormEditRequest, { uri: uri('nested.cxflow'), position: form.range.start, values: { message: 'hi' } });
    assert.deepEqual(edit, {
      documentChanges: [
        {
          textDocument: { uri: uri('nested.cxflow'), version: 1 },
          edits: [{ range: { start: { line: 1, character: 31 }, end: { line: 1, character: 31 } }, newText: ':message "hi"' }],
        },
      ],
    });
    await client.close(uri('nested.cxflow'));
  });

  it('no answer, log or notification repeats a planted secret', async () => {
    const leaks = uri('leaks.cxflow');
    const text = fs.readFileSync(path.join(workspace, 'leaks.cxflow'), 'utf8');
    await client.open(leaks, 'cxflow', text);
    const diagnostics = await client.waitForDiagnostics(leaks, (ds) => ds.filter((d) => d.code === 'secret-inline').length === 4);
    const lines = text.split('\n');
    const answers: unknown[] = [diagnostics];
    answers.push(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: leaks }, range: diagnostics[0].range, context: { diagnostics } }));
    answers.push(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: leaks } }));
    answers.push(await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: leaks } }));
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line].length; character += 3) {
        const position = { line, character };
        answers.push(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: leaks }, position }));
        answers.push(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: leaks }, position }));
        answers.push(await client.connection.sendRequest(FormModelRequest, { uri: leaks, position }));
      }
    }
    const planted = lines.findIndex((l) => l.includes('123PLANTED'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: leaks }, position: { line: planted, character: lines[planted].indexOf('123PLANTED') + 3 } });
    assert.equal(hover, null);
    for (const answer of [...answers, client.logs, client.messages, [...client.diagnostics.values()]]) {
      const json = JSON.stringify(answer) ?? '';
      assert.ok(!json.includes('PLANTED'), json.slice(0, 300));
    }
    assert.ok(!client.stderr.includes('PLANTED'));
    await client.close(leaks);
  });
});
