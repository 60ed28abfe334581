// Completion, hover and quick fixes in definition files, with `|` cursor fixtures; the quick fixes
// keep the file's own layout (the seed's `"key" : value` style, inline or one-per-line lists).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CompletionItemKind, Diagnostic, TextEdit, MarkupContent } from 'vscode-languageserver-types';
import { definitionCodeActions } from '../../server/src/service/definitions/codeActions';
import { completeDefinition } from '../../server/src/service/definitions/completion';
import { emptyDefinitionDocument, definitionSymbols } from '../../server/src/service/definitions/definitionDocument';
import { hoverDefinition } from '../../server/src/service/definitions/hover';
import { declarationOf, referenceTargetAt } from '../../server/src/service/definitions/navigation';
import { paramListAt } from '../../server/src/service/definitions/paramLists';
import { nodeAt } from '../../server/src/service/json';
import { CompactRange, compactRange, documentOf, withCursor } from '../support/documents';
import { diagnosticsOf, parseDefinition } from '../support/service';

async function fixed(text: string, title: string): Promise<string> {
  const doc = documentOf(text);
  const diagnostics = await diagnosticsOf(doc);
  const actions = definitionCodeActions(parseDefinition(doc), diagnostics);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no action "${title}" among ${actions.map((a) => a.title).join(' | ')}`);
  const edits = action.edit?.changes?.[doc.uri] as TextEdit[];
  return TextDocument.applyEdits(doc, edits);
}

const seedStyle = `{
  "type" : "chat",
  "schema" : [ {
    "label" : "Token",
    "param" : "token"
  } ],
  "endpoint" : {
    "name" : "chat",
    "type" : "chat",
    "display" : "Chat",
    "params" : [ "token" ],
    "sends" : { }
  }
}`;

describe('definition quick fixes', () => {
  it('Mark as password adds the type to a multi-line schema entry, in the file\'s colon style', async () => {
    const after = await fixed(seedStyle, 'Mark `token` as password');
    assert.equal(
      after,
      seedStyle.replace('"param" : "token"\n  } ]', '"param" : "token",\n    "type" : "password"\n  } ]'),
    );
    // Once marked, the secret is unredacted: the next fix creates the redact list.
    const redacted = await fixed(after, 'Add `token` to `endpoint.redact`');
    assert.equal(redacted, after.replace('"sends" : { }\n', '"sends" : { },\n    "redact" : [ "token" ]\n'));
    assert.deepEqual((await diagnosticsOf(documentOf(redacted))).map((d) => d.code), []);
  });

  it('Mark as password works on an inline entry and replaces a wrong type value', async () => {
    const inline = '{ "type": "x", "schema": [ { "label": "Secret", "param": "client-secret" } ] }';
    assert.equal(
      await fixed(inline, 'Mark `client-secret` as password'),
      '{ "type": "x", "schema": [ { "label": "Secret", "param": "client-secret", "type": "password" } ] }',
    );
    const wrongType = '{ "type": "x", "schema": [ { "label": "Secret", "param": "api-token", "type": "text" } ] }';
    assert.equal(
      await fixed(wrongType, 'Mark `api-token` as password'),
      '{ "type": "x", "schema": [ { "label": "Secret", "param": "api-token", "type": "password" } ] }',
    );
  });

  it('Add to redact extends an inline list, a one-per-line list and an empty list', async () => {
    const base = (redact: string) =>
      `{ "type": "x", "schema": [ { "label": "A", "param": "a", "type": "password" }, { "label": "B", "param": "b", "type": "password" } ],
  "listener": { "name": "x", "type": "x", "display": "X", "params": [ "a", "b" ], "redact": ${redact} } }`;
    assert.equal(await fixed(base('[ "a" ]'), 'Add `b` to `listener.redact`'), base('[ "a", "b" ]'));
    assert.equal(await fixed(base('[\n    "a"\n  ]'), 'Add `b` to `listener.redact`'), base('[\n    "a",\n    "b"\n  ]'));
    const empty = await fixed(base('[]'), 'Add `a` to `listener.redact`');
    assert.equal(empty, base('[ "a" ]'));
  });
});

describe('definition quick fixes: did you mean', () => {
  const withRedact = (redact: string) =>
    `{ "type": "x", "schema": [ { "label": "API password", "param": "api-password", "type": "password" } ],
  "endpoint": { "name": "x", "type": "x", "display": "X", "params": [ "api-password" ], "redact": [ ${redact} ], "sends": {} } }`;

  it('suggests the param a redact entry misspells, by its tail after a prefix too', async () => {
    const doc = documentOf(withRedact('"pasword"'));
    const [unknown] = (await diagnosticsOf(doc)).filter((d) => d.code === 'unknown-param');
    assert.match(String(unknown.message), /did you mean `api-password`\?$/);
    const actions = definitionCodeActions(parseDefinition(doc), [unknown]);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change to `api-password`', true]]);
    assert.equal(await fixed(withRedact('"pasword"'), 'Change to `api-password`'), withRedact('"api-password"'));
    assert.deepEqual((await diagnosticsOf(documentOf(withRedact('"api-password"')))).map((d) => d.code), []);
  });

  it('offers nothing for an entry no param resembles', async () => {
    const doc = documentOf(withRedact('"api-password", "hostname"'));
    const diagnostics = await diagnosticsOf(doc);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-param']);
    assert.deepEqual(definitionCodeActions(parseDefinition(doc), diagnostics), []);
  });

  const field = (type: string) => `{ "type": "x", "endpoint": { "name": "x", "type": "x", "display": "X", "params": [], "sends": { "m": { "to": { "type": ${type} } } } } }`;

  it('offers every allowed value of an enum, the likely one first and preferred', async () => {
    const doc = documentOf(field('"required"'));
    const diagnostics = await diagnosticsOf(doc);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.message]), [['schema', 'Value is not accepted. Valid values: "mandatory", "optional"; did you mean "mandatory"?']]);
    assert.deepEqual(diagnostics[0].range, { start: doc.positionAt(doc.getText().indexOf('"required"')), end: doc.positionAt(doc.getText().indexOf('"required"') + 10) });
    const actions = definitionCodeActions(parseDefinition(doc), diagnostics);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change to `mandatory`', true], ['Change to `optional`', undefined]]);
    assert.equal(await fixed(field('"required"'), 'Change to `mandatory`'), field('"mandatory"'));
    assert.equal(await fixed(field('"optinal"'), 'Change to `optional`'), field('"optional"'));
  });

  it('lists the values without preferring one when none is close', async () => {
    const doc = documentOf(field('"sometimes"'));
    const diagnostics = await diagnosticsOf(doc);
    assert.equal(diagnostics[0].message, 'Value is not accepted. Valid values: "mandatory", "optional".');
    assert.deepEqual(definitionCodeActions(parseDefinition(doc), diagnostics).map((a) => [a.title, a.isPreferred]), [['Change to `mandatory`', undefined], ['Change to `optional`', undefined]]);
  });

  it('fixes a schema param type spelt wrong', async () => {
    const param = (type: string) => `{ "type": "x", "schema": [ { "label": "Key", "param": "key", "type": ${type} } ] }`;
    assert.equal(await fixed(param('"pasword"'), 'Change to `password`'), param('"password"'));
  });
});

describe('definition completion', () => {
  it('offers the declared params not yet in a redact list, password params marked', async () => {
    const { doc, position } = withCursor(seedStyle.replace('"sends" : { }', '"sends" : { }, "static-params" : [ | ]'));
    const list = await completeDefinition(parseDefinition(doc), position);
    assert.deepEqual(
      list.items.map((i) => [i.label, i.detail, i.insertText]),
      [['token', 'Token, from schema', '"token"']],
    );
  });

  it('replaces the string being typed inside a list', async () => {
    const { doc, position } = withCursor('{ "type": "x", "schema": [ { "label": "L", "param": "login" } ], "endpoint": { "params": [ "lo|" ] } }');
    const [item] = (await completeDefinition(parseDefinition(doc), position)).items;
    assert.equal(item.label, 'login');
    const start = doc.getText().indexOf('"lo"');
    assert.deepEqual(item.textEdit, { range: { start: doc.positionAt(start), end: doc.positionAt(start + 4) }, newText: '"login"' });
  });

  it('offers schema keys and field types from the JSON Schema', async () => {
    const cursor = withCursor('{ "type": "x", | }');
    const keys = await completeDefinition(parseDefinition(cursor.doc), cursor.position);
    assert.deepEqual(
      keys.items.map((i) => i.label).sort(),
      ['display', 'endpoint', 'listener', 'schema'],
    );
    const { doc, position } = withCursor('{ "type": "x", "endpoint": { "sends": { "m": { "f": { "type": | } } } } }');
    assert.deepEqual((await completeDefinition(parseDefinition(doc), position)).items.map((i) => i.label).sort(), ['"mandatory"', '"optional"']);
  });
});

describe('definition hover', () => {
  it('describes a param wherever it is named', async () => {
    const { doc, position } = withCursor(seedStyle.replace('"params" : [ "token" ]', '"params" : [ "to|ken" ]'));
    const hover = await hoverDefinition(parseDefinition(doc), position);
    assert.ok(hover);
    assert.equal(
      (hover.contents as MarkupContent).value,
      '**param `token`**\n\n- configuration form: label "Token", shown in clear\n- endpoint: in params, not redacted',
    );
    assert.deepEqual(hover.range, { start: { line: 10, character: 17 }, end: { line: 10, character: 24 } }); // "token" in `    "params" : [ "token" ]`
  });

  it('shows the schema description on keys', async () => {
    const { doc, position } = withCursor('{ "ty|pe": "x" }');
    assert.deepEqual(await hoverDefinition(parseDefinition(doc), position), {
      contents: ["The integration's unique name. Flows refer to it: `(send <type> <message> {...})`."],
      range: { start: { line: 0, character: 2 }, end: { line: 0, character: 8 } },
    });
  });
});

describe('reference targets in definition files', () => {
  it('names the integration, a message or a field under the cursor', () => {
    const text = '{ "type": "crm", "endpoint": { "sends": { "note": { "text": { "type": "mandatory" } } } } }';
    const at = (needle: string) => {
      const doc = documentOf(text);
      return referenceTargetAt(parseDefinition(doc), doc.positionAt(text.indexOf(needle) + 1));
    };
    assert.deepEqual(at('"crm"'), { type: 'crm' });
    assert.deepEqual(at('"note"'), { type: 'crm', message: 'note' });
    assert.deepEqual(at('"text"'), { type: 'crm', message: 'note', field: 'text' });
    assert.equal(at('"mandatory"'), undefined);
  });

  it('names nothing between a key and its value, under the listener\'s sends, or in other endpoint objects', () => {
    const text = '{ "type" : "crm", "endpoint": { "other": { "y": {} } }, "listener": { "sends": { "x": {} } } }';
    const doc = documentOf(text);
    const at = (offset: number) => referenceTargetAt(parseDefinition(doc), doc.positionAt(offset));
    assert.equal(at(text.indexOf(' : ') + 1), undefined);
    assert.equal(at(text.indexOf('"y"') + 1), undefined);
    assert.equal(at(text.indexOf('"x"') + 1), undefined);
    const shadowed = '{ "type": { "x": "y" }, "type": "crm" }';
    const shadowedDoc = documentOf(shadowed);
    assert.equal(referenceTargetAt(parseDefinition(shadowedDoc), shadowedDoc.positionAt(shadowed.indexOf('"y"') + 1)), undefined);
    const spaced = documentOf(' { "type": "t" }');
    assert.equal(referenceTargetAt(parseDefinition(spaced), { line: 0, character: 0 }), undefined);
  });
});

/** A definition where a param is named in both forms, in both components, static or redacted. */
const rich = `{
  "type": "crm",
  "schema": [
    { "label": "Key", "param": "key", "type": "password" },
    { "param": "host" }
  ],
  "endpoint": {
    "name": "e", "type": "crm", "display": "E",
    "params": [ "key", "host", "extra" ],
    "static-params": [ "host" ],
    "redact": [ "key" ],
    "sends": { "note": { "text": { "type": "mandatory" } }, "odd": "x" }
  },
  "listener": {
    "type": "crm",
    "schema": [ { "label": "Listen key", "param": "key", "type": "password" }, { "label": "Key", "param": "lonely" } ],
    "params": [ "key" ],
    "redact": [ "key" ]
  }
}`;

/** The hover at the first character of `needle` in `text`, as markdown (or the schema's plain strings) and a compact range. */
async function hoverAt(text: string, needle: string, nth = 0): Promise<[string, CompactRange] | null> {
  const doc = documentOf(text);
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `no ${needle} in the fixture`);
  const hover = await hoverDefinition(parseDefinition(doc), doc.positionAt(offset + 1));
  if (!hover) return null;
  const contents = hover.contents;
  const value = Array.isArray(contents) ? contents.join('\n') : (contents as MarkupContent).value;
  assert.ok(hover.range);
  return [value, compactRange(hover.range)];
}

describe('definition hover on params', () => {
  it('lists both forms and both components, password, static and redacted', async () => {
    assert.deepEqual(await hoverAt(rich, '"key", "type"'), [
      '**param `key`**\n\n- configuration form: label "Key", **password** (masked)\n- listener form: label "Listen key", **password** (masked)\n- endpoint: in params, redacted\n- listener: in params, redacted',
      [3, 31, 3, 36],
    ]);
    // The same text on the listener's schema entry, and on a redact list item.
    assert.deepEqual((await hoverAt(rich, '"key", "type"', 1))?.[1], [15, 50, 15, 55]);
    assert.equal((await hoverAt(rich, '"key", "type"', 1))?.[0], (await hoverAt(rich, '"key", "type"'))?.[0]);
    assert.deepEqual(await hoverAt(rich, '"host" }'), [
      '**param `host`**\n\n- configuration form: label "", shown in clear\n- endpoint: in params, static, not redacted\n- listener: not used',
      [4, 15, 4, 21],
    ]);
    assert.deepEqual((await hoverAt(rich, '"host" ]'))?.[1], [9, 23, 9, 29]);
  });

  it('says when a component redacts a param it does not list', async () => {
    assert.equal(
      (await hoverAt('{ "type": "x", "endpoint": { "params": [], "redact": [ "r" ] } }', '"r"'))?.[0],
      '**param `r`**\n\n- not declared by any schema: no form collects it\n- endpoint: not in params, redacted',
    );
  });

  it('says when no form collects a param, and where a component does not use it', async () => {
    assert.deepEqual(await hoverAt(rich, '"lonely"'), [
      '**param `lonely`**\n\n- listener form: label "Key", shown in clear\n- endpoint: not used\n- listener: not used',
      [15, 106, 15, 114],
    ]);
    assert.deepEqual(await hoverAt(rich, '"extra"'), [
      '**param `extra`**\n\n- not declared by any schema: no form collects it\n- endpoint: in params, not redacted\n- listener: not used',
      [8, 31, 8, 38],
    ]);
  });

  it('is the schema description on other strings, keys and non-string values', async () => {
    assert.deepEqual(await hoverAt(rich, '"Key"'), ["The input's label in the configuration form.", [3, 15, 3, 20]]);
    assert.deepEqual(await hoverAt(rich, '"param"'), ['The param this input fills; components list it in their `params`.', [3, 22, 3, 29]]);
    assert.deepEqual(await hoverAt(rich, '"e"'), ["The endpoint's name, usually the integration type.", [7, 12, 7, 15]]);
  });

  it('treats `param` only inside a schema entry as a param name', async () => {
    const odd = `{ "type": "x",
  "endpoint": { "param": "a", "x": { "param": "b" }, "schema": [ { "param": "c" } ] },
  "listener": { "other": [ { "param": "d" } ], "schema": [ "e", 5 ] },
  "schema": [ "f" ] }`;
    for (const needle of ['"a"', '"b"', '"c"', '"d"', '"e"', '"f"']) {
      const hover = await hoverAt(odd, needle);
      assert.ok(!hover?.[0].startsWith('**param'), `${needle}: ${hover?.[0]}`);
    }
    const nested = `{ "type": "x", "schema": [ [ { "param": "g" } ] ], "listener": { "schema": [ [ { "param": "h" } ] ] } }`;
    for (const needle of ['"g"', '"h"']) assert.ok(!(await hoverAt(nested, needle))?.[0].startsWith('**param'), needle);
    const root = await hoverAt('"abc"', '"abc"');
    assert.deepEqual([root?.[0].split('\n')[0], root?.[1]], ['CxEngage integration definition', [0, 0, 0, 5]]);
    const doc = documentOf(odd + '\n\n');
    assert.equal(await hoverDefinition(parseDefinition(doc), { line: 5, character: 0 }), null);
  });

  it('takes a number in a params list for no param', async () => {
    assert.deepEqual(await hoverAt('{ "type": "x", "endpoint": { "params": [ 5 ] } }', ' 5 ]'), ['A param name.', [0, 41, 0, 42]]);
  });
});

describe('reference targets and declarations in definition files', () => {
  const doc = documentOf(rich);
  const parsed = parseDefinition(doc);
  const at = (needle: string) => referenceTargetAt(parsed, doc.positionAt(rich.indexOf(needle) + 1));

  it('names the integration only by its top-level type, messages and fields only by their keys', () => {
    assert.deepEqual(at('"crm"'), { type: 'crm' });
    assert.deepEqual(at('"type": "crm"'), { type: 'crm' });
    assert.deepEqual(at('"note"'), { type: 'crm', message: 'note' });
    assert.deepEqual(at('"text"'), { type: 'crm', message: 'note', field: 'text' });
    for (const needle of ['"e"', '"name"', '"sends"', '"mandatory"', '"type": "mandatory"', '"x"', '"Listen key"', '"key", "type"', '"key" ]']) {
      assert.equal(at(needle), undefined, needle);
    }
    assert.deepEqual(at('"odd"'), { type: 'crm', message: 'odd' });
  });

  it('names nothing in a definition without a type, or outside any string', () => {
    const untyped = documentOf('{ "endpoint": { "sends": { "note": {} } } }');
    assert.equal(referenceTargetAt(parseDefinition(untyped), { line: 0, character: 28 }), undefined);
    assert.equal(referenceTargetAt(parsed, { line: 0, character: 0 }), undefined);
    assert.equal(referenceTargetAt(parsed, { line: 30, character: 0 }), undefined);
    const display = documentOf('{ "type": "t", "display": "T" }');
    assert.equal(referenceTargetAt(parseDefinition(display), { line: 0, character: 28 }), undefined);
  });

  it('finds the declaration of the integration, a message and a field, and nothing for unknown names', () => {
    const def = parsed.definition;
    const where = (target: Parameters<typeof declarationOf>[1]) => {
      const location = declarationOf(def, target);
      return location && [location.uri, compactRange(location.range)];
    };
    assert.deepEqual(where({ type: 'crm' }), [doc.uri, [1, 10, 1, 15]]);
    assert.deepEqual(where({ type: 'crm', message: 'note' }), [doc.uri, [11, 15, 11, 21]]);
    assert.deepEqual(where({ type: 'crm', message: 'note', field: 'text' }), [doc.uri, [11, 25, 11, 31]]);
    assert.equal(where({ type: 'crm', message: 'none' }), undefined);
    assert.equal(where({ type: 'crm', message: 'note', field: 'none' }), undefined);
    const bare = parseDefinition(documentOf('{ "schema": [] }')).definition;
    assert.equal(declarationOf(bare, { type: 'crm' }), undefined);
    assert.equal(declarationOf(bare, { type: 'crm', message: 'note' }), undefined);
  });
});

/** Actions as `[title, kind, preferred, diagnostic codes, edits as [range, text]]`. */
function actionShapes(actions: CodeAction[], uri: string): unknown[] {
  return actions.map((a) => [
    a.title,
    a.kind,
    a.isPreferred,
    (a.diagnostics ?? []).map((d) => d.code),
    (a.edit?.changes?.[uri] ?? []).map((e) => [compactRange(e.range), e.newText]),
  ]);
}

describe('definition quick fixes: every action of a file', () => {
  it('offers one action per fixable diagnostic, tied to it, and none for the others', async () => {
    const text = `{ "type": "x",
  "schema": [ { "label": "Token", "param": "api-token" }, { "label": "Key", "param": "api-key", "type": "password" } ],
  "endpoint": { "name": "x", "type": "x", "display": "X", "params": [ "api-token", "api-key" ], "redact": [ "api-tokn" ], "sends": { "m": { "f": { "type": "optinal" } } } } }`;
    const doc = documentOf(text);
    const diagnostics = await diagnosticsOf(doc);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, compactRange(d.range)]),
      [['secret-not-masked', [1, 43, 1, 54]], ['unredacted-secret', [2, 83, 2, 92]], ['unknown-param', [2, 108, 2, 118]], ['schema', [2, 155, 2, 164]]],
    );
    assert.deepEqual(actionShapes(definitionCodeActions(parseDefinition(doc), diagnostics), doc.uri), [
      ['Mark `api-token` as password', 'quickfix', undefined, ['secret-not-masked'], [[[1, 54, 1, 54], ', "type": "password"']]],
      ['Add `api-key` to `endpoint.redact`', 'quickfix', undefined, ['unredacted-secret'], [[[2, 118, 2, 118], ', "api-key"']]],
      ['Change to `api-token`', 'quickfix', true, ['unknown-param'], [[[2, 108, 2, 118], '"api-token"']]],
      ['Change to `optional`', 'quickfix', true, ['schema'], [[[2, 155, 2, 164], '"optional"']]],
      ['Change to `mandatory`', 'quickfix', undefined, ['schema'], [[[2, 155, 2, 164], '"mandatory"']]],
    ]);
  });

  const listenerText = `{ "type": "x",
  "listener": { "type": "x", "schema": [ { "label": "L" }, { "label": "Secret", "param": "secret" } ], "params": [ "secret" ] } }`;

  function synthetic(text: string, code: string, data: unknown, needle?: string): unknown[] {
    const doc = documentOf(text);
    const offset = needle === undefined ? 0 : text.indexOf(needle);
    const range = needle === undefined ? { start: doc.positionAt(0), end: doc.positionAt(1) } : { start: doc.positionAt(offset), end: doc.positionAt(offset + needle.length) };
    const diagnostic: Diagnostic = { range, message: 'm', code, source: 'cxengage', data };
    return actionShapes(definitionCodeActions(parseDefinition(doc), [diagnostic]), doc.uri);
  }

  it('acts only on the codes and components it knows, with a param to act on', () => {
    assert.deepEqual(synthetic(listenerText, 'unredacted-secret', { param: 'secret', component: 'listener' }), [
      ['Add `secret` to `listener.redact`', 'quickfix', undefined, ['unredacted-secret'], [[[1, 125, 1, 125], ', "redact": [ "secret" ]']]],
    ]);
    assert.deepEqual(synthetic(listenerText, 'unredacted-secret', { param: 'secret', component: 'other' }), []);
    assert.deepEqual(synthetic(listenerText, 'unredacted-secret', { component: 'listener' }), []);
    assert.deepEqual(synthetic(listenerText, 'unredacted-secret', { param: 'secret', component: 'endpoint' }), []);
    assert.deepEqual(synthetic(listenerText, 'secret-not-masked', { param: 'secret' }, '"secret"'), [
      ['Mark `secret` as password', 'quickfix', undefined, ['secret-not-masked'], [[[1, 97, 1, 97], ', "type": "password"']]],
    ]);
    assert.deepEqual(synthetic(listenerText, 'secret-not-masked', { param: 'secret' }, '"secret" ]'), []);
    assert.deepEqual(synthetic(listenerText, 'other-code', { param: 'secret', component: 'listener' }, '"secret"'), []);
    assert.deepEqual(synthetic(listenerText, 'unknown-param', { suggestions: ['secret'] }, '"Secret"'), [
      ['Change to `secret`', 'quickfix', true, ['unknown-param'], [[[1, 70, 1, 78], '"secret"']]],
    ]);
    assert.deepEqual(synthetic(listenerText, 'unknown-param', { suggestions: ['secret'] }, 'Secret'), []);
    assert.deepEqual(synthetic(listenerText, 'unknown-param', { suggestions: ['secret'] }, '"Secret", "param'), []);
    assert.deepEqual(synthetic(listenerText, 'unknown-param', { suggestions: ['secret'] }, 'x"Secret"'), []);
    assert.deepEqual(synthetic(listenerText, 'other-code', { suggestions: ['a'] }, '"Secret"'), []);
    assert.deepEqual(synthetic('{ "type": "x", "other": { "params": [ "k" ] } }', 'unredacted-secret', { param: 'k', component: 'other' }), []);
    const preferred = (code: string, data: unknown) => (synthetic(listenerText, code, data, '"Secret"') as [string, string, boolean | undefined][]).map((a) => [a[0], a[2]]);
    assert.deepEqual(preferred('schema', { suggestions: ['a'] }), [['Change to `a`', undefined]]);
    assert.deepEqual(preferred('unknown-param', { suggestions: ['a', 'b'], likely: true }), [['Change to `a`', undefined], ['Change to `b`', undefined]]);
    assert.deepEqual(synthetic(listenerText, 'schema', { suggestions: ['a', 5, 'b'], likely: true }, '"Secret"'), [
      ['Change to `a`', 'quickfix', true, ['schema'], [[[1, 70, 1, 78], '"a"']]],
      ['Change to `b`', 'quickfix', undefined, ['schema'], [[[1, 70, 1, 78], '"b"']]],
    ]);
  });

  it('adds a redact list to an empty component, and leaves a redact that is not a list alone', () => {
    assert.deepEqual(synthetic('{ "type": "x", "listener": {} }', 'unredacted-secret', { param: 'k', component: 'listener' }), [
      ['Add `k` to `listener.redact`', 'quickfix', undefined, ['unredacted-secret'], [[[0, 28, 0, 28], ' "redact": [ "k" ] ']]],
    ]);
    assert.deepEqual(synthetic('{ "type": "x", "listener": { "redact": "k" } }', 'unredacted-secret', { param: 'k', component: 'listener' }), []);
    assert.deepEqual(synthetic('{ "type": "x", "schema": {}, "listener": { "schema": {} } }', 'secret-not-masked', { param: 'k' }, '"x"'), []);
  });

  it('writes the new key in the colon style of the file\'s first property', () => {
    const edit = (style: string) => {
      const [[, , , , [[, text]]]] = synthetic(`{ ${style}, "listener": { "params": [ "k" ] } }`, 'unredacted-secret', { param: 'k', component: 'listener' }) as [
        [string, string, boolean, string[], [CompactRange, string][]],
      ];
      return text;
    };
    assert.equal(edit('"type":"x"'), ', "redact":[ "k" ]');
    assert.equal(edit('"type" :"x"'), ', "redact" :[ "k" ]');
    assert.equal(edit('"type" : "x"'), ', "redact" : [ "k" ]');
    // A line break is no style: the usual one.
    assert.equal(edit('"type"\n : "x"'), ', "redact": [ "k" ]');
    assert.equal(edit('"type" :\n "x"'), ', "redact": [ "k" ]');
  });
});

describe('definition completion of params', () => {
  const declaring = `{ "type": "x",
  "schema": [ { "label": "Key", "param": "key", "type": "password" }, { "param": "host" } ],
  "endpoint": { "params": [ "extra", "key" ], "redact": [ "host", 5, "ke|" ] },
  "listener": { "schema": [ { "label": "Listener key", "param": "key" }, { "label": "Port", "param": "port" } ], "params": [ "extra", "lp" ] } }`;

  it('offers every declared param once, schema entries first, all but those already in the list', async () => {
    const { doc, position } = withCursor(declaring);
    const list = await completeDefinition(parseDefinition(doc), position);
    assert.equal(list.isIncomplete, false);
    assert.deepEqual(
      list.items.map((i) => [i.label, i.kind, i.detail, i.sortText, i.filterText, i.insertText, i.textEdit && [compactRange((i.textEdit as TextEdit).range), i.textEdit.newText]]),
      [
        ['key', CompletionItemKind.Value, 'Key (password), from schema', '0000', '"key"', undefined, [[2, 69, 2, 73], '"key"']],
        ['port', CompletionItemKind.Value, 'Port, from listener.schema', '0001', '"port"', undefined, [[2, 69, 2, 73], '"port"']],
        ['extra', CompletionItemKind.Value, 'from endpoint.params', '0002', '"extra"', undefined, [[2, 69, 2, 73], '"extra"']],
        ['lp', CompletionItemKind.Value, 'from listener.params', '0003', '"lp"', undefined, [[2, 69, 2, 73], '"lp"']],
      ],
    );
  });

  it('offers the param being typed over, though the list holds it', async () => {
    const { doc, position } = withCursor(declaring.replace('"host", 5, "ke|"', '5, "ho|st"'));
    const list = await completeDefinition(parseDefinition(doc), position);
    assert.deepEqual(list.items.map((i) => i.label), ['key', 'host', 'port', 'extra', 'lp']);
  });

  it('inserts a quoted param where no string is being typed', async () => {
    const { doc, position } = withCursor(declaring.replace('"ke|"', '"key"').replace('"lp" ]', '"lp", | ]'));
    const list = await completeDefinition(parseDefinition(doc), position);
    assert.deepEqual(
      list.items.map((i) => [i.label, i.detail, i.sortText, i.insertText, i.textEdit]),
      [
        ['key', 'Key (password), from schema', '0000', '"key"', undefined],
        ['host', 'host, from schema', '0001', '"host"', undefined],
        ['port', 'Port, from listener.schema', '0002', '"port"', undefined],
      ],
    );
  });
});

describe('param lists of a definition', () => {
  const text = `{ "params": [ "a" ],
  "endpoint": { "params": [ "b" ], "static-params": [ "c" ], "other": [ "d" ], "x": { "redact": [ "e" ] }, "label": "f" },
  "listener": { "redact": [ "g", [ "h" ] ] },
  "schema": [ "i" ],
  "nested": { "endpoint": { "params": [ "j" ] } } }`;
  const doc = documentOf(text);
  const root = parseDefinition(doc).json.root;
  const at = (needle: string, delta = 1) => {
    const place = paramListAt(nodeAt(root, text.indexOf(needle) + delta));
    return place && [place.component, place.list, compactRange(rangeOfNode(place.array)), place.item?.value];
  };
  const rangeOfNode = (node: { offset: number; length: number }) => ({ start: doc.positionAt(node.offset), end: doc.positionAt(node.offset + node.length) });

  it('are the params, static-params and redact lists of the endpoint and the listener', () => {
    assert.deepEqual(at('"b"'), ['endpoint', 'params', [1, 26, 1, 33], 'b']);
    assert.deepEqual(at('"b"', -1), ['endpoint', 'params', [1, 26, 1, 33], undefined]);
    assert.deepEqual(at('"c"'), ['endpoint', 'static-params', [1, 52, 1, 59], 'c']);
    assert.deepEqual(at('"g"'), ['listener', 'redact', [2, 26, 2, 42], 'g']);
  });

  it('are no other lists, nor lists of lists, nor the same keys elsewhere', () => {
    for (const needle of ['"a"', '"d"', '"e"', '"f"', '"h"', '"i"', '"j"', '"params"']) assert.equal(at(needle), undefined, needle);
    assert.equal(paramListAt(undefined), undefined);
    const rootList = documentOf('[ "a" ]');
    assert.equal(paramListAt(nodeAt(parseDefinition(rootList).json.root, 3)), undefined);
    const other = documentOf('{ "other": { "params": [ "k" ] } }');
    assert.equal(paramListAt(nodeAt(parseDefinition(other).json.root, 25)), undefined);
    const bare = documentOf('"abc"');
    assert.equal(paramListAt(nodeAt(parseDefinition(bare).json.root, 1)), undefined);
  });
});

describe('definition documents', () => {
  it('stand empty for a file a guard stopped: no JSON, no content', () => {
    const doc = documentOf('{ "type": "big" }');
    const empty = emptyDefinitionDocument(doc);
    assert.equal(empty.document, doc);
    assert.deepEqual(empty.definition, { uri: doc.uri, builtin: false, schema: [] });
    assert.equal(empty.json.root, undefined);
  });

  it('outline at most the symbols asked for', () => {
    const parsed = parseDefinition(documentOf('{ "type": "x", "display": "X", "endpoint": { "name": "x" } }'));
    assert.deepEqual(definitionSymbols(parsed, 100).map((s) => [s.name, compactRange(s.range), (s.children ?? []).map((c) => c.name)]), [
      ['type', [0, 2, 0, 13], []],
      ['display', [0, 15, 0, 29], []],
      ['endpoint', [0, 31, 0, 58], ['name']],
    ]);
    assert.deepEqual(definitionSymbols(parsed, 2).map((s) => s.name), ['type', 'display']);
  });
});
