// A new user's first hour, inside a real VS Code with its defaults (Restricted Mode on a folder
// opened for the first time, word-based suggestions on): the editor set-up the extension brings,
// read-only built-in definitions, the nested outline, did-you-mean fixes and enum hovers, the
// troubleshooting commands and the walkthrough's examples.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, cxengageDiagnostics, waitFor, waitForDiagnostics, waitForHovers, waitForPreview } from './waits';
import { expectedDiagnostics } from '../expectations';
import { files, fileUri, hoverText, openDocument, positionOf, revert, showDocument, workspaceFolder } from './workspace';

const extensionId = 'cxengage.cxengage-language-tools';
const firstAnswerMs = 45_000;

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(extensionId);
  assert.ok(found, `extension ${extensionId} is not installed in this editor`);
  return found;
}

async function definitionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Location[]> {
  return waitFor(
    `a definition target at ${position.line + 1}:${position.character + 1} of ${uri.path.split('/').pop()}`,
    async () => {
      const answer = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, position);
      const locations = answer.map((l) => ('targetUri' in l ? new vscode.Location(l.targetUri, l.targetSelectionRange ?? l.targetRange) : l));
      return locations.length > 0 ? locations : undefined;
    },
    { timeoutMs: firstAnswerMs },
  );
}

/** An outline as `name [children]` strings. */
function outline(symbols: readonly vscode.DocumentSymbol[]): string[] {
  return symbols.map((s) => (s.children.length > 0 ? `${s.name} [${outline(s.children).join(', ')}]` : s.name));
}

