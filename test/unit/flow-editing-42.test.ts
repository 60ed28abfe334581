// Editing 4.2 code: completion of the forms valid at a position (and no 4.1 form), verbs,
// integrations, messages, fields, units, variables in scope and `$` fields; hover of forms,
// variables and event fields; go to definition, references and highlights of variables; the
// outline; quick fixes; the send form, its Apply and its code lens on the 4.2 verbs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentHighlightKind, DocumentSymbol, MarkupContent } from 'vscode-languageserver-types';
import { checkFlowDocument } from '../../server/src/service/flow';
import {
  completeFlow,
  flowCodeActions,
  flowDefinition,
  flowHighlights,
  flowSymbols,
  flowVariableReferences,
  hoverFlow,
} from '../../server/src/service/flow/editing/features';
import { sendCodeLenses, sendForm } from '../../server/src/service/previews';
import { compact, compactRange, documentOf, rangeOfText, withCursor } from '../support/documents';
import { applyAction, applyItem, applySendForm, builtinContext, itemLabelled } from '../support/flowContext';
import { readFlow } from '../support/service';

// Auto: every fixture here is 4.2 by its forms (or by default).
const ctx = builtinContext();

function complete(text: string, snippets = false) {
  const { doc, position } = withCursor(text, 'flow');
  const items = completeFlow(readFlow(doc), position, ctx, { snippets });
  return { doc, items, labels: items.map((i) => i.label) };
}

const item = itemLabelled;

function hover(text: string): { value: string; range: [number, number, number, number] } | null {
  const { doc, position } = withCursor(text, 'flow');
  const h = hoverFlow(readFlow(doc), position, ctx);
  return h === null ? null : { value: (h.contents as MarkupContent).value, range: compactRange(h.range!) };
}

const verbs = ['fetch', 'perform', 'create', 'update', 'delete'];
const collections = ['event', 'and', 'or', 'sequence', 'times', 'within'];
const criteria = ['and', 'or', 'not', 'even?', 'odd?', 'zero?', 'pos?', 'neg?', '<', '<=', '>', '>=', '=', 'contains?'];

describe('4.2 completion: forms by position', () => {
  it('at the top level: actions and expressions of 4.2, never a 4.1 form', () => {
    const { labels } = complete('(|');
    assert.deepEqual(labels.slice(0, 24), [...verbs, 'def', 'set', 'let', 'if-let', 'when-let', 'if', 'when', 'unless', 'cond', 'case', 'do', 'delay', 'until', ...collections.slice(0, 6)]);
    for (const name of ['send', 'await', 'seq', 'par', 'expect', 'success', 'failure']) assert.ok(!labels.includes(name), name);
    assert.equal(new Set(labels).size, labels.length, 'each name once');
  });

  it('inside within, sequence and times: event collections only', () => {
    assert.deepEqual(complete('(within 1 day (|))').labels, collections);
    assert.deepEqual(complete('(sequence (event {:type "a"}) |)').labels, collections);
  });

  it('as a value of an event map: the predicates that leave out their first argument', () => {
    assert.deepEqual(complete('(event {:total (|)})').labels, criteria);
  });

  it("after an interaction's params: its options", () => {
    assert.deepEqual(complete('(create twilio sms {} (|))').labels, ['retries', 'timeout', 'catch']);
  });

  it('a snippet fills in the arguments of a verb', () => {
    const { doc, items } = complete('(|)', true);
    assert.equal(applyItem(doc, item(items, 'create')), '(create $0)');
  });
});

