// Flow and pattern files through the bundled server over stdio: diagnostics against workspace and
// built-in definitions, completion, hover, go to definition, references, code actions, symbols,
// code lenses, and re-checking open flows when a definition changes unsaved.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionList,
  CompletionRequest,
  DefinitionRequest,
  Diagnostic,
  DocumentSymbol,
  DocumentSymbolRequest,
  HoverRequest,
  Location,
  MarkupContent,
  ReferencesRequest,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri, repoRoot } from '../support/lspClient';

const definition = `{
  "type": "crm",
  "display": "CRM",
  "schema": [ { "label": "Key", "param": "key", "type": "password" } ],
  "endpoint": {
    "name": "crm", "type": "crm", "display": "CRM Endpoint",
    "params": [ "key" ], "static-params": [ "key" ], "redact": [ "key" ],
    "sends": {
      "note": {
        "text": { "type": "mandatory", "description": "The note" },
        "colour": { "type": "optional", "enum": [ "red", "green" ] }
      }
    }
  }
}
`;

const flow = `;; Then
(seq
  (send crm note {:text "hello"})
  (send crm note {:colour "blue" })
  (send twilio sms {:to-phone-number *phone*}))
`;

const pattern = `{ "name": "p", "status": true, "when": "(event (= a \\"b\\"))", "then": "(send crm note {:text \\"x\\" :key \\"k\\"})" }`;

type Compact = [string, number, number, number, number];
const compact = (ds: Diagnostic[]): Compact[] =>
  ds.map((d): Compact => [String(d.code), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]).sort((a, b) => a[1] - b[1] || a[2] - b[2]);

