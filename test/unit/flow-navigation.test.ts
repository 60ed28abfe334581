// Flow navigation: go to definition into the built-in definition files, references to an
// integration/message/field in one flow document, and the outline of both flow file kinds.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import { flowDefinition, flowReferences, flowSymbols } from '../../server/src/service/flow/editing/features';
import { compactRange as compact, documentOf, rangeOfText, withCursor } from '../support/documents';
import { readFlow, builtinDefinitions } from '../support/service';
import { builtinContext } from '../support/flowContext';
import { fileUri, repoRoot } from '../support/lspClient';

const ctx = builtinContext();
const builtins = builtinDefinitions();
const twilio = builtins.find((d) => d.type?.value === 'twilio');
const salesforce = builtins.find((d) => d.type?.value === 'salesforce');
assert.ok(twilio && salesforce);

function definitionAt(text: string, kind: 'flow' | 'pattern' = 'flow') {
  const { doc, position } = withCursor(text, kind);
  return flowDefinition(readFlow(doc), position, ctx);
}

describe('flow go to definition', () => {
  it('goes from an integration name to the type of its definition file', () => {
    const [location, ...rest] = definitionAt('(send twil|io sms {})');
    assert.equal(rest.length, 0);
    assert.equal(location.uri, twilio.uri);
    assert.equal(location.uri, fileUri(path.join(repoRoot, 'schemas', 'builtin', 'twilio.integration.json')));
    assert.deepEqual(location.range, twilio.type?.range);
  });

  it('goes from a message type to its key under sends', () => {
    const [location] = definitionAt('(await twilio call-sta|tus {:sid $sid})');
    assert.deepEqual(location, { uri: twilio.uri, range: twilio.endpoint?.message('call-status')?.keyRange });
  });

  it('goes from a field, in the params map or a template, to its key', () => {
    const [location] = definitionAt('(send salesforce task {:Priori|ty "High"})');
    assert.deepEqual(location, { uri: salesforce.uri, range: salesforce.endpoint?.message('task')?.field('Priority')?.keyRange });
    const [templated] = definitionAt('(send twilio sms {} (template {|:message +TM1}))');
    assert.deepEqual(templated.range, twilio.endpoint?.message('sms')?.field('message')?.keyRange);
  });

  it('works inside pattern strings', () => {
    const [location] = definitionAt('[{"when": "(event (= a 1))", "then": "(send twilio s|ms {})"}]', 'pattern');
    assert.deepEqual(location.range, twilio.endpoint?.message('sms')?.keyRange);
  });

  it('finds nothing for operators, values and unknown names', () => {
    assert.deepEqual(definitionAt('(se|nd twilio sms {})'), []);
    assert.deepEqual(definitionAt('(send twilio sms {:message "h|i"})'), []);
    assert.deepEqual(definitionAt('(send twilio smz| {})'), []);
    assert.deepEqual(definitionAt('(send twilio sms {:mesage| "x"})'), []);
  });
});

const flow = [
  ';; Then',
  '(seq',
  '  (send twilio sms {:to-phone-number *phone* :message "a"})',
  '  (send twilio call {:to-phone-number *phone* :from-phone-number "1" :message "b"})',
  '  (send twilio sms {"to-phone-number" *phone*} (template {:message +TM1})))',
].join('\n');

describe('flow references', () => {
  const doc = documentOf(flow, 'flow');
  const ranges = (target: { type: string; message?: string; field?: string }) =>
    flowReferences(readFlow(doc), target).map((l) => {
      assert.equal(l.uri, doc.uri);
      return compact(l.range);
    });

  it('finds every use of an integration', () => {
    assert.deepEqual(ranges({ type: 'twilio' }), [rangeOfText(doc, 'twilio', 0), rangeOfText(doc, 'twilio', 1), rangeOfText(doc, 'twilio', 2)]);
  });

  it('finds every send of a message type', () => {
    assert.deepEqual(ranges({ type: 'twilio', message: 'sms' }), [rangeOfText(doc, 'sms', 0), rangeOfText(doc, 'sms', 1)]);
  });

  it('finds a field in params maps and templates, keyword or string keys, of that message only', () => {
    assert.deepEqual(ranges({ type: 'twilio', message: 'sms', field: 'message' }), [
      rangeOfText(doc, ':message', 0),
      rangeOfText(doc, ':message', 2),
    ]);
    assert.deepEqual(ranges({ type: 'twilio', message: 'sms', field: 'to-phone-number' }), [
      rangeOfText(doc, ':to-phone-number', 0),
      rangeOfText(doc, '"to-phone-number"'),
    ]);
    assert.deepEqual(ranges({ type: 'echo' }), []);
  });

  it('maps references inside pattern strings to the JSON text', () => {
    const pattern = documentOf('{"then": "(send twilio sms {:to-phone-number \\"1\\" :message \\"x\\"})"}', 'pattern');
    assert.deepEqual(
      flowReferences(readFlow(pattern), { type: 'twilio', message: 'sms', field: 'message' }).map((l) => compact(l.range)),
      [rangeOfText(pattern, ':message')],
    );
  });
});

/** An outline as `name [children]` strings. */
function outline(symbols: DocumentSymbol[]): string[] {
  return symbols.map((s) => (s.children && s.children.length > 0 ? `${s.name} [${outline(s.children).join(', ')}]` : s.name));
}

