// Every flow code, positive and negative, with exact ranges in `.cxflow` files; sides, scopes,
// suppression comments, quick-fix data, caching, and the samples of flow-dsl.md.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostic, Range } from 'vscode-languageserver-types';
import { messages } from '../../server/src/service/codes';
import { messageText } from '../../server/src/service/diagnostics';
import { flowInteractionAt, flowInteractions, regionAt } from '../../server/src/service/flow/index';
import { sideOf } from '../../server/src/service/flow/analysis/sides';
import { nodeAt } from '../../server/src/service/flow/syntax/tree';
import { crmDefinition } from '../support/definitions';
import { compact, compactRange, documentOf, rangeOfText } from '../support/documents';
import { diagnoseFlow } from '../support/flowContext';
import { randomBytes, randomText, seededRandom } from '../support/random';

import { openDocumentsService, readFlow } from '../support/service';

const diagnose = diagnoseFlow;

const check = (text: string) => compact(diagnose(text).diagnostics);

function only(text: string, code: string): Diagnostic[] {
  return diagnose(text).diagnostics.filter((d) => d.code === code);
}

describe('flow analyser: samples', () => {
  it('the first sample of flow-dsl.md has no diagnostics', () => {
    const sample = `;; When
(within 1 hours (count 2 (event (= CallAction "abandoned"))))

;; Then
(seq
  (send twilio sms {:to-phone-number *phone-number*
                    :from-phone-number "1-506-555-1234"}
        (template {:message +TM1})
        (retries 2))
  (delay 5 minutes)
  (send twilio call {:to-phone-number *phone-number*
                     :from-phone-number "1-506-555-1234"}
        (success (set call-sid $sid))
        (failure (send echo message {:message "call failed"}))))
`;
    assert.deepEqual(check(sample), []);
  });

  it('the second sample of flow-dsl.md has no diagnostics', () => {
    const sample = `[{:name "Escalate platinum"
  :status true
  :when (event (and (= customerSegment "platinum") (= eventType "flcheck")))
  :then (send salesforce task {:OwnerId "005x" :WhoId *contact* :WhatId *account*
                               :Subject "Call" :Status "Not Started"
                               :Description "Failed check-in"
                               :ActivityDate "2026-01-01" :Priority "High"})}]
`;
    assert.deepEqual(check(sample), []);
  });
});

