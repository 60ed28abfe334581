// The extension inside a real VS Code: activation, diagnostics, completion, hover,
// navigation, quick fixes, re-grading after a definition edit, and the form previews.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectedDiagnostics } from '../expectations';
import { codeOf, cxengageDiagnostics, waitFor, waitForDiagnostics, waitForHovers } from './waits';
import {
  completionLabel,
  files,
  hoverText,
  openDocument,
  positionOf,
  revert,
  showDocument,
  webviewTabs,
} from './workspace';

const extensionId = 'cxengage.cxengage-language-tools';

const expected = expectedDiagnostics;

/** The first language-server answer can wait for the server to start and read the built-ins. */
const firstAnswerMs = 45_000;

describe('CxEngage Language Tools in VS Code', function () {
  this.timeout(90_000);

  before(async function () {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not installed in this editor`);
    // Activation starts the language server and waits for its answer to `initialize`.
    await extension.activate().then(undefined, (err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(
        `extension ${extensionId} failed to activate while it waited for its language server (dist/server.js) to start: ${reason} (see the "CxEngage Language Server" output)`,
      );
    });
    assert.ok(extension.isActive, `extension ${extensionId} did not activate`);
    // One bounded wait for the server's first answer, so that a server that never starts
    // fails here once instead of in every test.
    const doc = await openDocument(files.definition);
    await showDocument(files.definition);
    await waitFor(
      `any cxengage diagnostic on ${files.definition}: the language server (dist/server.js) published nothing (did it start? see the "CxEngage Language Server" output)`,
      () => (cxengageDiagnostics(doc.uri).length > 0 ? true : undefined),
      { timeoutMs: firstAnswerMs },
    );
  });

  after(async function () {
    for (const doc of vscode.workspace.textDocuments) await revert(doc);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('diagnostics', function () {
    it('gives the definition file its language and its mistakes', async function () {
      const doc = await openDocument(files.definition);
      assert.equal(doc.languageId, 'cxengage-integration');
      await showDocument(files.definition);
      const diagnostics = await waitForDiagnostics(doc.uri, expected.definition, firstAnswerMs);
      const unknownParam = diagnostics.find((d) => codeOf(d) === 'unknown-param');
      assert.equal(doc.getText(unknownParam?.range).replace(/"/g, ''), 'pasword');
    });

    it('checks the flow against the workspace definition and the built-ins', async function () {
      const doc = await openDocument(files.flow);
      assert.equal(doc.languageId, 'cxflow');
      await showDocument(files.flow);
      const diagnostics = await waitForDiagnostics(doc.uri, expected.flow, firstAnswerMs);
      const enumValue = diagnostics.find((d) => codeOf(d) === 'invalid-enum-value');
      assert.equal(doc.getText(enumValue?.range), '"hihg"');
      const unit = diagnostics.find((d) => codeOf(d) === 'unknown-unit');
      assert.equal(doc.getText(unit?.range), 'minuts');
    });

    it('checks the flow code inside a pattern file', async function () {
      const doc = await openDocument(files.pattern);
      assert.equal(doc.languageId, 'cxengage-pattern');
      await showDocument(files.pattern);
      const [enumValue] = await waitForDiagnostics(doc.uri, expected.pattern, firstAnswerMs);
      assert.match(doc.getText(enumValue.range), /^(\\")?Urgent(\\")?$/);
    });
  });

  describe('editing features', function () {
    it('completes the fields a params map still lacks', async function () {
      const doc = await openDocument(files.flow);
      const position = positionOf(doc, ':body "Bye" }', '}');
      const list = await completions(doc.uri, position, 'field completion in the last acme-sms send');
      const labels = list.items.map(completionLabel);
      assert.ok(labels.some((l) => /^:?priority$/.test(l)), `no priority field among [${labels.join(', ')}]`);
      assert.ok(!labels.some((l) => /^:?(to|body)$/.test(l)), `fields already present are offered: [${labels.join(', ')}]`);
    });

    it('completes integration names after send', async function () {
      const doc = await openDocument(files.flow);
      const position = positionOf(doc, ':body "Bye" }', 'acme-sms');
      const list = await completions(doc.uri, position, 'integration completion after (send');
      const labels = list.items.map(completionLabel);
      for (const name of ['acme-sms', 'twilio', 'echo'])
        assert.ok(labels.includes(name), `no ${name} among [${labels.join(', ')}]`);
    });

    it('shows the field table of a message on hover', async function () {
      const doc = await openDocument(files.flow);
      const position = positionOf(doc, ':body "Bye" }', 'text', 1);
      const text = hoverText(await waitForHovers(doc.uri, position, 'a hover on the message type `text`', firstAnswerMs));
      for (const field of ['to', 'body', 'priority']) assert.ok(text.includes(field), `hover lacks ${field}:\n${text}`);
      assert.match(text, /mandatory/i);
      assert.match(text, /\|/, `hover has no table:\n${text}`);
    });

    it('goes to the workspace definition and to a built-in one', async function () {
      const flow = await openDocument(files.flow);
      const definition = await openDocument(files.definition);
      const onWorkspace = await definitions(flow.uri, positionOf(flow, ':body "Bye" }', 'acme-sms', 2));
      assert.ok(onWorkspace.some((l) => l.uri.path.endsWith(`/${files.definition}`)), `targets: ${show(onWorkspace)}`);

      const onMessage = await definitions(flow.uri, positionOf(flow, ':body "Bye" }', 'text', 1));
      const textLine = positionOf(definition, '"text"', '"text"').line;
      assert.ok(
        onMessage.some((l) => l.uri.path.endsWith(`/${files.definition}`) && l.range.start.line === textLine),
        `expected line ${textLine} of ${files.definition}; targets: ${show(onMessage)}`,
      );

      const onBuiltin = await definitions(flow.uri, positionOf(flow, '(send twilio sms', 'twilio', 2));
      assert.ok(onBuiltin.some((l) => l.uri.path.endsWith('/twilio.integration.json')), `targets: ${show(onBuiltin)}`);
    });

    it('finds the flows that send a message of the definition', async function () {
      const definition = await openDocument(files.definition);
      const position = positionOf(definition, '"text"', 'text');
      const found = await waitFor(
        'references to the acme-sms `text` message',
        async () => {
          const locations = await vscode.commands.executeCommand<vscode.Location[]>(
            'vscode.executeReferenceProvider',
            definition.uri,
            position,
          );
          const lines = locations.filter((l) => l.uri.path.endsWith(`/${files.flow}`)).map((l) => l.range.start.line);
          return lines.length > 0 ? lines : undefined;
        },
        { timeoutMs: firstAnswerMs },
      );
      assert.deepEqual([...new Set(found)].sort((a, b) => a - b), [8, 9, 16]);
    });
  });

  describe('quick fixes', function () {
    it('replaces an invalid enum value with the close one', async function () {
      const doc = await openDocument(files.flow);
      await showDocument(files.flow);
      await waitForDiagnostics(doc.uri, expected.flow, firstAnswerMs);
      const diagnostic = cxengageDiagnostics(doc.uri).find((d) => codeOf(d) === 'invalid-enum-value');
      assert.ok(diagnostic);
      const fix = await quickFix(doc.uri, diagnostic.range, /high/);
      await applyAction(fix);
      assert.equal(doc.lineAt(8).text.includes(':priority "high"'), true, doc.lineAt(8).text);
      await waitForDiagnostics(doc.uri, expected.flow.filter((k) => k !== '8:invalid-enum-value'));
      await revert(doc);
      await waitForDiagnostics(doc.uri, expected.flow);
    });

    it('adds an unredacted secret to the redact list', async function () {
      const doc = await openDocument(files.definition);
      await showDocument(files.definition);
      await waitForDiagnostics(doc.uri, expected.definition, firstAnswerMs);
      const diagnostic = cxengageDiagnostics(doc.uri).find((d) => codeOf(d) === 'unredacted-secret');
      assert.ok(diagnostic);
      const fix = await quickFix(doc.uri, diagnostic.range, /redact/);
      await applyAction(fix);
      assert.match(doc.getText(), /"redact"\s*:\s*\[[^\]]*"password"/);
      await waitForDiagnostics(doc.uri, expected.definition.filter((k) => k !== '12:unredacted-secret'));
      await revert(doc);
      await waitForDiagnostics(doc.uri, expected.definition);
    });
  });

  describe('the definition index follows unsaved edits', function () {
    it('re-grades an open flow when a workspace definition changes', async function () {
      const definition = await openDocument(files.definition);
      const flow = await openDocument(files.flow);
      await showDocument(files.flow);
      await waitForDiagnostics(flow.uri, expected.flow, firstAnswerMs);

      const edit = new vscode.WorkspaceEdit();
      const afterText = positionOf(definition, '"text"', '{', 1);
      edit.insert(definition.uri, afterText, '\n        "channel": { "type": "optional", "description": "sms or mms" },');
      assert.ok(await vscode.workspace.applyEdit(edit), 'the editor refused the edit of the definition');
      assert.ok(definition.isDirty, 'the definition edit should stay unsaved');
      await waitForDiagnostics(flow.uri, expected.flow.filter((k) => k !== '9:unknown-field'));

      await revert(definition);
      await showDocument(files.flow);
      await waitForDiagnostics(flow.uri, expected.flow);
    });
  });

  describe('form previews', function () {
    it('opens the integration form of the active definition', async function () {
      await showDocument(files.definition);
      const before = webviewTabs().length;
      await vscode.commands.executeCommand('cxengage.previewIntegrationForm');
      await waitFor('a webview tab from cxengage.previewIntegrationForm', () => (webviewTabs().length > before ? true : undefined), {
        timeoutMs: 15_000,
        describeLast: () => tabSummary(),
      });
    });

    it('opens the send form of the send under the cursor', async function () {
      const editor = await showDocument(files.flow);
      const position = positionOf(editor.document, ':body "Bye" }', 'text', 1);
      editor.selection = new vscode.Selection(position, position);
      const before = webviewTabs().length;
      await vscode.commands.executeCommand('cxengage.previewSendForm');
      await waitFor('a webview tab from cxengage.previewSendForm', () => (webviewTabs().length > before ? true : undefined), {
        timeoutMs: 15_000,
        describeLast: () => tabSummary(),
      });
    });
  });
});

async function completions(uri: vscode.Uri, position: vscode.Position, what: string): Promise<vscode.CompletionList> {
  return waitFor(
    what,
    async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      return list.items.length > 0 ? list : undefined;
    },
    { timeoutMs: firstAnswerMs },
  );
}

async function definitions(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Location[]> {
  return waitFor(
    `a definition target from line ${position.line + 1}, column ${position.character + 1} of ${uri.path.split('/').pop()}`,
    async () => {
      const answer = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        uri,
        position,
      );
      const locations = answer.map((l) => ('targetUri' in l ? new vscode.Location(l.targetUri, l.targetSelectionRange ?? l.targetRange) : l));
      return locations.length > 0 ? locations : undefined;
    },
    { timeoutMs: firstAnswerMs },
  );
}

async function quickFix(uri: vscode.Uri, range: vscode.Range, title: RegExp): Promise<vscode.CodeAction> {
  let seen: string[] = [];
  return waitFor(
    `a quick fix matching ${title} on line ${range.start.line + 1} of ${uri.path.split('/').pop()}`,
    async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        range,
        vscode.CodeActionKind.QuickFix.value,
      );
      seen = actions.map((a) => a.title);
      return actions.find((a) => title.test(a.title));
    },
    { timeoutMs: firstAnswerMs, describeLast: () => `[${seen.join(' | ')}]` },
  );
}

async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `quick fix "${action.title}" has neither an edit nor a command`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the editor refused the edit of "${action.title}"`);
  // eslint-disable-next-line no-restricted-syntax -- a command's own few arguments, as the editor passes them
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

function show(locations: readonly vscode.Location[]): string {
  return locations.map((l) => `${l.uri.toString()}:${l.range.start.line}`).join(', ') || 'none';
}

function tabSummary(): string {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .map((t) => `${t.label} (${t.input?.constructor.name ?? 'unknown'})`)
    .join(', ');
}
