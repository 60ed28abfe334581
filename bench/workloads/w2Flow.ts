// W2: reader + analyser over a 1 MB flow file beside edn-data reading the same text (no ranges,
// no recovery, no checks) and JSON.parse of an equivalent JSON document of the same size; once
// for a 4.1 file of pattern maps (W2) and once for a 4.2 program (W2-4.2), with the same peers.
import { parseEDNString } from 'edn-data';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageIds } from '../../server/src/service/documentKind';
import { readFlowDocument } from '../../server/src/service/flow/index';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import { analyseRegion } from '../../server/src/service/flow/analysis/analyser';
import { BenchConfig } from '../config';
import { FlowFile, generateFlowFile, generateFlowFile42 } from '../generators';
import { compare } from '../measure';
import { ratio, row, times, WorkloadResult } from '../results';
import { benchService } from './context';

export function w2Input(config: BenchConfig): FlowFile {
  return generateFlowFile({ sends: config.flowSends, bytes: config.flowBytes, seed: config.seed });
}

export function w2Input42(config: BenchConfig): FlowFile {
  return generateFlowFile42({ sends: config.flowSends, bytes: config.flowBytes, seed: config.seed });
}

/** Which of the two W2 runs, and the targets of its dialect. */
export interface W2Variant {
  id: 'W2' | 'W2-4.2';
  title: string;
  /** How many times JSON.parse's time the full analysis may take. */
  floorFactor: number;
}

export const w2Variants: Record<'4.1' | '4.2', W2Variant> = {
  '4.1': { id: 'W2', title: 'flow check', floorFactor: 4 },
  '4.2': { id: 'W2-4.2', title: 'flow check, 4.2 program', floorFactor: 3 },
};

/**
 * The flow text as one EDN value: edn-data reads a single top-level form, and a flow file holds
 * many; in a vector it reads them all (the newline keeps a last comment from hiding the bracket).
 */
export function ednDocument(text: string): string {
  return `[${text}\n]`;
}

export async function runW2(config: BenchConfig, file: FlowFile, variant: W2Variant = w2Variants['4.1']): Promise<WorkloadResult> {
  const uri = 'file:///bench/generated.cxflow';
  const service = benchService();
  const ctx = service.contextFor(uri);
  // A new document each run: a new version of one document would be re-read incrementally (W4's case).
  const docAt = (i: number) => TextDocument.create(`file:///bench/generated-${i + 1}.cxflow`, languageIds.flow, 1, file.text);
  const timing = { warmup: config.warmup, runs: config.runs };

  const region = readFlowDocument(docAt(-1)).regions[0];
  const ednText = ednDocument(file.text);
  let diagnostics = 0;
  const t = await compare(timing, {
    full: async (i) => {
      const doc = docAt(i);
      service.documentChanged(doc);
      diagnostics = (await service.diagnostics(doc.uri)).length;
      await service.documentClosed(doc.uri);
    },
    reader: () => readFlow(file.text),
    analyser: () => analyseRegion(region, ctx, () => undefined),
    edn: () => parseEDNString(ednText),
    floor: () => JSON.parse(file.json),
  });

  const oursRow = row('ours: reader + analyser, all diagnostics', 'ours', t.full);
  const ednRow = row('edn-data parseEDNString of the same text in [ ] (reading only)', 'peer', t.edn, 'edn-data');
  const floorRow = row(`JSON.parse of the equivalent JSON (${(file.json.length / 1024).toFixed(0)} KiB)`, 'peer', t.floor, 'JSON.parse');
  const vsEdn = ratio(oursRow, ednRow);
  const vsFloor = ratio(oursRow, floorRow);
  return {
    id: variant.id,
    title: variant.title,
    input: { bytes: file.text.length, [variant.id === 'W2' ? 'sends' : 'interactions']: file.sends, [variant.id === 'W2' ? 'patterns' : 'blocks']: file.patterns, 'deliberate mistakes': file.mistakes, 'JSON bytes': file.json.length },
    rows: [oursRow, row('ours: reader alone', 'ours', t.reader), row('ours: analyser alone (tree cached)', 'ours', t.analyser), ednRow, floorRow],
    figures: { diagnostics },
    targets: [
      { target: `${variant.id} faster than edn-data reading only`, measured: times(vsEdn), met: vsEdn < 1 },
      { target: `${variant.id} within ${variant.floorFactor}× of JSON.parse`, measured: times(vsFloor), met: vsFloor <= variant.floorFactor },
      { target: 'issue 3: full analysis under 100 ms', measured: `${t.full.median.toFixed(1)} ms`, met: t.full.median < 100 },
    ],
  };
}
