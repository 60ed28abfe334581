// Fuzzing the bundled server over stdio: seeded documents of every kind (generated, then broken)
// opened, queried, edited and closed through a real client. The server must answer every request
// and log no failure. CXENGAGE_FUZZ=long sends ten times as many.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeLensRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { languageIds } from '../../server/src/service/documentKind';
import { FuzzKind, fuzzDocument, mutate } from '../support/fuzzInputs';
import { TestClient } from '../support/lspClient';
import { assertNoServerFailures } from '../support/serverFailures';
import { seededRandom } from '../support/random';

const documents = process.env.CXENGAGE_FUZZ === 'long' ? 3000 : 300;
const seed = Number(process.env.CXENGAGE_FUZZ_SEED ?? 1);
const extension: Record<FuzzKind, string> = { flow: '.cxflow', pattern: '.pattern.json', definition: '.integration.json' };
const languageOf: Record<FuzzKind, string> = { flow: languageIds.flow, pattern: languageIds.pattern, definition: languageIds.definition };

describe('fuzz: generated documents through the server over stdio', () => {
  it(`${documents} documents from seed ${seed}: every request answered, no failure logged`, async () => {
    const random = seededRandom(seed);
    const client = await TestClient.start({ pull: true });
    try {
      for (let n = 0; n < documents; n++) {
        const input = fuzzDocument(random);
        const uri = `file:///fuzz/doc${n % 8}${extension[input.kind]}`;
        const textDocument = { uri };
        await client.open(uri, languageOf[input.kind], input.text);
        let text = input.text;
        for (let version = 2; version < 2 + random.int(3); version++) {
          text = mutate(random, text);
          await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
        }
        const lines = text.split('\n');
        const line = random.int(lines.length + 1);
        const position = { line, character: random.int((lines[line]?.length ?? 0) + 2) };
        const answers = await Promise.all([
          client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument }),
          client.connection.sendRequest(CompletionRequest.type, { textDocument, position }),
          client.connection.sendRequest(HoverRequest.type, { textDocument, position }),
          client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
          client.connection.sendRequest(CodeLensRequest.type, { textDocument }),
        ]);
        assert.equal(answers.length, 5);
        await client.close(uri);
      }
      assertNoServerFailures(client.logs, client.stderr);
    } finally {
      await client.stop();
    }
  });
});
