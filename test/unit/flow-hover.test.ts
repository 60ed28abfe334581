// Flow hover with `|` cursor fixtures: integrations, message types, fields and operators, in
// `.cxflow` files and inside pattern-file strings (ranges mapped through escapes).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hover, MarkupContent } from 'vscode-languageserver-types';
import { hoverFlow } from '../../server/src/service/flow/editing/features';
import { checkFlowDocument } from '../../server/src/service/flow/index';
import { CompactRange, compactRange, documentOf, rangeOfText, withCursor } from '../support/documents';
import { readFlow } from '../support/service';
import { builtinContext } from '../support/flowContext';

// 4.1 editing: most fixtures here say nothing of their dialect, which would make them 4.2 (see
// flow-dialect.test.ts), so every file is read as 4.1, as with `cxengage.flow.dialect: 4.1`.
const ctx = builtinContext('4.1');

function hover(text: string, kind: 'flow' | 'pattern' = 'flow'): { hover: Hover | null; value: string; range?: CompactRange; doc: ReturnType<typeof withCursor>['doc'] } {
  const { doc, position } = withCursor(text, kind);
  const result = hoverFlow(readFlow(doc), position, ctx);
  return {
    hover: result,
    value: result === null ? '' : (result.contents as MarkupContent).value,
    range: result?.range === undefined ? undefined : compactRange(result.range),
    doc,
  };
}