describe('flows over LSP', () => {
  let client: TestClient;
  let workspace: string;
  const defUri = () => fileUri(path.join(workspace, 'crm.integration.json'));
  const flowUri = () => fileUri(path.join(workspace, 'flows', 'main.cxflow'));
  const patternUri = () => fileUri(path.join(workspace, 'p.pattern.json'));

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-flows-'));
    fs.mkdirSync(path.join(workspace, 'flows'));
    fs.writeFileSync(path.join(workspace, 'crm.integration.json'), definition);
    fs.writeFileSync(path.join(workspace, 'flows', 'main.cxflow'), flow);
    // A flow on disk only, never opened: find references must read it.
    fs.writeFileSync(path.join(workspace, 'flows', 'closed.cxflow'), '(send crm note {:text "from disk"})\n');
    fs.writeFileSync(path.join(workspace, 'p.pattern.json'), pattern);
    client = await TestClient.start({ rootPath: workspace });
    await client.open(flowUri(), 'cxflow', flow);
    await client.open(patternUri(), 'cxengage-pattern', pattern);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('checks a .cxflow against workspace and built-in definitions, with exact ranges', async () => {
    const diagnostics = await client.waitForDiagnostics(flowUri());
    assert.deepEqual(compact(diagnostics), [
      ['missing-mandatory-field', 3, 8, 3, 16],
      ['invalid-enum-value', 3, 26, 3, 32],
      ['missing-mandatory-field', 4, 8, 4, 18],
    ]);
  });

  it('checks the then string of a pattern file, ranges mapped through JSON escapes', async () => {
    const diagnostics = await client.waitForDiagnostics(patternUri());
    const keyAt = pattern.indexOf(':key');
    assert.deepEqual(compact(diagnostics), [['secret-inline', 0, keyAt, 0, keyAt + 4]]);
  });

  it('completes the fields of the message in a params map, mandatory first', async () => {
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: flowUri() },
      position: { line: 3, character: 33 },
    })) as CompletionList | null;
    const items = list?.items ?? [];
    assert.equal(items[0]?.label, ':text', `got ${items.map((i) => i.label).join(', ')}`);
    assert.ok(!items.some((i) => i.label === ':colour'), 'a field already present is not offered again');
  });

  it('hovers a message type with its field table', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: flowUri() }, position: { line: 2, character: 13 } });
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /text/);
    assert.match(value, /mandatory/);
    assert.match(value, /The note/);
  });

  it('hovers a value: an event field, and a response value with whether a response is in scope', async () => {
    const line = flow.split('\n')[4];
    const at = line.indexOf('*phone*');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: flowUri() }, position: { line: 4, character: at + 2 } });
    assert.ok(hover);
    assert.equal((hover.contents as MarkupContent).value, 'event field `phone`: read from the triggering event at run time');
    assert.deepEqual(hover.range, { start: { line: 4, character: at }, end: { line: 4, character: at + 7 } });
  });

  it('completes a new form with its parentheses as a snippet in an empty place of a seq', async () => {
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: flowUri() },
      position: { line: 2, character: 1 },
    })) as CompletionList | null;
    const send = (list?.items ?? []).find((i) => i.label === 'send');
    assert.ok(send, `got ${(list?.items ?? []).map((i) => i.label).join(', ')}`);
    assert.equal(send.insertTextFormat, 2);
    assert.deepEqual(send.textEdit, { range: { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } }, newText: '(send ${1:integration} ${2:message} {$0})' });
  });

  it('goes to the definition of a workspace integration and of a built-in one', async () => {
    const local = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: flowUri() },
      position: { line: 2, character: 12 },
    })) as Location[];
    assert.deepEqual(local.map((l) => [l.uri, l.range.start.line]), [[defUri(), 8]]);
    const builtin = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: flowUri() },
      position: { line: 4, character: 10 },
    })) as Location[];
    assert.equal(builtin.length, 1);
    assert.equal(builtin[0].uri, fileUri(path.join(repoRoot, 'schemas', 'builtin', 'twilio.integration.json')));
  });

  it('finds references to a message in open flows, pattern files and flows on disk', async () => {
    await client.open(defUri(), 'cxengage-integration', definition);
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: defUri() },
      position: { line: 8, character: 8 },
      context: { includeDeclaration: false },
    })) as Location[];
    const where = refs.map((r) => `${path.basename(r.uri)}:${r.range.start.line}`).sort();
    assert.deepEqual(where, ['closed.cxflow:0', 'main.cxflow:2', 'main.cxflow:3', 'p.pattern.json:0']);
  });

  it('quick-fixes a missing mandatory field by inserting it into the params map', async () => {
    const diagnostics = await client.waitForDiagnostics(flowUri());
    const missing = diagnostics.find((d) => d.code === 'missing-mandatory-field' && d.range.start.line === 3);
    assert.ok(missing);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: flowUri() },
      range: missing.range,
      context: { diagnostics: [missing] },
    });
    const fix = (actions ?? []).find((a) => 'edit' in a && a.edit !== undefined);
    assert.ok(fix && 'edit' in fix && fix.edit?.changes);
    const edits = fix.edit.changes[flowUri()] as TextEdit[];
    const lines = flow.split('\n');
    const applied = applyEdits(lines[3], edits.filter((e) => e.range.start.line === 3));
    assert.match(applied, /\{:colour "blue"\s+:text ""\s*\}/);
  });

  it('outlines sends as document symbols, and puts a Preview form lens above each send', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: flowUri() } })) as DocumentSymbol[];
    const names = flatten(symbols).map((s) => s.name);
    assert.ok(names.includes('send crm note'), names.join(', '));
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: flowUri() } });
    assert.equal(lenses?.length, 3);
    assert.equal(lenses?.[0].command?.command, 'cxengage.previewSendForm');
  });

  it('re-checks open flows when a definition is edited, unsaved', async () => {
    const withColour = definition.replace('"enum": [ "red", "green" ]', '"enum": [ "red", "green", "blue" ]');
    await client.replace(defUri(), withColour);
    const diagnostics = await client.waitForDiagnostics(flowUri(), (ds) => !ds.some((d) => d.code === 'invalid-enum-value'));
    assert.deepEqual(compact(diagnostics).map((c) => c[0]), ['missing-mandatory-field', 'missing-mandatory-field']);
    await client.replace(defUri(), withColour.replace('"note"', '"memo"'));
    const renamed = await client.waitForDiagnostics(flowUri(), (ds) => ds.some((d) => d.code === 'unknown-message'));
    assert.deepEqual(compact(renamed).map((c) => c[0]), ['unknown-message', 'unknown-message', 'missing-mandatory-field']);
    await client.replace(defUri(), definition);
  });

  it('answers every request without error on a half-typed flow', async () => {
    const uri = fileUri(path.join(workspace, 'half.cxflow'));
    const text = '(seq (send twilio sms {:to-phone-number "1" :message "x" :from-phone-number';
    await client.open(uri, 'cxflow', text);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.ok(diagnostics.some((d) => d.code === 'syntax'));
    for (let character = 0; character <= text.length; character += 7) {
      const position = { line: 0, character };
      await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
    }
    assert.equal(client.stderr, '');
  });
});

function flatten(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

function applyEdits(line: string, edits: TextEdit[]): string {
  let result = line;
  for (const e of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
    result = result.slice(0, e.range.start.character) + e.newText + result.slice(e.range.end.character);
  }
  return result;
}