describe('flow analyser: codes', () => {
  it('syntax: reader errors at their place, and the rest is still analysed', () => {
    const text = '(send echo message {:message "a"}\n\n(send echo mesage {})';
    assert.deepEqual(check(text), [
      ['syntax', [0, 0, 0, 1]],
      ['unknown-message', [2, 11, 2, 17]],
    ]);
    assert.equal(messageText(only(text, 'syntax')[0]), messages.unclosedBracket('(', ')'));
  });

  it('unknown-form: a misspelt operator, with did-you-mean', () => {
    const { diagnostics, doc } = diagnose('(seq (sned echo message {}))');
    assert.deepEqual(compact(diagnostics), [['unknown-form', rangeOfText(doc, 'sned')]]);
    assert.equal(messageText(diagnostics[0]), messages.unknownForm('sned', 'in a reaction', 'send'));
    assert.deepEqual(diagnostics[0].data, { operator: 'sned', suggestions: ['send'] });
  });

  it('unknown-form: an option that does not exist, and an option in the wrong place', () => {
    const { diagnostics, doc } = diagnose('(send echo message {} (retry 2))\n(seq (template {}))');
    assert.deepEqual(compact(diagnostics), [
      ['unknown-form', rangeOfText(doc, 'retry')],
      ['unknown-form', rangeOfText(doc, 'template')],
    ]);
    assert.equal(messageText(diagnostics[0]), messages.unknownForm('retry', 'as an option of `send`', 'retries'));
  });

  it('unknown-form: a then-side form on the when side, a top-level unknown, inside a predicate', () => {
    const text = ';; When\n(event (= a 1) (delay 5 minutes))\n(frobnicate 1)\n;; Then\n(if (sned a b) (success))';
    const { diagnostics, doc } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['unknown-form', rangeOfText(doc, 'delay')],
      ['unknown-form', rangeOfText(doc, 'frobnicate')],
      ['unknown-form', rangeOfText(doc, 'sned')],
    ]);
  });

  it('unknown-form: none for the forms of both sides where they belong', () => {
    const text = `(when (seq (event (not (> a 1))) (all (any (event)) (allOf (event))) (fail (event)) (or (event) (event))))
(par (set x 1) (event {:a 1} (retries 1)) (expect (= $x 1) (within 1 days) (success) (failure)) (if true (success) (failure)) (within 1 seconds))`;
    assert.deepEqual(check(text), []);
  });

  it('arity: wrong shapes', () => {
    const text = '(delay 5)\n(send twilio)\n(send echo message "hi")\n(retries)\n(seq (send echo message {} (retries 1 2)))\n(seq (send echo message {} oops))';
    const { diagnostics, doc } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['arity', rangeOfText(doc, 'delay')],
      ['arity', [1, 1, 1, 5]],
      ['arity', rangeOfText(doc, '"hi"')],
      ['unknown-form', rangeOfText(doc, 'retries')],
      ['arity', [4, 38, 4, 39]],
      ['arity', rangeOfText(doc, 'oops')],
    ]);
    assert.equal(messageText(diagnostics[0]), messages.formShape('delay', '(delay <n> <unit>)'));
    assert.equal(messageText(diagnostics[2]), messages.paramsNotMap('send'));
  });

  it('arity: none for well-shaped forms', () => {
    assert.deepEqual(check('(seq (delay 5 minutes) (set x 2) (send echo message {} (retries 1) (within 2 hours)))'), []);
  });

  it('unknown-integration: unknown, misspelt, and without an endpoint', () => {
    const { diagnostics, doc } = diagnose('(send twillio sms {})\n(send datasift message {})\n(send nothing x {})');
    assert.deepEqual(compact(diagnostics), [
      ['unknown-integration', rangeOfText(doc, 'twillio')],
      ['unknown-integration', rangeOfText(doc, 'datasift')],
      ['unknown-integration', rangeOfText(doc, 'nothing')],
    ]);
    assert.equal(messageText(diagnostics[0]), messages.unknownIntegration('twillio', 'twilio'));
    assert.deepEqual(diagnostics[0].data, { integration: 'twillio', suggestions: ['twilio'] });
    assert.equal(messageText(diagnostics[1]), messages.integrationWithoutEndpoint('datasift'));
    assert.equal(messageText(diagnostics[2]), messages.unknownIntegration('nothing', undefined));
  });

  it('unknown-integration: a workspace definition is known', () => {
    assert.deepEqual(check('(send crm note {:text "x" :colour "red"})'), []);
  });

  it('unknown-message: with did-you-mean and data', () => {
    const { diagnostics, doc } = diagnose('(await twilio call-stats {:sid 1})');
    assert.deepEqual(compact(diagnostics), [['unknown-message', rangeOfText(doc, 'call-stats')]]);
    assert.equal(messageText(diagnostics[0]), messages.unknownMessage('twilio', 'call-stats', 'call-status'));
    assert.deepEqual(diagnostics[0].data, { integration: 'twilio', message: 'call-stats', suggestions: ['call-status'] });
  });

  it('missing-mandatory-field: one diagnostic per send, from the integration to the message word, listing every field', () => {
    const text = '(seq\n  (send twilio sms {:to-phone-number *p*})\n  (send twilio sms {}))';
    const { diagnostics } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['missing-mandatory-field', [1, 8, 1, 18]],
      ['missing-mandatory-field', [2, 8, 2, 18]],
    ]);
    assert.equal(messageText(diagnostics[0]), messages.missingMandatoryFields('twilio', 'sms', ['from-phone-number', 'message']));
    assert.deepEqual(diagnostics[1].data, {
      integration: 'twilio',
      message: 'sms',
      missing: ['to-phone-number', 'from-phone-number', 'message'],
      paramsClosed: true,
      paramsRange: { start: { line: 2, character: 19 }, end: { line: 2, character: 21 } },
      embedded: false,
    });
  });

  it('missing-mandatory-field: template params count as provided, string keys count too', () => {
    assert.deepEqual(check('(send twilio sms {"to-phone-number" *p* :from-phone-number "1"} (template {:message +TM1}))'), []);
  });

  it('unknown-field: on the key, with did-you-mean', () => {
    const { diagnostics, doc } = diagnose('(send echo message {:mesage "hi"})');
    assert.deepEqual(compact(diagnostics), [['unknown-field', rangeOfText(doc, ':mesage')]]);
    assert.equal(messageText(diagnostics[0]), messages.unknownField('mesage', 'message', 'message'));
    assert.deepEqual(diagnostics[0].data, { field: 'mesage', integration: 'echo', message: 'message', suggestions: ['message'] });
  });

  it('unknown-field: never suggests a field the map holds already, written before or after the key', () => {
    for (const text of ['(send echo message {:mesage "b" :message "a"})', '(send echo message {:message "a" :mesage "b"})']) {
      const { diagnostics, doc } = diagnose(text);
      assert.deepEqual(compact(diagnostics), [['unknown-field', rangeOfText(doc, ':mesage')]], text);
      assert.equal(messageText(diagnostics[0]), messages.unknownField('mesage', 'message', undefined), text);
      assert.deepEqual(diagnostics[0].data, { field: 'mesage', integration: 'echo', message: 'message', suggestions: [] }, text);
    }
  });

  it('invalid-enum-value: string constants only, on the value, with did-you-mean', () => {
    const text = '(send crm note {:text "x" :colour "rde"})\n(send crm note {:text "x" :colour *colour*})\n(send crm note {:text "x" :colour "red"})';
    const { diagnostics, doc } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [['invalid-enum-value', rangeOfText(doc, '"rde"')]]);
    assert.equal(messageText(diagnostics[0]), messages.invalidEnumValue('rde', 'colour', ['red', 'green'], 'red'));
    assert.deepEqual(diagnostics[0].data, { field: 'colour', value: 'rde', allowed: ['red', 'green'], suggestions: ['red'] });
  });

  it('invalid-enum-value: exact, case-sensitive match', () => {
    const { diagnostics, doc } = diagnose('(send crm note {:text "x" :colour "Red"})');
    assert.deepEqual(compact(diagnostics), [['invalid-enum-value', rangeOfText(doc, '"Red"')]]);
    assert.equal(messageText(diagnostics[0]), messages.invalidEnumValue('Red', 'colour', ['red', 'green'], 'red'));
  });

  it('secret-inline: static-params and redact entries, instead of unknown-field', () => {
    const text = '(send twilio sms {:to-phone-number 1 :from-phone-number 2 :message 3 :account "AC1" :password "x"})\n(send crm note {:text "x" :secret "k"})';
    const { diagnostics, doc } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['secret-inline', rangeOfText(doc, ':account')],
      ['secret-inline', rangeOfText(doc, ':password')],
      ['secret-inline', rangeOfText(doc, ':secret')],
    ]);
    assert.equal(messageText(diagnostics[0]), messages.secretInline('account', 'twilio'));
    const entry = (diagnostics[2].data as { entryRange: Range }).entryRange;
    assert.deepEqual(compactRange(entry), rangeOfText(doc, ':secret "k"'));
  });

  it('duplicate-field: the second occurrence', () => {
    const { diagnostics, doc } = diagnose('(send echo message {:message "a" :message "b"})');
    assert.deepEqual(compact(diagnostics), [['duplicate-field', rangeOfText(doc, ':message', 1)]]);
    assert.equal(messageText(diagnostics[0]), messages.duplicateField('message'));
  });

  it('response-outside-success: flagged outside, silent inside success, await and expect predicates', () => {
    const text = `(send echo message {:message $sid} (failure (send echo message {:message $x})))
(send twilio call-status {:sid 1} (success (send echo message {:message $sid})))
(await twilio call-status {:sid $sid} (if (= $status "done") (success (set s $status)) (failure (set f $status))) (within 1 minutes))
(expect (= $ok true) (within 1 hours))
(seq (send echo message {}) (success (set s $seqsid)))`;
    const { diagnostics, doc } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['response-outside-success', rangeOfText(doc, '$sid')],
      ['response-outside-success', rangeOfText(doc, '$x')],
      ['response-outside-success', rangeOfText(doc, '$seqsid')],
    ]);
    assert.equal(messageText(diagnostics[0]), messages.responseOutsideSuccess('$sid'));
  });

  it('unknown-unit: in delay and within, with did-you-mean', () => {
    const { diagnostics, doc } = diagnose('(delay 5 minuts)\n(within 1 weeks (event))\n(send echo message {} (within 3 "hours"))');
    assert.deepEqual(compact(diagnostics), [
      ['unknown-unit', rangeOfText(doc, 'minuts')],
      ['unknown-unit', rangeOfText(doc, 'weeks')],
      ['unknown-unit', rangeOfText(doc, '"hours"')],
    ]);
    assert.equal(messageText(diagnostics[0]), messages.unknownUnit('minuts', 'minutes'));
    assert.deepEqual(diagnostics[0].data, { unit: 'minuts', suggestions: ['minutes'] });
  });

  it("the timer's create message: its then value is analysed as a reaction", () => {
    const text = '(send timer create {:trigger "5m" :then (seq (send echo message {:mesage 1}) (delay 1 hourz))})';
    const { diagnostics, doc } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [
      ['unknown-field', rangeOfText(doc, ':mesage')],
      ['unknown-unit', rangeOfText(doc, 'hourz')],
    ]);
  });

  it('every send inside nested, unknown and misplaced forms is still checked', () => {
    const { diagnostics, doc } = diagnose('(frob (send echo mesage {}))\n(send echo message {} (send twilio sms {}))\n{:when (send echo message {:x 1})}');
    assert.deepEqual(compact(diagnostics), [
      ['unknown-form', rangeOfText(doc, 'frob')],
      ['unknown-message', rangeOfText(doc, 'mesage')],
      ['unknown-form', rangeOfText(doc, 'send', 2)],
      ['missing-mandatory-field', rangeOfText(doc, 'twilio sms')],
      ['unknown-form', rangeOfText(doc, 'send', 3)],
      ['unknown-field', rangeOfText(doc, ':x')],
    ]);
  });
});

