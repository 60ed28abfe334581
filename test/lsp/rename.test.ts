// Rename, prepareRename, document highlights and workspace symbols through the bundled server over
// stdio: a message renamed across a definition, an open flow, a flow on disk and a payload; refusals
// that come back as errors with their reason; and no handler failing on the way.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DocumentHighlightRequest,
  ErrorCodes,
  PrepareRenameRequest,
  RenameRequest,
  ResponseError,
  SymbolInformation,
  WorkspaceEdit,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { languageIds } from '../../server/src/service/documentKind';
import { TestClient, fileUri } from '../support/lspClient';
import { editsByUri } from '../support/renaming';

const definition = `{
  "type": "crm",
  "display": "CRM",
  "endpoint": {
    "name": "crm", "type": "crm",
    "sends": { "note": { "text": { "type": "mandatory" } }, "task": { "text": { "type": "optional" } } }
  }
}
`;
const openFlow = '(seq\n  (send crm note {:text "a"})\n  (send crm task {:text "b"})\n  (send twilio sms {:message "c"}))\n';
const diskFlow = '(def who "x")\n(perform crm note {:text who})\n';
const payload = '{"name": "Note it", "status": true, "code": "(perform crm note {\\"text\\" \\"hi\\"})"}\n';

const files: Record<string, string> = {
  'crm.integration.json': definition,
  'open.cxflow': openFlow,
  'disk.cxflow': diskFlow,
  'p.pattern.json': payload,
};

describe('rename, highlights and workspace symbols over LSP', () => {
  let client: TestClient;
  let workspace: string;
  const uri = (name: string) => fileUri(path.join(workspace, name));

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-rename-'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(workspace, name), text);
    client = await TestClient.start({ rootPath: workspace, pull: true, documentChanges: true });
    await client.open(uri('crm.integration.json'), languageIds.definition, definition);
    await client.open(uri('open.cxflow'), languageIds.flow, openFlow);
  });
  after(async () => {
    // Fails when a handler of the server logged a failure.
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('declares rename with prepareRename and workspace symbols', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.equal(caps.workspaceSymbolProvider, true);
  });

  it('prepares a rename: the range of the name and its placeholder', async () => {
    const answer = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: uri('open.cxflow') }, position: { line: 1, character: 14 } });
    assert.deepEqual(answer, { range: { start: { line: 1, character: 12 }, end: { line: 1, character: 16 } }, placeholder: 'note' });
  });

  it('refuses a built-in definition and an invalid name with an error that says why', async () => {
    const refused = async (request: Promise<unknown>) => {
      const error = await request.then(
        () => assert.fail('expected an error'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof ResponseError);
      assert.equal(error.code, ErrorCodes.InvalidRequest);
      return error.message;
    };
    const twilio = { textDocument: { uri: uri('open.cxflow') }, position: { line: 3, character: 10 } };
    assert.match(await refused(client.connection.sendRequest(PrepareRenameRequest.type, twilio)), /^`twilio` is declared by the built-in `twilio` definition/);
    const note = { textDocument: { uri: uri('open.cxflow') }, position: { line: 1, character: 14 } };
    assert.equal(
      await refused(client.connection.sendRequest(RenameRequest.type, { ...note, newName: 'two words' })),
      '`two words` cannot be a message name: it holds white space, which flow code cannot hold in a name.',
    );
    assert.equal(await refused(client.connection.sendRequest(RenameRequest.type, { ...note, newName: 'task' })), '`crm` already has a message `task`.');
  });

  it('renames a message in the definition, the open flow, a flow on disk and a payload, versioned', async () => {
    const edit = (await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: uri('open.cxflow') },
      position: { line: 1, character: 14 },
      newName: 'memo',
    })) as WorkspaceEdit;
    const versions = (edit.documentChanges ?? []).map((c) => ('textDocument' in c ? [path.basename(c.textDocument.uri), c.textDocument.version] : []));
    assert.deepEqual(
      versions.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      [
        ['crm.integration.json', 1],
        ['disk.cxflow', null],
        ['open.cxflow', 1],
        ['p.pattern.json', null],
      ],
    );
    const texts = new Map<string, string>();
    for (const [editUri, edits] of editsByUri(edit)) {
      const name = path.basename(editUri);
      texts.set(name, TextDocument.applyEdits(TextDocument.create(editUri, 'x', 1, files[name]), edits));
    }
    assert.equal(texts.get('crm.integration.json'), definition.replace('"note"', '"memo"'));
    assert.equal(texts.get('open.cxflow'), openFlow.replace('crm note', 'crm memo'));
    assert.equal(texts.get('disk.cxflow'), diskFlow.replace('crm note', 'crm memo'));
    assert.equal(texts.get('p.pattern.json'), payload.replace('crm note', 'crm memo'));
  });

  it('renames a 4.2 variable of a document', async () => {
    await client.open(uri('disk.cxflow'), languageIds.flow, diskFlow);
    const edit = (await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: uri('disk.cxflow') },
      position: { line: 0, character: 6 },
      newName: 'owner',
    })) as WorkspaceEdit;
    const edits = editsByUri(edit).get(uri('disk.cxflow')) ?? [];
    assert.equal(TextDocument.applyEdits(TextDocument.create(uri('disk.cxflow'), 'x', 1, diskFlow), edits), diskFlow.replace(/who/g, 'owner'));
  });

  it('highlights the uses of an integration in a file', async () => {
    const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: uri('open.cxflow') }, position: { line: 1, character: 9 } });
    assert.deepEqual(
      highlights?.map((h) => [h.range.start.line, h.range.start.character, h.range.end.line, h.range.end.character, h.kind]),
      [
        [1, 8, 1, 11, 1],
        [2, 8, 2, 11, 1],
      ],
    );
  });

  it('finds integrations, messages, patterns and defs across the workspace', async () => {
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'note' })) as SymbolInformation[];
    assert.deepEqual(
      found.map((s) => [s.name, s.kind, path.basename(s.location.uri), s.location.range.start.line, s.location.range.start.character]),
      [
        ['note', 6, 'crm.integration.json', 5, 15],
        ['Note it', 24, 'p.pattern.json', 0, 9],
      ],
    );
    const who = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'who' })) as SymbolInformation[];
    assert.deepEqual(
      who.map((s) => [s.name, s.containerName, path.basename(s.location.uri)]),
      [['who', 'def', 'disk.cxflow']],
    );
  });
});
