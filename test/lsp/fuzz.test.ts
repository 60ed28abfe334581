// Fuzzing the bundled server over stdio: seeded documents of every kind (generated, then broken)
// opened, queried, edited and closed through a real client. The server must answer every request
// and log no failure. Half the flows and pattern files carry a planted credential value: as
// opened, no diagnostic, hover or form repeats it, nor does any log line. CXENGAGE_FUZZ=long sends
// ten times as many.
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
import { FormModelRequest } from '../../server/src/protocol';
import { FuzzKind, fuzzDocument, mutate, plantSecret, plantedSecret } from '../support/fuzzInputs';
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
        const planted = input.kind !== 'definition' && random.chance(0.5);
        if (planted && input.kind !== 'definition') input.text = plantSecret(random, input.kind, input.text);
        const uri = `file:///fuzz/doc${n % 8}${extension[input.kind]}`;
        const textDocument = { uri };
        await client.open(uri, languageOf[input.kind], input.text);
        if (planted) {
          // Every offset of the first line, where the planted send is (a pattern file's starts there too).
          const first = input.text.split('\n')[0];
          const views: unknown[] = [await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument })];
          for (let character = first.indexOf(plantedSecret) - 1; character <= first.indexOf(plantedSecret) + plantedSecret.length; character++) {
            const position = { line: 0, character: Math.max(0, character) };
            views.push(await client.connection.sendRequest(HoverRequest.type, { textDocument, position }), await client.connection.sendRequest(FormModelRequest, { uri, position }));
          }
          assert.ok(!JSON.stringify(views).includes(plantedSecret), `document ${n}: the planted credential repeated in ${JSON.stringify(views).slice(0, 2000)}`);
        }
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
      assert.ok(!JSON.stringify(client.logs).includes(plantedSecret), 'the planted credential in a log line');
    } finally {
      await client.stop();
    }
  });
});