describe('flow analyser: sides', () => {
  it('markers and pattern map keys decide the side; operators decide without them', () => {
    const text = `;; Then
(seq (delay 1 hours))
;; When
(seq (event))
{:name "p" :when (seq (event)) :then (seq (delay 1 hours))}
(count 2 (event))`;
    assert.deepEqual(check(text), []);
    const flowDoc = readFlow(documentOf(text, 'flow'));
    const region = flowDoc.regions[0];
    const sideAt = (needle: string, occurrence = 0) => {
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
      return sideOf(region, nodeAt(region.tree, at + 1) as never);
    };
    assert.equal(sideAt('delay'), 'then');
    assert.equal(sideAt('event'), 'when');
    assert.equal(sideAt('event', 1), 'when');
    assert.equal(sideAt('delay', 1), 'then');
    assert.equal(sideAt('count'), 'when');
    assert.equal(regionAt(flowDoc, 0), region);
  });

  it('the forms of a top-level vector take their side from their operator', () => {
    const text = '[(count 2 (event)) (seq (delay 1 hours))]';
    assert.deepEqual(check(text), []);
    const region = readFlow(documentOf(text, 'flow')).regions[0];
    assert.equal(sideOf(region, nodeAt(region.tree, text.indexOf('event') + 1) as never), 'when');
    assert.equal(sideOf(region, nodeAt(region.tree, text.indexOf('delay') + 1) as never), 'then');
  });

  it('a when-side seq holds patterns: a reaction in it is an unknown form', () => {
    const { diagnostics, doc } = diagnose('{:when (seq (delay 1 hours))}');
    assert.deepEqual(compact(diagnostics), [['unknown-form', rangeOfText(doc, 'delay')]]);
  });
});

