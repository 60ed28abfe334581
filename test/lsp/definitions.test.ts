// The bundled server over stdio, driven by a real LSP client: definition diagnostics (pushed and
// pulled), completion, hover, code actions, settings changes and workspace indexing.
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
import { TestClient, fileUri } from '../support/lspClient';

const definitionText = `{
  "type": "crm",
  "display": "CRM",
  "schema": [
    { "label": "Login", "param": "login" },
    { "label": "Secret", "param": "secret", "type": "password" }
  ],
  "endpoint": {
    "name": "crm",
    "type": "crm",
    "display": "CRM Endpoint",
    "params": ["login", "secret"],
    "sends": { "note": { "text": { "type": "mandatory", "description": "The note" } } }
  }
}
`;

function codes(diagnostics: { code?: number | string }[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

describe('definition files over LSP (push diagnostics)', () => {
  let client: TestClient;
  let workspace: string;
  const uri = () => fileUri(path.join(workspace, 'crm.integration.json'));

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-lsp-'));
    fs.writeFileSync(path.join(workspace, 'crm.integration.json'), definitionText);
    client = await TestClient.start({ rootPath: workspace });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('announces its features', () => {
    const caps = client.initializeResult.capabilities;
    assert.ok(caps.completionProvider && caps.hoverProvider && caps.codeActionProvider && caps.referencesProvider);
    assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client without support');
  });

  it('pushes diagnostics with exact ranges', async () => {
    await client.open(uri(), 'cxengage-integration', definitionText);
    const diagnostics = await client.waitForDiagnostics(uri());
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.source, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['unredacted-secret', 'cxengage', 11, 24, 32]],
    );
  });

  it('offers the quick fix that creates the redact list, keeping the file layout', async () => {
    const diagnostics = await client.waitForDiagnostics(uri());
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri() },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.ok(actions);
    const fix = actions.find((a) => a.title === 'Add `secret` to `endpoint.redact`');
    assert.ok(fix && 'edit' in fix && fix.edit?.changes);
    assert.deepEqual(fix.edit.changes[uri()], [
      {
        range: { start: { line: 12, character: 87 }, end: { line: 12, character: 87 } },
        newText: ',\n    "redact": [ "secret" ]',
      },
    ]);
  });

  it('completes declared params inside redact, and schema keys elsewhere', async () => {
    const text = definitionText.replace('"params": ["login", "secret"],', '"params": ["login", "secret"], "redact": [],');
    await client.replace(uri(), text);
    const line = 11;
    const character = text.split('\n')[line].indexOf('"redact": [') + '"redact": ['.length;
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uri() },
      position: { line, character },
    })) as CompletionList;
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['login', 'secret'],
    );
    const keys = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uri() },
      position: { line: 9, character: 4 },
    })) as CompletionList;
    assert.ok(keys.items.some((i) => i.label === 'static-params'), 'schema-driven key completion');
  });

  it('hovers a param with what the file says of it', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uri() },
      position: { line: 5, character: 38 },
    });
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /param `secret`/);
    assert.match(value, /label "Secret", \*\*password\*\*/);
    assert.match(value, /endpoint: in params, not redacted/);
  });

  it('re-grades diagnostics when settings change', async () => {
    await client.replace(uri(), definitionText);
    await client.waitForDiagnostics(uri(), (d) => d.length === 1);
    await client.changeSettings({ diagnostics: { severity: { 'unredacted-secret': 'off' } } });
    await client.waitForDiagnostics(uri(), (d) => d.length === 0);
    await client.changeSettings({ diagnostics: { severity: { 'unredacted-secret': 'error' } } });
    const regraded = await client.waitForDiagnostics(uri(), (d) => d.length === 1 && d[0].severity === 1);
    assert.equal(regraded[0].code, 'unredacted-secret');
    await client.changeSettings({});
  });

  it('survives broken input and keeps serving other documents', async () => {
    const broken = fileUri(path.join(workspace, 'broken.integration.json'));
    await client.open(broken, 'cxengage-integration', '\u0000\u0001garbage{{{');
    const garbage = await client.waitForDiagnostics(broken);
    assert.deepEqual(codes(garbage), ['not-analysed']);
    await client.replace(broken, '{ "type": ');
    const half = await client.waitForDiagnostics(broken, (d) => d.some((x) => x.code === 'json-syntax'));
    assert.deepEqual(
      half.map((d) => [d.code, d.range.start.character, d.range.end.character]),
      [
        ['schema', 0, 1],
        ['json-syntax', 8, 9],
      ],
    );
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: broken }, position: { line: 0, character: 9 } });
    assert.equal(hover, null);
    await client.replace(uri(), definitionText);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri())), ['unredacted-secret']);
  });

  it('reports a workspace definition overriding a built-in, and a duplicate type, and follows file events', async () => {
    const dupeFile = path.join(workspace, 'crm-copy.integration.json');
    fs.writeFileSync(dupeFile, definitionText.replace('"params": ["login", "secret"],', '"params": ["login", "secret"], "redact": ["secret"],'));
    await client.fileChanged(fileUri(dupeFile), FileChangeType.Created);
    const withDupe = await client.waitForDiagnostics(uri(), (d) => d.some((x) => x.code === 'duplicate-type'));
    assert.deepEqual(codes(withDupe), ['duplicate-type', 'unredacted-secret']);
    fs.rmSync(dupeFile);
    await client.fileChanged(fileUri(dupeFile), FileChangeType.Deleted);
    await client.waitForDiagnostics(uri(), (d) => !d.some((x) => x.code === 'duplicate-type'));

    const twilio = fileUri(path.join(workspace, 'twilio.integration.json'));
    await client.open(twilio, 'cxengage-integration', '{ "type": "twilio" }');
    const overriding = await client.waitForDiagnostics(twilio);
    assert.deepEqual(overriding.map((d) => [d.code, d.severity]), [['duplicate-type', 3]]);
    await client.close(twilio);
  });
});

