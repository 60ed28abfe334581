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

  it('keeps built-ins by type, knows their uris, and says so to its listeners', () => {
    const index = new DefinitionIndex();
    const seen: string[] = [];
    index.onDidChange((uri) => seen.push(uri));
    const untyped = definition('file:///builtin/untyped.integration.json', '');
    index.setBuiltins([...builtinDefinitions().slice(0, 2), untyped]);
    assert.deepEqual(seen, ['']);
    assert.deepEqual(index.builtinDefinitions().map((d) => d.type?.value), ['datasift', 'echo']);
    assert.equal(index.builtin('echo'), builtinDefinitions()[1]);
    assert.equal(index.builtin('twilio'), undefined);
    assert.equal(index.isBuiltinUri(builtinDefinitions()[0].uri), true);
    assert.equal(index.isBuiltinUri('file:///builtin/untyped.integration.json'), true);
    assert.equal(index.isBuiltinUri('file:///ws/a/echo.integration.json'), false);
    assert.deepEqual(index.visible({ builtin: true }).map((d) => d.type?.value), ['datasift', 'echo']);
  });

  it('puts a definition in the innermost folder holding it, whatever order the folders come in', () => {
    const index = new DefinitionIndex();
    const seen: string[] = [];
    index.onDidChange((uri) => seen.push(uri));
    index.set(definition(`${a}inner/crm.integration.json`, 'crm', 'Inner'));
    index.set(definition(`${a}crm.integration.json`, 'crm', 'Outer'));
    index.setFolders([folderKey(a), folderKey(`${a}inner`)]);
    assert.deepEqual(seen, [`${a}inner/crm.integration.json`, `${a}crm.integration.json`, '']);
    assert.equal(index.folderOf(`${a}inner/x.cxflow`), folderKey(`${a}inner`));
    assert.equal(index.folderOf(`${a}x.cxflow`), folderKey(a));
    assert.equal(index.folderOf(`${b}x.cxflow`), undefined);
    assert.equal(index.lookup('crm', index.scopeFor(`${a}inner/x.cxflow`, true))?.display?.value, 'Inner');
    assert.equal(index.lookup('crm', index.scopeFor(`${a}x.cxflow`, true))?.display?.value, 'Outer');
    assert.deepEqual(index.visible(index.scopeFor(`${a}inner/x.cxflow`, false)).map((d) => d.display?.value), ['Inner']);
    assert.deepEqual(index.visible(index.scopeFor(`${a}x.cxflow`, false)).map((d) => d.display?.value), ['Outer']);
    // Outside every folder: all of them, by uri.
    assert.deepEqual(index.workspaceDeclarers('crm', index.scopeFor(`${b}x.cxflow`, true)).map((d) => d.display?.value), ['Outer', 'Inner']);
  });

  it('orders declarers by uri, skips untyped ones, and shows the first of a type', () => {
    const index = new DefinitionIndex();
    for (const name of ['m', 'z', 'a']) index.set(definition(`${a}${name}.integration.json`, 'crm', name.toUpperCase()));
    index.set(definition(`${a}b.integration.json`, ''));
    const scope = index.scopeFor(`${a}x.cxflow`, false);
    assert.deepEqual(index.workspaceDeclarers('crm', scope).map((d) => d.display?.value), ['A', 'M', 'Z']);
    assert.deepEqual(index.visible(scope).map((d) => d.display?.value), ['A']);
    assert.deepEqual(index.workspaceDefinitions().map((d) => d.display?.value), ['M', 'Z', 'A', '']);
    assert.equal(index.has(`${a}b.integration.json`), true);
    assert.equal(index.has(`${a}c.integration.json`), false);
  });

  it('drops only what `deleteWhere` picks, with one change event, and none when it picks nothing', () => {
    const index = new DefinitionIndex();
    index.set(definition(`${a}keep.integration.json`, 'keep'));
    index.set(definition(`${b}drop.integration.json`, 'drop'));
    const seen: string[] = [];
    index.onDidChange((uri) => seen.push(uri));
    index.deleteWhere((key) => key.startsWith(b));
    assert.deepEqual(seen, ['']);
    assert.deepEqual(index.workspaceDefinitions().map((d) => d.type?.value), ['keep']);
    index.deleteWhere(() => false);
    index.delete(`${b}drop.integration.json`);
    assert.deepEqual(seen, ['']);
  });

  it('reports nothing for a batch that changes nothing, and one change for nested batches', () => {
    const index = new DefinitionIndex();
    const seen: string[] = [];
    index.onDidChange((uri) => seen.push(uri));
    index.batch(() => undefined);
    assert.deepEqual(seen, [], 'a new index has nothing to report');
    index.batch(() => index.set(definition(`${a}one.integration.json`, 'one')));
    index.batch(() => undefined);
    assert.deepEqual(seen, ['']);
    index.batch(() => {
      index.batch(() => index.set(definition(`${a}two.integration.json`, 'two')));
      assert.deepEqual(seen, ['']);
    });
    assert.deepEqual(seen, ['', '']);
  });
});
