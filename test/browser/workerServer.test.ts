// The browser build of the server (dist/browser/server.js) in a Worker of headless Chromium, over
// postMessage JSON-RPC, against a `vscode-vfs://` workspace that this test serves through the
// server's file requests: what vscode.dev and github.dev run, minus the editor.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CompletionList,
  CompletionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  HoverRequest,
  Location,
  MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { FormModelRequest, IntegrationFormModel, SendFormModel } from '../../server/src/protocol';
import { messages } from '../../server/src/service/codes';
import { crmDefinition, crmFileName } from '../support/definitions';
import { compact, compactRange, rangeIn } from '../support/documents';
import { repoRoot } from '../support/lspClient';
import { VirtualWorkspace, WorkerSession, startWorkerHost, stopWorkerHost } from '../support/workerHost';

const folder = 'vscode-vfs://github/cxengage/flows';
const flowUri = `${folder}/flows/main.cxflow`;
const defUri = `${folder}/${crmFileName}`;

const flow = `;; Then
(seq
  (send crm note {:text "hello"})
  (send crm note {:colour "blue" })
  (send twilio sms {:to-phone-number *phone*}))
`;

/** The crm definition in the repository, closed: the server must read it through the editor. */
function crmWorkspace(): VirtualWorkspace {
  const workspace = new VirtualWorkspace();
  workspace.files.set(defUri, crmDefinition);
  workspace.files.set(flowUri, flow);
  return workspace;
}

async function open(session: WorkerSession, uri: string, languageId: string, text: string): Promise<void> {
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
}

