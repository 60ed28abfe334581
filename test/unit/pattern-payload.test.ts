// Pattern payloads as the REST API takes them: the JSON checked through the JSON language service
// with the pattern schema, the payload rules (unknown keys, enabled patterns without code), 4.2
// `code` strings read as 4.2 regions, and JSON syntax errors reported once per broken region.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionItem, Diagnostic, DiagnosticSeverity, InsertTextFormat } from 'vscode-languageserver-types';
import { messages, patternKeys } from '../../server/src/service/codes';
import { messageText } from '../../server/src/service/diagnostics';
import { flowCodeActions } from '../../server/src/service/flow/editing/features';
import { completePattern, hoverPattern } from '../../server/src/service/flow/editing/payload';
import { findBrokenStrings, withBreaksBlanked } from '../../server/src/service/flow/embedding/brokenStrings';
import { checkPatternDocument } from '../../server/src/service/flow/embedding/payloadChecks';
import { regionDialect } from '../../server/src/service/flow/analysis/dialect';
import { compact, compactRange, documentOf, rangeOfText, withCursor } from '../support/documents';
import { readFlow } from '../support/service';
import { applyAction, applyItem, builtinContext } from '../support/flowContext';

const ctx = builtinContext();

async function diagnose(text: string): Promise<{ diagnostics: Diagnostic[]; doc: ReturnType<typeof documentOf> }> {
  const doc = documentOf(text, 'pattern');
  return { diagnostics: (await checkPatternDocument(readFlow(doc), ctx)).diagnostics, doc };
}

/** The platform guide's 4.2 payload, `code` JSON-encoded. */
const hello = JSON.stringify({
  name: 'Hello',
  status: true,
  key: 'id',
  code: '(event {:type "hello"}) (perform echo message {:message "Hello World!"})',
});

describe('pattern payloads: 4.2 code', () => {
  it("the platform guide's payload is clean; its code is one 4.2 region", async () => {
    const { diagnostics, doc } = await diagnose(hello);
    assert.deepEqual(compact(diagnostics), []);
    const [region] = readFlow(doc).regions;
    assert.deepEqual(regionDialect(region, 'auto'), { version: '4.2', reason: { kind: 'payload-key', key: 'code' } });
    assert.equal(region.side, undefined);
    assert.deepEqual(
      region.tree.forms.map((f) => f.kind === 'list' && f.children[0]?.kind === 'symbol' && f.children[0].name),
      ['event', 'perform'],
    );
  });

  it('code is read as 4.2, when and then as 4.1: a 4.2 verb in a 4.1 then is of the wrong dialect', async () => {
    const then = await diagnose('{"when": "(event)", "then": "(perform echo message {:message \\"hi\\"})"}');
    assert.deepEqual(compact(then.diagnostics), [['wrong-dialect', rangeOfText(then.doc, 'perform')]]);
    assert.match(messageText(then.diagnostics[0]), /^`perform` is a 4\.2 form; this code is read as 4\.1 because it is the `then` of a pattern payload/);
    const code = await diagnose('{"code": "(event {:type \\"x\\"}) (perform echo message {:message \\"hi\\"})"}');
    assert.deepEqual(compact(code.diagnostics), []);
  });

  it('reader errors inside code are reported at their characters, through escapes', async () => {
    const { diagnostics, doc } = await diagnose('{"status": true, "code": "(event {:type \\"x\\"}) (perform echo message {:message \\"hi\\"}))"}');
    assert.deepEqual(compact(diagnostics), [['syntax', rangeOfText(doc, ')"}').map((n, i) => (i === 3 ? n - 2 : n)) as [number, number, number, number]]]);
    assert.equal(messageText(diagnostics[0]), messages.strayCloser(')'));
    const unclosed = await diagnose('{"code": "(event {:type 1}"}');
    assert.deepEqual(compact(unclosed.diagnostics), [['syntax', [0, 10, 0, 11]]]);
    assert.equal(messageText(unclosed.diagnostics[0]), messages.unclosedBracket('(', ')'));
  });

  it('an array of payloads: 4.2 and 4.1 side by side, each region with its dialect', async () => {
    const text = JSON.stringify(
      [
        { name: 'SMS', status: true, key: 'customer-id', code: '(create twilio sms {:to-phone-number $phone})' },
        { name: 'Old', status: true, when: '(event)', then: '(delay 1 hourz)' },
      ],
      null,
      2,
    );
    const { diagnostics, doc } = await diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['missing-mandatory-field', rangeOfText(doc, 'twilio sms')],
      ['unknown-unit', rangeOfText(doc, 'hourz')],
    ]);
    const regions = readFlow(doc).regions;
    assert.deepEqual(
      regions.map((r) => [regionDialect(r, 'auto').version, r.side]),
      [
        ['4.2', undefined],
        ['4.1', 'when'],
        ['4.1', 'then'],
      ],
    );
  });
});

