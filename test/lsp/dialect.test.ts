// The two flow dialects through the bundled server over stdio: wrong-dialect and unbound-variable
// in a `.cxflow` file and in a payload's `code` string (ranges through the JSON escapes), the
// dialect request and its edit, the wrong-dialect quick fix, and the setting switching every file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionRequest, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { DialectEditRequest, DialectRequest } from '../../server/src/protocol';
import { TestClient } from '../support/lspClient';
import { OpenWorkspace, openWorkspace } from '../support/lspWorkspace';

const flow = [
  '(def manager "+15550001111")',
  '(let [total (sum (all $cost))]',
  '  (create twilio sms {:to-phone-number manager :from-phone-number "1" :message (template "Total {{total}}")})',
  '  (seq (perform echo message {:message totl})))',
].join('\n');

// Line by line: the code string's escaped quotes move the columns of what follows them.
const payload = [
  '[{"name": "p", "status": true, "key": "id",',
  '  "code": "(event {:type \\"x\\"}) (when-let [r (fetch generic fetch {:id $id})] (perform echo message {:message res.id}) (send echo message {}))"}]',
].join('\n');

const text = (d: Diagnostic | undefined): string => (d === undefined ? '' : typeof d.message === 'string' ? d.message : d.message.value);

type Compact = [string, number, number, number, number];
const compact = (ds: Diagnostic[]): Compact[] =>
  ds.map((d): Compact => [String(d.code), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]).sort((a, b) => a[1] - b[1] || a[2] - b[2]);

describe('flow dialects over LSP', () => {
  let workspace: OpenWorkspace;
  let client: TestClient;
  const flowUri = () => workspace.uri('program.cxflow');
  const payloadUri = () => workspace.uri('payload.pattern.json');

  before(async () => {
    workspace = await openWorkspace('cxengage-dialect-', {
      'program.cxflow': { languageId: 'cxflow', text: flow },
      'payload.pattern.json': { languageId: 'cxengage-pattern', text: payload },
    });
    client = workspace.client;
  });
  after(() => workspace.dispose());

  it('a .cxflow: wrong-dialect with its reason, and unbound-variable with did-you-mean', async () => {
    const diagnostics = await client.waitForDiagnostics(flowUri());
    assert.deepEqual(compact(diagnostics), [
      ['wrong-dialect', 3, 3, 3, 6],
      ['unbound-variable', 3, 39, 3, 43],
    ]);
    const [wrong, unbound] = diagnostics.sort((a, b) => a.range.start.character - b.range.start.character);
    assert.equal(text(wrong), '`seq` is a 4.1 form; this file is read as 4.2 because line 1 uses `def`');
    assert.equal(wrong.severity, 1);
    assert.match(text(unbound), /^`totl` names no variable in scope here and no function; did you mean `total`\?$/);
    assert.equal(unbound.severity, 2);
  });

  it('a payload code string: the same codes, at their characters in the JSON text', async () => {
    const diagnostics = await client.waitForDiagnostics(payloadUri());
    const line = payload.split('\n')[1];
    const col = (needle: string) => line.indexOf(needle);
    assert.deepEqual(compact(diagnostics), [
      ['unbound-variable', 1, col('res.id'), 1, col('res.id') + 3],
      ['wrong-dialect', 1, col('send'), 1, col('send') + 4],
    ]);
    assert.match(text(diagnostics.find((d) => d.code === 'wrong-dialect')), /this code is read as 4\.2 because it is the `code` of a pattern payload$/);
  });

  it('tells the dialect of a file and why, with the deciding form', async () => {
    const info = await client.connection.sendRequest(DialectRequest, { uri: flowUri() });
    assert.deepEqual(info, {
      dialect: '4.2',
      source: 'form',
      because: 'because line 1 uses `def`',
      setting: 'auto',
      range: { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } },
    });
    const code = await client.connection.sendRequest(DialectRequest, { uri: payloadUri(), position: { line: 1, character: 20 } });
    assert.deepEqual(code, { dialect: '4.2', source: 'payload-key', because: 'because it is the `code` of a pattern payload', setting: 'auto' });
    assert.equal(await client.connection.sendRequest(DialectRequest, { uri: 'file:///nowhere.cxflow' }), null);
  });

  it('the wrong-dialect quick fix rewrites the form or reads the file as its dialect', async () => {
    const diagnostics = await client.waitForDiagnostics(flowUri());
    const wrong = diagnostics.find((d) => d.code === 'wrong-dialect');
    assert.ok(wrong);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: flowUri() }, range: wrong.range, context: { diagnostics: [wrong] } })) ?? [];
    const titles = actions.map((a) => a.title);
    // Not "read this file as 4.1": the rest of it is 4.2.
    assert.deepEqual(titles, ['Change to `do`']);
    const fix = actions[0];
    assert.ok('edit' in fix);
    assert.deepEqual(fix.edit?.changes?.[flowUri()], [{ range: wrong.range, newText: 'do' }]);
  });

  it('the dialect edit writes the first-line comment, and the file is read again in that dialect', async () => {
    const edit = await client.connection.sendRequest(DialectEditRequest, { uri: flowUri(), dialect: '4.1' });
    const edits: TextEdit[] = edit?.changes?.[flowUri()] ?? [];
    assert.deepEqual(edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '; cxengage-dialect: 4.1\n' }]);
    await client.replace(flowUri(), `; cxengage-dialect: 4.1\n${flow}`);
    const diagnostics = await client.waitForDiagnostics(flowUri());
    // The 4.2 forms at the top are reported; what is inside them is written in 4.2, not looked at.
    assert.deepEqual(
      compact(diagnostics).map((d) => [d[0], d[1], d[2]]),
      [
        ['wrong-dialect', 1, 1],
        ['wrong-dialect', 2, 1],
      ],
    );
    const back = await client.connection.sendRequest(DialectEditRequest, { uri: flowUri(), dialect: 'auto' });
    assert.deepEqual(back?.changes?.[flowUri()], [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, newText: '' }]);
    await client.replace(flowUri(), flow);
    await client.waitForDiagnostics(flowUri());
  });

  it('cxengage.flow.dialect reads every file without a first-line comment as one dialect', async () => {
    await client.changeSettings({ flow: { dialect: '4.1' } });
    const diagnostics = await client.waitForDiagnostics(flowUri(), (ds) => ds.some((d) => d.code === 'wrong-dialect' && text(d).includes('cxengage.flow.dialect is 4.1')));
    assert.ok(diagnostics.every((d) => d.code === 'wrong-dialect'));
    const info = await client.connection.sendRequest(DialectRequest, { uri: flowUri() });
    assert.equal(info?.source, 'setting');
    await client.changeSettings({ flow: { dialect: 'fourtwo' } });
    await client.waitFor('a warning about the setting', () => client.messages.find((m) => m.includes('cxengage.flow.dialect must be one of auto, 4.1, 4.2')));
    const restored = await client.waitForDiagnostics(flowUri(), (ds) => ds.some((d) => d.code === 'unbound-variable'));
    assert.equal(restored.length, 2);
  });
});
