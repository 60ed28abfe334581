// W5: completion and hover at 500 positions of W2's file through the server over stdio (and the
// same calls in process, which tells the server's work from the transport's).
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Position } from 'vscode-languageserver-types';
import { languageIds } from '../../server/src/service/documentKind';
import { completeFlow, hoverFlow } from '../../server/src/service/flow/editing/features';
import { readFlowDocument } from '../../server/src/service/flow/index';
import { BenchConfig } from '../config';
import { FlowFile } from '../generators';
import { LspSession } from '../lspSession';
import { stats } from '../measure';
import { row, WorkloadResult } from '../results';
import { builtinContext } from './context';
import { serverPath } from './serverPaths';

/**
 * Positions of the kinds people ask at, cycling through the sends of the file: on the integration
 * name, on the message type, just inside the params map, on a field keyword, inside a value string.
 */
export function featureOffsets(text: string, count: number): number[] {
  const sends = [...text.matchAll(/\(send (\S+) (\S+) \{/g)];
  if (sends.length === 0) return [];
  return Array.from({ length: count }, (_, k) => {
    const m = sends[Math.floor(((k + 0.5) / count) * sends.length)];
    const at = m.index!;
    const integration = at + '(send '.length;
    const message = integration + m[1].length + 1;
    const brace = message + m[2].length + 1;
    const keyword = text.indexOf(':', brace);
    const string = text.indexOf('"', brace);
    switch (k % 5) {
      case 0:
        return integration + 1;
      case 1:
        return message + 1;
      case 2:
        return brace + 1;
      case 3:
        return keyword + 2;
      default:
        return string + 1;
    }
  });
}

async function timeEach<T>(positions: Position[], warmup: number, ask: (p: Position) => Promise<T> | T, count: (r: T) => number) {
  for (const p of positions.slice(0, warmup)) await ask(p);
  const samples: number[] = [];
  let answered = 0;
  for (const p of positions) {
    const start = performance.now();
    const r = await ask(p);
    samples.push(performance.now() - start);
    answered += count(r);
  }
  return { stats: stats(samples), answered };
}

export async function runW5(config: BenchConfig, file: FlowFile): Promise<WorkloadResult> {
  const uri = 'file:///bench/features.cxflow';
  const doc = TextDocument.create(uri, languageIds.flow, 1, file.text);
  const positions = featureOffsets(file.text, config.positions).map((o) => doc.positionAt(o));
  const warmup = Math.min(50, positions.length);
  const ctx = builtinContext(uri);
  const flowDoc = readFlowDocument(doc);
  const localCompletion = await timeEach(positions, warmup, (p) => completeFlow(flowDoc, p, ctx, { snippets: true }), (r) => r.length);
  const localHover = await timeEach(positions, warmup, (p) => hoverFlow(flowDoc, p, ctx), (r) => (r ? 1 : 0));

  const session = await LspSession.start({ serverPath: serverPath() });
  try {
    await session.open(uri, languageIds.flow, file.text);
    await session.diagnostics(uri);
    const completion = await timeEach(positions, warmup, (p) => session.completion(uri, p), (r) => (Array.isArray(r) ? r.length : (r?.items.length ?? 0)));
    const hover = await timeEach(positions, warmup, (p) => session.hover(uri, p), (r) => (r ? 1 : 0));
    return {
      id: 'W5',
      title: 'completion and hover',
      input: { bytes: file.text.length, positions: positions.length },
      rows: [
        row('ours: completion through the server', 'ours', completion.stats),
        row('ours: hover through the server', 'ours', hover.stats),
        row('ours: completion in process (no transport)', 'ours', localCompletion.stats),
        row('ours: hover in process (no transport)', 'ours', localHover.stats),
      ],
      figures: { 'completion items (all positions)': completion.answered, 'positions with a hover': hover.answered },
      targets: [
        { target: 'W5 completion p95 under 2 ms', measured: `${completion.stats.p95.toFixed(2)} ms`, met: completion.stats.p95 < 2 },
        { target: 'W5 hover p95 under 2 ms', measured: `${hover.stats.p95.toFixed(2)} ms`, met: hover.stats.p95 < 2 },
      ],
    };
  } finally {
    await session.stop();
  }
}
