// W9: hostile input under the size limit, through the server over stdio: texts of millions of tiny
// forms, a flow of 127,000 problems, 200,000 pattern maps, a 5 MB definition, and the densest text
// the form guard still lets through. Every request of every input is timed; the target is that
// none takes over 2 s and the server stays under 400 MiB.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CodeLensRequest, DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { languageIds } from '../../server/src/service/documentKind';
import { BenchConfig } from '../config';
import { generateDefinitionFile } from '../generators';
import { LspSession } from '../lspSession';
import { stats } from '../measure';
import { row, WorkloadResult } from '../results';
import { serverPath } from './serverPaths';

interface HostileInput {
  name: string;
  kind: 'flow' | 'definition';
  text: string;
}

function inputs(scale: number): HostileInput[] {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  return [
    { name: 'quotes', kind: 'flow', text: '"'.repeat(n(5_242_880)) },
    { name: 'empty maps', kind: 'flow', text: '{}'.repeat(n(2_600_000)) },
    { name: 'pattern maps', kind: 'flow', text: `; cxengage-dialect: 4.1\n${'{}'.repeat(n(200_000))}` },
    { name: '127,000 problems', kind: 'flow', text: '(send echo message {:message "hi" :x 1})\n'.repeat(n(127_000)) },
    // Just under the guard of 1,200,000 forms: two forms and a problem each.
    { name: 'one-word lists', kind: 'flow', text: '(a)'.repeat(n(599_000)) },
    { name: '5 MB definition', kind: 'definition', text: generateDefinitionFile({ messages: n(5000), fields: 10, bytes: n(5_000_000), seed: 7 }).text },
  ];
}

/** The server's peak resident memory (Linux /proc), in MiB. */
function peakRssMiB(session: LspSession): number {
  try {
    const status = fs.readFileSync(`/proc/${session.child.pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
  } catch {
    return NaN;
  }
}

async function timed<T>(samples: number[], request: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const answer = await request();
  samples.push(performance.now() - start);
  return answer;
}

export async function runW9(config: BenchConfig): Promise<WorkloadResult> {
  const session = await LspSession.start({ serverPath: serverPath() });
  const all: number[] = [];
  const figures: Record<string, string | number> = {};
  let worst = 0;
  try {
    for (const input of inputs(config.quick ? 0.1 : 1)) {
      const uri = `file:///bench/hostile-${input.name.replace(/\W+/g, '-')}${input.kind === 'flow' ? '.cxflow' : '.integration.json'}`;
      const samples: number[] = [];
      await session.open(uri, input.kind === 'flow' ? languageIds.flow : languageIds.definition, input.text);
      const diagnostics = await timed(samples, () => session.diagnostics(uri));
      const symbols = await timed(samples, () => session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
      const lenses = await timed(samples, () => session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }));
      const middle = { line: 0, character: Math.min(1000, input.text.length) };
      await timed(samples, () => session.completion(uri, middle));
      await timed(samples, () => session.hover(uri, middle));
      // A second pull after an edit elsewhere: the re-check the editor asks for.
      await session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      await timed(samples, () => session.diagnostics(uri));
      await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      const slowest = samples.reduce((a, b) => Math.max(a, b), 0);
      worst = Math.max(worst, slowest);
      for (const s of samples) all.push(s);
      figures[`${input.name}: slowest request (ms)`] = slowest.toFixed(0);
      figures[`${input.name}: diagnostics / symbols / lenses`] = `${diagnostics.length} / ${symbols?.length ?? 0} / ${lenses?.length ?? 0}`;
    }
    const rss = peakRssMiB(session);
    figures['server peak RSS (MiB)'] = rss.toFixed(0);
    return {
      id: 'W9',
      title: 'hostile input',
      input: { inputs: inputs(config.quick ? 0.1 : 1).length, scale: config.quick ? 0.1 : 1 },
      rows: [row('ours: every request on every input', 'ours', stats(all))],
      figures,
      targets: [
        { target: 'W9 every request under 2 s', measured: `slowest ${worst.toFixed(0)} ms`, met: worst < 2000 },
        { target: 'W9 server peak under 400 MiB', measured: `${rss.toFixed(0)} MiB`, met: rss < 400 },
      ],
    };
  } finally {
    await session.stop();
  }
}
