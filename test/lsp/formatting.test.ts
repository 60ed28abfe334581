// Formatting, range and on-type formatting, folding and selection ranges through the bundled
// server over stdio, in a flow, a payload and a definition, with the settings that shape them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DocumentFormattingRequest,
  DocumentOnTypeFormattingRequest,
  DocumentRangeFormattingRequest,
  FoldingRange,
  FoldingRangeRequest,
  SelectionRange,
  SelectionRangeRequest,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { languageIds } from '../../server/src/service/documentKind';
import { TestClient, fileUri } from '../support/lspClient';

const flow = ';; Then\n(seq\n(send echo message {:message "hi"\n:extra 1})\n   (delay 5 minutes)   )\n';
const payload = '{"name": "p", "status": true, "code": "(let [x 1]\\n(perform echo message {:message x}))"}';
const definition = '{"type": "crm", "display": "CRM", "endpoint": {"params": ["key"]}}';

describe('formatting and structure over LSP', () => {
  let client: TestClient;
  let workspace: string;
  const uri = (name: string) => fileUri(path.join(workspace, name));
  const texts = new Map<string, string>();

  const open = async (name: string, languageId: string, text: string) => {
    texts.set(uri(name), text);
    await client.open(uri(name), languageId, text);
  };
  /** The document's text after the edits the server answered. */
  const applied = (name: string, edits: TextEdit[] | null) => TextDocument.applyEdits(TextDocument.create(uri(name), 'x', 1, texts.get(uri(name)) ?? ''), edits ?? []);

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-format-'));
    client = await TestClient.start({ rootPath: workspace, pull: true, settings: { format: { jsonKeySpacing: 'spaced' } } });
    await open('main.cxflow', languageIds.flow, flow);
    await open('p.pattern.json', languageIds.pattern, payload);
    await open('crm.integration.json', languageIds.definition, definition);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('declares the formatting, folding and selection capabilities', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.documentFormattingProvider, true);
    assert.equal(caps.documentRangeFormattingProvider, true);
    assert.deepEqual(caps.documentOnTypeFormattingProvider, { firstTriggerCharacter: '\n' });
    assert.equal(caps.foldingRangeProvider, true);
    assert.equal(caps.selectionRangeProvider, true);
  });

  it('formats a flow', async () => {
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uri('main.cxflow') }, options: { tabSize: 4, insertSpaces: true } });
    assert.equal(applied('main.cxflow', edits), ';; Then\n(seq\n  (send echo message {:message "hi"\n                      :extra 1})\n  (delay 5 minutes))\n');
  });

  it('formats a payload: the JSON with the "key" : value setting and the tab size asked for, the code in its string', async () => {
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uri('p.pattern.json') }, options: { tabSize: 4, insertSpaces: true } });
    assert.equal(applied('p.pattern.json', edits), '{\n    "name" : "p",\n    "status" : true,\n    "code" : "(let [x 1]\\n  (perform echo message {:message x}))"\n}');
  });

  it('formats a definition with tabs when the editor asks for them', async () => {
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uri('crm.integration.json') }, options: { tabSize: 4, insertSpaces: false } });
    assert.equal(applied('crm.integration.json', edits), '{\n\t"type" : "crm",\n\t"display" : "CRM",\n\t"endpoint" : {\n\t\t"params" : [\n\t\t\t"key"\n\t\t]\n\t}\n}');
  });

  it('formats a selection of lines only', async () => {
    const edits = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri: uri('main.cxflow') },
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 23 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.equal(applied('main.cxflow', edits), ';; Then\n(seq\n(send echo message {:message "hi"\n:extra 1})\n  (delay 5 minutes))\n');
  });

  it('indents the line Enter began', async () => {
    const name = 'typing.cxflow';
    await open(name, languageIds.flow, '(let [x 1]\n  (when (> x 0)\n');
    const edits = await client.connection.sendRequest(DocumentOnTypeFormattingRequest.type, {
      textDocument: { uri: uri(name) },
      position: { line: 2, character: 0 },
      ch: '\n',
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(edits, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '    ' }]);
  });

  it('says once which forms it left as written', async () => {
    const name = 'broken.cxflow';
    await open(name, languageIds.flow, '(seq\n(send echo message {:message}))\n(seq\n(delay 5 minutes))\n');
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uri(name) }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(applied(name, edits), '(seq\n(send echo message {:message}))\n(seq\n  (delay 5 minutes))\n');
    const note = 'CxEngage: 1 top-level form with syntax errors was left as written; fix the errors to format it';
    await client.waitFor('the message about the form left as written', () => client.messages.find((m) => m === note));
    // Formatting again (on every save, say) does not say it again; the message comes before the answer.
    await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: uri(name) }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(client.messages.filter((m) => m === note).length, 1);
  });

  it('folds a flow and a definition', async () => {
    const flowFolds = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uri('main.cxflow') } })) as FoldingRange[];
    assert.deepEqual(flowFolds, [
      { startLine: 0, endLine: 4, kind: 'region' },
      { startLine: 1, endLine: 4 },
      { startLine: 2, endLine: 3 },
    ]);
    const name = 'folded.integration.json';
    await open(name, languageIds.definition, '{\n  "type": "x",\n  "params": [\n    "a"\n  ]\n}\n');
    const jsonFolds = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: uri(name) } })) as FoldingRange[];
    assert.deepEqual(jsonFolds, [
      { startLine: 0, endLine: 4, kind: 'object' },
      { startLine: 2, endLine: 3, kind: 'array' },
    ]);
  });

  it('grows a selection from a word in payload code out to the whole payload', async () => {
    const ranges = (await client.connection.sendRequest(SelectionRangeRequest.type, {
      textDocument: { uri: uri('p.pattern.json') },
      positions: [{ line: 0, character: payload.indexOf(':message') + 3 }],
    })) as SelectionRange[];
    const doc = TextDocument.create('x', 'x', 1, payload);
    const texts: string[] = [];
    for (let r: SelectionRange | undefined = ranges[0]; r !== undefined; r = r.parent) texts.push(doc.getText(r.range));
    assert.deepEqual(texts, [
      ':message',
      ':message x',
      '{:message x}',
      '(perform echo message {:message x})',
      '(let [x 1]\\n(perform echo message {:message x}))',
      '"(let [x 1]\\n(perform echo message {:message x}))"',
      '"code": "(let [x 1]\\n(perform echo message {:message x}))"',
      '"name": "p", "status": true, "code": "(let [x 1]\\n(perform echo message {:message x}))"',
      payload,
    ]);
  });
});
