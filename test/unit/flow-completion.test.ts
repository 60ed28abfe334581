// Flow completion with `|` cursor fixtures, in `.cxflow` files and in pattern-file strings: forms
// by position, integrations, message types, fields, enum values and units. Pattern payload keys: pattern-payload.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItem, InsertTextFormat } from 'vscode-languageserver-types';
import { forms41 } from '../../server/src/service/flow/analysis/grammar/forms41';
import { forms42 } from '../../server/src/service/flow/analysis/grammar/forms42';
import { completeFlow } from '../../server/src/service/flow/editing/features';
import { checkFlowDocument } from '../../server/src/service/flow';
import { flowCodeActions } from '../../server/src/service/flow/editing/features';
import { documentOf, withCursor } from '../support/documents';
import { readFlow } from '../support/service';
import { applyAction, applyItem, builtinContext, itemLabelled } from '../support/flowContext';

// 4.1 editing: most fixtures here say nothing of their dialect, which would make them 4.2 (see
// flow-dialect.test.ts), so every file is read as 4.1, as with `cxengage.flow.dialect: 4.1`.
const ctx = builtinContext('4.1');

function complete(text: string, kind: 'flow' | 'pattern' = 'flow', snippets = false) {
  const { doc, position } = withCursor(text, kind);
  const items = completeFlow(readFlow(doc), position, ctx, { snippets });
  return { doc, items, labels: items.map((i) => i.label) };
}

const item = itemLabelled;

/** Labels in the order the editor shows them (by sortText, then label). */
function sorted(items: CompletionItem[]): string[] {
  return [...items]
    .sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : (a.sortText ?? a.label) > (b.sortText ?? b.label) ? 1 : 0))
    .map((i) => i.label);
}

const reactions = ['send', 'await', 'seq', 'par', 'if', 'delay', 'set', 'event', 'expect'];
const whenForms = ['when', 'event', 'within', 'count', 'seq', 'all', 'allOf', 'any', 'fail', 'and', 'or', 'not', '=', '>', '<'];
const predicates = ['and', 'or', 'not', '=', '>', '<'];
const sendOptions = ['retries', 'within', 'template', 'success', 'failure'];

