// The bundled server over stdio on hostile input: FIFOs and /dev/zero behind definition names,
// files outside the workspace, badly escaped and differently spelt URIs, a workspace folder at
// `/`, texts that used to take seconds and gigabytes, and a version number sent twice. Sizes,
// counts and memory are asserted; times are the benchmark's.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeLensRequest,
  CompletionList,
  CompletionRequest,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  DocumentSymbol,
  DocumentSymbolRequest,
  FileChangeType,
  ReferencesRequest,
} from 'vscode-languageserver-protocol/node';
import { FormModelRequest } from '../../server/src/protocol';
import { TestClient, fileUri } from '../support/lspClient';

const crm = (display: string) =>
  JSON.stringify({ type: 'crm', display, endpoint: { name: 'crm', type: 'crm', display, params: [], sends: { note: { text: { type: 'mandatory' } } } } }, null, 2);

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as DocumentDiagnosticReport;
  return report.kind === 'full' ? report.items : [];
}

/** How many symbols an outline holds, nested ones included (the bound counts them all). */
function symbolCount(symbols: readonly DocumentSymbol[]): number {
  let count = 0;
  const stack = [...symbols];
  while (stack.length > 0) {
    const symbol = stack.pop() as DocumentSymbol;
    count++;
    for (const child of symbol.children ?? []) stack.push(child);
  }
  return count;
}

/** The server's peak resident memory in MiB (Linux), from /proc. */
function peakRssMiB(client: TestClient): number {
  const status = fs.readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
  const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
  return kib / 1024;
}

