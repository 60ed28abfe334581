// Message templates through the bundled server over stdio: a template file on disk (never opened)
// gives `+TM1` its hover, definition and completion in a flow, `unknown-template` comes and goes with
// the files, and an open template file gets its schema and Mustache diagnostics, key completion and
// `{{name}}` completion from the flows that use it. The client's stop asserts no handler failed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CompletionList, CompletionRequest, DefinitionRequest, FileChangeType, HoverRequest, Location, MarkupContent } from 'vscode-languageserver-protocol/node';
import { compact, compactRange, rangeIn } from '../support/documents';
import { TestClient, fileUri } from '../support/lspClient';

const tm1 = '{\n  "id": "TM1",\n  "name": "Missed you",\n  "description": "After two abandoned calls",\n  "template": "Sorry, {{first-name}}."\n}\n';
const flow = ';; When\n(event (= CallAction "abandoned"))\n\n;; Then\n(seq\n  (send twilio sms {:to-phone-number *phone* :from-phone-number "1"} (template {:message +TM1}))\n  (send twilio sms {:to-phone-number *phone* :from-phone-number "2"} (template {:message +TM4})))\n';

function at(text: string, needle: string): { line: number; character: number } {
  const [, , line, character] = rangeIn(text, needle);
  return { line, character };
}

describe('message templates over LSP', () => {
  let client: TestClient;
  let workspace: string;
  const file = (name: string) => fileUri(path.join(workspace, name));

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-templates-'));
    fs.mkdirSync(path.join(workspace, 'templates'));
    fs.writeFileSync(path.join(workspace, 'templates', 'TM1.template.json'), tm1);
    fs.writeFileSync(path.join(workspace, 'alerts.cxflow'), flow);
    client = await TestClient.start({ rootPath: workspace });
    await client.open(file('alerts.cxflow'), 'cxflow', flow);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('reports the unknown template, and only it', async () => {
    // A push before the scan has read the templates has none: the scan's index change pushes again.
    const diagnostics = await client.waitForDiagnostics(file('alerts.cxflow'), (d) => d.length > 0);
    assert.deepEqual(compact(diagnostics), [['unknown-template', rangeIn(flow, '+TM4')]]);
    assert.equal(diagnostics[0].message, "No message template `+TM4`: the workspace's 1 template file holds no template with id `TM4`; did you mean `+TM1`?");
  });

  it('hovers +TM1 with the template from disk, and goes to its id', async () => {
    const position = at(flow, '+TM');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: file('alerts.cxflow') }, position });
    assert.ok(hover);
    assert.equal((hover.contents as MarkupContent).value, '**+TM1**: Missed you\n\nAfter two abandoned calls\n\n```mustache\nSorry, {{first-name}}.\n```');
    assert.deepEqual(hover.range && compactRange(hover.range), rangeIn(flow, '+TM1'));
    const found = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: file('alerts.cxflow') }, position })) as Location[];
    assert.deepEqual(
      found.map((l) => [l.uri, compactRange(l.range)]),
      [[file('templates/TM1.template.json'), rangeIn(tm1, '"TM1"')]],
    );
  });

  it('completes template ids after +', async () => {
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: file('alerts.cxflow') }, position: at(flow, ':message +TM4') })) as CompletionList;
    assert.deepEqual(list.items.map((i) => [i.label, i.detail]), [['+TM1', 'Missed you']]);
    const edit = list.items[0].textEdit;
    assert.deepEqual(edit && 'range' in edit ? compactRange(edit.range) : undefined, rangeIn(flow, '+TM4'));
  });

  it('drops unknown-template while a file with the id is on disk', async () => {
    const tm4 = path.join(workspace, 'templates', 'TM4.template.json');
    fs.writeFileSync(tm4, '{"id": "TM4", "template": "Call {{phone}}"}');
    await client.fileChanged(fileUri(tm4), FileChangeType.Created);
    await client.waitForDiagnostics(file('alerts.cxflow'), (d) => d.length === 0);
    fs.rmSync(tm4);
    await client.fileChanged(fileUri(tm4), FileChangeType.Deleted);
    const back = await client.waitForDiagnostics(file('alerts.cxflow'), (d) => d.length > 0);
    assert.deepEqual(compact(back), [['unknown-template', rangeIn(flow, '+TM4')]]);
  });

  it('checks an open template file: schema and Mustache, on the tag at fault', async () => {
    const text = '{\n  "name": "Broken",\n  "template": "Hi {{#vip}}friend"\n}';
    await client.open(file('templates/broken.template.json'), 'cxengage-template', text);
    const diagnostics = await client.waitForDiagnostics(file('templates/broken.template.json'));
    assert.deepEqual(compact(diagnostics), [
      ['schema', [0, 0, 0, 1]],
      ['template-syntax', rangeIn(text, '{{#vip}}')],
    ]);
  });

  it('completes keys from the template schema, and {{ names from the flows that use the template', async () => {
    const text = '{\n  "id": "TM4",\n  "template": "Call {{"\n}';
    await client.open(file('templates/TM4.template.json'), 'cxengage-template', text);
    const names = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: file('templates/TM4.template.json') }, position: at(text, 'Call {{') })) as CompletionList;
    assert.deepEqual(names.items.map((i) => [i.label, i.detail]), [
      ['CallAction', 'event field (alerts.cxflow:7)'],
      ['phone', 'event field (alerts.cxflow:7)'],
    ]);
    const keys = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: file('templates/TM4.template.json') }, position: { line: 1, character: 15 } })) as CompletionList;
    assert.deepEqual(keys.items.map((i) => i.label).sort(), ['description', 'name']);
  });
});
