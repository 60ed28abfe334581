// Format Document in a real VS Code, as a user runs it on a definition, a flow and a payload
// written carelessly: the editor finds our formatter for each language and applies its layout.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './waits';
import { files, revert, showDocument } from './workspace';

const extensionId = 'cxengage.cxengage-language-tools';

/** The first answer can wait for the language server to start. */
const firstAnswerMs = 45_000;

async function replaceText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `the editor refused to edit ${doc.uri.path}`);
}

/** Shows `name` holding `careless`, runs Format Document on it and waits for the text to change. */
async function formatDocument(name: string, careless: string): Promise<string> {
  const editor = await showDocument(name);
  editor.options = { tabSize: 2, insertSpaces: true };
  await replaceText(editor.document, careless);
  // Until the server answers, Format Document does nothing; it is run again until it has.
  return waitFor(
    `Format Document to change ${name} (is a formatter registered for ${editor.document.languageId}?)`,
    async () => {
      await vscode.commands.executeCommand('editor.action.formatDocument');
      const text = editor.document.getText();
      return text === careless ? undefined : text;
    },
    { timeoutMs: firstAnswerMs, intervalMs: 500 },
  );
}

describe('Format Document in VS Code', function () {
  this.timeout(90_000);

  before(async function () {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not installed in this editor`);
    await extension.activate();
  });

  afterEach(async function () {
    for (const doc of vscode.workspace.textDocuments) await revert(doc);
  });

  // The workbench tests that follow expect the editor as the suite found it.
  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('formats a definition with the JSON layout', async function () {
    const text = await formatDocument(files.definition, '{"type":"acme-sms","display":"Acme SMS","endpoint":{"params":["account"]}}');
    assert.equal(text, '{\n  "type": "acme-sms",\n  "display": "Acme SMS",\n  "endpoint": {\n    "params": [\n      "account"\n    ]\n  }\n}');
  });

  it('formats a flow with Lisp indentation', async function () {
    const text = await formatDocument(files.flow, ';; Then\n(seq\n(send acme-sms text {:to *phone-number*\n:body "Hi"}\n(retries 2))\n    (delay 5 minutes)   )\n');
    assert.equal(text, ';; Then\n(seq\n  (send acme-sms text {:to *phone-number*\n                       :body "Hi"}\n        (retries 2))\n  (delay 5 minutes))\n');
  });

  it('formats a payload, and the flow code inside its strings', async function () {
    const text = await formatDocument(files.pattern, '{"name": "p", "status": true, "when": "( event )", "then": "(seq\\n(delay 5 minutes)\\n(delay 1 hours))"}');
    assert.equal(text, '{\n  "name": "p",\n  "status": true,\n  "when": "(event)",\n  "then": "(seq\\n  (delay 5 minutes)\\n  (delay 1 hours))"\n}');
  });
});
