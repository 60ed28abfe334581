// The bundled server over stdio, driven by a real LSP client: definition diagnostics (pushed and
// pulled), completion, hover, code actions, settings changes and workspace indexing. Each test
// opens or resets the documents it reads, so that any one of them runs alone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionList,
  DocumentDiagnosticRequest,
  FileChangeType,
  HoverRequest,
  MarkupContent,
  ReferencesRequest,
  DocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { messages } from '../../server/src/service/codes';
import { crmDefinition, crmFileName, crmUnredacted, crmWith, writeCrm } from '../support/definitions';
import { compact, rangeIn } from '../support/documents';
import { TestClient, fileUri } from '../support/lspClient';
import { diagnosticsOf } from '../support/service';

const positionIn = (text: string, needle: string, occurrence = 0, after = 0) => {
  const [line, character] = rangeIn(text, needle, occurrence);
  return { line, character: character + after };
};

describe('definition files over LSP (push diagnostics)', () => {
  let client: TestClient;
  let workspace: string;
  const uri = () => fileUri(path.join(workspace, crmFileName));
  /** The crm definition without its endpoint's redact list, open and with its diagnostics pushed. */
  const showUnredacted = async () => {
    await client.show(uri(), 'cxengage-integration', crmUnredacted);
    return client.waitForDiagnostics(uri());
  };

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-lsp-'));
    writeCrm(workspace, crmUnredacted);
    client = await TestClient.start({ rootPath: workspace });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('announces its features', () => {
    assert.deepEqual(client.initializeResult, {
      capabilities: {
        textDocumentSync: 2,
        completionProvider: { triggerCharacters: ['(', ' ', ':', '"', '{', '$', '+'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.cxengage', 'refactor.rewrite', 'refactor.extract'] },
        codeLensProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        semanticTokensProvider: {
          legend: {
            tokenTypes: ['namespace', 'function', 'property', 'variable', 'parameter', 'keyword'],
            tokenModifiers: ['declaration', 'readonly', 'deprecated', 'defaultLibrary', 'unknown'],
          },
          full: true,
          range: true,
        },
        signatureHelpProvider: { triggerCharacters: ['{', ' ', ':'], retriggerCharacters: ['"'] },
        inlayHintProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cxengage-language-server', version: '0.1.0' },
    });
  });

  it('pushes diagnostics with exact ranges', async () => {
    const diagnostics = await showUnredacted();
    assert.deepEqual(compact(diagnostics), [['unredacted-secret', rangeIn(crmUnredacted, '"secret"', 1)]]);
    assert.deepEqual(
      diagnostics.map((d) => [d.source, d.severity, d.message]),
      [['cxengage', 2, messages.unredactedSecret('secret', 'endpoint')]],
    );
  });

  it('offers the quick fix that creates the redact list, keeping the file layout', async () => {
    const diagnostics = await showUnredacted();
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri() },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.deepEqual(
      actions?.map((a) => a.title),
      ['Add `secret` to `endpoint.redact`'],
    );
    const fix = actions?.[0];
    assert.ok(fix && 'edit' in fix && fix.edit?.changes);
    // After the endpoint's last property (its sends map), at the indentation of its keys.
    const end = positionIn(crmUnredacted, '    }\n  },\n  "listener"', 0, 5);
    assert.deepEqual(fix.edit.changes[uri()], [{ range: { start: end, end }, newText: ',\n    "redact": [ "secret" ]' }]);
    // The fixed file is clean.
    const fixed = TextDocument.applyEdits(TextDocument.create(uri(), 'json', 1, crmUnredacted), fix.edit.changes[uri()]);
    assert.deepEqual(await diagnosticsOf(TextDocument.create(uri(), 'json', 2, fixed)), []);
  });

  it('completes declared params inside redact, and schema keys elsewhere', async () => {
    const text = crmWith(['"redact": ["secret"]', '"redact": []']);
    await client.show(uri(), 'cxengage-integration', text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uri() },
      position: positionIn(text, '"redact": [', 0, '"redact": ['.length),
    })) as CompletionList;
    assert.deepEqual(
      list.items.map((i) => [i.label, i.kind, i.detail, i.insertText]),
      [
        ['login', 12, 'Login, from schema', '"login"'],
        ['secret', 12, 'Secret (password), from schema', '"secret"'],
        ['hook-secret', 12, 'Webhook secret (password), from listener.schema', '"hook-secret"'],
      ],
    );
    // On an empty line of an endpoint without redact: the one key it lacks, as a snippet.
    const withoutRedact = crmUnredacted.replace('    "sends": {', '    \n    "sends": {');
    await client.show(uri(), 'cxengage-integration', withoutRedact);
    const keys = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uri() },
      position: positionIn(withoutRedact, '    \n', 0, 4),
    })) as CompletionList;
    assert.deepEqual(
      keys.items.map((i) => [i.label, i.kind, i.insertText ?? i.textEdit?.newText, i.insertTextFormat]),
      [['redact', 10, '"redact": [$1],', 2]],
    );
  });

  it('hovers a param with what the file says of it', async () => {
    await showUnredacted();
    const at = rangeIn(crmUnredacted, '"secret"');
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uri() },
      position: { line: at[0], character: at[1] + 2 },
    });
    assert.ok(hover);
    assert.equal(
      (hover.contents as MarkupContent).value,
      [
        '**param `secret`**',
        '',
        '- configuration form: label "Secret", **password** (masked)',
        '- endpoint: in params, static, not redacted',
        '- listener: not used',
      ].join('\n'),
    );
    assert.deepEqual(hover.range, { start: { line: at[0], character: at[1] }, end: { line: at[2], character: at[3] } });
  });

  it('re-grades diagnostics when settings change', async () => {
    await showUnredacted();
    try {
      await client.changeSettings({ diagnostics: { severity: { 'unredacted-secret': 'off' } } });
      assert.deepEqual(await client.waitForDiagnostics(uri(), (d) => d.length === 0), []);
      await client.changeSettings({ diagnostics: { severity: { 'unredacted-secret': 'error' } } });
      const regraded = await client.waitForDiagnostics(uri(), (d) => d.length === 1 && d[0].severity === 1);
      assert.deepEqual(compact(regraded), [['unredacted-secret', rangeIn(crmUnredacted, '"secret"', 1)]]);
    } finally {
      await client.changeSettings({});
    }
    const restored = await client.waitForDiagnostics(uri(), (d) => d.length === 1 && d[0].severity === 2);
    assert.deepEqual(compact(restored), [['unredacted-secret', rangeIn(crmUnredacted, '"secret"', 1)]]);
  });

  it('survives broken input and keeps serving other documents', async () => {
    const broken = fileUri(path.join(workspace, 'broken.integration.json'));
    await client.show(broken, 'cxengage-integration', '\u0000\u0001garbage{{{');
    assert.deepEqual(compact(await client.waitForDiagnostics(broken)), [['not-analysed', [0, 0, 0, 0]]]);
    await client.replace(broken, '{ "type": ');
    const half = await client.waitForDiagnostics(broken, (d) => d.some((x) => x.code === 'json-syntax'));
    assert.deepEqual(compact(half), [
      ['schema', [0, 0, 0, 1]],
      ['json-syntax', [0, 8, 0, 9]],
    ]);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: broken }, position: { line: 0, character: 9 } });
    assert.equal(hover, null);
    await client.close(broken);
    assert.deepEqual(compact(await showUnredacted()), [['unredacted-secret', rangeIn(crmUnredacted, '"secret"', 1)]]);
  });

  it('reports a workspace definition overriding a built-in, and a duplicate type, and follows file events', async () => {
    await showUnredacted();
    const dupeFile = path.join(workspace, 'crm-copy.integration.json');
    fs.writeFileSync(dupeFile, crmDefinition);
    await client.fileChanged(fileUri(dupeFile), FileChangeType.Created);
    const withDupe = await client.waitForDiagnostics(uri(), (d) => d.some((x) => x.code === 'duplicate-type'));
    assert.deepEqual(compact(withDupe), [
      ['duplicate-type', rangeIn(crmUnredacted, '"crm"')],
      ['unredacted-secret', rangeIn(crmUnredacted, '"secret"', 1)],
    ]);
    assert.equal(withDupe.find((d) => d.code === 'duplicate-type')?.message, messages.duplicateType('crm', 'crm-copy.integration.json'));
    fs.rmSync(dupeFile);
    await client.fileChanged(fileUri(dupeFile), FileChangeType.Deleted);
    const withoutDupe = await client.waitForDiagnostics(uri(), (d) => !d.some((x) => x.code === 'duplicate-type'));
    assert.deepEqual(compact(withoutDupe), [['unredacted-secret', rangeIn(crmUnredacted, '"secret"', 1)]]);

    const twilio = fileUri(path.join(workspace, 'twilio.integration.json'));
    await client.show(twilio, 'cxengage-integration', '{ "type": "twilio" }');
    const overriding = await client.waitForDiagnostics(twilio);
    assert.deepEqual(
      overriding.map((d) => [d.code, d.severity, d.message]),
      [['duplicate-type', 3, messages.overridesBuiltin('twilio')]],
    );
    await client.close(twilio);
  });
});