async function pull(session: WorkerSession, uri: string) {
  const report = (await session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport;
  assert.equal(report.kind, 'full');
  return report.kind === 'full' ? report.items : [];
}

/** Resolves once `probe` holds, checking every 20 ms; fails with `what` after 15 s (a hang, not slowness). */
async function until(what: string, probe: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the server in a web worker', () => {
  before(() => startWorkerHost());
  after(stopWorkerHost);

  describe('a vscode-vfs workspace', () => {
    let session: WorkerSession;
    const workspace = crmWorkspace();

    before(async () => {
      session = await WorkerSession.start(workspace, { folders: [folder] });
      await open(session, flowUri, 'cxflow', flow);
    });
    after(() => session.stop());

    it('initializes over postMessage with pull diagnostics, and says where it runs', async () => {
      assert.equal(session.initializeResult.serverInfo?.name, 'cxengage-language-server');
      assert.deepEqual(session.initializeResult.capabilities.diagnosticProvider, { identifier: 'cxengage', interFileDependencies: true, workspaceDiagnostics: false });
      await until('the start-up log line', () => session.logs.some((l) => l.startsWith('CxEngage language server')));
      assert.match(session.logs.find((l) => l.startsWith('CxEngage language server')) ?? '', new RegExp(`on a web worker; workspace folders: ${folder}$`));
    });

    it('checks a flow against a closed workspace definition read through the editor and a bundled built-in', async () => {
      const diagnostics = await pull(session, flowUri);
      assert.deepEqual(compact(diagnostics), [
        ['missing-mandatory-field', rangeIn(flow, 'crm note', 1)],
        ['invalid-enum-value', rangeIn(flow, '"blue"')],
        ['missing-mandatory-field', rangeIn(flow, 'twilio sms')],
      ]);
      assert.deepEqual(
        diagnostics.map((d) => d.message),
        [
          messages.missingMandatoryFields('crm', 'note', ['text']),
          messages.invalidEnumValue('blue', 'colour', ['red', 'green']),
          messages.missingMandatoryFields('twilio', 'sms', ['from-phone-number', 'message']),
        ],
      );
      // The scan asked the editor once, bounded, with the folder's own globs.
      assert.deepEqual(
        workspace.searches.map((s) => [s.params.folder, s.params.include, s.params.exclude, s.params.maxResults]),
        [[`${folder}/`, ['**/*.integration.json', '**/*.cxflow', '**/*.pattern.json', '**/*.template.json'], ['**/node_modules/**', '**/.git/**'], 20_001]],
      );
    });

    it('completes the fields of a message', async () => {
      const at = rangeIn(flow, ' }');
      const list = (await session.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: flowUri },
        position: { line: at[0], character: at[1] + 1 },
      })) as CompletionList | null;
      assert.deepEqual(
        list?.items.map((i) => [i.label, i.textEdit?.newText]),
        [
          [':text', ':text "$1"'],
          ['all mandatory fields', ':text "$1"'],
        ],
      );
    });

    it('hovers a message type with its field table', async () => {
      const note = rangeIn(flow, 'note');
      const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: flowUri }, position: { line: note[0], character: note[1] + 1 } });
      assert.ok(hover);
      assert.equal((hover.contents as MarkupContent).value.split('\n')[0], '**crm note** message');
      assert.deepEqual(compactRange(hover.range!), note);
    });

    it('goes to a workspace definition by its vscode-vfs uri, and to a built-in under its own scheme', async () => {
      const note = rangeIn(flow, 'note');
      const local = (await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: flowUri }, position: { line: note[0], character: note[1] } })) as Location[];
      assert.deepEqual(
        local.map((l) => [l.uri, compactRange(l.range)]),
        [[defUri, rangeIn(crmDefinition, '"note"')]],
      );
      const twilio = rangeIn(flow, 'twilio');
      const builtin = (await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: flowUri }, position: { line: twilio[0], character: twilio[1] + 2 } })) as Location[];
      const shipped = fs.readFileSync(path.join(repoRoot, 'schemas', 'builtin', 'twilio.integration.json'), 'utf8');
      assert.deepEqual(
        builtin.map((l) => [l.uri, compactRange(l.range)]),
        [['cxengage-builtin:/twilio.integration.json', rangeIn(shipped, '"twilio"')]],
      );
    });

    it('builds both previews: the form of a send, and of an integration read through the editor', async () => {
      const note = rangeIn(flow, 'crm note', 1);
      const send = (await session.connection.sendRequest(FormModelRequest, { uri: flowUri, position: { line: note[0], character: note[1] } })) as SendFormModel;
      assert.deepEqual([send.kind, send.integration, send.message, send.definitionUri], ['send', 'crm', 'note', defUri]);
      assert.deepEqual(send.fields.map((f) => f.name), ['text', 'colour']);
      assert.deepEqual(send.problems.map((p) => p.code), ['missing-mandatory-field', 'invalid-enum-value']);
      const crm = (await session.connection.sendRequest(FormModelRequest, { integrationType: 'crm', uri: flowUri })) as IntegrationFormModel;
      assert.deepEqual([crm.kind, crm.uri, crm.configuration.map((i) => i.label)], ['integration', defUri, ['Login', 'Secret']]);
      const twilio = (await session.connection.sendRequest(FormModelRequest, { integrationType: 'twilio' })) as IntegrationFormModel;
      assert.deepEqual([twilio.uri, twilio.builtin], ['cxengage-builtin:/twilio.integration.json', true]);
    });

    it('checks an untitled flow, and fetches nothing from the network', async () => {
      const untitled = 'untitled:Untitled-1';
      const text = '(send crm note {:colour "red"})\n';
      await open(session, untitled, 'cxflow', text);
      assert.deepEqual(compact(await pull(session, untitled)), [['missing-mandatory-field', rangeIn(text, 'crm note')]]);
      assert.deepEqual(session.network, []);
      assert.deepEqual(session.errors, []);
    });
  });

  describe('bad input', () => {
    it('scans a workspace of 10,000 files through the editor and still answers', async () => {
      const workspace = crmWorkspace();
      for (let i = 0; i < 10_000; i++) workspace.files.set(`${folder}/many/f${String(i).padStart(5, '0')}.cxflow`, `(send crm note {:text "${i}"})\n`);
      // A name whose escapes do not decode is passed over; the rest of the folder still counts.
      workspace.files.set(`${folder}/broken%E0%A4%A.integration.json`, crmDefinition.replace('"crm"', '"broken"'));
      const session = await WorkerSession.start(workspace, { folders: [folder] });
      try {
        await open(session, flowUri, 'cxflow', flow);
        await until('the index summary', () => session.logs.some((l) => l.startsWith('Definitions: 8 built-in, 1 in the workspace')));
        assert.deepEqual(compact(await pull(session, flowUri)).map(([code]) => code), ['missing-mandatory-field', 'invalid-enum-value', 'missing-mandatory-field']);
        assert.equal(workspace.searches.length, 1);
        assert.deepEqual(session.logs.filter((l) => l.startsWith('Could not')), []);
      } finally {
        await session.stop();
      }
    });

    it('answers while a search never ends, and cancels that search when a newer scan starts', async () => {
      const workspace = crmWorkspace();
      workspace.hangSearches = true;
      const session = await WorkerSession.start(workspace, { folders: [folder] });
      try {
        await open(session, flowUri, 'cxflow', flow);
        // Without the closed definition, crm is unknown: the server answered with what it knew.
        assert.deepEqual(compact(await pull(session, flowUri)).map(([code]) => code), ['unknown-integration', 'unknown-integration', 'missing-mandatory-field']);
        await until('the first search', () => workspace.searches.length === 1);
        await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
        await until('the first search cancelled', () => workspace.searches[0].cancelled);
        await until('a second search', () => workspace.searches.length === 2);
      } finally {
        await session.stop();
      }
    });

    it('says which folder the file system refused, and goes on with open documents', async () => {
      const workspace = crmWorkspace();
      workspace.refused.set(folder, 'EntryNotFound (FileSystemError): no permission');
      const session = await WorkerSession.start(workspace, { folders: [folder] });
      try {
        await open(session, flowUri, 'cxflow', flow);
        await until('the refusal logged', () => session.logs.some((l) => l.includes('Could not read the folder')));
        assert.ok(session.logs.includes(`Could not search the folder ${folder}/: EntryNotFound (FileSystemError): no permission`), session.logs.join('\n'));
        assert.ok(session.logs.includes(`Could not read the folder ${folder}/`));
        assert.deepEqual(compact(await pull(session, flowUri)).map(([code]) => code), ['unknown-integration', 'unknown-integration', 'missing-mandatory-field']);
      } finally {
        await session.stop();
      }
    });

    it('says which document it could not read, and answers with no problems rather than waiting', async () => {
      const workspace = crmWorkspace();
      const restored = `${folder}/flows/restored.cxflow`;
      workspace.files.set(restored, flow);
      workspace.unreadable.set(restored, 'Unable to resolve filesystem provider with relative file path');
      const session = await WorkerSession.start(workspace, { folders: [folder] });
      try {
        // A tab restored but never opened is pulled by uri: its text must come through the editor.
        assert.deepEqual(await pull(session, restored), []);
        assert.ok(session.logs.includes(`Could not read ${restored}: Unable to resolve filesystem provider with relative file path`), session.logs.join('\n'));
        // A scheme outside every folder is not read at all.
        assert.deepEqual(await pull(session, 'git:/flows/other.cxflow?ref=main'), []);
      } finally {
        await session.stop();
      }
    });
  });
});
