// Semantic tokens (full and range), signature help and inlay hints through the bundled server over
// stdio, in a `.cxflow` file and a payload string; the refresh requests when settings or
// definitions change; and a malformed file answered without a handler failure.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  InlayHint,
  InlayHintRequest,
  SemanticTokensLegend,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  SignatureHelpRequest,
} from 'vscode-languageserver-protocol/node';
import { decodeTokens } from '../../server/src/service/flow/editing/tokenEncoding';
import { TestClient, fileUri } from '../support/lspClient';

const flow = ['(send twilio sms {:to-phone-number *p*})', '(send acme ping {:x 1})'].join('\n');
const payload = '{"name": "p", "status": true, "key": "id", "code": "(perform twilio sms {\\"message\\" $m})"}';
const acme = JSON.stringify({ type: 'acme', display: 'Acme Corp', endpoint: { type: 'acme', sends: { ping: { x: { type: 'optional' } } } } });

describe('semantic tokens, signature help and inlay hints over LSP', () => {
  let folder: string;
  let client: TestClient;
  const uri = (name: string) => fileUri(path.join(folder, name));
  let legend: SemanticTokensLegend;
  const hintsOf = async (name: string, line = 2) =>
    ((await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: uri(name) }, range: { start: { line: 0, character: 0 }, end: { line, character: 0 } } })) ?? []).map(
      (h: InlayHint) => [h.position.line, h.position.character, h.label],
    );

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-editing-'));
    fs.writeFileSync(path.join(folder, 'flow.cxflow'), flow);
    fs.writeFileSync(path.join(folder, 'payload.pattern.json'), payload);
    client = await TestClient.start({ rootPath: folder, settings: { inlayHints: { integrationNames: true } }, editingRefresh: true });
    legend = client.initializeResult.capabilities.semanticTokensProvider!.legend;
    await client.open(uri('flow.cxflow'), 'cxflow', flow);
    await client.open(uri('payload.pattern.json'), 'cxengage-pattern', payload);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('declares the providers: a legend, full and range tokens, signature trigger characters, inlay hints', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(legend, {
      tokenTypes: ['namespace', 'function', 'property', 'variable', 'parameter', 'keyword'],
      tokenModifiers: ['declaration', 'readonly', 'deprecated', 'defaultLibrary', 'unknown'],
    });
    assert.deepEqual(caps.semanticTokensProvider, { legend, full: true, range: true });
    assert.deepEqual(caps.signatureHelpProvider?.triggerCharacters, ['{', ' ', ':']);
    assert.ok(caps.inlayHintProvider);
  });

  it('answers full and range semantic tokens, telling an unknown integration from a built-in one', async () => {
    const full = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: uri('flow.cxflow') } });
    assert.deepEqual(decodeTokens(full?.data ?? [], legend), [
      [0, 6, 6, 'namespace', ['defaultLibrary']],
      [0, 13, 3, 'function', []],
      [0, 18, 16, 'property', []],
      [0, 35, 3, 'parameter', []],
      [1, 6, 4, 'namespace', ['unknown']],
      [1, 11, 4, 'function', ['unknown']],
      [1, 17, 2, 'property', ['unknown']],
    ]);
    const range = await client.connection.sendRequest(SemanticTokensRangeRequest.type, {
      textDocument: { uri: uri('payload.pattern.json') },
      range: { start: { line: 0, character: 60 }, end: { line: 0, character: 100 } },
    });
    assert.deepEqual(decodeTokens(range?.data ?? [], legend), [
      [0, 61, 6, 'namespace', ['defaultLibrary']],
      [0, 68, 3, 'function', []],
      [0, 73, 11, 'property', []],
      [0, 85, 2, 'parameter', []],
    ]);
  });

  it('answers signature help with the active field, in a file and in a payload string', async () => {
    const inFlow = await client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri: uri('flow.cxflow') }, position: { line: 0, character: 36 } });
    assert.equal(inFlow?.signatures[0].label, '(send twilio sms {:to-phone-number :from-phone-number :message})');
    assert.equal(inFlow?.activeParameter, 0);
    const inPayload = await client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri: uri('payload.pattern.json') }, position: { line: 0, character: 86 } });
    assert.equal(inPayload?.activeParameter, 2);
  });

  it('answers inlay hints by the settings, and asks for a refresh when they or the definitions change', async () => {
    assert.deepEqual(await hintsOf('flow.cxflow'), [
      [0, 12, 'Twilio'],
      [0, 38, 'missing :from-phone-number :message'],
    ]);
    const { inlayHints, semanticTokens } = client.editingRefreshes;
    await client.changeSettings({ inlayHints: { missingFields: false, integrationNames: true } });
    await client.waitFor('refresh requests after the settings changed', () =>
      client.editingRefreshes.inlayHints > inlayHints && client.editingRefreshes.semanticTokens > semanticTokens ? true : undefined,
    );
    assert.deepEqual(await hintsOf('flow.cxflow'), [[0, 12, 'Twilio']]);
    const before = client.editingRefreshes.inlayHints;
    await client.open(uri('acme.integration.json'), 'cxengage-integration', acme);
    await client.waitFor('a refresh after a definition changed', () => (client.editingRefreshes.inlayHints > before ? true : undefined));
    assert.deepEqual(await hintsOf('flow.cxflow'), [
      [0, 12, 'Twilio'],
      [1, 10, 'Acme Corp'],
    ]);
    const full = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: uri('flow.cxflow') } });
    assert.deepEqual(decodeTokens(full?.data ?? [], legend).slice(4), [
      [1, 6, 4, 'namespace', []],
      [1, 11, 4, 'function', []],
      [1, 17, 2, 'property', []],
    ]);
  });

  it('answers a malformed, deeply nested file without a handler failure', async () => {
    const text = '(send twilio sms {:to "open\n' + '('.repeat(10000);
    await client.open(uri('bad.cxflow'), 'cxflow', text);
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: uri('bad.cxflow') } });
    assert.deepEqual(decodeTokens(tokens?.data ?? [], legend).slice(0, 2), [
      [0, 6, 6, 'namespace', ['defaultLibrary']],
      [0, 13, 3, 'function', []],
    ]);
    const help = await client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri: uri('bad.cxflow') }, position: { line: 1, character: 5000 } });
    assert.equal(help?.signatures.length, 1);
    assert.ok(Array.isArray(await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: uri('bad.cxflow') }, range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } } })));
  });
});
