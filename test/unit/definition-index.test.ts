// The definition index: built-in definitions, workspace overrides, per-folder scopes in a
// multi-root workspace, and change events batched into one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { Definition } from '../../server/src/service/definitions/model';
import { folderKey } from '../../server/src/service/documents/uris';
import { builtinDefinitions, parseDefinition } from '../support/service';

function definition(uri: string, type: string, display = type): Definition {
  const doc = TextDocument.create(uri, 'cxengage-integration', 1, JSON.stringify({ type, display }));
  return parseDefinition(doc).definition;
}

describe('definition index', () => {
  const a = 'file:///ws/a/';
  const b = 'file:///ws/b/';

  it('lets a workspace definition override a built-in one of the same type, in its folder only', () => {
    const index = new DefinitionIndex();
    index.setBuiltins(builtinDefinitions());
    index.setFolders([folderKey(a), folderKey(b)]);
    index.set(definition(`${a}twilio.integration.json`, 'twilio', 'Twilio (ours)'));
    const inA = index.scopeFor(`${a}flow.cxflow`, true);
    const inB = index.scopeFor(`${b}flow.cxflow`, true);
    assert.equal(index.lookup('twilio', inA)?.display?.value, 'Twilio (ours)');
    assert.equal(index.lookup('twilio', inB)?.display?.value, 'Twilio');
    assert.equal(index.lookup('twilio', inB)?.builtin, true);
    assert.equal(index.visible(inA).length, 8);
  });

  it('hides built-ins when the setting is off, and keeps workspace ones', () => {
    const index = new DefinitionIndex();
    index.setBuiltins(builtinDefinitions());
    index.setFolders([folderKey(a)]);
    index.set(definition(`${a}crm.integration.json`, 'crm'));
    const scope = index.scopeFor(`${a}x.cxflow`, false);
    assert.equal(index.lookup('twilio', scope), undefined);
    assert.deepEqual(index.visible(scope).map((d) => d.type?.value), ['crm']);
  });

  it('lists every workspace declarer of a type in a stable order, and follows deletes', () => {
    const index = new DefinitionIndex();
    index.setFolders([folderKey(a)]);
    index.set(definition(`${a}z.integration.json`, 'crm', 'Z'));
    index.set(definition(`${a}y.integration.json`, 'crm', 'Y'));
    const scope = index.scopeFor(`${a}x.cxflow`, true);
    assert.deepEqual(index.workspaceDeclarers('crm', scope).map((d) => d.display?.value), ['Y', 'Z']);
    assert.equal(index.lookup('crm', scope)?.display?.value, 'Y');
    index.delete(`${a}y.integration.json`);
    assert.equal(index.lookup('crm', scope)?.display?.value, 'Z');
    index.deleteWhere((key) => key.startsWith(a));
    assert.equal(index.lookup('crm', scope), undefined);
  });

  it('reports one change for a batch, and bumps the generation on every change', () => {
    const index = new DefinitionIndex();
    index.setFolders([folderKey(a)]);
    const seen: string[] = [];
    index.onDidChange((uri) => seen.push(uri));
    const before = index.generation;
    index.batch(() => {
      for (let i = 0; i < 10; i++) index.set(definition(`${a}d${i}.integration.json`, `t${i}`));
    });
    assert.deepEqual(seen, ['']);
    assert.ok(index.generation > before);
    index.set(definition(`${a}d0.integration.json`, 'renamed'));
    assert.deepEqual(seen, ['', `${a}d0.integration.json`]);
  });
});
