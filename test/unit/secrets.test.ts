// A value written after a credential key is never repeated: not in diagnostic messages or data,
// hover, completion, quick fixes, the outline, code lenses or send forms. The four cases found by
// fuzzing, each on its own, then every feature at every offset of the planted fixture.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { messages } from '../../server/src/service/codes';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { messageText } from '../../server/src/service/diagnostics';
import { sendCodeLenses, sendForm, SendFormModel } from '../../server/src/service/previews';
import { compact, documentOf, rangeOfText } from '../support/documents';
import { readFlow, builtinDefinitions, parseDefinition, openDocumentsService, openAndCheck } from '../support/service';
import { repoRoot } from '../support/lspClient';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'secrets');
const index = new DefinitionIndex();
index.setBuiltins(builtinDefinitions());
index.set(parseDefinition(documentOf(fs.readFileSync(path.join(fixtures, 'vault.integration.json'), 'utf8'), 'definition', 'vault')).definition);
const service = openDocumentsService();
for (const d of index.workspaceDefinitions()) service.index.set(d);
const ctx = () => service.contextFor('file:///workspace/flow.cxflow');

async function views(text: string): Promise<{ doc: TextDocument; diagnostics: Diagnostic[]; form: SendFormModel }> {
  const doc = documentOf(text, 'flow');
  const diagnostics = await openAndCheck(service, doc);
  const form = sendForm(readFlow(doc), { line: 0, character: 0 }, ctx());
  assert.ok(form);
  return { doc, diagnostics, form };
}

function assertHidden(secret: string, ...outputs: unknown[]): void {
  for (const output of outputs) assert.ok(!JSON.stringify(output).includes(secret), `${secret} in ${JSON.stringify(output)}`);
}

const field = (form: SendFormModel, name: string) => form.fields.find((f) => f.name === name);

describe('secrets: the four leaks', () => {
  it('a schema password param in params but in no redact list, passed inline to an enum field: secret-inline, no enum check', async () => {
    const { doc, diagnostics, form } = await views('(send vault store {:to-phone-number "1" :kind "call" :pin "S3CR3T-PIN"})');
    assert.deepEqual(compact(diagnostics), [['secret-inline', rangeOfText(doc, ':pin')]]);
    assert.equal(messageText(diagnostics[0]), messages.secretInline('pin', 'vault'));
    assert.deepEqual(
      [field(form, 'pin')?.status, field(form, 'pin')?.value],
      ['secret-inline', { kind: 'secret' }],
    );
    assertHidden('S3CR3T', diagnostics, form);
  });

  it('a credential key in value position of an odd map: the secret becomes no key, no field, no quote', async () => {
    const { doc, diagnostics, form } = await views('(send twilio sms {:to-phone-number "1" :message "m" :from-phone-number :password "S3CR3T"})');
    assert.deepEqual(compact(diagnostics), [
      ['secret-inline', rangeOfText(doc, ':password')],
      ['syntax', rangeOfText(doc, '"S3CR3T"')],
    ]);
    assert.equal(messageText(diagnostics[1]), messages.mapKeyWithoutValue('•••'));
    // The quick fix removes the credential with the value after it.
    const [, , , valueEnd] = rangeOfText(doc, '"S3CR3T"');
    const [, keyStart] = rangeOfText(doc, ':password');
    assert.deepEqual(diagnostics[0].data.entryRange, { start: { line: 0, character: keyStart }, end: { line: 0, character: valueEnd } });
    assert.deepEqual(
      form.fields.map((f) => [f.name, f.status, f.value.kind]),
      [
        ['to-phone-number', 'ok', 'constant'],
        ['from-phone-number', 'ok', 'constant'],
        ['message', 'ok', 'constant'],
        ['password', 'secret-inline', 'secret'],
      ],
    );
    assertHidden('S3CR3T', diagnostics, form);
  });

  it('a malformed number after a credential key: "Invalid number" does not quote it, hover says nothing', async () => {
    const { doc, diagnostics, form } = await views('(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m" :password 123S3CR3T})');
    assert.deepEqual(compact(diagnostics), [
      ['secret-inline', rangeOfText(doc, ':password')],
      ['syntax', rangeOfText(doc, '123S3CR3T')],
    ]);
    assert.equal(messageText(diagnostics[1]), messages.invalidNumber('•••'));
    const at = doc.getText().indexOf('123S3CR3T');
    for (let offset = at; offset <= at + 9; offset++) assert.equal(await service.hover(doc.uri, doc.positionAt(offset)), null);
    assertHidden('S3CR3T', diagnostics, form);
    // Elsewhere the number is quoted as before: only a credential's value is hidden.
    const plain = await openAndCheck(service, documentOf('(send echo message {:message 123ABC})', 'flow'));
    assert.equal(messageText(plain[0]), messages.invalidNumber('123ABC'));
  });

  it("a param the listener redacts, passed in a send: secret-inline, and the form hides it", async () => {
    const { doc, diagnostics, form } = await views('(send vault store {:to-phone-number "1" :kind "mail" :hook-token "S3CR3T-HOOK"})');
    assert.deepEqual(compact(diagnostics), [['secret-inline', rangeOfText(doc, ':hook-token')]]);
    assert.deepEqual(field(form, 'hook-token')?.value, { kind: 'secret' });
    assertHidden('S3CR3T', diagnostics, form);
  });
});

