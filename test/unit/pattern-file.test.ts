// Pattern files: the `code` (4.2) and `when`/`then` (4.1) strings are flow code, checked with every
// range mapped through the JSON string escapes onto the exact characters of the document.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver-types';
import { messages } from '../../server/src/service/codes';
import { messageText } from '../../server/src/service/diagnostics';
import { analysisContext } from '../../server/src/service/analysisContext';
import { DefinitionIndex } from '../../server/src/service/definitions/definitionIndex';
import { defaultSettings } from '../../server/src/service/settings';
import { flowInteractions, offsetInRegion, regionAt } from '../../server/src/service/flow/index';
import { unescapeJsonString } from '../../server/src/service/flow/embedding/jsonString';
import { checkPatternDocument } from '../../server/src/service/flow/embedding/payloadChecks';
import { nodeAt } from '../../server/src/service/flow/syntax/tree';
import { compact, documentOf, rangeOfText } from '../support/documents';
import { randomText, seededRandom } from '../support/random';
import { readFlow, builtinDefinitions, diagnosticsOf } from '../support/service';

const index = new DefinitionIndex();
index.setBuiltins(builtinDefinitions());

async function diagnose(text: string): Promise<{ diagnostics: Diagnostic[]; doc: ReturnType<typeof documentOf> }> {
  const doc = documentOf(text, 'pattern');
  return { diagnostics: (await checkPatternDocument(readFlow(doc), analysisContext(index, doc.uri, defaultSettings))).diagnostics, doc };
}

/** A pattern object as the REST API takes it, with `when` and `then` JSON-encoded. */
function pattern(when: string, then: string): string {
  return `{\n  "name": "Abandoned twice",\n  "status": true,\n  "when": ${JSON.stringify(when)},\n  "then": ${JSON.stringify(then)}\n}`;
}

describe('pattern files: JSON string escapes', () => {
  it('unescapes with an offset map onto the document', async () => {
    const text = '"a\\"b\\nc\\u00e9\\\\d"';
    const { code, offsets } = unescapeJsonString(text, 0, text.length);
    assert.equal(code, 'a"b\nc\u00e9\\d');
    assert.deepEqual([...offsets], [1, 2, 4, 5, 7, 8, 14, 16, 17]);
  });

  it('keeps an unterminated string to its end', async () => {
    const text = '"(send';
    const { code, offsets } = unescapeJsonString(text, 0, text.length);
    assert.equal(code, '(send');
    assert.equal(offsets[code.length], text.length);
  });
});

