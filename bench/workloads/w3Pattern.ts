// W3: a pattern export of 2,000 patterns: JSON, the pattern schema and rules, and the flow code of
// every `when`/`then` string, beside the JSON language service with schemas/pattern.schema.json
// alone, and JSON.parse.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLanguageService, JSONSchema } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageIds } from '../../server/src/service/documentKind';
import { BenchConfig } from '../config';
import { generatePatternFile } from '../generators';
import { compare } from '../measure';
import { row, WorkloadResult } from '../results';
import { benchService } from './context';
import { repoRoot } from './serverPaths';

export async function runW3(config: BenchConfig): Promise<WorkloadResult> {
  const file = generatePatternFile({ patterns: config.patterns, seed: config.seed });
  const uri = 'file:///bench/generated.pattern.json';
  const ours = benchService();
  const timing = { warmup: config.warmup, runs: config.runs };

  const patternSchema = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas', 'pattern.schema.json'), 'utf8')) as JSONSchema;
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: 'bench://pattern.schema.json', fileMatch: ['*'], schema: patternSchema }] });

  let diagnostics = 0;
  let peerDiagnostics = 0;
  const t = await compare(timing, {
    ours: async (i) => {
      ours.documentChanged(TextDocument.create(uri, languageIds.pattern, i + 1, file.text));
      diagnostics = (await ours.diagnostics(uri)).length;
    },
    jsonService: async (i) => {
      const doc = TextDocument.create('file:///bench/peer.json', 'json', i + 1, file.text);
      peerDiagnostics = (await service.doValidation(doc, service.parseJSONDocument(doc), { comments: 'error', trailingCommas: 'error' })).length;
    },
    floor: () => JSON.parse(file.text),
  });

  const oursRow = row('ours: JSON, pattern schema and rules, embedded flow code: all diagnostics', 'ours', t.ours);
  const serviceRow = row('vscode-json-languageservice parse + doValidation (pattern schema only)', 'peer', t.jsonService, 'JSON service');
  return {
    id: 'W3',
    title: 'pattern file',
    input: { bytes: file.text.length, patterns: file.patterns, sends: file.sends },
    rows: [oursRow, serviceRow, row('JSON.parse', 'peer', t.floor, 'JSON.parse')],
    figures: { 'diagnostics (ours)': diagnostics, 'diagnostics (JSON service)': peerDiagnostics },
    targets: [],
  };
}
