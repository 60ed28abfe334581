// A multi-root workspace over LSP: each folder's flows see its own definitions (and the built-in
// ones), with per-folder settings from workspace/configuration.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crmWith, writeCrm } from '../support/definitions';
import { compact, rangeIn } from '../support/documents';
import { TestClient, fileUri } from '../support/lspClient';

describe('multi-root workspaces over LSP', () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-roots-'));
    for (const folder of ['alpha', 'beta']) fs.mkdirSync(path.join(root, folder));
    writeCrm(path.join(root, 'alpha'));
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
    assert.deepEqual(compact(beta), [['unknown-integration', rangeIn(flow, 'crm')]]);
  });
});

describe('cxengage.definitions.include over LSP', () => {
  it('indexes files matched by custom globs, and follows their changes on disk', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cxengage-include-'));
    fs.mkdirSync(path.join(root, 'defs'));
    const file = path.join(root, 'defs', 'crm.json');
    fs.writeFileSync(file, crmWith());
    await TestClient.session({ rootPath: root, settings: { definitions: { include: ['defs/*.json'] } } }, async (client) => {
      const flow = fileUri(path.join(root, 'f.cxflow'));
      const text = '(send crm note {:text "x"})\n';
      await client.open(flow, 'cxflow', text);
      assert.deepEqual(await client.waitForDiagnostics(flow), []);
      fs.writeFileSync(file, crmWith(['"note"', '"memo"']));
      await client.fileChanged(fileUri(file), 2 /* Changed */);
      const after = await client.waitForDiagnostics(flow, (ds) => ds.length > 0);
      assert.deepEqual(compact(after), [['unknown-message', rangeIn(text, 'note')]]);
    });
    fs.rmSync(root, { recursive: true, force: true });
  });
});
