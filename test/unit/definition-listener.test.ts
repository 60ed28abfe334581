// The listener half of every definition check, on the crm fixture: its redact list, its type, its
// own schema (duplicates, secret-looking names), its static-params and redact entries, and secret
// names written in camelCase.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { messages } from '../../server/src/service/codes';
import { messageText } from '../../server/src/service/diagnostics';
import { isSecretName, nameWords } from '../../server/src/service/definitions/secretNames';
import { crmDefinition, crmWith } from '../support/definitions';
import { compact, documentOf, rangeOfText } from '../support/documents';
import { diagnosticsOf } from '../support/service';

async function check(text: string) {
  const doc = documentOf(text);
  const diagnostics = await diagnosticsOf(doc);
  return { doc, diagnostics, found: compact(diagnostics) };
}

const listenerRedact = ', "redact": ["hook-secret"]';

describe('definition checks: the listener', () => {
  it('the crm fixture, redacting its secrets on both sides, is clean', async () => {
    assert.deepEqual((await check(crmDefinition)).found, []);
  });

  it('unredacted-secret: a password of the listener schema in listener.params, not in listener.redact', async () => {
    const { doc, diagnostics, found } = await check(crmWith([listenerRedact, '']));
    assert.deepEqual(found, [['unredacted-secret', rangeOfText(doc, '"hook-secret"', 1)]]);
    assert.equal(messageText(diagnostics[0]), messages.unredactedSecret('hook-secret', 'listener'));
    assert.deepEqual(diagnostics[0].data, { param: 'hook-secret', component: 'listener' });
  });

  it('unredacted-secret: a password of the integration schema in listener.params; the listener redact list is its own', async () => {
    // The listener takes the integration's `secret`: the endpoint's redact list does not cover it.
    const text = crmWith(['"params": ["hook-secret"]', '"params": ["hook-secret", "secret"]']);
    const { doc, diagnostics, found } = await check(text);
    assert.deepEqual(found, [['unredacted-secret', rangeOfText(doc, '"secret"', 4)]]);
    assert.deepEqual(diagnostics[0].data, { param: 'secret', component: 'listener' });
    const redacted = crmWith(['"params": ["hook-secret"]', '"params": ["hook-secret", "secret"]'], [listenerRedact, ', "redact": ["hook-secret", "secret"]']);
    assert.deepEqual((await check(redacted)).found, []);
  });

  it('a listener redact entry does not cover the endpoint', async () => {
    const text = crmWith(['"redact": ["secret"]', '"redact": []'], [listenerRedact, ', "redact": ["hook-secret", "secret"]']);
    const { doc, diagnostics, found } = await check(text);
    assert.deepEqual(found, [['unredacted-secret', rangeOfText(doc, '"secret"', 1)]]);
    assert.deepEqual(diagnostics[0].data, { param: 'secret', component: 'endpoint' });
  });

  it('endpoint-type-mismatch: listener.type against the top-level type', async () => {
    const text = crmWith(['"name": "crm", "type": "crm", "display": "CRM Listener"', '"name": "crm", "type": "crm-events", "display": "CRM Listener"']);
    const { doc, diagnostics, found } = await check(text);
    assert.deepEqual(found, [['endpoint-type-mismatch', rangeOfText(doc, '"crm-events"')]]);
    assert.equal(messageText(diagnostics[0]), messages.endpointTypeMismatch('listener', 'crm-events', 'crm'));
    assert.equal(diagnostics[0].severity, 3);
  });

  it('duplicate-entry and secret-not-masked in the listener schema', async () => {
    const text = crmWith([
      '"schema": [ { "label": "Webhook secret", "param": "hook-secret", "type": "password" } ]',
      '"schema": [ { "label": "Webhook secret", "param": "hook-secret", "type": "password" }, { "label": "Again", "param": "hook-secret", "type": "password" }, { "label": "Signing key", "param": "signingToken" } ]',
    ]);
    const { doc, diagnostics, found } = await check(text);
    assert.deepEqual(found, [
      ['duplicate-entry', rangeOfText(doc, '"hook-secret"', 1)],
      ['secret-not-masked', rangeOfText(doc, '"signingToken"')],
    ]);
    assert.deepEqual(diagnostics.map(messageText), [messages.duplicateSchemaParam('hook-secret', 'listener.schema'), messages.secretNotMasked('signingToken')]);
    assert.deepEqual(diagnostics[1].data, { param: 'signingToken' });
  });

  it('unknown-param and duplicate-entry in the listener lists, with did-you-mean', async () => {
    const text = crmWith(
      ['"params": ["hook-secret"], "static-params": ["hook-secret"]', '"params": ["hook-secret"], "static-params": ["hook-secret", "hook-secret"]'],
      [listenerRedact, ', "redact": ["hook-secret", "hook-secert"]'],
    );
    const { doc, diagnostics, found } = await check(text);
    assert.deepEqual(found, [
      ['duplicate-entry', rangeOfText(doc, '"hook-secret"', 3)],
      ['unknown-param', rangeOfText(doc, '"hook-secert"')],
    ]);
    assert.deepEqual(diagnostics.map(messageText), [
      messages.duplicateListEntry('hook-secret', 'listener.static-params'),
      messages.unknownParam('hook-secert', 'listener.redact', 'hook-secret'),
    ]);
  });

  it('param-without-form: a listener param no schema declares', async () => {
    const text = crmWith(['"params": ["hook-secret"]', '"params": ["hook-secret", "topic"]']);
    const { doc, diagnostics, found } = await check(text);
    assert.deepEqual(found, [['param-without-form', rangeOfText(doc, '"topic"')]]);
    assert.equal(messageText(diagnostics[0]), messages.paramWithoutForm('topic', 'listener'));
  });
});