describe('definition files over LSP (pull diagnostics, pushed settings)', () => {
  let client: TestClient;
  let workspace: string;

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
    assert.ok(client.initializeResult.capabilities.diagnosticProvider);
    const uri = fileUri(path.join(workspace, 'a.integration.json'));
    await client.open(uri, 'cxengage-integration', definitionText);
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    assert.deepEqual(
      report.kind === 'full' && report.items.map((d) => [d.code, d.severity]),
      [['unredacted-secret', 4]],
    );
    assert.equal(client.diagnostics.size, 0, 'nothing is pushed to a pull client');
  });

  it('answers an empty reference list for a position naming nothing', async () => {
    const uri = fileUri(path.join(workspace, 'a.integration.json'));
    const refs = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 0 },
      context: { includeDeclaration: false },
    });
    assert.deepEqual(refs, []);
  });
});

describe('settings over LSP', () => {
  it('reports an unknown setting once, applies the valid rest, and keeps serving', async () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-lsp-'));
    const client = await TestClient.start({
      rootPath: workspace,
      settings: { diagnostics: { severity: { 'no-such-code': 'error', 'unredacted-secret': 'off' } }, maxFileSize: 'big' },
    });
    try {
      const uri = fileUri(path.join(workspace, 'a.integration.json'));
      await client.open(uri, 'cxengage-integration', definitionText);
      const diagnostics = await client.waitForDiagnostics(uri);
      assert.deepEqual(diagnostics, []);
      const warnings = await client.waitFor('two settings warnings', () => (client.messages.length >= 2 ? client.messages : undefined));
      assert.deepEqual(warnings.slice().sort(), [
        'CxEngage: cxengage.diagnostics.severity: unknown diagnostic code "no-such-code" is ignored',
        'CxEngage: cxengage.maxFileSize must be a non-negative number of bytes; using the default',
      ]);
    } finally {
      await client.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