describe('flow hover', () => {
  it('shows an integration with its display name and messages', () => {
    const h = hover('(send twi|lio sms {})');
    assert.equal(
      h.value,
      ['**Twilio** integration `twilio`', 'Endpoint: Twilio Endpoint', 'Messages: `call`, `call-status`, `sms`, `sms-status`', '_Built-in definition_'].join('\n\n'),
    );
    assert.deepEqual(h.range, rangeOfText(h.doc, 'twilio'));
  });

  it('shows a message type as a table of its fields', () => {
    const h = hover('(send salesforce ta|sk {})');
    assert.equal(
      h.value,
      [
        '**salesforce task** message',
        '',
        '| field | | description | values |',
        '| --- | --- | --- | --- |',
        '| `OwnerId` | **mandatory** | Assigned To |  |',
        '| `WhoId` | **mandatory** | Name |  |',
        '| `WhatId` | **mandatory** | Related To |  |',
        '| `Subject` | **mandatory** | Subject | `"Call"`, `"Email"`, `"Send Letter"`, `"Send Quote"`, `"Other"` |',
        '| `Status` | **mandatory** | Status | `"Not Started"`, `"In Progress"`, `"Completed"`, `"Waiting on someone else"`, `"Deferred"` |',
        '| `Description` | **mandatory** | Description |  |',
        '| `ActivityDate` | **mandatory** | Due Date |  |',
        '| `Priority` | **mandatory** | Priority | `"High"`, `"Normal"`, `"Low"` |',
      ].join('\n'),
    );
    assert.deepEqual(h.range, rangeOfText(h.doc, 'task'));
  });

  it('lists mandatory fields before optional ones', () => {
    const h = hover('(send twilio call| {})');
    assert.deepEqual(h.value.split('\n').slice(4), [
      '| `to-phone-number` | **mandatory** |  |  |',
      '| `from-phone-number` | **mandatory** |  |  |',
      '| `message` | optional |  |  |',
      '| `url` | optional |  |  |',
    ]);
  });

  it('shows a field of the params map or of a template', () => {
    const h = hover('(send salesforce task {:Stat|us "Completed"})');
    assert.equal(
      h.value,
      [
        '**Status**: mandatory field of `salesforce task`',
        'Status',
        'Values: `"Not Started"`, `"In Progress"`, `"Completed"`, `"Waiting on someone else"`, `"Deferred"`',
      ].join('\n\n'),
    );
    assert.deepEqual(h.range, rangeOfText(h.doc, ':Status'));
    const inTemplate = hover('(send twilio sms {} (template {:mess|age +TM1}))');
    assert.equal(inTemplate.value, '**message**: mandatory field of `twilio sms`');
    assert.deepEqual(inTemplate.range, rangeOfText(inTemplate.doc, ':message'));
  });

  it('shows the values an enum field allows on a value given to it, the one given marked', () => {
    const h = hover('(send salesforce task {:Priority "Hi|gh"})');
    assert.equal(h.value.split('\n\n')[0], '`"High"`: a value of `Priority` in `salesforce task`');
    assert.match(h.value, /Values: \*\*`"High"`\*\*, `"Normal"`, `"Low"`/);
    assert.deepEqual(h.range, rangeOfText(h.doc, '"High"'));
    const wrong = hover('(send salesforce task {:Priority "Hihg|"})');
    assert.match(wrong.value, /^`"Hihg"` is not a value of `Priority` in `salesforce task`\n\nValues: `"High"`, `"Normal"`, `"Low"`/);
    const embedded = hover('{"then": "(send salesforce task {:Priority \\"Lo|w\\"})"}', 'pattern');
    assert.match(embedded.value, /Values: `"High"`, `"Normal"`, \*\*`"Low"`\*\*/);
    assert.deepEqual(embedded.range, rangeOfText(embedded.doc, '\\"Low\\"'));
    // A value of a field without an enum has nothing to say.
    assert.equal(hover('(send salesforce task {:WhoId "00|3"})').hover, null);
  });

  it('shows an operator with its shape and description', () => {
    const h = hover('(del|ay 5 minutes)');
    assert.equal(h.value, '`(delay <n> <unit>)`\n\nWait for a duration.');
    assert.deepEqual(h.range, rangeOfText(h.doc, 'delay'));
    assert.equal(hover('(send echo message {} (ret|ries 2))').value, '`(retries <n>)`\n\nRetry this many times on failure.');
  });

  it('reads an operator by its position where a name has several meanings', () => {
    assert.equal(hover(';; When\n(with|in 1 hours (event (= a 1)))').value, '`(within <n> <unit> <pattern>)`\n\nMatch the pattern within a time window.');
    assert.equal(hover('(send echo message {} (with|in 1 hours))').value, '`(within <n> <unit>)`\n\nGive up after this duration.');
  });

  it('answers null on values, unknown names and whitespace', () => {
    assert.equal(hover('(send twilio sms {:message "h|i"})').hover, null);
    assert.equal(hover('(send twillio| sms {})').hover, null);
    assert.equal(hover('(send twilio smz| {})').hover, null);
    assert.equal(hover('(send twilio sms {:nope| 1})').hover, null);
    assert.equal(hover('(send twilio sms {}) | ').hover, null);
    assert.equal(hover('; (de|lay 1 days)').hover, null);
  });

  it('hovers inside pattern strings with the range in the JSON text', () => {
    const h = hover('{"then": "(send salesforce task {:Subject \\"Call\\" :Prio|rity \\"High\\"})"}', 'pattern');
    assert.equal(h.value, ['**Priority**: mandatory field of `salesforce task`', 'Priority', 'Values: `"High"`, `"Normal"`, `"Low"`'].join('\n\n'));
    assert.deepEqual(h.range, rangeOfText(h.doc, ':Priority'));
    assert.equal(hover('{"name": "tw|ilio"}', 'pattern').hover, null);
  });
});

