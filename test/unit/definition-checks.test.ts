// Every definition check, positive and negative, with exact ranges; and the built-in definitions
// graded exactly as their data deserves.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validateDefinition } from '../../server/src/service/definitions/validate';
import { loadBuiltinDocuments } from '../../server/src/service/definitions/builtin';
import { DuplicateTypeFacts } from '../../server/src/service/definitions/checks';
import { defaultSettings, normaliseSettings } from '../../server/src/service/settings';
import { messages } from '../../server/src/service/codes';
import { messageText } from '../../server/src/service/diagnostics';
import { CompactRange, compact, documentOf, rangeOfText } from '../support/documents';
import { diagnosticsOf, parseDefinition } from '../support/service';

const check = (text: string, settings = defaultSettings) => diagnosticsOf(documentOf(text), settings);
/** The checks alone, told what the workspace knows of other definitions of the same type. */
const checkWith = (doc: TextDocument, duplicates: DuplicateTypeFacts) => validateDefinition(parseDefinition(doc), { duplicates });

const twilioLike = (schema: string, endpointExtra: string) => `{
  "type": "sms",
  "display": "SMS",
  "schema": [${schema}],
  "endpoint": {
    "name": "sms", "type": "sms", "display": "SMS Endpoint",
    "params": ["account", "token"],
    "sends": { "text": { "to": { "type": "mandatory" } } }${endpointExtra}
  }
}`;
const goodSchema = `{ "label": "Account", "param": "account" }, { "label": "Token", "param": "token", "type": "password" }`;