describe('pattern payloads: keys', () => {
  it('unknown-pattern-key: a warning on the key, with did-you-mean for a swapped pair of letters', async () => {
    const { diagnostics, doc } = await diagnose('{"name": "p", "status": false, "cdoe": "(event)"}');
    assert.deepEqual(compact(diagnostics), [['unknown-pattern-key', rangeOfText(doc, '"cdoe"')]]);
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Warning);
    assert.equal(messageText(diagnostics[0]), messages.unknownPatternKey('cdoe', 'code'));
    assert.deepEqual(diagnostics[0].data, { suggestions: ['code'] });
  });

  it('a key close to nothing lists the pattern keys; keys the pattern has are not suggested', async () => {
    const far = await diagnose('{"trigger": "x"}');
    assert.deepEqual(compact(far.diagnostics), [['unknown-pattern-key', [0, 1, 0, 10]]]);
    assert.equal(messageText(far.diagnostics[0]), messages.unknownPatternKey('trigger'));
    assert.match(messageText(far.diagnostics[0]), /`id`, `name`, `description`, `status`, `key`, `code`, `when`, `then`$/);
    const taken = await diagnose('{"code": "(event {:type 1})", "cdoe": "x"}');
    assert.deepEqual(taken.diagnostics[0].data, { suggestions: [] });
    const cased = await diagnose('[{"Name": "x"}]');
    assert.equal(messageText(cased.diagnostics[0]), messages.unknownPatternKey('Name', 'name'));
  });

  it('quick fix: rename the key to each suggestion', async () => {
    const { diagnostics, doc } = await diagnose('{"status": false, "descripton": "d"}');
    const actions = flowCodeActions(readFlow(doc), diagnostics[0].range, diagnostics, ctx);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [['Rename to "description"', true]],
    );
    const fixed = applyAction(doc, actions[0]);
    assert.equal(fixed, '{"status": false, "description": "d"}');
    assert.deepEqual(compact((await diagnose(fixed)).diagnostics), []);
  });

  it('an enabled pattern with an unknown key and no code: two problems, each reported once with its own code', async () => {
    const { diagnostics, doc } = await diagnose('{"name": "p", "status": true, "cdoe": "(event)"}');
    assert.deepEqual(compact(diagnostics), [
      ['missing-pattern-code', rangeOfText(doc, '"status": true')],
      ['unknown-pattern-key', rangeOfText(doc, '"cdoe"')],
    ]);
  });
});