describe('a first hour with CxEngage Language Tools', function () {
  this.timeout(90_000);

  before(async function () {
    await extension().activate();
    const doc = await openDocument(files.flow);
    await showDocument(files.flow);
    await waitForDiagnostics(doc.uri, expectedDiagnostics.flow, firstAnswerMs);
  });

  afterEach(async function () {
    for (const doc of vscode.workspace.textDocuments) await revert(doc);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('nothing to configure', function () {
    it('works in Restricted Mode, where a folder opened for the first time lands', function () {
      assert.equal(vscode.workspace.isTrusted, false, 'the suite must run in Restricted Mode, as a new user does');
      assert.ok(extension().isActive);
    });

    it('sets up the three languages: no word suggestions, two-space indentation, coloured bracket pairs', function () {
      for (const languageId of ['cxflow', 'cxengage-integration', 'cxengage-pattern']) {
        const editor = vscode.workspace.getConfiguration('editor', { languageId });
        assert.equal(editor.get('wordBasedSuggestions'), 'off', languageId);
        assert.equal(editor.get('tabSize'), 2, languageId);
        assert.equal(editor.get('insertSpaces'), true, languageId);
        assert.equal(editor.get('bracketPairColorization.enabled'), true, languageId);
      }
      // The editor's own default stays for other languages.
      assert.notEqual(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordBasedSuggestions'), 'off');
    });

    it('indents a new flow by two spaces, and Enter after an open form indents the next line', async function () {
      const doc = await vscode.workspace.openTextDocument({ language: 'cxflow', content: ';; Then\n(seq)' });
      const editor = await vscode.window.showTextDocument(doc);
      assert.deepEqual([editor.options.tabSize, editor.options.insertSpaces], [2, true]);
      try {
        const afterSeq = new vscode.Position(1, '(seq'.length);
        editor.selection = new vscode.Selection(afterSeq, afterSeq);
        await vscode.commands.executeCommand('type', { text: '\n' });
        assert.equal(doc.getText(), ';; Then\n(seq\n  )');
        await vscode.commands.executeCommand('type', { text: '(delay 5 minutes)\n' });
        assert.equal(doc.getText(), ';; Then\n(seq\n  (delay 5 minutes)\n  )');
      } finally {
        await revert(doc);
      }
    });
  });

  describe('built-in definitions', function () {
    it('opens a built-in definition read-only under its own scheme, with the text the extension ships', async function () {
      const flow = await openDocument(files.flow);
      const [target] = await definitionsAt(flow.uri, positionOf(flow, '(send twilio sms', 'twilio', 2));
      assert.equal(target.uri.toString(), 'cxengage-builtin:/twilio.integration.json');
      const doc = await vscode.workspace.openTextDocument(target.uri);
      assert.equal(doc.languageId, 'cxengage-integration');
      const shipped = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension().extensionUri, 'schemas', 'builtin', 'twilio.integration.json'));
      assert.equal(doc.getText(), new TextDecoder().decode(shipped));
      assert.match(doc.lineAt(target.range.start.line).text, /"type"/);
      // Typing goes through the editor, as a user's keys do: a read-only editor takes none of it.
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(1, 2, 1, 2);
      await vscode.commands.executeCommand('type', { text: '"stray": 1,' });
      assert.equal(doc.getText(), new TextDecoder().decode(shipped), 'a built-in definition must not be editable');
      assert.equal(doc.isDirty, false);
      // Its own features work there too: no problem in a built-in, and hover on its keys.
      await waitFor('the built-in definition to be checked', () => (vscode.languages.getDiagnostics(doc.uri).length === 0 ? true : undefined));
    });

    it('includes the declaration in references, found from a use in a flow', async function () {
      const flow = await openDocument(files.flow);
      const at = positionOf(flow, ':body "Bye" }', 'text', 1);
      const locations = await waitFor(
        'references to acme-sms text from the flow',
        async () => {
          const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', flow.uri, at);
          return found.length > 0 ? found : undefined;
        },
        { timeoutMs: firstAnswerMs },
      );
      const definition = await openDocument(files.definition);
      const declaration = positionOf(definition, '"text"', '"text"');
      assert.ok(
        locations.some((l) => l.uri.path.endsWith(`/${files.definition}`) && l.range.start.isEqual(declaration)),
        `no declaration among ${locations.map((l) => `${l.uri.path.split('/').pop()}:${l.range.start.line}`).join(', ')}`,
      );
      assert.deepEqual(
        [...new Set(locations.filter((l) => l.uri.path.endsWith(`/${files.flow}`)).map((l) => l.range.start.line))].sort((a, b) => a - b),
        [8, 9, 16],
      );
    });
  });

  describe('reading a flow', function () {
    it('outlines the When and Then parts with the sends nested in them', async function () {
      const doc = await openDocument(files.flow);
      const symbols = await waitFor(
        'document symbols of the flow',
        async () => {
          const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
          return found && found.length > 0 ? found : undefined;
        },
        { timeoutMs: firstAnswerMs },
      );
      const sends = doc
        .getText()
        .split('\n')
        .flatMap((line) => /\((send|await) ([\w-]+) ([\w-]+)/.exec(line)?.slice(1, 4).join(' ') ?? []);
      assert.deepEqual(outline(symbols), ['When', `Then [${sends.join(', ')}]`]);
    });

    it('shows the values of an enum field on hover over a value', async function () {
      const doc = await openDocument(files.flow);
      const hovers = await waitForHovers(doc.uri, positionOf(doc, '"hihg"', 'hihg'), 'a hover on "hihg"', firstAnswerMs);
      assert.match(hoverText(hovers), /`"hihg"` is not a value of `priority` in `acme-sms text`\n\nValues: `"low"`, `"normal"`, `"high"`/);
    });
  });

  describe('did-you-mean in definitions', function () {
    it('changes a misspelt static-params entry to the param it means', async function () {
      const doc = await openDocument(files.definition);
      await showDocument(files.definition);
      await waitForDiagnostics(doc.uri, expectedDiagnostics.definition, firstAnswerMs);
      const unknown = cxengageDiagnostics(doc.uri).find((d) => codeOf(d) === 'unknown-param');
      assert.ok(unknown);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === 'Change to `password`');
      assert.ok(fix?.edit, `no "Change to \`password\`" among [${actions.map((a) => a.title).join(' | ')}]`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(doc.lineAt(unknown.range.start.line).text, /"static-params": \[ "account", "password" \]/);
      await waitForDiagnostics(doc.uri, expectedDiagnostics.definition.filter((k) => k !== '13:unknown-param'));
    });
  });

  describe('previews that follow', function () {
    it('keeps the send form on the last send past it, and follows another flow made active', async function () {
      const flow = await showDocument(files.flow);
      const end = new vscode.Position(flow.document.lineCount - 1, 0);
      flow.selection = new vscode.Selection(end, end);
      await vscode.commands.executeCommand('cxengage.previewSendForm');
      await waitForPreview('Send Form: acme-sms text');
      const pattern = await showDocument(files.pattern);
      pattern.selection = new vscode.Selection(0, 0, 0, 0);
      await waitForPreview('Send Form: salesforce task');
    });

    it('follows the definition made active, a built-in one too', async function () {
      await showDocument(files.definition);
      await vscode.commands.executeCommand('cxengage.previewIntegrationForm');
      await waitForPreview('Form: Acme SMS');
      await vscode.window.showTextDocument(vscode.Uri.parse('cxengage-builtin:/twilio.integration.json'), { viewColumn: vscode.ViewColumn.One });
      await waitForPreview('Form: Twilio');
    });

    it('turns the Preview form lenses and the Run lenses off, each with its own setting', async function () {
      const doc = await openDocument(files.flow);
      const lensCommands = async () =>
        [...new Set((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)).map((l) => l.command?.command))].sort();
      const both = ['cxengage.previewSendForm', 'cxengage.runPattern'];
      await waitFor('both kinds of code lens on the flow', async () => (JSON.stringify(await lensCommands()) === JSON.stringify(both) ? true : undefined), { timeoutMs: firstAnswerMs });
      const previews = vscode.workspace.getConfiguration('cxengage.previews');
      const simulation = vscode.workspace.getConfiguration('cxengage.simulation');
      await previews.update('codeLens', false, vscode.ConfigurationTarget.Global);
      try {
        assert.deepEqual(await lensCommands(), ['cxengage.runPattern']);
        await simulation.update('codeLens', false, vscode.ConfigurationTarget.Global);
        assert.deepEqual(await lensCommands(), []);
      } finally {
        await previews.update('codeLens', undefined, vscode.ConfigurationTarget.Global);
        await simulation.update('codeLens', undefined, vscode.ConfigurationTarget.Global);
      }
      assert.deepEqual(await lensCommands(), both);
    });
  });

  describe('troubleshooting', function () {
    it('restarts the server on command, and it checks again', async function () {
      const commands = await vscode.commands.getCommands(true);
      for (const command of ['cxengage.restartServer', 'cxengage.showOutput']) assert.ok(commands.includes(command), command);
      await vscode.commands.executeCommand('cxengage.showOutput');
      await vscode.commands.executeCommand('cxengage.restartServer');
      const flow = await openDocument(files.flow);
      await showDocument(files.flow);
      await waitForDiagnostics(flow.uri, expectedDiagnostics.flow, firstAnswerMs);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', flow.uri, positionOf(flow, '"hihg"', 'hihg'));
      assert.ok(hovers.length > 0, 'the restarted server answers');
    });
  });

  describe('the walkthrough', function () {
    // The copies would add the examples' definitions to the workspace of the tests after these.
    let copies: vscode.Uri[] = [];
    afterEach(async function () {
      for (const copy of copies) await vscode.workspace.fs.delete(copy, { recursive: true });
      copies = [];
    });

    it('copies the examples into the workspace and opens a flow beside its send form', async function () {
      const copy = await vscode.commands.executeCommand<vscode.Uri | undefined>('cxengage.openExamples', workspaceFolder().uri);
      assert.ok(copy);
      copies.push(copy);
      assert.equal(copy.toString(), fileUri('cxengage-examples').toString());
      const names = async (root: vscode.Uri) => (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, 'flows'))).map(([name]) => name).sort();
      const shipped = await names(vscode.Uri.joinPath(extension().extensionUri, 'examples'));
      assert.ok(shipped.includes('escalations.cxflow'), `the package ships no examples/flows/escalations.cxflow: [${shipped.join(', ')}]`);
      assert.deepEqual(await names(copy), shipped);
      assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /\/cxengage-examples\/flows\/escalations\.cxflow$/);
      await waitForPreview('Send Form: salesforce task');
      const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('cxengage.openExamples', workspaceFolder().uri);
      if (again) copies.push(again);
      assert.equal(again?.toString(), fileUri('cxengage-examples-2').toString(), 'a second copy never overwrites the first');
      const flow = (await showDocument('cxengage-examples/flows/mistakes.cxflow')).document;
      await waitFor('the copied examples to be checked', () => (cxengageDiagnostics(flow.uri).length > 0 ? true : undefined), { timeoutMs: firstAnswerMs });
    });
  });
});
