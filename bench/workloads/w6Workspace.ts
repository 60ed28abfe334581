// W6: a workspace of 1,000 definition files and 5,000 flow files on disk, through the server:
// index build, find-references from a definition's message into every flow, and resident memory.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageIds } from '../../server/src/service/documentKind';
import { BenchConfig } from '../config';
import { writeWorkspace } from '../generators';
import { fileUri, LspSession } from '../lspSession';
import { measure, stats } from '../measure';
import { row, WorkloadResult } from '../results';
import { serverPath } from './serverPaths';

export async function runW6(config: BenchConfig): Promise<WorkloadResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-bench-'));
  try {
    const ws = writeWorkspace(root, { definitions: config.wsDefinitions, flows: config.wsFlows, seed: config.seed });
    const flowFile = ws.flowFiles[0];
    const flowText = fs.readFileSync(flowFile, 'utf8');
    const targetDoc = TextDocument.create(fileUri(ws.target.file), languageIds.definition, 1, fs.readFileSync(ws.target.file, 'utf8'));
    const targetPosition = targetDoc.positionAt(ws.target.offset);

    // Index build: `initialized` goes out, the server scans the folder; a diagnostics pull of an
    // open flow is answered only once the index is ready, so its answer marks the end of the build.
    const builds: number[] = [];
    const rssAfterIndex: number[] = [];
    const starts = Math.max(1, Math.min(3, config.starts));
    let session: LspSession | undefined;
    for (let s = 0; s < starts; s++) {
      session = await LspSession.start({ serverPath: serverPath(), folder: root });
      await session.open(fileUri(flowFile), languageIds.flow, flowText);
      await session.diagnostics(fileUri(flowFile));
      builds.push(performance.now() - session.times.initializedAt);
      rssAfterIndex.push(session.rssMiB() ?? NaN);
      if (s < starts - 1) await session.stop();
    }
    const live = session!;
    try {
      await live.open(targetDoc.uri, languageIds.definition, targetDoc.getText());
      const firstStart = performance.now();
      let found = (await live.references(targetDoc.uri, targetPosition))?.length ?? 0;
      const first = performance.now() - firstStart;
      const references = await measure({ warmup: 0, runs: Math.max(2, Math.min(5, config.runs)) }, async () => {
        found = (await live.references(targetDoc.uri, targetPosition))?.length ?? 0;
      });
      const rss = live.rssMiB() ?? NaN;
      const index = stats(builds);
      const peakIndexRss = rssAfterIndex.reduce((a, b) => Math.max(a, b), -Infinity);
      return {
        id: 'W6',
        title: 'workspace',
        input: { 'definition files': ws.definitionFiles.length, 'flow files': ws.flowFiles.length, 'bytes on disk': ws.bytes },
        rows: [
          row('ours: index build (initialized → first diagnostics of an open flow)', 'ours', index),
          row(`ours: find references to ${ws.target.type} ${ws.target.message} (files cached)`, 'ours', references),
        ],
        figures: {
          'find references, first call (reads every flow from disk) ms': first.toFixed(0),
          'references found / expected': `${found} / ${ws.expectedReferences}`,
          'server RSS after index (MiB)': peakIndexRss.toFixed(0),
          'server RSS after references (MiB)': rss.toFixed(0),
        },
        targets: [
          { target: 'W6 index under 3 s', measured: `${(index.median / 1000).toFixed(2)} s`, met: index.median < 3000 },
          { target: 'W6 RSS under 300 MB', measured: `${Math.max(rss, peakIndexRss).toFixed(0)} MiB`, met: Math.max(rss, peakIndexRss) * 1.048576 < 300 },
        ],
      };
    } finally {
      await live.stop();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
