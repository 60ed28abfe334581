// W4: single-character edits to W2's file through the bundled server over stdio, each timed from
// `didChange` to the diagnostics of that version (pulled, as VS Code does); W4-4.2 the same on
// W2-4.2's program.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { performance } from 'node:perf_hooks';
import { BenchConfig } from '../config';
import { FlowFile } from '../generators';
import { stats, Stats } from '../measure';
import { row, times, WorkloadResult } from '../results';
import { LspSession } from '../lspSession';
import { serverPath } from './serverPaths';

/** Offsets just inside string values (after `:key "`), where people type most; evenly spread. */
export function typingOffsets(text: string, count: number): number[] {
  const openings: number[] = [];
  for (const m of text.matchAll(/ "/g)) openings.push(m.index! + 2);
  if (openings.length === 0) return [];
  return Array.from({ length: count }, (_, k) => openings[Math.floor(((k + 0.5) / count) * openings.length)]);
}

/** Which of the two typing runs, and its p95 target in ms. */
export interface W4Variant {
  id: 'W4' | 'W4-4.2';
  title: string;
  p95: number;
}

export const w4Variants: Record<'4.1' | '4.2', W4Variant> = {
  '4.1': { id: 'W4', title: 'typing', p95: 30 },
  '4.2': { id: 'W4-4.2', title: 'typing, 4.2 program', p95: 20 },
};

export async function runW4(config: BenchConfig, file: FlowFile, fullAnalysis: Stats | undefined, variant: W4Variant = w4Variants['4.1']): Promise<WorkloadResult> {
  const session = await LspSession.start({ serverPath: serverPath() });
  try {
    const uri = 'file:///bench/typing.cxflow';
    let mirror = TextDocument.create(uri, 'cxflow', 1, file.text);
    await session.open(uri, 'cxflow', file.text);
    await session.diagnostics(uri);

    // Offsets move right by one with each earlier insertion.
    const offsets = typingOffsets(file.text, config.edits).map((o, k) => o + k);
    const warmup = Math.min(config.warmup * 3, offsets.length);
    const samples: number[] = [];
    let lastCount = 0;
    for (let k = 0; k < offsets.length; k++) {
      const at = mirror.positionAt(offsets[k]);
      const change = { range: { start: at, end: at }, text: 'x' };
      mirror = TextDocument.update(mirror, [change], mirror.version + 1);
      const start = performance.now();
      await session.change(uri, [change]);
      lastCount = (await session.diagnostics(uri)).length;
      if (k >= warmup) samples.push(performance.now() - start);
    }
    const typing = stats(samples);
    const perEdit = fullAnalysis ? typing.median / fullAnalysis.median : NaN;
    return {
      id: variant.id,
      title: variant.title,
      input: { bytes: file.text.length, edits: offsets.length, 'timed edits': samples.length },
      rows: [row('ours: didChange → diagnostics of that version', 'ours', typing)],
      figures: {
        'per-edit cost / W2 full analysis (median)': Number.isFinite(perEdit) ? times(perEdit) : 'n/a',
        'diagnostics after the last edit': lastCount,
        'server RSS after typing (MiB)': session.rssMiB()?.toFixed(0) ?? 'n/a',
      },
      targets: [{ target: `${variant.id} p95 under ${variant.p95} ms`, measured: `${typing.p95.toFixed(1)} ms`, met: typing.p95 < variant.p95 }],
    };
  } finally {
    await session.stop();
  }
}