describe('definition checks', () => {
  it('accepts a clean definition with no diagnostics', async () => {
    assert.deepEqual(compact(await check(twilioLike(goodSchema, `, "static-params": ["account", "token"], "redact": ["token"]`))), []);
  });

  it('json-syntax: broken JSON, comments and trailing commas, at the exact place', async () => {
    const doc = documentOf('{ "type": "x", }');
    const diags = await diagnosticsOf(doc);
    assert.deepEqual(compact(diags), [['json-syntax', [0, 13, 0, 14]]]);
    const withComment = documentOf('{ // note\n "type": "x" }');
    assert.deepEqual(compact(await diagnosticsOf(withComment)), [['json-syntax', [0, 2, 0, 9]]]);
    const unterminated = documentOf('{ "type": "x');
    const atEnd = await diagnosticsOf(unterminated);
    // One broken stretch: one diagnostic.
    assert.deepEqual(compact(atEnd), [['json-syntax', [0, 10, 0, 12]]]);
    assert.deepEqual(atEnd.map(messageText), [messages.jsonSyntax('Unexpected end of string.')]);
  });

  it('json-syntax: one diagnostic per broken stretch, and text after the end is a syntax error, not a schema one', async () => {
    // The parser salvages `"display": 3` from the broken stretch; its wrong type is not a second problem.
    const garbled = documentOf('{ "type": "x" "display" 3 y, "endpoint": { "name": "x" } }');
    const diags = await diagnosticsOf(garbled);
    assert.deepEqual(compact(diags), [
      ['json-syntax', [0, 14, 0, 28]],
      ...['type', 'display', 'params', 'sends'].map((): [string, CompactRange] => ['schema', rangeOfText(garbled, '"endpoint"')]),
    ]);
    assert.equal(messageText(diags[0]), messages.jsonSyntax('Expected comma'));
    const trailing = documentOf('{ "type": "x" } {}');
    assert.deepEqual(compact(await diagnosticsOf(trailing)), [['json-syntax', [0, 16, 0, 17]]]);
    assert.equal(messageText((await diagnosticsOf(trailing))[0]), messages.jsonSyntax('End of file expected.'));
  });

  it('schema: missing type, unknown keys, a bad field type, an empty enum, a non-object file', async () => {
    const doc = documentOf(`{
  "display": "X",
  "colour": "red",
  "endpoint": { "name": "x", "type": "x", "display": "X", "params": [],
    "sends": { "m": { "f": { "type": "mandatroy" }, "g": { "type": "optional", "enum": [] } } } }
}`);
    const diags = compact(await diagnosticsOf(doc));
    assert.deepEqual(diags, [
      ['schema', [0, 0, 0, 1]],
      ['schema', rangeOfText(doc, '"colour"')],
      ['schema', rangeOfText(doc, '"mandatroy"')],
      ['schema', rangeOfText(doc, '[]', 1)],
    ]);
    assert.deepEqual(compact(await check('[1, 2]')), [['schema', [0, 0, 0, 6]]]);
  });

  it('unredacted-secret: a password param in params but not in redact, on the params entry', async () => {
    const doc = documentOf(twilioLike(goodSchema, `, "redact": []`));
    const diags = await diagnosticsOf(doc);
    assert.deepEqual(compact(diags), [['unredacted-secret', rangeOfText(doc, '"token"', 1)]]);
    assert.equal(messageText(diags[0]), messages.unredactedSecret('token', 'endpoint'));
    assert.deepEqual(diags[0].data, { param: 'token', component: 'endpoint' });
  });

  it('secret-not-masked: secret-looking names that are not passwords; other names pass', async () => {
    const doc = documentOf(`{ "type": "x", "schema": [
  { "label": "API key", "param": "apiKey" },
  { "label": "Private", "param": "private-key" },
  { "label": "Pass", "param": "PASSWD" },
  { "label": "Key", "param": "key" },
  { "label": "Tokenizer", "param": "tokenizer" },
  { "label": "Secret", "param": "client_secret", "type": "password" }
] }`);
    assert.deepEqual(compact(await diagnosticsOf(doc)), [
      ['secret-not-masked', rangeOfText(doc, '"apiKey"')],
      ['secret-not-masked', rangeOfText(doc, '"private-key"')],
      ['secret-not-masked', rangeOfText(doc, '"PASSWD"')],
    ]);
  });

  it('unknown-param: a redact or static-params entry naming nothing, with did-you-mean', async () => {
    const doc = documentOf(twilioLike(goodSchema, `, "static-params": ["acount"], "redact": ["token", "tokn"]`));
    const diags = await diagnosticsOf(doc);
    assert.deepEqual(compact(diags), [
      ['unknown-param', rangeOfText(doc, '"acount"')],
      ['unknown-param', rangeOfText(doc, '"tokn"')],
    ]);
    assert.equal(messageText(diags[0]), messages.unknownParam('acount', 'endpoint.static-params', 'account'));
    // The quick fix offers what the message suggests, and nothing when no name is close.
    assert.deepEqual(diags[0].data, { suggestions: ['account'] });
    const far = documentOf(twilioLike(goodSchema, `, "redact": ["token", "zzzzzzzz"]`));
    const farDiags = await diagnosticsOf(far);
    assert.deepEqual(compact(farDiags), [['unknown-param', rangeOfText(far, '"zzzzzzzz"')]]);
    assert.equal(messageText(farDiags[0]), messages.unknownParam('zzzzzzzz', 'endpoint.redact', undefined));
    assert.deepEqual(farDiags[0].data, { suggestions: [] });
  });

  it('param-without-form: information on a params entry no schema declares', async () => {
    const doc = documentOf(twilioLike(goodSchema.replace(', { "label": "Token", "param": "token", "type": "password" }', ''), ''));
    assert.deepEqual(compact(await diagnosticsOf(doc)), [['param-without-form', rangeOfText(doc, '"token"')]]);
  });

  it('duplicate-entry: a param twice in one list, two schema entries for one param', async () => {
    const doc = documentOf(
      twilioLike(`${goodSchema}, { "label": "Again", "param": "account" }`, `, "static-params": ["account", "account"], "redact": ["token"]`),
    );
    const diags = await diagnosticsOf(doc);
    assert.deepEqual(compact(diags), [
      ['duplicate-entry', rangeOfText(doc, '"account"', 1)],
      ['duplicate-entry', rangeOfText(doc, '"account"', 4)],
    ]);
    assert.deepEqual(diags.map(messageText), [messages.duplicateSchemaParam('account', 'schema'), messages.duplicateListEntry('account', 'endpoint.static-params')]);
  });

  it('duplicate-type: other workspace declarers (warning) and a built-in override (information)', async () => {
    const doc = documentOf('{ "type": "twilio" }');
    const diags = await checkWith(doc, { others: ['other/twilio.integration.json'], overridesBuiltin: true });
    assert.deepEqual(compact(diags), [
      ['duplicate-type', [0, 10, 0, 18]],
      ['duplicate-type', [0, 10, 0, 18]],
    ]);
    assert.deepEqual(diags.map((d) => [d.severity, messageText(d)]), [
      [2, messages.duplicateType('twilio', 'other/twilio.integration.json')],
      [3, messages.overridesBuiltin('twilio')],
    ]);
    assert.deepEqual(compact(await checkWith(doc, { others: [], overridesBuiltin: false })), []);
  });

  it('endpoint-type-mismatch: endpoint.type and listener.type against the top-level type', async () => {
    const doc = documentOf(`{ "type": "crm",
  "endpoint": { "name": "crm", "type": "crm2", "display": "CRM", "params": [], "sends": {} },
  "listener": { "name": "crm", "type": "crm", "display": "CRM", "params": [] } }`);
    assert.deepEqual(compact(await diagnosticsOf(doc)), [['endpoint-type-mismatch', rangeOfText(doc, '"crm2"')]]);
  });

  it('severity overrides re-grade and silence codes', async () => {
    const text = twilioLike(goodSchema, '');
    const settings = normaliseSettings({ diagnostics: { severity: { 'unredacted-secret': 'error' } } });
    const diags = await check(text, settings);
    assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['unredacted-secret', 1]]);
    assert.deepEqual(await check(text, normaliseSettings({ diagnostics: { severity: { 'unredacted-secret': 'off' } } })), []);
  });
});

