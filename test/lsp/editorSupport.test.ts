// What the server does for an editor's comfort, over stdio: built-in definitions under their own
// read-only scheme for a client that asks, diagnostics of files not opened yet (restored tabs),
// references that include the declaration, the status request and the start-up log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DefinitionRequest,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  FileChangeType,
  Location,
  ReferencesRequest,
} from 'vscode-languageserver-protocol/node';
import { BuiltinDefinitionRequest, FormModelRequest, IntegrationListRequest, StatusRequest, builtinScheme } from '../../server/src/protocol';
import { TestClient, fileUri, repoRoot } from '../support/lspClient';

const definition = `{
  "type": "crm",
  "display": "CRM",
  "endpoint": {
    "name": "crm", "type": "crm", "display": "CRM Endpoint",
    "sends": { "note": { "text": { "type": "mandatory" } } }
  }
}
`;

const flow = `(seq
  (send crm note {:text "hello"})
  (send twilio sms {:to-phone-number *phone*}))
`;

const packageVersion = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const twilioFile = path.join(repoRoot, 'schemas', 'builtin', 'twilio.integration.json');

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function where(locations: Location[]): string[] {
  return locations.map((l) => `${path.basename(l.uri)}:${l.range.start.line}:${l.range.start.character}`);
}

describe('editor support over LSP', () => {
  let workspace: string;
  const defUri = () => fileUri(path.join(workspace, 'crm.integration.json'));
  const flowUri = () => fileUri(path.join(workspace, 'main.cxflow'));

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-editor-'));
    fs.writeFileSync(path.join(workspace, 'crm.integration.json'), definition);
    fs.writeFileSync(path.join(workspace, 'main.cxflow'), flow);
    fs.writeFileSync(path.join(workspace, 'restored.cxflow'), '(send crm note {:txet "typo"})\n');
  });
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  describe('a client that shows built-in definitions read-only', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ rootPath: workspace, pull: true, initializationOptions: { builtinScheme } });
      await client.open(flowUri(), 'cxflow', flow);
    });
    after(() => client.stop());

    const twilioUri = `${builtinScheme}:/twilio.integration.json`;

    it('goes to a built-in definition under the built-in scheme, and gets its text from the server', async () => {
      const [target, ...rest] = (await client.connection.sendRequest(DefinitionRequest.type, {
        textDocument: { uri: flowUri() },
        position: { line: 2, character: 10 },
      })) as Location[];
      assert.equal(rest.length, 0);
      assert.equal(target.uri, twilioUri);
      const text = await client.connection.sendRequest(BuiltinDefinitionRequest, { uri: twilioUri });
      assert.equal(text, fs.readFileSync(twilioFile, 'utf8'));
      const typeLine = text?.split('\n').findIndex((l) => l.includes('"type"'));
      assert.equal(target.range.start.line, typeLine);
      assert.equal(await client.connection.sendRequest(BuiltinDefinitionRequest, { uri: fileUri(twilioFile) }), null);
      assert.equal(await client.connection.sendRequest(BuiltinDefinitionRequest, { uri: defUri() }), null);
    });

    it('lists and previews built-in integrations under the scheme', async () => {
      const list = await client.connection.sendRequest(IntegrationListRequest, { uri: flowUri() });
      assert.deepEqual(
        list.filter((i) => i.builtin).map((i) => i.uri).sort(),
        fs.readdirSync(path.dirname(twilioFile)).map((f) => `${builtinScheme}:/${f}`).sort(),
      );
      const model = await client.connection.sendRequest(FormModelRequest, { uri: twilioUri });
      assert.equal(model?.kind === 'integration' && model.displayName, 'Twilio');
    });

    it('treats an opened built-in document as the built-in: no duplicate type, and it stays in the index once closed', async () => {
      await client.open(twilioUri, 'cxengage-integration', fs.readFileSync(twilioFile, 'utf8'));
      const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: twilioUri } })) as DocumentDiagnosticReport;
      assert.deepEqual(report.kind === 'full' ? report.items : undefined, []);
      await client.close(twilioUri);
      const [target] = (await client.connection.sendRequest(DefinitionRequest.type, {
        textDocument: { uri: flowUri() },
        position: { line: 2, character: 10 },
      })) as Location[];
      assert.equal(target?.uri, twilioUri);
    });
  });

  it('never takes a built-in document the editor reopens at start (a restored tab, a restart) for a workspace definition', async () => {
    const client = await TestClient.start({ rootPath: workspace, pull: true, initializationOptions: { builtinScheme } });
    try {
      // Sent at once, while the server is still reading its settings and the built-ins.
      await client.open(`${builtinScheme}:/twilio.integration.json`, 'cxengage-integration', fs.readFileSync(twilioFile, 'utf8'));
      await client.open(flowUri(), 'cxflow', flow);
      const status = await client.connection.sendRequest(StatusRequest, { uri: flowUri() });
      assert.deepEqual(status.definitions, { builtin: 8, workspace: 1 });
    } finally {
      await client.stop();
    }
  });

  describe('a client without the scheme (Neovim, the CLI)', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ rootPath: workspace, pull: true });
      await client.open(flowUri(), 'cxflow', flow);
    });
    after(() => client.stop());

    it('goes to the shipped file', async () => {
      const [target] = (await client.connection.sendRequest(DefinitionRequest.type, {
        textDocument: { uri: flowUri() },
        position: { line: 2, character: 10 },
      })) as Location[];
      assert.equal(target.uri, fileUri(twilioFile));
    });

    it('answers a diagnostic pull for a file not opened yet from its text on disk', async () => {
      const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
        textDocument: { uri: fileUri(path.join(workspace, 'restored.cxflow')) },
      })) as DocumentDiagnosticReport;
      assert.equal(report.kind, 'full');
      const found = report.kind === 'full' ? report.items.map((d) => [d.code, d.range.start.line, d.range.start.character]) : [];
      assert.deepEqual(found, [
        ['missing-mandatory-field', 0, 6],
        ['unknown-field', 0, 16],
      ]);
      const other = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
        textDocument: { uri: fileUri(path.join(workspace, 'notes.txt')) },
      })) as DocumentDiagnosticReport;
      assert.deepEqual(other.kind === 'full' ? other.items : undefined, []);
    });

    it('includes the declaration in references when asked, from the definition and from a flow', async () => {
      await client.open(defUri(), 'cxengage-integration', definition);
      const at = (uri: string, line: number, character: number, includeDeclaration: boolean) =>
        client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line, character }, context: { includeDeclaration } }) as Promise<Location[]>;
      const noteKey = definition.split('\n')[5].indexOf('"note"') + 1;
      assert.deepEqual(where(await at(defUri(), 5, noteKey, true)), [`crm.integration.json:5:${noteKey - 1}`, 'main.cxflow:1:12', 'restored.cxflow:0:10']);
      assert.deepEqual(where(await at(defUri(), 5, noteKey, false)), ['main.cxflow:1:12', 'restored.cxflow:0:10']);
      // From a use in a flow: the integration name, then a field.
      assert.deepEqual(where(await at(flowUri(), 1, 9, true)), ['crm.integration.json:1:10', 'main.cxflow:1:8', 'restored.cxflow:0:6']);
      const textKey = definition.split('\n')[5].indexOf('"text"');
      assert.deepEqual(where(await at(flowUri(), 1, 19, true)), [`crm.integration.json:5:${textKey}`, 'main.cxflow:1:18']);
    });

    it('forgets the definitions of a folder deleted whole, reported as the folder alone', async () => {
      const folder = path.join(workspace, 'more');
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'chat.integration.json'), definition.replace(/crm/g, 'chat'));
      await client.fileChanged(fileUri(path.join(folder, 'chat.integration.json')), FileChangeType.Created);
      const seen = () => client.connection.sendRequest(StatusRequest, { uri: flowUri() });
      assert.equal((await seen()).definitions.workspace, 2);
      fs.rmSync(folder, { recursive: true });
      await client.fileChanged(fileUri(folder), FileChangeType.Deleted);
      assert.equal((await seen()).definitions.workspace, 1);
    });

    it('reports its version and what a document sees', async () => {
      const status = await client.connection.sendRequest(StatusRequest, { uri: flowUri() });
      assert.deepEqual(status, { version: packageVersion, definitions: { builtin: 8, workspace: 1 } });
      assert.equal(client.initializeResult.serverInfo?.version, packageVersion);
      const outside = await client.connection.sendRequest(StatusRequest, {});
      assert.deepEqual(outside.definitions, { builtin: 8, workspace: 1 });
    });

    it('logs its version, the folders and the definitions it read, with the time taken', async () => {
      const started = await client.waitFor('the start-up log', () => client.logs.find((l) => l.message.startsWith('Definitions:'))?.message);
      assert.match(started, new RegExp(`^Definitions: 8 built-in, 1 in the workspace \\(${escapeRegExp(workspace)}: 1\\); read in \\d+ ms$`));
      const first = client.logs.find((l) => l.message.startsWith('CxEngage language server'))?.message;
      assert.equal(first, `CxEngage language server ${packageVersion} on Node ${process.version}; workspace folders: ${workspace}`);
    });
  });
});