describe('flow completion: forms at an operator position', () => {
  it('offers reactions and when forms at the top of an unmarked file', () => {
    // Each name once: `seq` and `event` belong to both sides.
    assert.deepEqual(complete('(|').labels, [...reactions, 'when', 'within', 'count', 'all', 'allOf', 'any', 'fail', 'and', 'or', 'not', '=', '>', '<']);
  });

  it('offers only reactions on the then side, with snippets when the client takes them', () => {
    const { doc, items, labels } = complete(';; Then\n(|)', 'flow', true);
    assert.deepEqual(labels, reactions);
    const send = item(items, 'send');
    assert.equal(send.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(applyItem(doc, send), ';; Then\n(send $0)');
    assert.equal(send.detail, '(send <integration> <message> {<params>} <options>*)');
  });

  it('completes the word being typed with a snippet, but renames an operator that has arguments', () => {
    const typed = complete(';; Then\n(del|', 'flow', true);
    assert.equal(applyItem(typed.doc, item(typed.items, 'delay')), ';; Then\n(delay $0');
    const renamed = complete(';; Then\n(sen| twilio sms {})', 'flow', true);
    const send = item(renamed.items, 'send');
    assert.equal(send.insertTextFormat, undefined);
    assert.equal(applyItem(renamed.doc, send), ';; Then\n(send twilio sms {})');
  });

  it('inserts plain names without snippet support', () => {
    const { doc, items } = complete(';; Then\n(de|)');
    const delay = item(items, 'delay');
    assert.equal(delay.insertTextFormat, undefined);
    assert.equal(applyItem(doc, delay), ';; Then\n(delay)');
  });

  it('offers when forms in a when section and in a pattern map :when', () => {
    assert.deepEqual(complete(';; When\n(|').labels, whenForms);
    assert.deepEqual(complete('{:name "p" :when (within 1 hours (|)) :then (send echo message {:message "x"})}').labels, whenForms);
    assert.deepEqual(complete('{:name "p" :when (event (= a 1)) :then (|)}').labels, reactions);
  });

  it('offers predicates inside an event on the when side', () => {
    assert.deepEqual(complete(';; When\n(event (|))').labels, predicates);
  });

  it('offers the options after the params map of a send', () => {
    assert.deepEqual(complete('(send twilio sms {:to-phone-number "1"} (|))').labels, sendOptions);
    assert.deepEqual(complete('(send twilio sms {} (re|').labels, sendOptions);
  });

  it('offers members and options inside seq, branches inside if, reactions inside success', () => {
    assert.deepEqual(complete('(seq (delay 1 days) (|))').labels, [...reactions, 'retries', 'within', 'success', 'failure']);
    assert.deepEqual(complete('(if (= x 1) (|))').labels, ['success', 'failure']);
    assert.deepEqual(complete('(if (|))').labels, predicates);
    assert.deepEqual(complete('(send echo message {} (success (|)))').labels, reactions);
    assert.deepEqual(complete('(await twilio call-status {:sid $sid} (|))').labels, ['if', 'within', 'retries', 'template', 'success', 'failure']);
  });

  it('offers reactions for the then field of a timer create', () => {
    assert.deepEqual(complete('(send timer create {:trigger "t" :then (|)})').labels, reactions);
  });

  it('offers nothing where no form belongs', () => {
    assert.deepEqual(complete('(delay (|) minutes)').labels, []);
    assert.deepEqual(complete('(set x (|))').labels, []);
    assert.deepEqual(complete('(send twilio sms {:message (|)})').labels, []);
    assert.deepEqual(complete('{:name (|) :then (delay 1 days)}').labels, []);
  });
});

describe('flow completion: a new form where no list is open yet', () => {
  it('inserts a form with its parentheses as a snippet in an empty place of a seq', () => {
    const { doc, items, labels } = complete(';; Then\n(seq\n  |)', 'flow', true);
    assert.deepEqual(labels, [...reactions, 'retries', 'within', 'success', 'failure']);
    const send = item(items, 'send');
    assert.equal(send.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(send.filterText, 'send');
    assert.deepEqual(send.textEdit, { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, newText: '(send $0)' });
    assert.equal(applyItem(doc, item(items, 'delay')), ';; Then\n(seq\n  (delay $0))');
  });

  it('ends the snippet inside the form', () => {
    const { items } = complete('(seq |)', 'flow', true);
    assert.equal(item(items, 'set').textEdit?.newText, '(set $0)');
    assert.equal(item(items, 'seq').textEdit?.newText, '(seq\n  $0)');
    assert.equal(item(items, 'delay').textEdit?.newText, '(delay $0)');
    assert.equal(item(items, 'await').textEdit?.newText, '(await $1\n  (if $2\n    (success $3)\n    (failure $4))\n  (within $0))');
  });

  it('writes no placeholder text, and no text after a stop but a line break or a closing bracket', () => {
    // A space typed after a value would otherwise land before text the snippet wrote
    // (`(send twilio  message {})`), and a `(` typed over a selected placeholder would wrap it.
    for (const info of [...forms41, ...forms42]) {
      assert.doesNotMatch(info.snippet, /\$\{\d+:/, `${info.name}: ${info.snippet}`);
      for (const stop of info.snippet.matchAll(/\$(\d+|\{\d+\|[^}]*\})/g)) {
        const after = info.snippet.slice((stop.index ?? 0) + stop[0].length);
        assert.match(after, /^($|[\n)}\]"])/, `${info.name}: ${JSON.stringify(info.snippet)} goes on after ${stop[0]}`);
      }
    }
  });

  it('inserts plain text with the parentheses without snippet support', () => {
    const { doc, items } = complete('(par (delay 1 days) |)');
    const send = item(items, 'send');
    assert.equal(send.insertTextFormat, undefined);
    assert.equal(applyItem(doc, send), '(par (delay 1 days) (send))');
  });

  it('replaces the word being typed in a member position', () => {
    const { doc, items } = complete('(seq (delay 1 days) se|)', 'flow', true);
    const send = item(items, 'send');
    assert.deepEqual(send.textEdit?.newText, '(send $0)');
    assert.equal(applyItem(doc, send), '(seq (delay 1 days) (send $0))');
  });

  it('offers reactions in success and failure, options after a send, branches of an if', () => {
    assert.deepEqual(complete('(send twilio sms {} (success |))').labels, reactions);
    assert.deepEqual(complete('(send twilio sms {} (failure (delay 1 days) |))').labels, reactions);
    assert.deepEqual(complete('(send twilio sms {:message "x"} |)').labels, sendOptions);
    assert.deepEqual(complete('(if (= a 1) |)').labels, ['success', 'failure']);
    assert.deepEqual(complete('(if | (success))').labels, predicates);
  });

  it('offers the forms of a section at the top level, between forms too', () => {
    assert.deepEqual(complete(';; Then\n(delay 1 days)\n|\n(delay 2 days)').labels, reactions);
    assert.deepEqual(complete(';; When\n|').labels, whenForms);
    assert.deepEqual(complete('(send echo message {}) | (delay 1 days)').labels, complete('(|').labels);
    const typed = complete(';; Then\nde|', 'flow', true);
    assert.equal(applyItem(typed.doc, item(typed.items, 'delay')), ';; Then\n(delay $0)');
  });

  it('offers when forms in when-side patterns, predicates in an event', () => {
    assert.deepEqual(complete(';; When\n(within 1 hours |)').labels, whenForms);
    assert.deepEqual(complete(';; When\n(any (event (= a 1)) |)').labels, whenForms);
    assert.deepEqual(complete(';; When\n(event |)').labels, predicates);
    assert.deepEqual(complete('{:name "p" :when | :then (delay 1 days)}').labels, whenForms);
    assert.deepEqual(complete('{:name "p" :when (event) :then |}').labels, reactions);
  });

  it('offers nothing in argument positions', () => {
    for (const text of [
      '(delay |)',
      '(delay 5 minutes |)',
      '(set x |)',
      '(send |twilio sms {})',
      '(send twilio sms {:message |})',
      '(send twilio sms {} (retries |))',
      '(send twilio sms {} (within 1 minutes |))',
      '(send twilio sms {} (template {:message |}))',
      '(event {:a |})',
      ';; When\n(within |)',
      ';; When\n(count |)',
      ';; When\n(event (= |))',
      '{:name | :then (delay 1 days)}',
      '[[|]]',
      '(seq "x|")',
    ]) {
      const labels = complete(text).labels;
      assert.ok(!labels.includes('send') && !labels.includes('when') && !labels.includes('and'), `${text}: ${labels.join(', ')}`);
    }
  });

  it('inserts the form escaped on one line inside a pattern string', () => {
    const { doc, items } = complete('{"then": "(seq |)"}', 'pattern', true);
    assert.equal(applyItem(doc, item(items, 'if')), '{"then": "(seq (if $1 (success $2) (failure $0)))"}');
    const empty = complete('{"then": "|"}', 'pattern', true);
    assert.equal(applyItem(empty.doc, item(empty.items, 'delay')), '{"then": "(delay $0)"}');
    assert.deepEqual(complete('{"when": "|"}', 'pattern').labels, whenForms);
  });
});

describe('flow completion: sends', () => {
  it('offers integrations that have an endpoint, with their display names', () => {
    const { items, labels } = complete('(send |');
    assert.deepEqual([...labels].sort(), ['echo', 'generic', 'pusher', 'salesforce', 'sendgrid', 'timer', 'twilio']);
    assert.equal(item(items, 'twilio').detail, 'Twilio');
    assert.equal(item(items, 'timer').detail, 'Timer Endpoint');
  });

  it('replaces the integration name being typed', () => {
    const { doc, items } = complete('(await twi| sms {})');
    assert.equal(applyItem(doc, item(items, 'twilio')), '(await twilio sms {})');
  });

  it('offers the message types of the integration', () => {
    const { items } = complete('(send twilio |)');
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['call', 'twilio message: 4 fields, 2 mandatory'],
        ['call-status', 'twilio message: 1 field, 1 mandatory'],
        ['sms', 'twilio message: 3 fields, 3 mandatory'],
        ['sms-status', 'twilio message: 1 field, 1 mandatory'],
      ],
    );
  });

  it('offers nothing for an unknown integration', () => {
    assert.deepEqual(complete('(send twillio |)').labels, []);
  });
});