describe('secrets: what stands after a credential key is not looked into', () => {
  it('a list, a response value, a map or an unclosed string: only secret-inline, no quote', async () => {
    for (const value of ['(S3CR3T 1)', '$S3CR3T', '{:S3CR3T (x)}', '[S3CR3T $y]', '"S3CR3T']) {
      const { diagnostics, form } = await views(`(send twilio sms {:to-phone-number "1" :from-phone-number "2" :message "m" :password ${value}})`);
      assert.ok(diagnostics.some((d) => d.code === 'secret-inline'), value);
      assertHidden('S3CR3T', diagnostics, form);
    }
  });

  it('the tokens of a malformed entry, up to the next keyword', async () => {
    const { diagnostics, form } = await views('(send twilio sms {:password S3 CR3T "S3CR3T" :to-phone-number "1" :from-phone-number "2" :message "m"})');
    assertHidden('CR3T', diagnostics, form);
    assertHidden('S3"', diagnostics, form);
  });

  it('a malformed entry in a map of an even number of forms, shifted or not', async () => {
    for (const params of ['{:to-phone-number :password 12X S3CR3T}', '{:password 12X S3CR3T :to-phone-number}']) {
      const { doc, diagnostics, form } = await views(`(send twilio sms ${params})`);
      assert.ok(diagnostics.some((d) => d.code === 'secret-inline'), params);
      const at = doc.getText().indexOf('S3CR3T');
      const hovers = [];
      for (let offset = at; offset <= at + 6; offset++) hovers.push(await service.hover(doc.uri, doc.positionAt(offset)));
      assertHidden('S3CR3T', diagnostics, form, hovers);
    }
  });

  it('in a template map too', async () => {
    const { diagnostics, form } = await views('(send twilio sms {:to-phone-number "1" :from-phone-number "2"} (template {:message +TM1 :password (S3CR3T)}))');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['secret-inline'],
    );
    assertHidden('S3CR3T', diagnostics, form);
  });

  it('a typo in the integration name still hides the credentials of the integration it resembles', async () => {
    const { diagnostics, form } = await views('(send twillio sms {:password "S3CR3T" :api-token "S3CR3T-2" :message "m"})');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['unknown-integration'],
    );
    assert.deepEqual(
      form.fields.map((f) => [f.name, f.value.kind]),
      [
        ['password', 'secret'],
        ['api-token', 'secret'],
        ['message', 'constant'],
      ],
    );
    assertHidden('S3CR3T', diagnostics, form);
  });
});

describe("secrets: 4.2 code", () => {
  it("a payload's code: reader errors after a credential key quote no part of it, hover says nothing; elsewhere they quote as before", async () => {
    const code = '(perform twilio sms {:to-phone-number "1" :password 123S3CR3T})\n(perform echo message {:message 123ABC})';
    const doc = documentOf(JSON.stringify({ name: 'p', status: true, code }), 'pattern');
    const diagnostics = await openAndCheck(service, doc);
    assert.deepEqual(compact(diagnostics), [
      ['missing-mandatory-field', rangeOfText(doc, 'twilio sms')],
      ['secret-inline', rangeOfText(doc, ':password')],
      ['syntax', rangeOfText(doc, '123S3CR3T')],
      ['syntax', rangeOfText(doc, '123ABC')],
      ['unbound-variable', rangeOfText(doc, '123ABC')],
    ]);
    // The reader's messages: the one after the credential key quotes nothing of it, the other quotes as before.
    assert.deepEqual(diagnostics.filter((d) => d.code === 'syntax').map(messageText), [messages.invalidNumber('•••'), messages.invalidNumber('123ABC')]);
    const at = doc.getText().indexOf('123S3CR3T');
    for (let offset = at; offset <= at + 9; offset++) assert.equal(await service.hover(doc.uri, doc.positionAt(offset)), null);
    assertHidden('S3CR3T', diagnostics);
  });

  it('every token of a malformed entry after a credential key, in a params map left out or not, and in a template', async () => {
    const code = '(perform twilio sms {:password 12X 9Y} (template {:password 7Z}))';
    const doc = documentOf(JSON.stringify({ name: 'p', status: true, code }), 'pattern');
    const diagnostics = await openAndCheck(service, doc);
    assert.deepEqual(diagnostics.map((d) => d.code), ['missing-mandatory-field', 'secret-inline', 'syntax', 'syntax', 'syntax', 'unknown-form', 'secret-inline', 'syntax']);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'syntax').map(messageText), [
      messages.invalidNumber('•••'),
      messages.invalidNumber('•••'),
      messages.syntax(messages.mapKeyWithoutValue('•••')),
      messages.invalidNumber('•••'),
    ]);
  });
});

describe('secrets: every feature at every offset of the planted fixture', () => {
  for (const [file, credentials] of [
    ['leaks.cxflow', 4],
    ['leaks42.cxflow', 3],
  ] as const) {
    it(`diagnostics, hover, completion, quick fixes, symbols, lenses and forms of ${file} never hold PLANTED`, async () => {
      const doc = documentOf(fs.readFileSync(path.join(fixtures, file), 'utf8'), 'flow');
      assert.ok(doc.getText().includes('PLANTED'));
      const outputs: unknown[] = [];
      const diagnostics = await openAndCheck(service, doc);
      outputs.push(diagnostics, service.codeActions(doc.uri, diagnostics[0].range, diagnostics), service.symbols(doc.uri), sendCodeLenses(readFlow(doc)));
      const text = doc.getText();
      for (let offset = 0; offset <= text.length; offset++) {
        const position = doc.positionAt(offset);
        outputs.push(
          await service.hover(doc.uri, position),
          await service.completion(doc.uri, position, { snippets: true }),
          sendForm(readFlow(doc), position, ctx()),
          service.highlights(doc.uri, position),
          await service.references(doc.uri, position),
        );
      }
      for (const output of outputs) {
        const json = JSON.stringify(output) ?? '';
        assert.ok(!json.includes('PLANTED'), json.slice(0, 400));
      }
      assert.equal(diagnostics.filter((d) => d.code === 'secret-inline').length, credentials);
    });
  }
});