describe('secret names', () => {
  it('splits camelCase, kebab, snake and upper-case names into words', () => {
    assert.deepEqual(nameWords('clientSecret'), ['client', 'secret']);
    assert.deepEqual(nameWords('apiKey'), ['api', 'key']);
    assert.deepEqual(nameWords('OAuth2AccessToken'), ['oauth2', 'access', 'token']);
    assert.deepEqual(nameWords('SECRET-TOKEN'), ['secret', 'token']);
    assert.deepEqual(nameWords('consumer_secret'), ['consumer', 'secret']);
    assert.deepEqual(nameWords('--api__key-'), ['api', 'key']);
    assert.deepEqual(nameWords('_'), []);
  });

  it('a secret word as a word of the name, in any case and any style; not inside another word', () => {
    const secret = ['clientSecret', 'apiKey', 'authToken', 'userPassword', 'privateKey', 'dbPasswd', 'api-key', 'PRIVATE_KEY', 'apikey', 'token'];
    const plain = ['tokenizer', 'secretary', 'passwordless', 'keyring', 'apiVersion', 'privateNote', 'monkey'];
    assert.deepEqual(secret.filter((n) => !isSecretName(n)), []);
    assert.deepEqual(plain.filter((n) => isSecretName(n)), []);
  });

  it('secret-not-masked: camelCase secret names in the integration schema', async () => {
    const text = crmWith([
      '{ "label": "Login", "param": "login" }',
      '{ "label": "Login", "param": "login" }, { "label": "Client secret", "param": "clientSecret" }, { "label": "Auth", "param": "authToken" }',
    ]);
    const { doc, diagnostics, found } = await check(text);
    assert.deepEqual(found, [
      ['secret-not-masked', rangeOfText(doc, '"clientSecret"')],
      ['secret-not-masked', rangeOfText(doc, '"authToken"')],
    ]);
    assert.deepEqual(diagnostics.map(messageText), [messages.secretNotMasked('clientSecret'), messages.secretNotMasked('authToken')]);
  });
});