describe('pattern payloads: missing-pattern-code', () => {
  it('"status": true without code is an error on the status entry', async () => {
    const { diagnostics, doc } = await diagnose('{\n  "name": "p",\n  "status": true\n}');
    assert.deepEqual(compact(diagnostics), [['missing-pattern-code', rangeOfText(doc, '"status": true')]]);
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.equal(messageText(diagnostics[0]), messages.missingPatternCode());
  });

  it('half of a 4.1 pair, or blank code, is no code', async () => {
    const half = await diagnose('{"status": true, "when": "(event)"}');
    assert.deepEqual(compact(half.diagnostics), [['missing-pattern-code', rangeOfText(half.doc, '"status": true')]]);
    assert.equal(messageText(half.diagnostics[0]), messages.missingPatternCode('when'));
    const blank = await diagnose('{"status": true, "code": "  "}');
    assert.deepEqual(compact(blank.diagnostics), [['missing-pattern-code', rangeOfText(blank.doc, '"status": true')]]);
  });

  it('code, or when and then, or a disabled pattern: nothing to say', async () => {
    for (const text of [
      '{"status": true, "code": "(event {:type 1})"}',
      '{"status": true, "when": "(event)", "then": "(delay 1 hours)"}',
      '{"status": false}',
      '{"name": "draft"}',
    ]) {
      assert.deepEqual(compact((await diagnose(text)).diagnostics), [], text);
    }
  });

  it('each pattern of an array is checked on its own', async () => {
    const { diagnostics, doc } = await diagnose(`[${hello},\n{"name": "b", "status": true}]`);
    assert.deepEqual(compact(diagnostics), [['missing-pattern-code', rangeOfText(doc, '"status": true')]]);
  });
});

describe('pattern payloads: key and the other types (schema)', () => {
  it('key must be a non-empty string', async () => {
    for (const [text, value] of [
      ['{"key": ""}', '""'],
      ['{"key": "  "}', '"  "'],
      ['{"key": 3}', '3'],
    ]) {
      const { diagnostics, doc } = await diagnose(text);
      assert.deepEqual(compact(diagnostics), [['schema', rangeOfText(doc, value)]], text);
      assert.equal(messageText(diagnostics[0]), '`key` names an event field: a non-empty string');
    }
    assert.deepEqual(compact((await diagnose('{"key": "customer-id"}')).diagnostics), []);
  });

  it('status, name and code of the wrong type', async () => {
    const { diagnostics, doc } = await diagnose('{"name": 1, "status": "yes", "code": ["(event)"]}');
    assert.deepEqual(compact(diagnostics), [
      ['schema', rangeOfText(doc, '1')],
      ['schema', rangeOfText(doc, '"yes"')],
      ['schema', rangeOfText(doc, '["(event)"]')],
    ]);
    assert.deepEqual(diagnostics.slice(1).map(messageText), ['`status` is true (enabled) or false (disabled)', '`code` is a string of 4.2 flow code']);
  });
});