describe('definition files over LSP (pull diagnostics, pushed settings)', () => {
  let client: TestClient;
  let workspace: string;
  const uri = () => fileUri(path.join(workspace, 'a.integration.json'));

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-lsp-'));
    client = await TestClient.start({
      rootPath: workspace,
      pull: true,
      configuration: false,
      initializationOptions: { settings: { cxengage: { diagnostics: { severity: { 'unredacted-secret': 'hint' } } } } },
    });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('answers textDocument/diagnostic with settings from initializationOptions', async () => {
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'cxengage',
      interFileDependencies: true,
      workspaceDiagnostics: false,
    });
    await client.show(uri(), 'cxengage-integration', crmUnredacted);
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri() } })) as DocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    assert.deepEqual(
      report.kind === 'full' && report.items.map((d) => [d.code, d.severity, compact([d])[0][1]]),
      [['unredacted-secret', 4, rangeIn(crmUnredacted, '"secret"', 1)]],
    );
    assert.equal(client.diagnostics.size, 0, 'nothing is pushed to a pull client');
  });

  it('answers an empty reference list for a position naming nothing', async () => {
    await client.show(uri(), 'cxengage-integration', crmUnredacted);
    const refs = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uri() },
      position: { line: 0, character: 0 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(refs, []);
  });
});

describe('settings over LSP', () => {
  it('reports an unknown setting once, applies the valid rest, and keeps serving', async () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-lsp-'));
    const settings = { diagnostics: { severity: { 'no-such-code': 'error', 'unredacted-secret': 'off' } }, maxFileSize: 'big' };
    await TestClient.session({ rootPath: workspace, settings }, async (client) => {
      const uri = fileUri(path.join(workspace, 'a.integration.json'));
      await client.open(uri, 'cxengage-integration', crmUnredacted);
      const diagnostics = await client.waitForDiagnostics(uri);
      assert.deepEqual(diagnostics, []);
      const warnings = await client.waitFor('two settings warnings', () => (client.messages.length >= 2 ? client.messages : undefined));
      assert.deepEqual(warnings.slice().sort(), [
        'CxEngage: cxengage.diagnostics.severity: unknown diagnostic code "no-such-code" is ignored',
        'CxEngage: cxengage.maxFileSize must be a non-negative number of bytes; using the default',
      ]);
    });
    fs.rmSync(workspace, { recursive: true, force: true });
  });
});
