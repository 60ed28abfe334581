// Editing 4.2 code through the bundled server over stdio: completion (variables in scope, `$`
// fields, params fields), hover, go to definition, references and highlights of a variable, the
// unbound-variable quick fix and the outline, in a `.cxflow` file and in a payload's `code` string.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionList,
  CompletionRequest,
  DefinitionRequest,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  HoverRequest,
  Location,
  MarkupContent,
  ReferencesRequest,
} from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';
import { OpenWorkspace, openWorkspace } from '../support/lspWorkspace';

const flow = [
  '(def threshold 5)',
  '(let [order (event {:type "order" :total (> 100)})',
  '      sms (create twilio sms {:to-phone-number $phone :from-phone-number "1" :message "hi"})]',
  '  (when (> $total treshold)',
  '    (perform echo message {:message sms.sid})))',
].join('\n');

const payload = ['[{"name": "p", "status": true, "key": "id",', '  "code": "(let [r (fetch generic fetch {})] (perform echo message {:message r.id }))"}]'].join('\n');

type Compact = [number, number, number, number];
const compactLocation = (l: Location): Compact => [l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character];

describe('4.2 editing over LSP', () => {
  let workspace: OpenWorkspace;
  let client: TestClient;
  const flowUri = () => workspace.uri('program.cxflow');
  const payloadUri = () => workspace.uri('payload.pattern.json');
  const flowAt = (line: number, needle: string, plus = 0) => ({ line, character: flow.split('\n')[line].indexOf(needle) + plus });
  const payloadAt = (needle: string, plus = 0) => ({ line: 1, character: payload.split('\n')[1].indexOf(needle) + plus });

  before(async () => {
    workspace = await openWorkspace('cxengage-editing42-', {
      'program.cxflow': { languageId: 'cxflow', text: flow },
      'payload.pattern.json': { languageId: 'cxengage-pattern', text: payload },
    });
    client = workspace.client;
  });
  after(() => workspace.dispose());

  it('completes the variables in scope and the event fields where a value stands', async () => {
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: flowUri() }, position: flowAt(3, 'treshold') })) as CompletionList;
    assert.deepEqual(
      list.items.slice(0, 5).map((i) => [i.label, i.detail]),
      [
        ['sms', 'local of `let` at line 3'],
        ['order', 'local of `let` at line 2'],
        ['threshold', 'global (`def` at line 1)'],
        ['$type', 'event field'],
        ['$total', 'event field'],
      ],
    );
  });

  it('completes the fields of a 4.2 verb and the variables in scope in a payload code string', async () => {
    const fields = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: payloadUri() }, position: payloadAt('{})', 1) })) as CompletionList;
    assert.deepEqual(
      fields.items.map((i) => i.label),
      [':id', 'all mandatory fields'],
    );
    const values = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: payloadUri() }, position: payloadAt('r.id', 1) })) as CompletionList;
    assert.deepEqual(
      values.items.map((i) => [i.label, i.detail]),
      [['r', 'local of `let` at line 2']],
    );
  });

  it('hovers a variable with where it is bound, in a file and in a payload', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: flowUri() }, position: flowAt(4, 'sms.sid', 5) });
    assert.equal((hover?.contents as MarkupContent).value, 'field `sid` of variable `sms`: local of `let` at line 3');
    const inPayload = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: payloadUri() }, position: payloadAt('r.id', 0) });
    // Lines of the document: the code string is on its second line.
    assert.equal((inPayload?.contents as MarkupContent).value, 'field `id` of variable `r`: local of `let` at line 2');
    const start = payloadAt('r.id').character;
    assert.deepEqual(inPayload?.range, { start: { line: 1, character: start }, end: { line: 1, character: start + 4 } });
  });

  it('goes to the binding of a variable, in a file and in a payload', async () => {
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: flowUri() }, position: flowAt(4, 'sms.sid', 1) })) as Location[];
    assert.deepEqual(definition.map(compactLocation), [[2, 6, 2, 9]]);
    const inPayload = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: payloadUri() }, position: payloadAt('r.id') })) as Location[];
    const r = payloadAt('[r ', 1).character;
    assert.deepEqual(inPayload.map(compactLocation), [[1, r, 1, r + 1]]);
  });

  it('finds the references and highlights of a variable', async () => {
    const references = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: flowUri() },
      position: flowAt(2, 'sms (', 1),
      context: { includeDeclaration: true },
    })) as Location[];
    assert.deepEqual(references.map(compactLocation), [
      [2, 6, 2, 9],
      [4, 36, 4, 39],
    ]);
    const reads = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: flowUri() },
      position: flowAt(2, 'sms (', 1),
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(reads.map(compactLocation), [[4, 36, 4, 39]]);
    const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: flowUri() }, position: flowAt(0, 'threshold', 2) });
    assert.deepEqual(highlights, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 14 } }, kind: 3 }]);
  });

  it('fixes an unbound variable with the close name in scope', async () => {
    const diagnostics = await client.waitForDiagnostics(flowUri());
    const unbound = diagnostics.find((d) => d.code === 'unbound-variable');
    assert.ok(unbound);
    assert.deepEqual(unbound.range, { start: flowAt(3, 'treshold'), end: flowAt(3, 'treshold', 8) });
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: flowUri() }, range: unbound.range, context: { diagnostics: [unbound] } })) ?? [];
    assert.deepEqual(
      actions.map((a) => ('edit' in a ? [a.title, a.edit?.changes?.[flowUri()]] : [a.title])),
      [['Change to `threshold`', [{ range: unbound.range, newText: 'threshold' }]]],
    );
  });

  it('outlines the defs, locals, event collections and interactions', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: flowUri() } })) as { name: string; children?: { name: string }[] }[];
    assert.deepEqual(
      symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]),
      [
        ['threshold', []],
        ['order', ['event']],
        ['sms', ['create twilio sms']],
        ['perform echo message', []],
      ],
    );
  });
});
