// The form previews inside a real VS Code: the code lens above each send opens that send's form,
// the send panel follows the cursor, and the integration panel follows unsaved edits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, waitForPreview } from './waits';
import { files, positionOf, revert, showDocument } from './workspace';

/** The first language-server answer can wait for the server to start and read the built-ins. */
const firstAnswerMs = 45_000;

describe('form previews in VS Code', function () {
  this.timeout(90_000);

  afterEach(async function () {
    for (const doc of vscode.workspace.textDocuments) await revert(doc);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('puts a "Preview form" lens above each send; the lens opens that send and the panel follows the cursor', async function () {
    const editor = await showDocument(files.flow);
    const lenses = await waitFor(
      'code lenses on the flow',
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
        // The Run lens above the pattern has its own suite (simulation.test.ts).
        const previews = found?.filter((l) => l.command?.command !== 'cxengage.runPattern');
        return previews && previews.length > 0 ? previews : undefined;
      },
      { timeoutMs: firstAnswerMs },
    );
    const sendLines = editor.document
      .getText()
      .split('\n')
      .flatMap((text, line) => (/\((send|await) /.test(text) ? [line] : []));
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
      sendLines.map((line) => [line, 'Preview form', 'cxengage.previewSendForm']),
    );

    const call = lenses.find((l) => editor.document.lineAt(l.range.start.line).text.includes('(send twilio call'));
    assert.ok(call?.command?.arguments, 'a lens on the twilio call send');
    // eslint-disable-next-line no-restricted-syntax -- a command's own few arguments, as the editor passes them
    await vscode.commands.executeCommand(call.command.command, ...call.command.arguments);
    await waitForPreview('Send Form: twilio call');

    const flow = await showDocument(files.flow);
    const at = positionOf(flow.document, '(send echo messages', 'messages');
    flow.selection = new vscode.Selection(at, at);
    await waitForPreview('Send Form: echo messages');
  });

  it('opens the active definition\'s form and re-renders it on unsaved edits', async function () {
    const editor = await showDocument(files.definition);
    await vscode.commands.executeCommand('cxengage.previewIntegrationForm');
    await waitForPreview('Form: Acme SMS');
    const display = positionOf(editor.document, '"display": "Acme SMS"', 'Acme SMS');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(editor.document.uri, new vscode.Range(display, display.translate(0, 'Acme SMS'.length)), 'Acme Texts');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(editor.document.isDirty, 'the edit is unsaved');
    await waitForPreview('Form: Acme Texts');
  });
});