describe('flow hover on values', () => {
  it('shows an event field', () => {
    const h = hover('(send twilio sms {:to-phone-number *pho|ne*})');
    assert.equal(h.value, 'event field `phone`: read from the triggering event at run time');
    assert.deepEqual(h.range, rangeOfText(h.doc, '*phone*'));
  });

  it('shows a message template reference', () => {
    const h = hover('(send twilio sms {} (template {:message +T|M1}))');
    assert.equal(h.value, 'message template `TM1`, rendered when the message is sent');
    assert.deepEqual(h.range, rangeOfText(h.doc, '+TM1'));
  });

  it('shows a response value in the success block of a send, with the send that provides it', () => {
    const h = hover(';; Then\n(seq\n  (send twilio call {}\n    (success (set sid $s|id))))');
    assert.equal(h.value, 'response value `sid`: in scope, from the response of `(send twilio call)` at line 3');
    assert.deepEqual(h.range, [3, 22, 3, 26]);
  });

  it('shows a response value inside an await and in an expect predicate', () => {
    assert.equal(
      hover('(await echo message {:message $st|atus} (if (= $status "ok") (success) (failure)) (within 1 minutes))').value,
      'response value `status`: in scope, from the response of `(await echo message)` at line 1',
    );
    assert.equal(hover(';; Then\n(expect (= $ty|pe "x") (within 1 hours))').value, 'response value `type`: in scope, from the event the `expect` at line 2 waits for');
  });

  it('says when no response is in scope', () => {
    const outside = 'response value `sid`: no response is in scope here; response values are visible only inside the success block of a send, inside an await, or in an expect predicate';
    assert.equal(hover('(send twilio sms {:message $s|id})').value, outside);
    assert.equal(hover('(send twilio sms {} (failure (set x $s|id)))').value, outside);
    assert.equal(hover('(seq (send twilio sms {}) (success (set x $s|id)))').value, outside);
  });

  it('agrees with response-outside-success on every response value', () => {
    const texts = [
      '(send twilio call {} (success (set a $a)) (failure (set b $b)))',
      '(await echo message {:message $c} (if (= $d 1) (success $e) (failure $f)))',
      '(seq (send twilio sms {:message $g}) (success $h))',
      ';; Then\n(expect (= $i 1) (success (set j $j)))',
      '(send a b {} (success (send c d {:x $k} (failure $l))))',
      '{:name "p" :when (event (= type $m)) :then (send twilio call {} (success (set n $n)))}',
    ];
    for (const text of texts) {
      const doc = documentOf(text, 'flow');
      const flagged = new Set(
        checkFlowDocument(readFlow(doc), ctx)
          .filter((d) => d.code === 'response-outside-success')
          .map((d) => doc.offsetAt(d.range.start)),
      );
      for (let at = text.indexOf('$'); at >= 0; at = text.indexOf('$', at + 1)) {
        const h = hover(`${text.slice(0, at + 1)}|${text.slice(at + 1)}`);
        assert.equal(h.value.includes('no response is in scope'), flagged.has(at), `${text} at ${at}: ${h.value}`);
      }
    }
  });

  it('shows a reaction variable with the lines that set it', () => {
    const h = hover(';; Then\n(seq\n  (set msg "hi")\n  (send twilio sms {:message m|sg}))');
    assert.equal(h.value, 'reaction variable `msg`: `set` at line 3');
    assert.deepEqual(h.range, [3, 29, 3, 32]);
    assert.equal(hover('(seq (set x 1) (set x 2) (send echo message {:message x|}))').value, 'reaction variable `x`: `set` at lines 1, 1');
    assert.equal(hover('(send echo message {:message other|})').value, 'reaction variable `other`: not `set` in this code');
    assert.equal(hover('(set na|me 1)').value, 'reaction variable `name`: `set` at line 1');
  });

  it('does not take units, names of a send or when-side symbols for variables', () => {
    assert.equal(hover('(delay 5 minu|tes)').hover, null);
    assert.equal(hover(';; When\n(event (= ty|pe "x"))').hover, null);
    assert.equal(hover('(send twilio sms {:message "x"} (within 1 hou|rs))').hover, null);
  });

  it('hovers values inside pattern strings', () => {
    const h = hover('{"then": "(send twilio sms {:to-phone-number *ph|one*})"}', 'pattern');
    assert.equal(h.value, 'event field `phone`: read from the triggering event at run time');
    assert.deepEqual(h.range, rangeOfText(h.doc, '*phone*'));
  });
});

describe('flow hover on sets and tagged literals', () => {
  it('says what a set is, from a cursor between its members', () => {
    const h = hover('(event {:priority #{"high" | "medium"}})');
    assert.equal(h.value, 'set `#{...}` of 2 values: a value matches when it equals one of them');
    assert.deepEqual(h.range, rangeOfText(h.doc, '#{"high"  "medium"}'));
  });

  it('says what a tagged literal is, from its tag or its form', () => {
    const onTag = hover('(if (> $at #in|st "2014-06-18") x)');
    assert.equal(onTag.value, 'tagged literal `#inst`: an instant: a date and time (RFC 3339), read as a timestamp');
    assert.deepEqual(onTag.range, rangeOfText(onTag.doc, '#inst "2014-06-18"'));
    assert.equal(hover('(if (= $id #uuid "f81d4fae-7dec-11d0-a765-|00a0c91e6bf6") x)').value, 'tagged literal `#uuid`: a UUID, read as a UUID value rather than a string');
    assert.equal(hover('#app/mo|ney 5').value, 'tagged literal `#app/money`: a constant read by the reader registered for that tag');
  });
});
