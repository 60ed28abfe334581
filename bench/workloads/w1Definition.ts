// W1: full diagnostics of one large definition (JSON, schema and cross-reference checks) beside
// the JSON language service validating against our schema alone, and JSON.parse.
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { schemaFor } from '../../server/src/service/jsonService';
import { languageIds } from '../../server/src/service/documentKind';
import { benchService } from './context';
import { generateDefinitionFile } from '../generators';
import { compare } from '../measure';
import { ratio, row, times, WorkloadResult } from '../results';
import { BenchConfig } from '../config';

export async function runW1(config: BenchConfig): Promise<WorkloadResult> {
  const file = generateDefinitionFile({ messages: config.defMessages, fields: config.defFields, bytes: config.defBytes, seed: config.seed });
  const uri = 'file:///bench/generated.integration.json';
  // A new version each run: nothing may come from the parse cache.
  const docAt = (i: number) => TextDocument.create(uri, languageIds.definition, i + 1, file.text);
  const ours = benchService();
  const timing = { warmup: config.warmup, runs: config.runs };

  // What a plain `jsonValidation` contribution costs: the JSON service with our schema, nothing else.
  const service = getLanguageService({});
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: 'bench://definition.schema.json', fileMatch: ['*'], schema: schemaFor('definition') }] });
  const peerUri = 'file:///bench/peer.json';

  let diagnostics = 0;
  let peerDiagnostics = 0;
  const timed = await compare(timing, {
    ours: async (i) => {
      // What the server does on a keystroke in a definition: guards, parse, index, then every check.
      ours.documentChanged(docAt(i));
      diagnostics = (await ours.diagnostics(uri)).length;
    },
    jsonService: async (i) => {
      const doc = TextDocument.create(peerUri, 'json', i + 1, file.text);
      peerDiagnostics = (await service.doValidation(doc, service.parseJSONDocument(doc), { comments: 'error', trailingCommas: 'error' })).length;
    },
    floor: () => JSON.parse(file.text),
  });

  const oursRow = row('ours: full diagnostics', 'ours', timed.ours);
  const serviceRow = row('vscode-json-languageservice parse + doValidation (schema only)', 'peer', timed.jsonService, 'JSON service');
  const r = ratio(oursRow, serviceRow);
  return {
    id: 'W1',
    title: 'definition check',
    input: { bytes: file.text.length, messages: file.messages, fields: file.messages * file.fields },
    rows: [oursRow, serviceRow, row('JSON.parse', 'peer', timed.floor, 'JSON.parse')],
    figures: { 'diagnostics (ours)': diagnostics, 'diagnostics (JSON service)': peerDiagnostics },
    targets: [{ target: 'W1 within 1.1× of the JSON service schema validation', measured: times(r), met: r <= 1.1 }],
  };
}