describe('pattern payloads: JSON syntax', () => {
  it('one json-syntax diagnostic per broken region, not one per token', async () => {
    const { diagnostics } = await diagnose('{"name": "a" "b" 3 x y, "status": false}');
    assert.deepEqual(compact(diagnostics), [['json-syntax', [0, 13, 0, 22]]]);
    assert.equal(messageText(diagnostics[0]), messages.jsonSyntax('Expected comma'));
  });

  it('two separate mistakes are two diagnostics', async () => {
    const { diagnostics, doc } = await diagnose('{"name": "a"\n "status": false\n "key": "id"}');
    assert.deepEqual(compact(diagnostics), [
      ['json-syntax', rangeOfText(doc, '"status"')],
      ['json-syntax', rangeOfText(doc, '"key"')],
    ]);
  });

  it('comments and trailing commas are json-syntax errors: the platform takes strict JSON', async () => {
    const { diagnostics, doc } = await diagnose('{"name": "p", /* draft */ "status": false,}');
    assert.deepEqual(compact(diagnostics), [
      ['json-syntax', rangeOfText(doc, '/* draft */')],
      ['json-syntax', rangeOfText(doc, ',', 1)],
    ]);
  });

  it('a raw line break inside a string: one json-syntax error, and the code read as if it were \\n', async () => {
    const text = '{"name": "p", "status": true,\n "code": "(event {:type \\"x\\"})\n(perform echo message {:message \\"hi\\"})"}';
    const { diagnostics, doc } = await diagnose(text);
    const at = doc.positionAt(text.indexOf('\n(perform'));
    assert.deepEqual(compact(diagnostics), [['json-syntax', [at.line, at.character, at.line + 1, 0]]]);
    assert.equal(messageText(diagnostics[0]), messages.jsonSyntax(messages.rawLineBreaks(1)));
    const [region] = readFlow(doc).regions;
    assert.equal(region.tree.text, '(event {:type "x"})\n(perform echo message {:message "hi"})');
    assert.equal(region.tree.forms.length, 2);
  });

  it('4.1 code across a raw line break is analysed, its ranges on the lines as written', async () => {
    const text = '{"when": "(event)",\n "then": "(seq (delay 1 hours)\n   (delay 2 hourz))"}';
    const { diagnostics, doc } = await diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['json-syntax', [1, 30, 2, 0]],
      ['unknown-unit', [2, 12, 2, 17]],
    ]);
    assert.deepEqual(rangeOfText(doc, 'hourz'), [2, 12, 2, 17]);
  });

  it('several breaks in one string (\\r\\n counted once) are one error; the quick fix writes them all as \\n', async () => {
    const text = '{"status": true, "code": "(event {:type 1})\r\n(perform echo message\n  {:message \\"hi\\"})\n"}';
    const { diagnostics, doc } = await diagnose(text);
    assert.deepEqual(compact(diagnostics), [['json-syntax', [0, 43, 1, 0]]]);
    assert.equal(messageText(diagnostics[0]), messages.jsonSyntax(messages.rawLineBreaks(3)));
    const actions = flowCodeActions(readFlow(doc), diagnostics[0].range, diagnostics, ctx);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Write the line breaks of this string as \\n'],
    );
    const fixed = applyAction(doc, actions[0]);
    assert.equal(fixed, '{"status": true, "code": "(event {:type 1})\\n(perform echo message\\n  {:message \\"hi\\"})\\n"}');
    assert.deepEqual(compact((await diagnose(fixed)).diagnostics), []);
  });

  it('a string that lacks its closing quote is not taken for one broken over lines', async () => {
    const text = '{"name": "abc\n  "status": false}';
    assert.deepEqual(findBrokenStrings(text), []);
    const { diagnostics } = await diagnose(text);
    assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.code === 'json-syntax'));
    assert.equal(messageText(diagnostics[0]), messages.jsonSyntax('Unexpected end of string.'));
  });
});

describe('broken strings: the scan', () => {
  it('finds strings closed well across breaks, with each break and its length', () => {
    const text = '["a\nb", "c", "d\r\ne\rf"]';
    assert.deepEqual(findBrokenStrings(text), [
      { start: 1, end: 6, breaks: [{ offset: 3, length: 1 }] },
      { start: 13, end: 21, breaks: [{ offset: 15, length: 2 }, { offset: 18, length: 1 }] },
    ]);
    assert.equal(withBreaksBlanked(text, findBrokenStrings(text)), '["a b", "c", "d  e f"]');
  });

  it('escaped quotes and backslashes do not close a string', () => {
    assert.deepEqual(findBrokenStrings('{"a": "x\\"\ny\\\\"}').map((s) => [s.start, s.end]), [[6, 15]]);
  });

  it('reads each character once: a long run of unclosed strings with escaped quotes', { timeout: 10_000 }, () => {
    const text = `"${'\\"\n'.repeat(200_000)}x"y`;
    assert.deepEqual(findBrokenStrings(text), []);
  });
});