describe('flow analyser: pattern maps wherever they stand, and members that are no reactions', () => {
  const configuration = `{:tenant "acme"
 :patterns [{:name "Escalate"
             :status true
             :when (event (and (= customerSegment "platinum") (= eventType "flcheck")))
             :then (seq (send echo message {:message "x"}) (delay 5 minuets))}
            {:name "Second" :when (within 1 hours (count 2 (event (= a 1)))) :then (send echo messages {})}]}`;

  it("a platform configuration's :patterns vector: each map's :when is an event pattern, its :then a reaction", () => {
    const { diagnostics, doc } = diagnose(configuration);
    assert.deepEqual(compact(diagnostics), [
      ['unknown-unit', rangeOfText(doc, 'minuets')],
      ['unknown-message', rangeOfText(doc, 'messages')],
    ]);
    const region = readFlow(doc).regions[0];
    const sideAt = (needle: string) => sideOf(region, nodeAt(region.tree, configuration.indexOf(needle) + 1) as never);
    assert.equal(sideAt('(and'), 'when');
    assert.equal(sideAt('(count'), 'when');
    assert.equal(sideAt('(delay'), 'then');
    assert.equal(sideAt('"acme"'), undefined);
  });

  it("the timer's params are no pattern map, though they have :then", () => {
    const { diagnostics, doc } = diagnose('(send timer create {:trigger "t" :when "x" :then (delay 5 minuets)})');
    assert.deepEqual(compact(diagnostics), [
      ['unknown-field', rangeOfText(doc, ':when')],
      ['unknown-unit', rangeOfText(doc, 'minuets')],
    ]);
  });

  it('a constant among the members of seq, par, success or failure is flagged, and still looked at', () => {
    const { diagnostics, doc } = diagnose(';; Then\n(seq (delay 1 days) "hello" 42)\n(par variable)\n(send twilio call {:to-phone-number "1" :from-phone-number "2"} (success $sid nil) (failure :no))\n(seq $late)');
    assert.deepEqual(compact(diagnostics), [
      ['arity', rangeOfText(doc, '"hello"')],
      ['arity', rangeOfText(doc, '42')],
      ['arity', rangeOfText(doc, 'variable')],
      ['arity', rangeOfText(doc, '$sid')],
      ['arity', rangeOfText(doc, 'nil')],
      ['arity', rangeOfText(doc, ':no')],
      ['arity', rangeOfText(doc, '$late')],
      ['response-outside-success', rangeOfText(doc, '$late')],
    ]);
    assert.equal(messageText(diagnostics[0]), messages.notAReaction('"hello"', 'seq'));
  });
});

