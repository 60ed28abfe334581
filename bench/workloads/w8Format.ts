// W8: Format Document of a 1 MB flow written with careless layout (W2's flow, every line
// re-indented at random and some given trailing spaces), beside the JSON language service
// formatting a JSON document of the same size. In process, as the server runs it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageIds } from '../../server/src/service/documentKind';
import { formatFlowCode } from '../../server/src/service/flow/formatting/formatCode';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import { jsonService } from '../../server/src/service/jsonService';
import { BenchConfig } from '../config';
import { FlowFile } from '../generators';
import { compare } from '../measure';
import { seededRandom } from '../../test/support/random';
import { benchService } from './context';
import { ratio, row, times, WorkloadResult } from '../results';

/**
 * The flow with its layout spoiled and its size kept: every line indented up to four spaces more
 * or less than before, at random, and one in five given trailing spaces.
 */
export function carelessLayout(text: string, seed: number): string {
  const random = seededRandom(seed);
  return text
    .split('\n')
    .map((line) => {
      const body = line.trimStart();
      const indent = Math.max(0, line.length - body.length + random.int(9) - 4);
      return `${' '.repeat(indent)}${body}${random.chance(0.2) ? '   ' : ''}`;
    })
    .join('\n');
}

export async function runW8(config: BenchConfig, file: FlowFile): Promise<WorkloadResult> {
  const text = carelessLayout(file.text, config.seed);
  const options = { tabSize: 2, insertSpaces: true };
  // A new document each run, as an editor's first Format Document of a file just opened.
  const docAt = (i: number) => TextDocument.create(`file:///bench/format-${i + 1}.cxflow`, languageIds.flow, 1, text);
  const tree = readFlow(text);
  const service = benchService();
  const jsonDoc = TextDocument.create('file:///bench/format.json', 'json', 1, file.json);
  const timing = { warmup: config.warmup, runs: config.runs };
  let edits = 0;
  let unformatted = 0;
  const t = await compare(timing, {
    full: (i) => {
      const doc = docAt(i);
      service.documentChanged(doc);
      edits = service.format(doc.uri, options).edits.length;
      void service.documentClosed(doc.uri);
    },
    layout: () => {
      unformatted = formatFlowCode(tree, { finalLineBreak: true }).unformatted;
    },
    json: () => jsonService().format(jsonDoc, undefined, options),
  });

  const oursRow = row('ours: Format Document (read + layout + edits)', 'ours', t.full);
  const jsonRow = row(`JSON language service format of a JSON document (${(file.json.length / 1024).toFixed(0)} KiB)`, 'peer', t.json, 'JSON service format');
  const vsJson = ratio(oursRow, jsonRow);
  return {
    id: 'W8',
    title: 'format a flow',
    input: { bytes: text.length, lines: text.split('\n').length, 'JSON bytes': file.json.length },
    rows: [oursRow, row('ours: layout alone (tree read)', 'ours', t.layout), jsonRow],
    figures: { edits, 'forms left as written': unformatted },
    targets: [{ target: 'issue 11: formatting a 1 MB flow under 150 ms', measured: `${t.full.median.toFixed(1)} ms (${times(vsJson)} the JSON service)`, met: t.full.median < 150 }],
  };
}