describe('4.2 completion: interactions', () => {
  it('integrations after a verb, then their messages', () => {
    assert.deepEqual(complete('(create |)').labels, ['echo', 'generic', 'pusher', 'salesforce', 'sendgrid', 'timer', 'twilio']);
    assert.deepEqual(complete('(perform twilio |)').labels, ['call', 'call-status', 'sms', 'sms-status']);
  });

  it('fields of the params map, mandatory first, and all mandatory fields at once', () => {
    const { doc, items, labels } = complete('(create twilio sms {|})');
    assert.deepEqual(labels, [':to-phone-number', ':from-phone-number', ':message', 'all mandatory fields']);
    assert.equal(applyItem(doc, item(items, 'all mandatory fields')), '(create twilio sms {:to-phone-number "" :from-phone-number "" :message ""})');
  });

  it('enum values of a field, then the variables in scope and the event fields', () => {
    const { doc, items, labels } = complete('(let [owner "me"] (event {:type "case"}) (update salesforce task {:Priority |}))');
    assert.deepEqual(labels, ['High', 'Normal', 'Low', 'owner', '$type']);
    assert.equal(applyItem(doc, item(items, 'Normal')), '(let [owner "me"] (event {:type "case"}) (update salesforce task {:Priority "Normal"}))');
    assert.equal(item(items, 'owner').detail, 'local of `let` at line 1');
  });

  it('units in the singular and the plural', () => {
    assert.deepEqual(complete('(delay 1 |)').labels, ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days']);
    assert.deepEqual(complete('(create twilio sms {} (timeout 5 |))').labels, ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days']);
  });
});

describe('4.2 completion: variables and event fields', () => {
  const program = ['(def threshold 5)', '(let [order (event {:type "order" :total (> 100)})', '      sms (create twilio sms {:message "hi"})]', '  (when (> $total |)))'].join('\n');

  it('the variables in scope, innermost first, with where each is bound; then the event fields; then the forms', () => {
    const { items, labels } = complete(program);
    assert.deepEqual(labels.slice(0, 5), ['sms', 'order', 'threshold', '$type', '$total']);
    assert.deepEqual(
      items.slice(0, 3).map((i) => i.detail),
      ['local of `let` at line 3', 'local of `let` at line 2', 'global (`def` at line 1)'],
    );
    assert.deepEqual(labels.slice(5, 7), ['fetch', 'perform']);
  });

  it("a let's names in its body and its later values only; an if-let's in its then branch only", () => {
    assert.deepEqual(complete('(let [a 1 b |] a)').labels.slice(0, 1), ['a']);
    assert.ok(!complete('(let [a |] a)').labels.includes('a'));
    assert.ok(!complete('(let [a 1] a) (when true |)').labels.includes('a'));
    assert.deepEqual(complete('(if-let [r (fetch generic fetch)] (do |) r)').labels.slice(0, 1), ['r']);
    assert.ok(!complete('(if-let [r (fetch generic fetch)] r (do |))').labels.includes('r'));
  });

  it('a def after its form only; a local hides a global of its name', () => {
    assert.ok(!complete('(when true |) (def late 1)').labels.includes('late'));
    const { items } = complete('(def x 1) (let [x 2] (when true |))');
    assert.deepEqual(
      items.filter((i) => i.label === 'x').map((i) => i.detail),
      ['local of `let` at line 1'],
    );
  });

  it('`$` fields named by the event maps, over the `$` being typed', () => {
    const { doc, items, labels } = complete('(event {:type "order" :total (> 1)}) (create twilio sms {:message $to|})');
    assert.deepEqual(labels, ['$type', '$total']);
    assert.equal(applyItem(doc, item(items, '$total')), '(event {:type "order" :total (> 1)}) (create twilio sms {:message $total})');
  });
});

describe('4.2 hover', () => {
  it('a form, from the 4.2 table', () => {
    const h = hover('(cre|ate twilio sms)');
    assert.equal(h?.value.split('\n')[0], '`(create <integration> <message> {<params>}? <options>*)`');
    assert.deepEqual(h?.range, [0, 1, 0, 7]);
  });

  it('a variable with where it is bound; a dotted one as a field of it', () => {
    assert.deepEqual(hover('(def threshold 5)\n(when (> $total thr|eshold) 1)'), { value: 'variable `threshold`: global (`def` at line 1)', range: [1, 16, 1, 25] });
    assert.deepEqual(hover('(let [sms (create twilio sms)]\n  (perform echo message {:message sms.s|id}))'), {
      value: 'field `sid` of variable `sms`: local of `let` at line 1',
      range: [1, 34, 1, 41],
    });
  });

  it('`$field` is an event field, not a response value', () => {
    assert.deepEqual(hover('(when (> $to|tal 1) 1)'), { value: 'event field `total`: read from the triggering event at run time', range: [0, 9, 0, 15] });
  });

  it('an integration and a message of a 4.2 verb, from the definitions', () => {
    assert.ok(hover('(create twi|lio sms)')?.value.startsWith('**Twilio** integration `twilio`'));
    assert.deepEqual(hover('(create twilio s|ms)')?.range, [0, 15, 0, 18]);
  });

  it('nothing for an unbound symbol', () => {
    assert.equal(hover('(when (> 1 nob|ody) 1)'), null);
  });
});

describe('4.2 navigation of variables', () => {
  const text = '(def threshold 5)\n(let [sms (create twilio sms)]\n  (when (> $total threshold)\n    (perform echo message {:message sms.sid :other threshold})))';
  const doc = documentOf(text, 'flow');
  const at = (needle: string, occurrence = 0) => {
    const [line, character] = rangeOfText(doc, needle, occurrence);
    return { line, character: character + 1 };
  };

  it('go to definition: the name where it is bound, for a dotted use too', () => {
    assert.deepEqual(flowDefinition(readFlow(doc), at('threshold', 1), ctx).map((l) => compactRange(l.range)), [rangeOfText(doc, 'threshold')]);
    assert.deepEqual(flowDefinition(readFlow(doc), at('sms.sid'), ctx).map((l) => compactRange(l.range)), [rangeOfText(doc, 'sms', 0)]);
  });

  it('references: every read, the binding when asked for', () => {
    const reads = flowVariableReferences(readFlow(doc), at('threshold', 1), ctx, false).map((l) => compactRange(l.range));
    assert.deepEqual(reads, [rangeOfText(doc, 'threshold', 1), rangeOfText(doc, 'threshold', 2)]);
    const all = flowVariableReferences(readFlow(doc), at('threshold'), ctx, true).map((l) => compactRange(l.range));
    assert.deepEqual(all, [rangeOfText(doc, 'threshold', 0), rangeOfText(doc, 'threshold', 1), rangeOfText(doc, 'threshold', 2)]);
  });

  it('highlights: the binding written, the reads read (the variable part of `sms.sid`)', () => {
    const highlights = flowHighlights(readFlow(doc), at('sms', 0), ctx).map((h) => [compactRange(h.range), h.kind]);
    const [line, character] = rangeOfText(doc, 'sms.sid');
    assert.deepEqual(highlights, [
      [rangeOfText(doc, 'sms', 0), DocumentHighlightKind.Write],
      [[line, character, line, character + 3], DocumentHighlightKind.Read],
    ]);
  });

  it('highlights: `set` writes the variable too', () => {
    const counter = documentOf('(def k 0)\n(set k (inc k))', 'flow');
    const [line, character] = rangeOfText(counter, 'k', 0);
    assert.deepEqual(
      flowHighlights(readFlow(counter), { line, character }, ctx).map((h) => [compactRange(h.range), h.kind]),
      [
        [rangeOfText(counter, 'k', 0), DocumentHighlightKind.Write],
        [rangeOfText(counter, 'k', 1), DocumentHighlightKind.Write],
        [rangeOfText(counter, 'k', 2), DocumentHighlightKind.Read],
      ],
    );
  });

  it("a local and a global of one name are two variables; an if-let's else branch does not see its name", () => {
    const shadow = documentOf('(def x 1)\n(let [x 2] x)\nx\n(if-let [x 3] x x)', 'flow');
    const uses = (occurrence: number) => {
      const [line, character] = rangeOfText(shadow, 'x', occurrence);
      return flowVariableReferences(readFlow(shadow), { line, character }, ctx, true).map((l) => compactRange(l.range));
    };
    assert.deepEqual(uses(0), [rangeOfText(shadow, 'x', 0), rangeOfText(shadow, 'x', 3), rangeOfText(shadow, 'x', 6)]);
    assert.deepEqual(uses(1), [rangeOfText(shadow, 'x', 1), rangeOfText(shadow, 'x', 2)]);
    assert.deepEqual(uses(4), [rangeOfText(shadow, 'x', 4), rangeOfText(shadow, 'x', 5)]);
  });

  it('a verb, an integration or a unit is no variable (an integration highlights its uses)', () => {
    const units = documentOf('(def day 1)\n(delay 1 day)', 'flow');
    const [line, character] = rangeOfText(units, 'day', 1);
    assert.deepEqual(flowDefinition(readFlow(units), { line, character: character + 1 }, ctx), []);
    assert.deepEqual(flowHighlights(readFlow(units), { line, character: character + 1 }, ctx), []);
    const twilio = at('twilio');
    // The integration is highlighted as an integration (its uses), not as a variable.
    assert.deepEqual(
      flowHighlights(readFlow(doc), twilio, ctx).map((h) => [compactRange(h.range), h.kind]),
      [[rangeOfText(doc, 'twilio'), DocumentHighlightKind.Text]],
    );
    assert.deepEqual(flowDefinition(readFlow(doc), twilio, ctx).map((l) => l.uri.endsWith('/twilio.integration.json')), [true]);
    assert.deepEqual(flowHighlights(readFlow(doc), at('perform'), ctx), []);
  });
});

describe('4.2 outline', () => {
  function outline(symbols: readonly DocumentSymbol[]): string[] {
    return symbols.map((s) => `${s.name}${s.detail ? ` (${s.detail})` : ''}${s.children?.length ? ` [${outline(s.children).join(', ')}]` : ''}`);
  }

  it('defs, locals with what their values hold, event collections and interactions, nested as written', () => {
    const doc = documentOf(
      [
        '(def threshold 5)',
        '(let [order (within 30 days (event {:type "order" :total (> 100)}))',
        '      sms (create twilio sms {:message "hi"} (catch (perform echo message {:message "x"})))]',
        '  (when (> $total threshold)',
        '    (perform salesforce case {:subject sms.sid})))',
      ].join('\n'),
      'flow',
    );
    const symbols = flowSymbols(readFlow(doc), ctx.settings.flow.dialect);
    assert.deepEqual(outline(symbols), [
      'threshold (def)',
      'order (let) [within 30 days [event (type, total)]]',
      'sms (let) [create twilio sms [perform echo message]]',
      'perform salesforce case',
    ]);
    assert.deepEqual(compactRange(symbols[0].selectionRange), rangeOfText(doc, 'threshold'));
    assert.deepEqual(compactRange(symbols[3].range), rangeOfText(doc, '(perform salesforce case {:subject sms.sid})'));
  });

  it('the code of a 4.2 payload, in the Code part of its pattern', () => {
    const doc = documentOf('[{"name": "P", "status": true, "key": "k", "code": "(def a 1) (create twilio sms)"}]', 'pattern');
    assert.deepEqual(outline(flowSymbols(readFlow(doc), ctx.settings.flow.dialect)), ['P (pattern) [Code [a (def), create twilio sms]]']);
  });
});

describe('4.2 quick fixes', () => {
  /** The fixes of the diagnostics of `code`. */
  function fixes(text: string, code: string): string[] {
    const doc = documentOf(text, 'flow');
    const diagnostics = checkFlowDocument(readFlow(doc), ctx).filter((d) => d.code === code);
    assert.ok(diagnostics.length > 0, `a ${code}`);
    return flowCodeActions(readFlow(doc), diagnostics[0].range, diagnostics, ctx).map((a) => applyAction(doc, a));
  }

  it('the missing fields of a verb without a params map get a new map', () => {
    assert.deepEqual(fixes('(create twilio sms)', 'missing-mandatory-field'), ['(create twilio sms {:to-phone-number "" :from-phone-number "" :message ""})']);
  });

  it('an unbound variable becomes each close name in scope', () => {
    assert.deepEqual(fixes('(let [order 1] (when ordr 1))', 'unbound-variable'), ['(let [order 1] (when order 1))']);
    assert.deepEqual(fixes('(let [result (fetch generic fetch)] (perform echo message {:message reslt.id}))', 'unbound-variable'), [
      '(let [result (fetch generic fetch)] (perform echo message {:message result.id}))',
    ]);
  });

  it('a misspelt option and unit', () => {
    assert.deepEqual(fixes('(create twilio sms {} (retry 2))', 'unknown-form'), ['(create twilio sms {} (retries 2))']);
    assert.deepEqual(fixes('(delay 1 dai)', 'unknown-unit'), ['(delay 1 day)']);
  });
});

describe('4.2 send form, Apply and code lens', () => {
  const applyAt = (doc: TextDocument, position: { line: number; character: number }, values: Record<string, string>) => applySendForm(doc, position, values, ctx);

  it('a lens on each verb, the form of the interaction at a position with variables, $ fields and dotted values', () => {
    const { doc, position } = withCursor('(let [r (fetch generic fetch)]\n  |(create twilio sms {:to-phone-number $phone :from-phone-number r.from :message (template "Hi")}))', 'flow');
    assert.deepEqual(
      sendCodeLenses(readFlow(doc)).map((l) => compactRange(l.range)),
      [rangeOfText(doc, '(fetch generic fetch)'), rangeOfText(doc, '(create twilio sms {:to-phone-number $phone :from-phone-number r.from :message (template "Hi")})')],
    );
    const form = sendForm(readFlow(doc), position, ctx);
    assert.equal(form?.operator, 'create');
    assert.deepEqual(
      form?.fields.map((f) => [f.name, f.value]),
      [
        ['to-phone-number', { kind: 'event-field', field: 'phone' }],
        ['from-phone-number', { kind: 'variable', name: 'r.from' }],
        ['message', { kind: 'expression', summary: '(template …)' }],
      ],
    );
    assert.deepEqual(compact(form?.problems ?? []), []);
  });

  it('Apply on a verb without a params map writes one', () => {
    const { doc, position } = withCursor('(do |(perform echo message))', 'flow');
    assert.equal(applyAt(doc, position, { message: 'hello' }), '(do (perform echo message {:message "hello"}))');
  });
});

describe('4.2 editing: bad input', () => {
  it('10,000 nested lets of one name: each use is the innermost binding, hover, completion and the outline answer (no recursion)', () => {
    const depth = 10_000;
    const text = '(let [x 1] '.repeat(depth) + 'x' + ')'.repeat(depth);
    const doc = documentOf(text, 'flow');
    const use = doc.positionAt(text.lastIndexOf('x'));
    const innermost = doc.positionAt(text.lastIndexOf('[x') + 1);
    assert.deepEqual(
      flowHighlights(readFlow(doc), use, ctx).map((h) => [compactRange(h.range), h.kind]),
      [
        [[innermost.line, innermost.character, innermost.line, innermost.character + 1], DocumentHighlightKind.Write],
        [[use.line, use.character, use.line, use.character + 1], DocumentHighlightKind.Read],
      ],
    );
    assert.equal((hoverFlow(readFlow(doc), use, ctx)?.contents as MarkupContent).value, 'variable `x`: local of `let` at line 1');
    assert.deepEqual(completeFlow(readFlow(doc), use, ctx, { snippets: false }).filter((i) => i.label === 'x').length, 1);
    assert.equal(flowSymbols(readFlow(doc), ctx.settings.flow.dialect).length, depth);
  });

  it('a binding vector with an odd count, (let x 1) and a verb with no integration: the editor still answers', () => {
    for (const text of ['(let [a 1 b] |)', '(let x |)', '(create |)', '(def count 0) (when |)']) {
      const { doc, position } = withCursor(text, 'flow');
      assert.doesNotThrow(() => {
        completeFlow(readFlow(doc), position, ctx, { snippets: true });
        hoverFlow(readFlow(doc), position, ctx);
        flowHighlights(readFlow(doc), position, ctx);
        flowSymbols(readFlow(doc), ctx.settings.flow.dialect);
      }, text);
    }
    // `b` has no value (an arity error) but is a name of the body, as the analyser reads it.
    assert.deepEqual(complete('(let [a 1 b] |)').labels.slice(0, 2), ['b', 'a']);
    assert.deepEqual(complete('(def count 0) (when true |)').labels.slice(0, 1), ['count']);
  });
});