describe('flow analyser: suppression', () => {
  it('silences the named codes on the next line only', () => {
    const text = '; cxengage-disable-next-line unknown-unit, unknown-field\n(send echo message {:mesage 1} (within 1 weks))\n(delay 1 weks)';
    const { diagnostics, doc } = diagnose(text);
    assert.deepEqual(compact(diagnostics), [['unknown-unit', rangeOfText(doc, 'weks', 1)]]);
  });

  it('without codes silences every code on the next line', () => {
    assert.deepEqual(check('(seq\n  ; cxengage-disable-next-line\n  (send echo mesage {} (within 1 weks)))'), []);
  });

  it('does not silence other codes', () => {
    const { diagnostics, doc } = diagnose('; cxengage-disable-next-line unknown-unit\n(send echo mesage {})');
    assert.deepEqual(compact(diagnostics), [['unknown-message', rangeOfText(doc, 'mesage')]]);
  });
});

describe('flow analyser: robustness and caching', () => {
  it('random bytes and flow-like noise: no exception, every range inside the document', () => {
    const random = seededRandom(99);
    const alphabet = '()[]{}"\\;:*$+ \n,abcsendtwiliosms1-';
    for (let round = 0; round < 100; round++) {
      const text = round % 2 === 0 ? randomBytes(random, 400) : randomText(random, 400, alphabet);
      const { diagnostics, doc } = diagnose(text);
      const end = doc.positionAt(text.length);
      for (const d of diagnostics) {
        assert.ok(d.range.end.line < end.line || (d.range.end.line === end.line && d.range.end.character <= end.character));
      }
    }
  });

  it('10,000 nested parens and a 5 MB file are analysed without throwing', () => {
    assert.doesNotThrow(() => diagnose('('.repeat(10_000) + ')'.repeat(10_000)));
    assert.doesNotThrow(() => diagnose('(seq '.repeat(10_000) + '(send echo message {:message 1})' + ')'.repeat(10_000)));
    const send = '(send twilio sms {:to-phone-number *phone* :from-phone-number "1" :message "hello"} (retries 2))\n';
    const { diagnostics } = diagnose(send.repeat(Math.ceil((5 * 1024 * 1024) / send.length)));
    assert.deepEqual(diagnostics, []);
  });

  it('keeps a flow\'s diagnostics per revision and index generation', async () => {
    const service = openDocumentsService();
    const definition = documentOf(crmDefinition, 'definition', 'crm');
    const doc = documentOf('(send crm note {:text "x"})', 'flow');
    service.documentChanged(definition);
    service.documentChanged(doc);
    const first = await service.diagnostics(doc.uri);
    assert.deepEqual(first, []);
    assert.equal(await service.diagnostics(doc.uri), first);
    await service.documentClosed(definition.uri);
    assert.deepEqual(compact(await service.diagnostics(doc.uri)), [['unknown-integration', rangeOfText(doc, 'crm')]]);
  });

  it('lists every interaction with names, ranges, params and template entries', () => {
    const doc = documentOf('(seq (send twilio sms {:to-phone-number 1} (template {:message +TM1}) (retries 2)) (await twilio call-status {:sid 1}))', 'flow');
    const sends = flowInteractions(readFlow(doc));
    assert.deepEqual(
      sends.map((s) => [s.interaction.verb.name, s.integration?.name, s.message?.name, s.entries.length, s.templateEntries.length, s.interaction.rest.length]),
      [
        ['send', 'twilio', 'sms', 1, 1, 2],
        ['await', 'twilio', 'call-status', 1, 0, 0],
      ],
    );
    assert.deepEqual(sends[0].integration?.range, { start: { line: 0, character: 11 }, end: { line: 0, character: 17 } });
    const flowDoc = readFlow(doc);
    const text = doc.getText();
    assert.equal(flowInteractionAt(flowDoc, text.indexOf('+TM1'))?.message?.name, 'sms');
    assert.equal(flowInteractionAt(flowDoc, text.indexOf('call-status'))?.interaction.verb.name, 'await');
    assert.equal(flowInteractionAt(flowDoc, 2), undefined);
  });
});
