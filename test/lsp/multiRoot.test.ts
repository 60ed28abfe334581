// A multi-root workspace over LSP: each folder's flows see its own definitions (and the built-in
// ones), with per-folder settings from workspace/configuration.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient, fileUri } from '../support/lspClient';

describe('multi-root workspaces over LSP', () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-roots-'));
    for (const folder of ['alpha', 'beta']) fs.mkdirSync(path.join(root, folder));
    fs.writeFileSync(
      path.join(root, 'alpha', 'crm.integration.json'),
      JSON.stringify({ type: 'crm', display: 'CRM', schema: [], endpoint: { name: 'crm', type: 'crm', display: 'CRM', params: [], sends: { note: { text: { type: 'mandatory' } } } } }),
    );
    client = await TestClient.start({ folders: [path.join(root, 'alpha'), path.join(root, 'beta')] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('resolves an integration only in the folder that defines it', async () => {
    const flow = '(send crm note {:text "hi"})\n';
    const inAlpha = fileUri(path.join(root, 'alpha', 'a.cxflow'));
    const inBeta = fileUri(path.join(root, 'beta', 'b.cxflow'));
    await client.open(inAlpha, 'cxflow', flow);
    await client.open(inBeta, 'cxflow', flow);
    assert.deepEqual(await client.waitForDiagnostics(inAlpha), []);
    const beta = await client.waitForDiagnostics(inBeta);
    assert.deepEqual(
      beta.map((d) => [d.code, d.range.start.character, d.range.end.character]),
      [['unknown-integration', 6, 9]],
    );
  });
});
