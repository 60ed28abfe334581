// Flow and pattern files through the bundled server over stdio: diagnostics against workspace and
// built-in definitions, completion, hover, go to definition, references, code actions, symbols,
// code lenses, and re-checking open flows when a definition changes unsaved. Each test opens or
// resets what it reads, so that any one of them runs alone.
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
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { messages } from '../../server/src/service/codes';
import { crmDefinition, crmFileName, crmWith, writeCrm } from '../support/definitions';
import { CompactRange, compact, compactRange, rangeIn } from '../support/documents';
import { TestClient, fileUri, repoRoot } from '../support/lspClient';

const flow = `;; Then
(seq
  (send crm note {:text "hello"})
  (send crm note {:colour "blue" })
  (send twilio sms {:to-phone-number *phone*}))
`;

const closedFlow = '(send crm note {:text "from disk"})\n';

const pattern = `{ "name": "p", "status": true, "when": "(event (= a \\"b\\"))", "then": "(send crm note {:text \\"x\\" :secret \\"k\\"})" }`;

/** What the server reports on `flow` against the crm definition as written. */
const flowDiagnostics: [string, CompactRange][] = [
  ['missing-mandatory-field', rangeIn(flow, 'crm note', 1)],
  ['invalid-enum-value', rangeIn(flow, '"blue"')],
  ['missing-mandatory-field', rangeIn(flow, 'twilio sms')],
];

/** Whether pushed diagnostics are exactly `expected`: what a wait accepts, so that it ends on the state a test means. */
const sameDiagnostics = (ds: Diagnostic[], expected: [string, CompactRange][]) => JSON.stringify(compact(ds)) === JSON.stringify(expected);

