// Completion, hover and quick fixes in definition files, with `|` cursor fixtures; the quick fixes
// keep the file's own layout (the seed's `"key" : value` style, inline or one-per-line lists).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit, MarkupContent } from 'vscode-languageserver-types';
import { definitionCodeActions } from '../../server/src/service/definitions/codeActions';
import { completeDefinition } from '../../server/src/service/definitions/completion';
import { hoverDefinition } from '../../server/src/service/definitions/hover';
import { referenceTargetAt } from '../../server/src/service/definitions/navigation';
import { documentOf, withCursor } from '../support/documents';
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
});