describe('pattern files: diagnostics', () => {
  it('a clean pattern has no diagnostics', async () => {
    const text = pattern(
      '(within 1 hours (count 2 (event (= CallAction "abandoned"))))',
      '(seq\n  (send twilio sms {:to-phone-number *phone-number* :from-phone-number "1-506-555-1234"}\n        (template {:message +TM1}))\n  (delay 5 minutes))',
    );
    assert.deepEqual(compact((await diagnose(text)).diagnostics), []);
  });

  it('ranges go through \\" escapes', async () => {
    const text = pattern('(event)', '(send salesforce chatter {:user-id "u" :text "t" :txt "Urgent"})');
    const { diagnostics, doc } = await diagnose(text);
    assert.deepEqual(compact(diagnostics), [['unknown-field', rangeOfText(doc, ':txt')]]);
    const enumText = pattern('(event)', '(send twilio call {:to-phone-number "1" :from-phone-number "2"}) (send salesforce case {:OwnerId "o" :Status "s" :Origin "w" :Contact "c"})');
    assert.deepEqual(compact((await diagnose(enumText)).diagnostics), []);
  });

  it('invalid-enum-value underlines the string with its escaped quotes', async () => {
    const then =
      '(send salesforce task {:OwnerId "1" :WhoId "2" :WhatId "3" :Subject "Call" :Status "Not Started" :Description "d" :ActivityDate "x" :Priority "Urgent"})';
    const { diagnostics, doc } = await diagnose(pattern('(event)', then));
    assert.deepEqual(compact(diagnostics), [['invalid-enum-value', rangeOfText(doc, '\\"Urgent\\"')]]);
    assert.equal(messageText(diagnostics[0]), messages.invalidEnumValue('Urgent', 'Priority', ['High', 'Normal', 'Low'], undefined));
  });

  it('ranges after \\n escapes stay on the JSON line, at the right character', async () => {
    const then = '(seq\n  (delay 5 minutes)\n  (delay 5 minuts))';
    const { diagnostics, doc } = await diagnose(pattern('(event)', then));
    assert.deepEqual(compact(diagnostics), [['unknown-unit', rangeOfText(doc, 'minuts')]]);
    assert.equal(diagnostics[0].range.start.line, 4);
  });

  it('ranges cover a \\u escape whole', async () => {
    const text = '{"when": "(event)", "then": "(delay 5 minut\\u00e9s)"}';
    const { diagnostics, doc } = await diagnose(text);
    assert.deepEqual(compact(diagnostics), [['unknown-unit', rangeOfText(doc, 'minut\\u00e9s')]]);
    assert.equal(messageText(diagnostics[0]), messages.unknownUnit('minut\u00e9s', 'minutes'));
  });

  it('missing-mandatory-field spans the integration and message words; its data marks the code embedded', async () => {
    const { diagnostics, doc } = await diagnose(pattern('(event)', '(send twilio sms {:to-phone-number *p*})'));
    assert.deepEqual(compact(diagnostics), [['missing-mandatory-field', rangeOfText(doc, 'twilio sms')]]);
    const data = diagnostics[0].data as { embedded: boolean; missing: string[]; paramsRange: unknown };
    assert.equal(data.embedded, true);
    assert.deepEqual(data.missing, ['from-phone-number', 'message']);
    const map = rangeOfText(doc, '{:to-phone-number *p*}');
    assert.deepEqual(data.paramsRange, { start: { line: map[0], character: map[1] }, end: { line: map[2], character: map[3] } });
  });

  it('every flow code is produced inside pattern strings', async () => {
    const then = [
      '(seq (sned echo message {})',
      ' (send twillio sms {})',
      ' (send echo mesage {})',
      ' (send echo message {:message 1 :message 2})',
      ' (send twilio sms-status {:sid $sid :password \\"p\\"})',
      ' (delay 5))',
    ].join('\n');
    // Written with JSON escapes by hand: `\"` inside, `\n` between lines.
    const text = `{"when": "(event (frob 1))", "then": "${then.replace(/\n/g, '\\n')}"}`;
    const { diagnostics, doc } = await diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['unknown-form', rangeOfText(doc, 'frob')],
      ['unknown-form', rangeOfText(doc, 'sned')],
      ['unknown-integration', rangeOfText(doc, 'twillio')],
      ['unknown-message', rangeOfText(doc, 'mesage')],
      ['duplicate-field', rangeOfText(doc, ':message', 1)],
      ['response-outside-success', rangeOfText(doc, '$sid')],
      ['secret-inline', rangeOfText(doc, ':password')],
      ['arity', rangeOfText(doc, 'delay')],
    ]);
  });

  it('the when string is when-side, the then string then-side', async () => {
    const text = pattern('(seq (event) (event))', '(seq (delay 1 hours))');
    assert.deepEqual(compact((await diagnose(text)).diagnostics), []);
    const swapped = pattern('(delay 1 hours)', '(count 2 (event))');
    const { diagnostics, doc } = await diagnose(swapped);
    assert.deepEqual(compact(diagnostics), [
      ['unknown-form', rangeOfText(doc, 'delay')],
      ['unknown-form', rangeOfText(doc, 'count')],
    ]);
  });

  it('reader errors in a string are placed at their character', async () => {
    const { diagnostics } = await diagnose('{"when": "(event", "then": "(send echo message {:message \\"hi})"}');
    assert.deepEqual(compact(diagnostics), [
      ['syntax', [0, 10, 0, 11]],
      ['syntax', [0, 47, 0, 48]],
      ['syntax', [0, 57, 0, 59]],
    ]);
    // Forms left open together give one error on the innermost, naming each opener's place in the file.
    assert.deepEqual(diagnostics.map(messageText), [
      messages.unclosedBracket('(', ')'),
      messages.unclosedForms(
        [
          { open: '(', line: 1, column: 29 },
          { open: '{', line: 1, column: 48 },
        ],
        '})',
      ),
      messages.unterminatedString(),
    ]);
  });

  it('suppression comments work inside a string', async () => {
    const text = '{"when": "(event)", "then": "(seq\\n ; cxengage-disable-next-line unknown-field\\n (send echo message {:mesage 1})\\n (send echo message {:mesage 2}))"}';
    const { diagnostics, doc } = await diagnose(text);
    assert.deepEqual(compact(diagnostics), [['unknown-field', rangeOfText(doc, ':mesage', 1)]]);
  });

  it('an array of patterns: each one checked', async () => {
    const text = `[${pattern('(event)', '(delay 1 hourz)')},\n${pattern('(event)', '(send echo message {:mesage 1})')}]`;
    const { diagnostics, doc } = await diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['unknown-unit', rangeOfText(doc, 'hourz')],
      ['unknown-field', rangeOfText(doc, ':mesage')],
    ]);
  });
});

