// The built-in definitions: their uris (the shipped files', or a client's read-only scheme), which
// schemes may name them, and that a language service reads them once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BuiltinDefinitions, isBuiltinScheme, loadBuiltinDocuments } from '../../server/src/service/definitions/builtin';
import { builtinDefinitions } from '../support/service';

const names = ['datasift', 'echo', 'generic', 'pusher', 'salesforce', 'sendgrid', 'timer', 'twilio'];
const shipped = (name: string) => join(__dirname, '..', '..', '..', 'schemas', 'builtin', `${name}.integration.json`);

describe('built-in definitions', () => {
  it('are the shipped files, under their own uris by default and under `<scheme>:/<name>` when asked', () => {
    const files = loadBuiltinDocuments();
    assert.deepEqual(
      files.map((d) => d.document.uri),
      names.map((n) => pathToFileURL(shipped(n)).toString()),
    );
    const read = loadBuiltinDocuments({ scheme: 'cxengage-builtin' });
    assert.deepEqual(
      read.map((d) => [d.document.uri, d.definition.uri, d.definition.builtin, d.definition.type?.value]),
      names.map((n) => [`cxengage-builtin:/${n}.integration.json`, `cxengage-builtin:/${n}.integration.json`, true, n]),
    );
    assert.equal(read[7].document.getText(), readFileSync(shipped('twilio'), 'utf8'));
  });

  it('take a scheme a workspace file cannot have', () => {
    for (const scheme of ['cxengage-builtin', 'a', 'x1+y.z-w']) assert.equal(isBuiltinScheme(scheme), true, scheme);
    for (const scheme of ['file', '', 'Cx', '1cx', 'cx builtin', 'cx:', 'x/y', 'builtin\n', undefined, 42]) {
      assert.equal(isBuiltinScheme(scheme), false, String(scheme));
    }
  });
});

describe('the built-in definitions of a language service', () => {
  it('are read once, under the scheme given before the first read', () => {
    const builtins = new BuiltinDefinitions();
    assert.equal(builtins.owns('ro:/twilio.integration.json'), false);
    assert.equal(builtins.owns('undefined:/twilio.integration.json'), false);
    builtins.useScheme('ro');
    assert.equal(builtins.owns('ro:/twilio.integration.json'), true);
    assert.equal(builtins.owns('file:///ro/twilio.integration.json'), false);
    assert.equal(builtins.owns('x-ro:/twilio.integration.json'), false);
    const first = builtins.definitions();
    assert.deepEqual(first.map((d) => d.uri), names.map((n) => `ro:/${n}.integration.json`));
    assert.equal(builtins.definitions(), first);
    builtins.useScheme('later');
    assert.equal(builtins.definitions()[0].uri, 'ro:/datasift.integration.json');
    assert.equal(builtins.owns('later:/datasift.integration.json'), false);
    assert.equal(builtins.text('ro:/timer.integration.json'), readFileSync(shipped('timer'), 'utf8'));
    assert.equal(builtins.text('ro:/none.integration.json'), undefined);
  });

  it('know their texts without a scheme too, by the files\' uris', () => {
    const builtins = new BuiltinDefinitions();
    assert.equal(builtins.text(pathToFileURL(shipped('echo')).toString()), readFileSync(shipped('echo'), 'utf8'));
    assert.equal(builtins.owns(pathToFileURL(shipped('echo')).toString()), false);
  });

  it('are the given ones when a test gives them, with no texts', () => {
    let reads = 0;
    const builtins = new BuiltinDefinitions(() => {
      reads++;
      return builtinDefinitions().slice(0, 2);
    });
    assert.deepEqual(builtins.definitions().map((d) => d.type?.value), ['datasift', 'echo']);
    builtins.definitions();
    assert.equal(reads, 1);
    assert.equal(builtins.text(builtinDefinitions()[0].uri), undefined);
  });
});
