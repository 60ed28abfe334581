// W11: the browser build: the size of the web worker server and of the browser extension, minified
// as shipped, and start to first diagnostics of an open flow in a Worker of headless Chromium.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DidOpenTextDocumentNotification, DocumentDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import { languageIds } from '../../server/src/service/documentKind';
import { VirtualWorkspace, WorkerSession, bareWorkerStart, startWorkerHost, stopWorkerHost } from '../../test/support/workerHost';
import { BenchConfig } from '../config';
import { generateFlowFile } from '../generators';
import { stats } from '../measure';
import { ratio, row, times, WorkloadResult } from '../results';
import { repoRoot } from './serverPaths';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const targetMs = 300;

export async function runW11(config: BenchConfig): Promise<WorkloadResult> {
  const dir = path.join(repoRoot(), 'out', 'bench', 'browser');
  const serverBundle = path.join(dir, 'server.js');
  const flow = generateFlowFile({ sends: 20, bytes: 4096, seed: config.seed });
  const folder = 'vscode-vfs://github/bench/flows';
  const uri = `${folder}/startup.cxflow`;
  const initialize: number[] = [];
  const firstDiagnostics: number[] = [];
  const bareWorker: number[] = [];
  const starts = Math.max(1, config.starts);
  await startWorkerHost(serverBundle);
  try {
    for (let s = 0; s < starts + 1; s++) {
      const workspace = new VirtualWorkspace();
      workspace.files.set(uri, flow.text);
      const session = await WorkerSession.start(workspace, { folders: [folder] });
      const initializedAt = performance.now();
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: languageIds.flow, version: 1, text: flow.text } });
      await session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      const diagnosticsAt = performance.now();
      // The first start fills the browser's caches (the bundle fetched and compiled); it is not counted.
      if (s > 0) {
        initialize.push(initializedAt - session.startedAt);
        firstDiagnostics.push(diagnosticsAt - session.startedAt);
      }
      await session.stop();
      const bare = await bareWorkerStart();
      if (s > 0) bareWorker.push(bare);
    }
  } finally {
    await stopWorkerHost();
  }
  const first = stats(firstDiagnostics);
  const firstRow = row('ours: new Worker → first diagnostics of an open flow', 'ours', first);
  const bareRow = row('a worker that only posts a message (new Worker → its message)', 'peer', stats(bareWorker), 'bare worker');
  return {
    id: 'W11',
    title: 'browser build (web worker)',
    input: { starts, 'open file bytes': flow.text.length, 'open file sends': flow.sends },
    rows: [
      row('ours: new Worker → initialize result', 'ours', stats(initialize)),
      firstRow,
      bareRow,
    ],
    figures: {
      'web worker server bundle (minified)': kib(fs.statSync(serverBundle).size),
      'browser extension bundle (minified)': kib(fs.statSync(path.join(dir, 'extension.js')).size),
    },
    targets: [
      {
        target: `W11 first diagnostics in the worker under ${targetMs} ms after start`,
        measured: `${first.median.toFixed(0)} ms (median; ${times(ratio(firstRow, bareRow))} a bare worker's start)`,
        met: first.median < targetMs,
      },
    ],
  };
}
