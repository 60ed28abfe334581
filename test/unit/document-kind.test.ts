// A document's kind by language id first and file name second, the language id a kind is read
// with, and the built-in definitions shipped beside the code, in name order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentKind, kindOfName, languageIdOf } from '../../server/src/service/documentKind';
import { shippedBuiltins } from '../../server/src/service/resources';

describe('document kinds', () => {
  it('takes the language id first, the file name second', () => {
    assert.deepEqual(
      ['cxengage-integration', 'cxflow', 'cxengage-pattern', 'cxengage-template', 'json', undefined].map((id) => documentKind('file:///w/notes.json', id)),
      ['definition', 'flow', 'pattern', 'template', 'other', 'other'],
    );
    assert.deepEqual(
      ['a.integration.json', 'A.CXFLOW', 'b.pattern.json', 'TM1.Template.json', 'template.json.bak', 'x.json', ''].map(kindOfName),
      ['definition', 'flow', 'pattern', 'template', 'other', 'other', 'other'],
    );
  });

  it('gives each kind its language id, other documents plain text', () => {
    assert.deepEqual(
      (['definition', 'flow', 'pattern', 'template', 'other'] as const).map(languageIdOf),
      ['cxengage-integration', 'cxflow', 'cxengage-pattern', 'cxengage-template', 'plaintext'],
    );
  });

  it('ships the eight built-in definitions in name order', () => {
    assert.deepEqual(
      shippedBuiltins().map((f) => [f.name, f.uri.endsWith(`/schemas/builtin/${f.name}`), f.text.startsWith('{')]),
      ['datasift', 'echo', 'generic', 'pusher', 'salesforce', 'sendgrid', 'timer', 'twilio'].map((n) => [`${n}.integration.json`, true, true]),
    );
  });
});
