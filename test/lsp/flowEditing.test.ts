// Typing in an open `.cxflow` file through the bundled server: after each incremental change the
// diagnostics pulled for it equal those of the same text opened fresh (which is read whole), so the
// re-reading of only the edited forms can't drift from a full read over a series of edits. Both
// must also be what the analyser finds in-process: two empty answers of a failing handler are equal.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeTextDocumentNotification,
  Diagnostic,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { seededRandom } from '../support/random';
import { languageIds } from '../../server/src/service/documentKind';
import { checkFlowDocument } from '../../server/src/service/flow';
import { withCodeDescription } from '../../server/src/service/codeLinks';
import { CompactRange, compact, documentOf } from '../support/documents';
import { builtinContext } from '../support/flowContext';
import { TestClient, fileUri, repoRoot } from '../support/lspClient';
import { readFlow } from '../support/service';

const sample = ['mistakes', 'escalations', 'abandoned-calls']
  .map((name) => fs.readFileSync(path.join(repoRoot, 'examples', 'flows', `${name}.cxflow`), 'utf8'))
  .join('\n');

/** The diagnostics of the three example flows (their deliberate mistakes) against the built-in definitions. */
const sampleDiagnostics: [string, CompactRange][] = [
  ['syntax', [5, 22, 5, 30]],
  ['unknown-form', [8, 3, 8, 7]],
  ['arity', [11, 3, 11, 8]],
  ['unknown-integration', [14, 8, 14, 15]],
  ['unknown-message', [17, 15, 17, 19]],
  ['missing-mandatory-field', [20, 8, 20, 18]],
  ['unknown-integration', [23, 8, 23, 15]],
  ['invalid-enum-value', [28, 35, 28, 43]],
  ['secret-inline', [31, 95, 31, 104]],
  ['duplicate-field', [34, 37, 34, 45]],
  ['response-outside-success', [38, 16, 38, 20]],
  ['unknown-unit', [41, 11, 41, 18]],
  ['unknown-integration', [45, 8, 45, 13]],
  ['unknown-integration', [61, 32, 61, 37]],
  ['unknown-integration', [76, 8, 76, 15]],
  ['unknown-integration', [80, 23, 80, 28]],
];

/**
 * What the analyser finds in `text` in this process, read whole, as it travels over the wire (the
 * server has only the built-in definitions too).
 */
const expectedFor = (text: string): Diagnostic[] =>
  JSON.parse(JSON.stringify(checkFlowDocument(readFlow(documentOf(text, 'flow')), builtinContext()).map(withCodeDescription))) as Diagnostic[];

const pieces = ['(', ')', '{', '}', '"', ';', '\n', ' ', 'x', ':to', ';; Then\n', '(send twilio sms {:to-phone-number *p*})\n'];

describe('typing in a flow over LSP', () => {
  let client: TestClient;
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-lsp-'));
    client = await TestClient.start({ rootPath: workspace, pull: true });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  const pull = async (uri: string): Promise<Diagnostic[]> => {
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport;
    return report.kind === 'full' ? report.items : [];
  };

  it('gives after every incremental change the diagnostics of the same text read whole', async () => {
    const random = seededRandom(5);
    const uri = fileUri(path.join(workspace, 'typing.cxflow'));
    let mirror = TextDocument.create(uri, languageIds.flow, 1, sample);
    await client.open(uri, languageIds.flow, sample);
    assert.deepEqual(compact(await pull(uri)), sampleDiagnostics);
    assert.deepEqual(compact(expectedFor(sample)), sampleDiagnostics);
    for (let step = 0; step < 40; step++) {
      const text = mirror.getText();
      const at = random.int(text.length + 1);
      const removed = random.chance(0.4) ? random.int(4) : 0;
      const change: TextDocumentContentChangeEvent = {
        range: { start: mirror.positionAt(at), end: mirror.positionAt(at + removed) },
        text: removed > 0 && random.chance(0.5) ? '' : random.pick(pieces),
      };
      mirror = TextDocument.update(mirror, [change], mirror.version + 1);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: mirror.version },
        contentChanges: [change],
      });
      const fresh = fileUri(path.join(workspace, `fresh-${step}.cxflow`));
      await client.open(fresh, languageIds.flow, mirror.getText());
      const expected = expectedFor(mirror.getText());
      assert.deepEqual(await pull(uri), expected, `step ${step}, edited`);
      assert.deepEqual(await pull(fresh), expected, `step ${step}, read whole`);
      await client.close(fresh);
    }
  });
});