describe('flow completion: params', () => {
  it('offers the fields not yet present, mandatory first and marked, then all mandatory fields', () => {
    const { items } = complete('(send twilio call {:to-phone-number *phone* |})');
    assert.deepEqual(sorted(items), ['all mandatory fields', ':from-phone-number', ':message', ':url']);
    assert.equal(item(items, ':from-phone-number').detail, 'mandatory field');
    assert.deepEqual(item(items, ':from-phone-number').labelDetails, { detail: ' (mandatory)' });
    assert.equal(item(items, ':url').detail, 'optional field');
  });

  it('describes fields and counts template params as provided', () => {
    const { items, labels } = complete('(send salesforce task {:OwnerId "1" |} (template {:Subject +TM1}))');
    assert.deepEqual(labels, [':WhoId', ':WhatId', ':Status', ':Description', ':ActivityDate', ':Priority', 'all mandatory fields']);
    assert.deepEqual(item(items, ':Priority').documentation, {
      kind: 'markdown',
      value: '**Priority**: mandatory field of `salesforce task`\n\nPriority\n\nValues: `"High"`, `"Normal"`, `"Low"`',
    });
  });

  it('completes inside the template map too', () => {
    assert.deepEqual(complete('(send twilio sms {:to-phone-number "1"} (template {|}))').labels, [':from-phone-number', ':message', 'all mandatory fields']);
  });

  it('replaces the keyword being typed, and inserts a value placeholder with snippets', () => {
    const plain = complete('(send twilio sms {:to-p|})');
    assert.equal(applyItem(plain.doc, item(plain.items, ':to-phone-number')), '(send twilio sms {:to-phone-number})');
    const snippet = complete('(send salesforce task {:Prio|})', 'flow', true);
    assert.equal(applyItem(snippet.doc, item(snippet.items, ':Priority')), '(send salesforce task {:Priority "${1|High,Normal,Low|}"})');
    const withValue = complete('(send twilio sms {:to-p| "1"})', 'flow', true);
    assert.equal(applyItem(withValue.doc, item(withValue.items, ':to-phone-number')), '(send twilio sms {:to-phone-number "1"})');
  });

  it('inserts every missing mandatory field on one line in a one-line map', () => {
    const { doc, items } = complete('(send twilio sms {:message "hi" |})', 'flow', true);
    const all = item(items, 'all mandatory fields');
    assert.equal(all.detail, 'to-phone-number, from-phone-number');
    assert.equal(applyItem(doc, all), '(send twilio sms {:message "hi" :to-phone-number "$1" :from-phone-number "$2"})');
    const plain = complete('(send twilio sms {|})');
    assert.equal(applyItem(plain.doc, item(plain.items, 'all mandatory fields')), '(send twilio sms {:to-phone-number "" :from-phone-number "" :message ""})');
  });

  it('gives enum fields a choice of their values, and plain text the first value: the same text as the quick fix', () => {
    const snippet = complete('(send salesforce task {:OwnerId "o" :WhoId "w" :WhatId "x" :Description "d" :ActivityDate "a" |})', 'flow', true);
    assert.equal(
      applyItem(snippet.doc, item(snippet.items, 'all mandatory fields')),
      '(send salesforce task {:OwnerId "o" :WhoId "w" :WhatId "x" :Description "d" :ActivityDate "a" :Subject "${1|Call,Email,Send Letter,Send Quote,Other|}" :Status "${2|Not Started,In Progress,Completed,Waiting on someone else,Deferred|}" :Priority "${3|High,Normal,Low|}"})',
    );
    const plain = complete('(send salesforce task {|})');
    const completed = applyItem(plain.doc, item(plain.items, 'all mandatory fields'));
    const doc = documentOf('(send salesforce task {})', 'flow');
    const missing = checkFlowDocument(readFlow(doc), ctx);
    const [fix] = flowCodeActions(readFlow(doc), missing[0].range, missing, ctx);
    assert.equal(completed, applyAction(doc, fix));
    assert.equal(completed, '(send salesforce task {:OwnerId "" :WhoId "" :WhatId "" :Subject "Call" :Status "Not Started" :Description "" :ActivityDate "" :Priority "High"})');
    assert.deepEqual(checkFlowDocument(readFlow(documentOf(completed, 'flow')), ctx), []);
  });

  it('aligns inserted fields with the keys of a multi-line map', () => {
    const { doc, items } = complete('(send twilio sms {:to-phone-number *phone*\n                  |})');
    assert.equal(
      applyItem(doc, item(items, 'all mandatory fields')),
      '(send twilio sms {:to-phone-number *phone*\n                  :from-phone-number ""\n                  :message ""})',
    );
  });

  it('offers the enum values of a field as strings', () => {
    const { doc, items, labels } = complete('(send salesforce task {:Priority |})');
    assert.deepEqual(labels, ['High', 'Normal', 'Low']);
    assert.equal(applyItem(doc, item(items, 'Normal')), '(send salesforce task {:Priority "Normal"})');
  });

  it('replaces the string being typed with an enum value', () => {
    const closed = complete('(send salesforce task {:Status "In|"})');
    assert.equal(applyItem(closed.doc, item(closed.items, 'In Progress')), '(send salesforce task {:Status "In Progress"})');
    const open = complete('(send salesforce task {:Status "Wai|');
    assert.equal(applyItem(open.doc, item(open.items, 'Waiting on someone else')), '(send salesforce task {:Status "Waiting on someone else"');
  });

  it('offers nothing for a field without enum or an unknown message', () => {
    assert.deepEqual(complete('(send twilio sms {:message |})').labels, []);
    assert.deepEqual(complete('(send twilio smss {|})').labels, []);
  });
});