describe('pattern payloads: key completion and hover from the schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../schemas/pattern.schema.json'), 'utf8')) as {
    definitions: { pattern: { properties: Record<string, { description: string; markdownDescription: string }> } };
  };
  const keys = schema.definitions.pattern.properties;

  async function complete(text: string, snippets = true) {
    const { doc, position } = withCursor(text, 'pattern');
    const list = await completePattern(readFlow(doc), position, ctx, { snippets });
    return { doc, items: list.items, labels: list.items.map((i) => i.label) };
  }

  async function hover(text: string) {
    const { doc, position } = withCursor(text, 'pattern');
    return { doc, hover: await hoverPattern(readFlow(doc), position, ctx) };
  }

  it('every key the schema knows has a description in words and in markdown', () => {
    assert.deepEqual(Object.keys(keys), [...patternKeys]);
    for (const [key, { description, markdownDescription }] of Object.entries(keys)) {
      assert.ok(description.length > 30 && markdownDescription.length >= description.length - 20, key);
    }
  });

  it('offers the keys the pattern lacks, with their descriptions', async () => {
    const { labels, items } = await complete('{"name": "p", |}');
    assert.deepEqual(labels, ['id', 'description', 'status', 'key', 'code', 'when', 'then']);
    const code = items.find((i) => i.label === 'code');
    assert.equal(code?.documentation, keys.code.description);
    const inArray = await complete('[{"name": "p", "status": true, "code": ""}, {|}]');
    assert.deepEqual(inArray.labels, ['id', 'name', 'description', 'status', 'key', 'code', 'when', 'then']);
  });

  it('inserts a key with its value: a snippet, or plain text for clients without snippets', async () => {
    const snippet = await complete('{"name": "p", |}');
    const status = snippet.items.find((i) => i.label === 'status');
    assert.equal(status?.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(applyItem(snippet.doc, status as CompletionItem), '{"name": "p", "status": $1}');
    const plain = await complete('{"name": "p", |}', false);
    const key = plain.items.find((i) => i.label === 'key') as CompletionItem;
    assert.equal(key.insertTextFormat, InsertTextFormat.PlainText);
    assert.equal(applyItem(plain.doc, key), '{"name": "p", "key": ""}');
  });

  it('replaces a half-typed key', async () => {
    const { doc, items } = await complete('{"th|": "(delay 1 days)"}');
    assert.equal(applyItem(doc, items.find((i) => i.label === 'then') as CompletionItem), '{"then": "(delay 1 days)"}');
  });

  it('inside code strings: the 4.1 flow completion in when/then, the 4.2 one in code', async () => {
    assert.deepEqual((await complete('{"then": "(send twilio |)"}')).labels, ['call', 'call-status', 'sms', 'sms-status']);
    assert.deepEqual((await complete('{"code": "(|)"}')).labels.slice(0, 6), ['fetch', 'perform', 'create', 'update', 'delete', 'def']);
    assert.deepEqual((await complete('{"code": "(perform twilio |)"}')).labels, ['call', 'call-status', 'sms', 'sms-status']);
  });

  it('hovers a key with its markdown description, over the key', async () => {
    const { doc, hover: h } = await hover('[{"name": "p", "co|de": "(event)"}]');
    assert.deepEqual(h?.contents, [keys.code.markdownDescription]);
    assert.deepEqual(h?.range && compactRange(h.range), rangeOfText(doc, '"code"'));
    assert.deepEqual((await hover('{"sta|tus": true}')).hover?.contents, [keys.status.markdownDescription]);
  });

  it('hovers code in when/then as 4.1 flow code, in code as 4.2; unknown keys get no hover', async () => {
    const flow = await hover('{"then": "(del|ay 1 hours)"}');
    assert.equal((flow.hover?.contents as { value: string }).value.split('\n')[0], '`(delay <n> <unit>)`');
    const code = await hover('{"code": "(perf|orm echo message {})"}');
    assert.equal((code.hover?.contents as { value: string }).value.split('\n')[0], '`(perform <integration> <message> {<params>}? <options>*)`');
    assert.equal((await hover('{"cd|oe": 1}')).hover, null);
  });
});
