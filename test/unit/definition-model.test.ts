// The definition model read from a JSON tree: whatever parts are well formed, nothing from the
// rest; and the params it makes credentials.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { credentialParams, definitionType } from '../../server/src/service/definitions/model';
import { compactRange, documentOf } from '../support/documents';
import { parseDefinition } from '../support/service';

const read = (text: string) => parseDefinition(documentOf(text)).definition;

describe('reading a definition', () => {
  it('reads nothing but the uri from a file that is not an object', () => {
    const doc = documentOf('[ { "type": "x" } ]');
    assert.deepEqual(parseDefinition(doc).definition, { uri: doc.uri, builtin: false, schema: [] });
  });

  it('skips schema entries without a param, and list items that are not strings', () => {
    const def = read(`{ "type": "x",
  "schema": [ { "label": "No param" }, 5, { "param": 7 }, { "label": "P", "param": "p", "type": "text" } ],
  "endpoint": { "params": [ "a", 5, null, "b" ], "redact": [ 1 ], "sends": { "m": { "f": { "type": "optional" } } }, "schema": [ { "param": "s" } ] } }`);
    assert.deepEqual(
      def.schema.map((s) => [s.param, s.label, s.password, compactRange(s.paramRange), compactRange(s.entryRange), s.typeRange && compactRange(s.typeRange)]),
      [['p', 'P', false, [1, 83, 1, 86], [1, 58, 1, 104], [1, 96, 1, 102]]],
    );
    assert.deepEqual(def.endpoint?.params.map((p) => [p.value, compactRange(p.range)]), [['a', [2, 28, 2, 31]], ['b', [2, 42, 2, 45]]]);
    assert.deepEqual(def.endpoint?.redact, []);
    assert.equal(def.endpoint?.staticParams, undefined);
    assert.equal(def.endpoint?.schema, undefined);
  });

  it('reads no component from a value that is not an object, and no sends on a listener', () => {
    const def = read(`{ "type": "x", "endpoint": 5,
  "listener": { "params": [ "a" ], "sends": { "m": { "f": { "type": "mandatory" } } } } }`);
    assert.equal(def.endpoint, undefined);
    assert.deepEqual(def.listener?.sends, []);
    assert.equal(def.listener?.message('m'), undefined);
    assert.equal(def.listener?.schema, undefined);
  });

  it('reads each field\'s type, description and string enum values, and a message that is no object as one without fields', () => {
    const def = read(`{ "type": "x", "endpoint": { "sends": {
  "odd": "x",
  "m": { "to": { "type": "mandatory", "description": "Who", "enum": [ "a", 5, "b" ] }, "cc": { "type": "optional" }, "bad": 3 } } } }`);
    const sends = def.endpoint?.sends ?? [];
    assert.deepEqual(sends.map((m) => [m.name, m.fields.length]), [['odd', 0], ['m', 3]]);
    const m = def.endpoint?.message('m');
    assert.deepEqual(
      m?.fields.map((f) => [f.name, f.kind, f.mandatory, f.description, f.enum, compactRange(f.keyRange)]),
      [
        ['to', 'mandatory', true, 'Who', ['a', 'b'], [2, 9, 2, 13]],
        ['cc', 'optional', false, undefined, undefined, [2, 87, 2, 91]],
        ['bad', undefined, false, undefined, undefined, [2, 117, 2, 122]],
      ],
    );
  });
});

describe('the definition model', () => {
  it('knows a definition by a type that is not empty', () => {
    assert.equal(definitionType(read('{ "type": "crm" }')), 'crm');
    assert.equal(definitionType(read('{ "type": "" }')), undefined);
    assert.equal(definitionType(read('{ "display": "CRM" }')), undefined);
  });

  it('makes credentials of static, redacted and password params, and of listener static-params no message sends', () => {
    const def = read(`{ "type": "x",
  "schema": [ { "param": "pw", "type": "password" }, { "param": "clear" } ],
  "endpoint": { "params": [ "p" ], "static-params": [ "st" ], "redact": [ "red" ], "sends": { "m": { "channel": { "type": "mandatory" } } } },
  "listener": { "schema": [ { "param": "lpw", "type": "password" }, { "param": "lclear" } ], "static-params": [ "channel", "lst" ], "redact": [ "lred" ] } }`);
    assert.deepEqual([...credentialParams(def)].sort(), ['lpw', 'lred', 'lst', 'pw', 'red', 'st']);
  });

  it('makes no credential of lists a definition does not have', () => {
    assert.deepEqual([...credentialParams(read('{ "type": "x", "schema": [ { "param": "a" } ] }'))], []);
    assert.deepEqual([...credentialParams(read('{ "type": "x", "endpoint": { "params": [ "a" ] }, "listener": { "params": [ "b" ] } }'))], []);
    assert.deepEqual([...credentialParams(read('{ "type": "x", "listener": { "static-params": [ "c" ] } }'))], ['c']);
  });
});