describe('flow outline', () => {
  it('nests a pattern map\'s When and Then parts, and each send under the send whose branch holds it', () => {
    const doc = documentOf(
      [
        '[{:name "Abandoned twice"',
        '  :when (within 1 hours (count 2 (event (= CallAction "abandoned"))))',
        '  :then (seq (send twilio sms {}) (delay 5 minutes)',
        '             (await twilio call-status {} (if (= $status "completed") (success (send echo message {})) (failure (send twilio sms {})))))}',
        ' {:status false :then (send echo message {:message "x"})}]',
      ].join('\n'),
      'flow',
    );
    const symbols = flowSymbols(readFlow(doc), ctx.settings.flow.dialect);
    assert.deepEqual(outline(symbols), [
      'Abandoned twice [When, Then [send twilio sms, await twilio call-status [send echo message, send twilio sms]]]',
      '(unnamed pattern) [Then [send echo message]]',
    ]);
    const [pattern] = symbols;
    assert.deepEqual(compact(pattern.selectionRange), rangeOfText(doc, '"Abandoned twice"'));
    assert.equal(pattern.kind, SymbolKind.Object);
    const [when, then] = pattern.children ?? [];
    assert.deepEqual([when.kind, when.detail, compact(when.selectionRange)], [SymbolKind.Event, 'within', rangeOfText(doc, ':when')]);
    assert.deepEqual(compact(when.range), rangeOfText(doc, ':when (within 1 hours (count 2 (event (= CallAction "abandoned"))))'));
    assert.deepEqual([then.detail, compact(then.selectionRange)], ['seq', rangeOfText(doc, ':then')]);
    const [sms, callStatus] = then.children ?? [];
    assert.deepEqual(compact(sms.selectionRange), rangeOfText(doc, 'send twilio sms'));
    assert.deepEqual(compact(sms.range), rangeOfText(doc, '(send twilio sms {})'));
    assert.deepEqual(compact(callStatus.selectionRange), rangeOfText(doc, 'await twilio call-status'));
    assert.deepEqual(compact(callStatus.children?.[0].range as Range), rangeOfText(doc, '(send echo message {})'));
  });

  it('names the top-level forms of a bare flow file by their side, half-typed sends too', () => {
    const doc = documentOf(';; When\n(event (= a 1))\n;; Then\n(seq (send echo message {}) (send twilio', 'flow');
    const symbols = flowSymbols(readFlow(doc), ctx.settings.flow.dialect);
    assert.deepEqual(outline(symbols), ['When', 'Then [send echo message, send twilio]']);
    assert.deepEqual(compact(symbols[1].selectionRange), rangeOfText(doc, 'seq'));
  });

  it('leaves sends of a form whose side is unknown at the top', () => {
    const doc = documentOf('(frobnicate (send echo message {}))', 'flow');
    assert.deepEqual(outline(flowSymbols(readFlow(doc), ctx.settings.flow.dialect)), ['send echo message']);
  });

  it('lists the patterns of a pattern file with a When and a Then part per code string', () => {
    const doc = documentOf(
      '[{"name": "One", "when": "(event (= a 1))", "then": "(send echo message {:message \\"x\\"})"},\n {"then": "(par (send twilio sms {}) (send twilio call {}))"}]',
      'pattern',
    );
    const symbols = flowSymbols(readFlow(doc), ctx.settings.flow.dialect);
    assert.deepEqual(outline(symbols), ['One [When, Then [send echo message]]', '(unnamed pattern) [Then [send twilio sms, send twilio call]]']);
    assert.deepEqual(compact(symbols[0].selectionRange), rangeOfText(doc, '"One"'));
    const then = symbols[0].children?.[1] as DocumentSymbol;
    assert.deepEqual(compact(then.selectionRange), rangeOfText(doc, '"then"'));
    assert.deepEqual(compact(then.range), rangeOfText(doc, '"then": "(send echo message {:message \\"x\\"})"'));
    assert.equal(then.detail, 'send');
    assert.deepEqual(compact(symbols[1].children?.[0].children?.[1].selectionRange as Range), rangeOfText(doc, 'send twilio call'));
  });

  it('lists the code of a 4.2 payload as one part, its inner symbols left to the 4.2 rules', () => {
    const doc = documentOf('{"name": "New", "status": true, "code": "(send echo message {})"}', 'pattern');
    const symbols = flowSymbols(readFlow(doc), ctx.settings.flow.dialect);
    assert.deepEqual(outline(symbols), ['New [Code]']);
    assert.deepEqual(compact(symbols[0].children?.[0].selectionRange as Range), rangeOfText(doc, '"code"'));
  });

  it('nests ten thousand sends deep without recursion', () => {
    const depth = 10_000;
    const text = `${'(send echo message {} (success '.repeat(depth)}${'))'.repeat(depth)}`;
    let symbols = flowSymbols(readFlow(documentOf(text, 'flow')), ctx.settings.flow.dialect);
    let levels = 0;
    while (symbols.length > 0) {
      levels++;
      symbols = symbols[0].children ?? [];
    }
    assert.equal(levels, depth + 1);
  });
});