describe('flow completion: units and pattern maps', () => {
  it('offers units after a delay or within count', () => {
    assert.deepEqual(complete('(delay 5 |)').labels, ['seconds', 'minutes', 'hours', 'days']);
    assert.deepEqual(complete(';; When\n(within 1 h|').labels, ['seconds', 'minutes', 'hours', 'days']);
    const { doc, items } = complete('(send echo message {} (within 2 min|))');
    assert.equal(applyItem(doc, item(items, 'minutes')), '(send echo message {} (within 2 minutes))');
  });

  it('offers the keys a pattern map lacks', () => {
    assert.deepEqual(complete('[{:name "a" :status true |}]').labels, [':description', ':when', ':then']);
    const { doc, items } = complete('{:name "a" :wh|}', 'flow', true);
    assert.equal(applyItem(doc, item(items, ':when')), '{:name "a" :when ($1)}');
  });

  it('offers nothing in comments or strings of other places', () => {
    assert.deepEqual(complete('; (send |').labels, []);
    assert.deepEqual(complete('(set x "(send |")').labels, []);
  });
});

describe('flow completion in pattern files', () => {
  it('completes inside the when and then strings', () => {
    assert.deepEqual(complete('{"name": "p", "then": "(send twilio |)"}', 'pattern').labels, ['call', 'call-status', 'sms', 'sms-status']);
    assert.deepEqual(complete('{"when": "(|)"}', 'pattern').labels, whenForms);
  });

  it('maps offsets through escapes and escapes what it inserts', () => {
    const { doc, items } = complete('[{"then": "(send salesforce task {:Subject \\"Call\\" :Priority \\"Hi|\\"})"}]', 'pattern');
    assert.equal(applyItem(doc, item(items, 'High')), '[{"then": "(send salesforce task {:Subject \\"Call\\" :Priority \\"High\\"})"}]');
    const snippet = complete('{"then": "(send salesforce task {:Prio|})"}', 'pattern', true);
    assert.equal(applyItem(snippet.doc, item(snippet.items, ':Priority')), '{"then": "(send salesforce task {:Priority \\\\"${1|High,Normal,Low|}\\\\"})"}');
  });

  it('puts snippets of the form table on one line inside a string', () => {
    const { doc, items } = complete('{"then": "(|)"}', 'pattern', true);
    assert.equal(applyItem(doc, item(items, 'if')), '{"then": "(if $1 (success $2) (failure $0))"}');
  });

  it('inserts all mandatory fields escaped on one line', () => {
    const { doc, items } = complete('{"then": "(send twilio sms {:message \\"x\\" |})"}', 'pattern');
    assert.equal(
      applyItem(doc, item(items, 'all mandatory fields')),
      '{"then": "(send twilio sms {:message \\"x\\" :to-phone-number \\"\\" :from-phone-number \\"\\"})"}',
    );
  });
});