describe('pattern files: bad input', () => {
  it('a then that is not a string: the schema says so, once', async () => {
    const { diagnostics, doc } = await diagnose('{"when": "(event)", "then": {"send": 1}}');
    assert.deepEqual(compact(diagnostics), [['schema', rangeOfText(doc, '{"send": 1}')]]);
    assert.equal(messageText(diagnostics[0]), '`then` is a string of 4.1 flow code');
  });

  it('a top level that is not a pattern, and non-objects in an array: schema', async () => {
    const top = await diagnose('"(send)"');
    assert.deepEqual(compact(top.diagnostics), [['schema', [0, 0, 0, 8]]]);
    assert.match(messageText(top.diagnostics[0]), /^A pattern is a JSON object/);
    const inArray = await diagnose('[1, {"then": "(delay 1 hours)"}]');
    assert.deepEqual(compact(inArray.diagnostics), [['schema', [0, 1, 0, 2]]]);
  });

  it('broken JSON: one json-syntax diagnostic, and the strings read so far are still checked', async () => {
    const { diagnostics, doc } = await diagnose('{"when": "(event)", "then": "(delay 1 hourz)",, }');
    assert.deepEqual(compact(diagnostics), [
      ['unknown-unit', rangeOfText(doc, 'hourz')],
      ['json-syntax', rangeOfText(doc, ',', 2)],
    ]);
    assert.equal(messageText(diagnostics[1]), messages.jsonSyntax('Property expected'));
  });

  it('absurd nesting: one diagnostic where it goes too deep, no stack overflow', async () => {
    const diagnostics = await diagnosticsOf(documentOf('['.repeat(100_000), 'pattern'));
    assert.deepEqual(compact(diagnostics), [['syntax', [0, 256, 0, 257]]]);
    assert.equal(messageText(diagnostics[0]), messages.patternTooDeep(256));
    const deepCode = await diagnose(`{"then": "${'('.repeat(10_000)}${')'.repeat(10_000)}"}`);
    assert.deepEqual(compact(deepCode.diagnostics), []);
  });

  it('half-typed and random input: no exception, ranges inside the document', async () => {
    const inputs = ['', '{', '{"then": "(send', '[{"when": 1, "then": null}', '{"then": "\\u12"}', 'nonsense'];
    const random = seededRandom(5);
    for (let i = 0; i < 30; i++) inputs.push(randomText(random, 200, '{}[]":,\\nu(send) '));
    for (const text of inputs) {
      const { diagnostics, doc } = await diagnose(text);
      const end = doc.positionAt(text.length);
      for (const d of diagnostics) {
        assert.ok(d.range.end.line < end.line || (d.range.end.line === end.line && d.range.end.character <= end.character), text);
      }
    }
  });
});

describe('pattern files: regions', () => {
  it('maps document offsets to code offsets and back, for completion and hover inside strings', async () => {
    const text = '{"then": "(send echo \\"x\\" message {})"}';
    const doc = documentOf(text, 'pattern');
    const flowDoc = readFlow(doc);
    assert.equal(flowDoc.kind, 'pattern');
    assert.equal(flowDoc.regions.length, 1);
    const messageAt = text.indexOf('message');
    const region = regionAt(flowDoc, messageAt);
    assert.ok(region);
    if (!region) return;
    assert.equal(region.side, 'then');
    const codeOffset = offsetInRegion(flowDoc, region, doc.positionAt(messageAt + 2));
    const node = nodeAt(region.tree, codeOffset);
    assert.equal(node?.kind === 'symbol' && node.name, 'message');
    assert.equal(region.toDocumentOffset(node?.start ?? -1), messageAt);
    assert.equal(regionAt(flowDoc, 2), undefined);
    const sends = flowInteractions(flowDoc);
    assert.equal(sends.length, 1);
    assert.deepEqual(sends[0].integration?.range, { start: doc.positionAt(text.indexOf('echo')), end: doc.positionAt(text.indexOf('echo') + 4) });
  });
});
