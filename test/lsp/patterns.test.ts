// Pattern payloads through the bundled server over stdio: the payload codes (unknown keys, enabled
// patterns without code, a raw line break, a broken region, an empty key) with exact ranges, the
// rename quick fix, and key completion and hover from the pattern schema.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, CompletionList, CompletionRequest, HoverRequest, TextEdit } from 'vscode-languageserver-protocol/node';
import { compact, compactRange, rangeIn } from '../support/documents';
import { TestClient, fileUri, repoRoot } from '../support/lspClient';

const patternSchema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'pattern.schema.json'), 'utf8')) as {
  definitions: { pattern: { properties: Record<string, { markdownDescription: string }> } };
};
const keyDescription = patternSchema.definitions.pattern.properties.key.markdownDescription;

// Line by line, so that the expected ranges below can be read off it.
const payload = [
  '[',
  '  {"name": "Hello", "status": true, "key": "id",',
  '   "code": "(event {:type \\"hello\\"})',
  '(perform echo message {:message \\"Hello World!\\"})"},',
  '  {"name": "Follow-up", "status": true, "cdoe": "(event {:type \\"x\\"})", "key": ""},',
  '  {"name": "Old" "b" 3, "status": false, "when": "(event)", "then": "(delay 1 hourz)"}',
  ']',
].join('\n');

describe('pattern payloads over LSP', () => {
  let client: TestClient;
  let workspace: string;
  const uri = () => fileUri(path.join(workspace, 'payloads.pattern.json'));

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-payloads-'));
    fs.writeFileSync(path.join(workspace, 'payloads.pattern.json'), payload);
    client = await TestClient.start({ rootPath: workspace });
    await client.open(uri(), 'cxengage-pattern', payload);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('reports each payload problem once, with its code and exact range', async () => {
    const diagnostics = await client.waitForDiagnostics(uri());
    assert.deepEqual(compact(diagnostics), [
      // The raw line break inside the 4.2 code: one error; the code around it reads clean.
      ['json-syntax', [2, 37, 3, 0]],
      ['missing-pattern-code', rangeIn(payload, '"status": true', 1)],
      ['unknown-pattern-key', rangeIn(payload, '"cdoe"')],
      // `"key": ""`: an empty key.
      ['schema', rangeIn(payload, '""')],
      // `"b" 3`: one broken region, not one error per token.
      ['json-syntax', rangeIn(payload, '"b" 3')],
      ['unknown-unit', rangeIn(payload, 'hourz')],
    ]);
    const byCode = new Map(diagnostics.map((d) => [d.code, d]));
    assert.equal(byCode.get('unknown-pattern-key')?.message, '`cdoe` is not a pattern key; did you mean `code`?');
    assert.equal(byCode.get('json-syntax')?.source, 'cxengage');
  });

  it('renames an unknown key with a quick fix', async () => {
    const diagnostics = await client.waitForDiagnostics(uri());
    const unknown = diagnostics.find((d) => d.code === 'unknown-pattern-key');
    assert.ok(unknown);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri() },
      range: unknown.range,
      context: { diagnostics: [unknown] },
    });
    assert.deepEqual(
      actions?.map((a) => a.title),
      ['Rename to "code"'],
    );
    const fix = actions?.[0];
    assert.ok(fix && 'edit' in fix);
    assert.deepEqual(fix.edit?.changes?.[uri()], [{ range: unknown.range, newText: '"code"' }] satisfies TextEdit[]);
  });

  it('completes keys from the pattern schema', async () => {
    // At the end of the first pattern's first line, after `"key": "id",`: the new key gets a comma, as `"code"` follows.
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uri() },
      position: { line: 1, character: payload.split('\n')[1].length },
    })) as CompletionList | null;
    const labels = (list?.items ?? []).map((i) => i.label);
    assert.deepEqual(labels, ['id', 'description', 'when', 'then']);
    const description = list?.items.find((i) => i.label === 'description');
    assert.equal(description?.textEdit && 'range' in description.textEdit ? description.textEdit.newText : undefined, '"description": "$1",');
  });

  it('hovers a key with the schema description', async () => {
    const key = rangeIn(payload, '"key": ""');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri() }, position: { line: key[0], character: key[1] + 2 } });
    assert.ok(hover);
    assert.deepEqual(hover.contents, [keyDescription]);
    assert.deepEqual(hover.range && compactRange(hover.range), rangeIn(payload, '"key"', 1));
  });
});
