// W12: semantic tokens of a 1 MB flow (W2's 4.1 file of pattern maps, and W2-4.2's program), as
// the editor asks for them once the file is open and read: the walk and the encoding, the read
// already done for the diagnostics; and a first request on a document never read before. Beside
// them JSON.parse of a JSON document of the same size, which load on a shared machine moves alike.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageIds } from '../../server/src/service/documentKind';
import { BenchConfig } from '../config';
import { FlowFile } from '../generators';
import { compare } from '../measure';
import { ratio, row, times, TimedRow, WorkloadResult } from '../results';
import { benchService } from './context';

export async function runW12(config: BenchConfig, file: FlowFile, file42: FlowFile): Promise<WorkloadResult> {
  const service = benchService();
  const timing = { warmup: config.warmup, runs: config.runs };
  const open = (name: string, text: string, i = 0) => {
    const doc = TextDocument.create(`file:///bench/${name}-${i}.cxflow`, languageIds.flow, 1, text);
    service.documentChanged(doc);
    return doc.uri;
  };
  const uri41 = open('tokens41', file.text);
  const uri42 = open('tokens42', file42.text);
  // The read the diagnostics did: the tokens request finds the model built.
  const figures = { 'tokens (4.1)': service.semanticTokens(uri41).data.length / 5, 'tokens (4.2)': service.semanticTokens(uri42).data.length / 5 };

  const t = await compare(timing, {
    tokens41: () => service.semanticTokens(uri41),
    tokens42: () => service.semanticTokens(uri42),
    parse: () => JSON.parse(file.json) as unknown,
    first: (i) => {
      const uri = open('tokens-first', file.text, i + 1);
      service.semanticTokens(uri);
      void service.documentClosed(uri);
    },
  });
  const rows: TimedRow[] = [
    row('ours: semantic tokens of an open 1 MB 4.1 flow', 'ours', t.tokens41),
    row('ours: semantic tokens of an open 1 MB 4.2 program', 'ours', t.tokens42),
    row('ours: first request (read + tokens), 4.1', 'ours', t.first),
    row(`JSON.parse of a JSON document of the same size (${(file.json.length / 1024).toFixed(0)} KiB)`, 'peer', t.parse, 'JSON.parse'),
  ];
  const worst = Math.max(t.tokens41.median, t.tokens42.median);
  return {
    id: 'W12',
    title: 'semantic tokens of a flow',
    input: { bytes: file.text.length, 'bytes (4.2)': file42.text.length },
    rows,
    figures,
    targets: [{ target: 'issue 11: semantic tokens of a 1 MB flow under 100 ms', measured: `${worst.toFixed(1)} ms (the slower dialect; ${times(ratio(t.tokens42, t.parse))} JSON.parse)`, met: worst < 100 }],
  };
}
