// W2: reader + analyser over a 1 MB flow file beside edn-data reading the same text (no ranges,
// no recovery, no checks) and JSON.parse of an equivalent JSON document of the same size.
import { parseEDNString } from 'edn-data';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageIds } from '../../server/src/service/documentKind';
import { readFlowDocument } from '../../server/src/service/flow/index';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import { analyseRegion } from '../../server/src/service/flow/analysis/analyser';
import { BenchConfig } from '../config';
import { FlowFile, generateFlowFile } from '../generators';
import { compare } from '../measure';
import { ratio, row, times, WorkloadResult } from '../results';
import { benchService } from './context';

export function w2Input(config: BenchConfig): FlowFile {
  return generateFlowFile({ sends: config.flowSends, bytes: config.flowBytes, seed: config.seed });
}

/**
 * The flow text as one EDN value: edn-data reads a single top-level form, and a flow file holds
 * many; in a vector it reads them all (the newline keeps a last comment from hiding the bracket).
 */
export function ednDocument(text: string): string {
  return `[${text}\n]`;
}

export async function runW2(config: BenchConfig, file: FlowFile): Promise<WorkloadResult> {
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
    id: 'W2',
    title: 'flow check',
    input: { bytes: file.text.length, sends: file.sends, patterns: file.patterns, 'deliberate mistakes': file.mistakes, 'JSON bytes': file.json.length },
    rows: [oursRow, row('ours: reader alone', 'ours', t.reader), row('ours: analyser alone (tree cached)', 'ours', t.analyser), ednRow, floorRow],
    figures: { diagnostics },
    targets: [
      { target: 'W2 faster than edn-data reading only', measured: times(vsEdn), met: vsEdn < 1 },
      { target: 'W2 within 4× of JSON.parse', measured: times(vsFloor), met: vsFloor <= 4 },
      { target: 'issue 3: full analysis under 100 ms', measured: `${t.full.median.toFixed(1)} ms`, met: t.full.median < 100 },
    ],
  };
}
