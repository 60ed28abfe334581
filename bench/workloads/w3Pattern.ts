// W3: a pattern export of 2,000 patterns: JSON plus the flow code of every `when`/`then` string,
// beside the JSON language service with a pattern schema alone, and JSON.parse.
import { getLanguageService, JSONSchema } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageIds } from '../../server/src/service/documentKind';
import { checkFlowDocument } from '../../server/src/service/flow/index';
import { BenchConfig } from '../config';
import { generatePatternFile, patternSchema } from '../generators';
import { measure } from '../measure';
import { row, WorkloadResult } from '../results';
import { builtinContext } from './context';

export async function runW3(config: BenchConfig): Promise<WorkloadResult> {
  const file = generatePatternFile({ patterns: config.patterns, seed: config.seed });
  const uri = 'file:///bench/generated.pattern.json';
  const ctx = builtinContext(uri);
  const timing = { warmup: config.warmup, runs: config.runs };

  let diagnostics = 0;
  const ours = await measure(timing, (i) => (diagnostics = checkFlowDocument(TextDocument.create(uri, languageIds.pattern, i + 1, file.text), ctx).length));

  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: 'bench://pattern.schema.json', fileMatch: ['*'], schema: patternSchema as JSONSchema }] });
  let peerDiagnostics = 0;
  const jsonService = await measure(timing, async (i) => {
    const doc = TextDocument.create('file:///bench/peer.json', 'json', i + 1, file.text);
    peerDiagnostics = (await service.doValidation(doc, service.parseJSONDocument(doc), { comments: 'error', trailingCommas: 'error' })).length;
  });
  const floor = await measure(timing, () => JSON.parse(file.text));

  const oursRow = row('ours: JSON + embedded flow code, all diagnostics', 'ours', ours);
  const serviceRow = row('vscode-json-languageservice parse + doValidation (pattern schema only)', 'peer', jsonService, 'JSON service');
  return {
    id: 'W3',
    title: 'pattern file',
    input: { bytes: file.text.length, patterns: file.patterns, sends: file.sends },
    rows: [oursRow, serviceRow, row('JSON.parse', 'peer', floor, 'JSON.parse')],
    figures: { 'diagnostics (ours)': diagnostics, 'diagnostics (JSON service)': peerDiagnostics },
    targets: [],
  };
}