describe('built-in definitions', () => {
  it('produce exactly the diagnostics their data deserves', async () => {
    const found: Record<string, [string, string][]> = {};
    for (const d of loadBuiltinDocuments()) {
      const diags = await validateDefinition(d);
      const text = d.document.getText();
      found[d.definition.type!.value] = diags.map((x) => [String(x.code), text.slice(d.document.offsetAt(x.range.start), d.document.offsetAt(x.range.end))]);
    }
    assert.deepEqual(found, {
      datasift: [['unredacted-secret', '"api-key"']],
      echo: [],
      generic: [],
      pusher: [],
      salesforce: [
        ['param-without-form', '"type"'],
        ['param-without-form', '"mapping"'],
        ['unredacted-secret', '"password"'],
        ['unredacted-secret', '"consumer-secret"'],
        ['unredacted-secret', '"secret-token"'],
      ],
      sendgrid: [],
      timer: [],
      twilio: [],
    });
  });
});

describe('bad input', () => {
  it('a file over cxengage.maxFileSize gets one information diagnostic', async () => {
    const diags = await check(`{"type": "x", "display": "${'a'.repeat(200)}"}`, normaliseSettings({ maxFileSize: 100 }));
    assert.deepEqual(compact(diags), [['file-too-large', [0, 0, 0, 0]]]);
    assert.equal(diags[0].severity, 3);
  });

  it('binary garbage is not analysed', async () => {
    assert.deepEqual(compact(await check('\u0000\u0001\u0002PNG\u0000')), [['not-analysed', [0, 0, 0, 0]]]);
  });

  it('deeply nested arrays get a schema diagnostic where the nesting goes too deep', async () => {
    const diags = await check(`{"type": "x", "schema": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    assert.deepEqual(compact(diags), [['schema', [0, 279, 0, 280]]]);
  });

  it('a definition with 10,000 params gets its first 1,000 problems and one saying how many more', async () => {
    const params = Array.from({ length: 10_000 }, (_, i) => `"p${i}"`).join(', ');
    const text = `{"type": "x", "endpoint": {"name": "x", "type": "x", "display": "X", "params": [${params}], "sends": {}}}`;
    const doc = documentOf(text);
    const diags = await diagnosticsOf(doc);
    assert.equal(diags.length, 1001);
    assert.ok(diags.slice(0, 1000).every((d) => d.code === 'param-without-form'));
    assert.deepEqual(compact(diags.slice(1000)), [['too-many-problems', rangeOfText(doc, '"p1000"')]]);
    assert.equal(messageText(diags[1000]), messages.tooManyProblems(9000, 1000));
    assert.equal(diags[1000].severity, 3);
    const fewer = await diagnosticsOf(doc, normaliseSettings({ diagnostics: { maxPerFile: 10 } }));
    assert.deepEqual(fewer.map((d) => d.code), [...Array<string>(10).fill('param-without-form'), 'too-many-problems']);
  });
});
