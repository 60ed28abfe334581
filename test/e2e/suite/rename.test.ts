// Rename in a real VS Code: a message renamed from where a flow sends it, through the editor's
// rename commands, changes its key in the definition and every send of it in two flows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './waits';
import { fileUri, files, openDocument, positionOf, revert, showDocument } from './workspace';

const extensionId = 'cxengage.cxengage-language-tools';

/** The first answer can wait for the language server to start and read the workspace. */
const firstAnswerMs = 45_000;

/** A second flow that sends the message, written for this test and removed after it. */
const reminders = 'reminders.cxflow';
const remindersText = ';; Then\n(send acme-sms text {:to *phone-number* :body "Your appointment is tomorrow"})\n';

describe('Rename in VS Code', function () {
  this.timeout(90_000);

  before(async function () {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not installed in this editor`);
    await extension.activate();
    await vscode.workspace.fs.writeFile(fileUri(reminders), Buffer.from(remindersText));
  });

  after(async function () {
    for (const doc of vscode.workspace.textDocuments) await revert(doc);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fileUri(reminders));
  });

  it('renames a message across its definition and two flows', async function () {
    const before = {
      definition: (await openDocument(files.definition)).getText(),
      flow: (await openDocument(files.flow)).getText(),
    };
    const editor = await showDocument(files.flow);
    // The cursor on `text` of the first send of acme-sms.
    const position = positionOf(editor.document, '"We missed your call"', 'text', 1);
    const prepared = await waitFor(
      'prepareRename to answer for the message',
      async () => {
        try {
          return await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', editor.document.uri, position);
        } catch {
          return undefined;
        }
      },
      { timeoutMs: firstAnswerMs, intervalMs: 500 },
    );
    assert.equal(prepared.placeholder, 'text');
    assert.equal(editor.document.getText(prepared.range), 'text');
    // The new file is known once the watcher told the server of it: until then only two files change.
    const edit = await waitFor(
      'rename to reach the definition and both flows',
      async () => {
        const found = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, position, 'sms-text');
        return found !== undefined && found.entries().length === 3 ? found : undefined;
      },
      { timeoutMs: firstAnswerMs, intervalMs: 500 },
    );
    assert.ok(await vscode.workspace.applyEdit(edit), 'the editor refused the rename');
    assert.equal((await openDocument(files.definition)).getText(), before.definition.replace('"text": {', '"sms-text": {'));
    assert.equal((await openDocument(files.flow)).getText(), before.flow.replace(/send acme-sms text /g, 'send acme-sms sms-text '));
    assert.equal((await openDocument(reminders)).getText(), remindersText.replace('acme-sms text', 'acme-sms sms-text'));
  });
});