describe('flows over LSP', () => {
  let client: TestClient;
  let workspace: string;
  const defUri = () => fileUri(path.join(workspace, crmFileName));
  const flowUri = () => fileUri(path.join(workspace, 'flows', 'main.cxflow'));
  const patternUri = () => fileUri(path.join(workspace, 'p.pattern.json'));
  /** The flow open as written, with the crm definition as on disk. */
  const showFlow = async () => {
    if (client.isOpen(defUri())) await client.replace(defUri(), crmDefinition);
    await client.show(flowUri(), 'cxflow', flow);
    return client.waitForDiagnostics(flowUri(), (ds) => sameDiagnostics(ds, flowDiagnostics));
  };

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-flows-'));
    fs.mkdirSync(path.join(workspace, 'flows'));
    writeCrm(workspace);
    fs.writeFileSync(path.join(workspace, 'flows', 'main.cxflow'), flow);
    // A flow on disk only, never opened: find references must read it.
    fs.writeFileSync(path.join(workspace, 'flows', 'closed.cxflow'), closedFlow);
    fs.writeFileSync(path.join(workspace, 'p.pattern.json'), pattern);
    client = await TestClient.start({ rootPath: workspace });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('checks a .cxflow against workspace and built-in definitions, with exact ranges', async () => {
    const diagnostics = await showFlow();
    assert.deepEqual(compact(diagnostics), flowDiagnostics);
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      [
        messages.missingMandatoryFields('crm', 'note', ['text']),
        messages.invalidEnumValue('blue', 'colour', ['red', 'green']),
        messages.missingMandatoryFields('twilio', 'sms', ['from-phone-number', 'message']),
      ],
    );
  });

  it('checks the then string of a pattern file, ranges mapped through JSON escapes', async () => {
    await client.show(patternUri(), 'cxengage-pattern', pattern);
    const diagnostics = await client.waitForDiagnostics(patternUri());
    assert.deepEqual(compact(diagnostics), [['secret-inline', rangeIn(pattern, ':secret')]]);
  });

  it('completes the fields of the message in a params map, mandatory first', async () => {
    await showFlow();
    const at = rangeIn(flow, ' }');
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: flowUri() },
      position: { line: at[0], character: at[1] + 1 },
    })) as CompletionList | null;
    const insertAt = { start: { line: at[0], character: at[1] + 1 }, end: { line: at[0], character: at[1] + 1 } };
    // `:colour` is written already: not offered again.
    assert.deepEqual(
      list?.items.map((i) => [i.label, i.kind, i.sortText, i.textEdit]),
      [
        [':text', 5, '00000', { range: insertAt, newText: ':text "$1"' }],
        ['all mandatory fields', 15, '/', { range: insertAt, newText: ':text "$1"' }],
      ],
    );
  });

  it('hovers a message type with its field table', async () => {
    await showFlow();
    const note = rangeIn(flow, 'note');
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: flowUri() },
      position: { line: note[0], character: note[1] + 1 },
    });
    assert.ok(hover);
    assert.equal(
      (hover.contents as MarkupContent).value,
      [
        '**crm note** message',
        '',
        '| field | | description | values |',
        '| --- | --- | --- | --- |',
        '| `text` | **mandatory** | The note |  |',
        '| `colour` | optional |  | `"red"`, `"green"` |',
      ].join('\n'),
    );
    assert.deepEqual(compactRange(hover.range!), note);
  });

  it('hovers an event field value with where it comes from', async () => {
    await showFlow();
    const phone = rangeIn(flow, '*phone*');
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: flowUri() },
      position: { line: phone[0], character: phone[1] + 2 },
    });
    assert.ok(hover);
    assert.equal((hover.contents as MarkupContent).value, 'event field `phone`: read from the triggering event at run time');
    assert.deepEqual(compactRange(hover.range!), phone);
  });

  it('completes a new form with its parentheses as a snippet in an empty place of a seq', async () => {
    await showFlow();
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: flowUri() },
      position: { line: 2, character: 1 },
    })) as CompletionList | null;
    assert.deepEqual(
      list?.items.map((i) => [i.label, i.kind]),
      ['send', 'await', 'seq', 'par', 'if', 'delay', 'set', 'event', 'expect', 'retries', 'within', 'success', 'failure'].map((form) => [form, 14]),
    );
    const send = list?.items.find((i) => i.label === 'send');
    assert.ok(send);
    assert.equal(send.insertTextFormat, 2);
    assert.deepEqual(send.textEdit, { range: { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } }, newText: '(send $0)' });
  });

  it('goes to the definition of a workspace integration and of a built-in one', async () => {
    await showFlow();
    const note = rangeIn(flow, 'note');
    const local = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: flowUri() },
      position: { line: note[0], character: note[1] },
    })) as Location[];
    assert.deepEqual(
      local.map((l) => [l.uri, compactRange(l.range)]),
      [[defUri(), rangeIn(crmDefinition, '"note"')]],
    );
    const twilio = rangeIn(flow, 'twilio');
    const builtin = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: flowUri() },
      position: { line: twilio[0], character: twilio[1] + 2 },
    })) as Location[];
    const twilioFile = path.join(repoRoot, 'schemas', 'builtin', 'twilio.integration.json');
    assert.deepEqual(
      builtin.map((l) => [l.uri, compactRange(l.range)]),
      [[fileUri(twilioFile), rangeIn(fs.readFileSync(twilioFile, 'utf8'), '"twilio"')]],
    );
  });

  it('finds references to a message in open flows, pattern files and flows on disk', async () => {
    await client.show(defUri(), 'cxengage-integration', crmDefinition);
    await showFlow();
    await client.show(patternUri(), 'cxengage-pattern', pattern);
    const note = rangeIn(crmDefinition, '"note"');
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: defUri() },
      position: { line: note[0], character: note[1] + 2 },
      context: { includeDeclaration: false },
    })) as Location[];
    const where = refs.map((r): [string, number[]] => [path.basename(r.uri), compactRange(r.range)]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1][0] - b[1][0]));
    assert.deepEqual(where, [
      ['closed.cxflow', rangeIn(closedFlow, 'note')],
      ['main.cxflow', rangeIn(flow, 'note')],
      ['main.cxflow', rangeIn(flow, 'note', 1)],
      ['p.pattern.json', rangeIn(pattern, 'note')],
    ]);
  });

  it('quick-fixes a missing mandatory field by inserting it into the params map', async () => {
    const diagnostics = await showFlow();
    const missing = diagnostics[0];
    assert.deepEqual(compact([missing]), [flowDiagnostics[0]]);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: flowUri() },
      range: missing.range,
      context: { diagnostics: [missing] },
    });
    assert.deepEqual(
      actions?.map((a) => a.title),
      ['Add mandatory field :text'],
    );
    const fix = actions?.[0];
    assert.ok(fix && 'edit' in fix && fix.edit?.changes);
    const fixed = TextDocument.applyEdits(TextDocument.create(flowUri(), 'cxflow', 1, flow), fix.edit.changes[flowUri()]);
    assert.equal(fixed, flow.replace('{:colour "blue" }', '{:colour "blue" :text "" }'));
  });

  it('outlines sends as document symbols under the Then part, and puts a Preview form lens above each send', async () => {
    await showFlow();
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: flowUri() } })) as DocumentSymbol[];
    const sends = ['(send crm note {:text "hello"})', '(send crm note {:colour "blue" })', '(send twilio sms {:to-phone-number *phone*})'];
    const then = flow.slice(flow.indexOf('(seq'), flow.lastIndexOf(')') + 1);
    assert.deepEqual(outline(symbols), [
      `Then ${JSON.stringify(rangeIn(flow, then))}`,
      ...sends.map((send) => `  ${send.split(' ', 3).join(' ').slice(1)} ${JSON.stringify(rangeIn(flow, send))}`),
    ]);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: flowUri() } });
    assert.deepEqual(
      lenses?.map((l) => [compactRange(l.range), l.command?.title, l.command?.command, l.command?.arguments]),
      sends.map((send) => {
        const range = rangeIn(flow, send);
        return [range, 'Preview form', 'cxengage.previewSendForm', [flowUri(), { line: range[0], character: range[1] + 1 }]];
      }),
    );
  });

  it('re-checks open flows when a definition is edited, unsaved', async () => {
    await showFlow();
    await client.show(defUri(), 'cxengage-integration', crmDefinition);
    try {
      const withBlue = crmWith(['"enum": ["red", "green"]', '"enum": ["red", "green", "blue"]']);
      await client.replace(defUri(), withBlue);
      const diagnostics = await client.waitForDiagnostics(flowUri(), (ds) => !ds.some((d) => d.code === 'invalid-enum-value'));
      assert.deepEqual(compact(diagnostics), [flowDiagnostics[0], flowDiagnostics[2]]);
      await client.replace(defUri(), withBlue.replace('"note"', '"memo"'));
      const renamed = await client.waitForDiagnostics(flowUri(), (ds) => ds.some((d) => d.code === 'unknown-message'));
      assert.deepEqual(compact(renamed), [
        ['unknown-message', rangeIn(flow, 'note')],
        ['unknown-message', rangeIn(flow, 'note', 1)],
        flowDiagnostics[2],
      ]);
    } finally {
      await client.replace(defUri(), crmDefinition);
    }
    assert.deepEqual(compact(await client.waitForDiagnostics(flowUri(), (ds) => sameDiagnostics(ds, flowDiagnostics))), flowDiagnostics);
  });

  it('answers every request on a half-typed flow', async () => {
    const uri = fileUri(path.join(workspace, 'half.cxflow'));
    const text = '(seq (send twilio sms {:to-phone-number "1" :message "x" :from-phone-number';
    await client.show(uri, 'cxflow', text);
    const diagnostics = await client.waitForDiagnostics(uri);
    // One error for the three forms left open, on the innermost.
    assert.deepEqual(compact(diagnostics), [
      ['syntax', rangeIn(text, '{')],
      ['syntax', rangeIn(text, ':from-phone-number')],
    ]);
    for (let character = 0; character <= text.length; character += 7) {
      const position = { line: 0, character };
      await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
    }
    // None of them failed behind an empty answer.
    client.assertNoFailures();
  });
});

/** The outline as `name [range]` lines, children indented under their parent. */
function outline(symbols: DocumentSymbol[]): string[] {
  const lines: string[] = [];
  const stack = symbols.map((s) => ({ s, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { s, depth } = stack.pop()!;
    lines.push(`${'  '.repeat(depth)}${s.name} ${JSON.stringify(compactRange(s.range))}`);
    for (let i = (s.children ?? []).length - 1; i >= 0; i--) stack.push({ s: s.children![i], depth: depth + 1 });
  }
  return lines;
}