describe('the server on hostile input', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-robust-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A workspace folder with `files`, a server (pulling diagnostics) over it, and `body` run against both. */
  async function serve(name: string, files: Record<string, string>, body: (client: TestClient, ws: string) => Promise<void>): Promise<void> {
    const ws = path.join(root, name);
    fs.mkdirSync(ws);
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(ws, file), text);
    const client = await TestClient.start({ rootPath: ws, pull: true });
    try {
      await body(client, ws);
    } finally {
      await client.stop();
    }
  }

  it('a FIFO and /dev/zero named like our files never block it, and no file outside the workspace is read', async () => {
    const outside = path.join(root, 'outside.integration.json');
    fs.writeFileSync(outside, crm('Outside'));
    await serve('special', {}, async (client, ws) => {
      spawnSync('mkfifo', [path.join(ws, 'fifo.integration.json')]);
      fs.symlinkSync('/dev/zero', path.join(ws, 'zero.integration.json'));
      await client.fileChanged(fileUri(path.join(ws, 'fifo.integration.json')), FileChangeType.Created);
      await client.fileChanged(fileUri(path.join(ws, 'zero.integration.json')), FileChangeType.Changed);
      for (const file of ['fifo.integration.json', 'zero.integration.json']) {
        assert.equal(await client.connection.sendRequest(FormModelRequest, { uri: fileUri(path.join(ws, file)) }), null);
      }
      assert.equal(await client.connection.sendRequest(FormModelRequest, { uri: fileUri(outside) }), null);
      // Still answering, and small.
      const flow = fileUri(path.join(ws, 'f.cxflow'));
      await client.open(flow, 'cxflow', '(send echo message {:message "hi"})\n');
      assert.deepEqual(await pull(client, flow), []);
      assert.ok(peakRssMiB(client) < 200, `${peakRssMiB(client)} MiB`);
    });
  });

  it('a definition opened under a URI with a bad % escape leaves the index when closed', async () => {
    await serve('escapes', { 'crm.integration.json': crm('On disk') }, async (client, ws) => {
      const onDisk = fileUri(path.join(ws, 'crm.integration.json'));
      const bad = `${fileUri(ws)}/bad%zz.integration.json`;
      await client.open(onDisk, 'cxengage-integration', crm('On disk'));
      await client.open(bad, 'cxengage-integration', crm('Badly named'));
      assert.deepEqual((await pull(client, onDisk)).map((d) => [d.code, d.message]), [['duplicate-type', 'Integration type `crm` is also declared by bad%zz.integration.json']]);
      await client.close(bad);
      assert.deepEqual(await pull(client, onDisk), []);
      assert.equal(client.stderr, '');
    });
  });

  it('Neovim\'s spelling `proj%20(copy)` is the file the scan found: no duplicate of itself, and its references found', async () => {
    await serve('proj (copy)', { 'crm.integration.json': crm('CRM'), 'main.cxflow': '(send crm note {:text "x"})\n' }, async (client, ws) => {
      const neovim = fileUri(path.join(ws, 'crm.integration.json')).replace('%28', '(').replace('%29', ')');
      assert.match(neovim, /proj%20\(copy\)/);
      await client.open(neovim, 'cxengage-integration', crm('CRM'));
      assert.deepEqual(await pull(client, neovim), []);
      const type = crm('CRM').indexOf('"crm"');
      const lines = crm('CRM').slice(0, type).split('\n');
      const references = await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri: neovim },
        position: { line: lines.length - 1, character: lines[lines.length - 1].length + 1 },
        context: { includeDeclaration: false },
      });
      assert.deepEqual(
        references?.map((l) => [l.uri, l.range.start.line, l.range.start.character]),
        [[fileUri(path.join(ws, 'main.cxflow')), 0, 6]],
      );
    });
  });

  it('a workspace folder at / does not keep it from answering', async () => {
    const client = await TestClient.start({ rootPath: '/', pull: true });
    try {
      const flow = fileUri(path.join(root, 'root.cxflow'));
      await client.open(flow, 'cxflow', '(send ');
      const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: flow }, position: { line: 0, character: 6 } })) as CompletionList;
      assert.ok(list.items.some((i) => i.label === 'twilio'));
      assert.equal(client.stderr, '');
    } finally {
      await client.stop();
    }
  });

  it('texts that used to take seconds and gigabytes: small answers, and the server under 400 MiB', async () => {
    await serve('cliffs', {}, async (client, ws) => {
      const inputs: [string, string, string][] = [
        ['quotes.cxflow', 'cxflow', '"'.repeat(5_242_880)],
        ['maps.cxflow', 'cxflow', '{}'.repeat(2_600_000)],
        ['patterns.cxflow', 'cxflow', `; cxengage-dialect: 4.1\n${'{}'.repeat(200_000)}`],
        ['problems.cxflow', 'cxflow', '(send echo message {:message "hi" :x 1})\n'.repeat(127_000)],
      ];
      const sizes: Record<string, [number, number, number]> = {};
      for (const [name, language, text] of inputs) {
        const uri = fileUri(path.join(ws, name));
        await client.open(uri, language, text);
        const diagnostics = await pull(client, uri);
        const symbols = ((await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? []) as DocumentSymbol[];
        const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
        sizes[name] = [diagnostics.length, symbolCount(symbols), lenses.length];
        await client.close(uri);
      }
      assert.deepEqual(sizes, {
        'quotes.cxflow': [1, 0, 0],
        'maps.cxflow': [1, 0, 0],
        'patterns.cxflow': [0, 5000, 0],
        'problems.cxflow': [1001, 5000, 5000],
      });
      assert.ok(peakRssMiB(client) < 400, `${peakRssMiB(client)} MiB`);
    });
  });

  it('a version number sent twice: the diagnostics follow the text, not the number', async () => {
    await serve('twice', {}, async (client, ws) => {
      const uri = fileUri(path.join(ws, 'twice.cxflow'));
      await client.open(uri, 'cxflow', '(send echo message {:message "hi"})');
      const change = (text: string) =>
        client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
      await change('(send echo mesage {:message "hi"})');
      assert.deepEqual((await pull(client, uri)).map((d) => d.code), ['unknown-message']);
      await change('(send echo message {:message "hi"})');
      assert.deepEqual(await pull(client, uri), []);
    });
  });
});
