// The browser build's client code path in this (Node) extension host, since VS Code for the Web
// cannot be had here: a BrowserLanguageClient with the browser client's options, its server
// started as the web worker starts it (files only through the client) over in-memory streams, and
// the server's file requests answered through `vscode.workspace`. What is asserted is what VS Code
// shows: diagnostics, completion and hover through its commands, and one preview request.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { clientOptions } from '../../../client/src/activation';
import { BrowserLanguageClient } from '../../../client/src/browserClient';
import { FormModelRequest, SendFormModel } from '../../../server/src/protocol';
import { expectedDiagnostics } from '../expectations';
import { startInMemoryServer, InMemoryServer } from './inMemoryServer';
import { codeOf, waitFor, waitForDiagnostics, waitForHovers } from './waits';
import { completionLabel, files, hoverText, positionOf, workspaceFolder } from './workspace';

/** The first answer waits for the server to start, read the built-ins and scan through the client. */
const firstAnswerMs = 45_000;

describe('the browser client over in-memory transports', function () {
  this.timeout(90_000);

  /** A copy of the fixture workspace outside the editor's folder: this client's folder alone. */
  let root: string;
  let server: InMemoryServer | undefined;
  let client: BrowserLanguageClient | undefined;
  let flow: vscode.TextDocument;

  before(async function () {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-browser-client-'));
    for (const name of [files.definition, files.flow]) fs.copyFileSync(path.join(workspaceFolder().uri.fsPath, name), path.join(root, name));
    // The extension's desktop client runs in this window too and takes every document of the
    // CxEngage languages, whatever its folder or scheme. Giving this folder's files the plain-text
    // language keeps them from it (and it from them); the server reads a file's kind from its name
    // when the language is not one of its own, so this client serves them as flows all the same.
    await vscode.workspace.getConfiguration('files').update('associations', { [`**/${path.basename(root)}/**`]: 'plaintext' }, vscode.ConfigurationTarget.Global);

    const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(root), name: path.basename(root), index: 0 };
    const options = { ...clientOptions(), documentSelector: [{ scheme: 'file', pattern: `${root}/**` }], workspaceFolder: folder };
    server = startInMemoryServer();
    const transports = server.transports;
    client = new BrowserLanguageClient('cxengage-in-memory', 'CxEngage Language Server (in memory)', options, async () => transports);
    await client.start();

    flow = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, files.flow)));
    assert.equal(flow.languageId, 'plaintext', 'the flow copy took a CxEngage language, so the desktop client would serve it too');
    // Pulled diagnostics are for documents shown in a tab.
    await vscode.window.showTextDocument(flow, { preview: false });
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await client?.dispose();
    server?.dispose();
    // The editor keeps a document for minutes after its tab closes, and once the association is taken
    // back this one is a flow again and reaches the desktop client (a later rename would edit it):
    // emptied and saved first, it adds nothing there. (It is undefined if the set-up failed earlier.)
    if ((flow as vscode.TextDocument | undefined) !== undefined) {
      const empty = new vscode.WorkspaceEdit();
      empty.delete(flow.uri, new vscode.Range(0, 0, flow.lineCount, 0));
      await vscode.workspace.applyEdit(empty);
      await flow.save();
    }
    await vscode.workspace.getConfiguration('files').update('associations', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('checks the flow against the definition it read through the editor', async function () {
    // The enum value, the unknown field and the missing field all come from acme-sms.integration.json,
    // which is not open: the server had to find it and read it through `cxengage/findFiles` and `cxengage/readFile`.
    const diagnostics = await waitForDiagnostics(flow.uri, expectedDiagnostics.flow, firstAnswerMs);
    const enumValue = diagnostics.find((d) => codeOf(d) === 'invalid-enum-value');
    assert.equal(flow.getText(enumValue?.range), '"hihg"');
  });

  it('completes the fields a params map still lacks', async function () {
    const position = positionOf(flow, ':body "Bye" }', '}');
    const list = await waitFor(
      'field completion in the last acme-sms send',
      async () => {
        const answer = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', flow.uri, position);
        return answer.items.some((i) => i.kind === vscode.CompletionItemKind.Field) ? answer : undefined;
      },
      { timeoutMs: firstAnswerMs },
    );
    // The editor adds the document's words (kind Text) to a plain-text file; the server's fields are kind Field.
    const fields = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Field).map(completionLabel);
    assert.ok(fields.some((l) => /^:?priority$/.test(l)), `no priority field among [${fields.join(', ')}]`);
    assert.ok(!fields.some((l) => /^:?(to|body)$/.test(l)), `fields already present are offered: [${fields.join(', ')}]`);
  });

  it('shows the field table of the message on hover', async function () {
    const position = positionOf(flow, ':body "Bye" }', 'text', 1);
    const text = hoverText(await waitForHovers(flow.uri, position, 'a hover on the message type `text`', firstAnswerMs));
    for (const field of ['to', 'body', 'priority']) assert.ok(text.includes(field), `hover lacks ${field}:\n${text}`);
    assert.match(text, /\|/, `hover has no table:\n${text}`);
  });

  it('builds the form of a send from the definition read through the editor', async function () {
    assert.ok(client);
    const position = positionOf(flow, ':body "Bye" }', 'text', 1);
    const model = (await client.sendRequest(FormModelRequest, { uri: flow.uri.toString(), position })) as SendFormModel | null;
    assert.ok(model, 'no form model for the last send');
    assert.deepEqual(
      [model.kind, model.integration, model.message, model.definitionUri],
      ['send', 'acme-sms', 'text', vscode.Uri.file(path.join(root, files.definition)).toString()],
    );
    assert.deepEqual(
      model.fields.map((f) => [f.name, f.mandatory, f.options ?? []]),
      [
        ['to', true, []],
        ['body', true, []],
        ['priority', false, ['low', 'normal', 'high']],
      ],
    );
  });
});
