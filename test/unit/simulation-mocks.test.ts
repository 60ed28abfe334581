// Mocks and templates as the simulator reads them: every shape of outcome, name and template
// payload, with the exact problem each wrong one gets, and the outcomes calls receive in order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDefinitionDocument } from '../../server/src/service/definitions/definitionDocument';
import { Definition } from '../../server/src/service/definitions/model';
import { messageCheck, readMocks, readTemplate } from '../../server/src/service/simulation';
import { crmDefinition, crmWith } from '../support/definitions';
import { documentOf } from '../support/documents';
import { jsonErrorOf } from '../support/simulation';

const definitionOf = (text: string): Definition => parseDefinitionDocument(documentOf(text, 'definition')).definition;

/** `crm` sends `note`; `duo` sends `alert` and `note`; `mute`'s endpoint sends nothing; `bare` has no endpoint. */
const definitions = new Map<string, Definition>([
  ['crm', definitionOf(crmDefinition)],
  ['mute', definitionOf(crmWith(['"type": "crm",\n  "display"', '"type": "mute",\n  "display"'], ['"note": {\n        "text": { "type": "mandatory", "description": "The note" },\n        "colour": { "type": "optional", "enum": ["red", "green"] }\n      }', '']))],
  ['bare', definitionOf(crmWith(['"type": "crm",\n  "display"', '"type": "bare",\n  "display"'], ['"endpoint": {', '"other": {']))],
  ['duo', definitionOf(crmWith(['"type": "crm",\n  "display"', '"type": "duo",\n  "display"'], ['"note": {', '"alert": { "text": { "type": "mandatory", "description": "The alert" } },\n      "note": {']))],
]);
const check = messageCheck((type) => definitions.get(type));

describe('simulator mocks', () => {
  it('names are checked against the definitions: integration, then message, listing the messages there are', () => {
    assert.deepEqual(
      [['crm', 'note'], ['crm', 'nope'], ['duo', 'nope'], ['mute', 'note'], ['bare', 'note'], ['zzz', 'note']].map(([i, m]) => check(i, m)),
      [
        undefined,
        'crm has no message "nope" (its messages: note)',
        'duo has no message "nope" (its messages: alert, note)',
        'mute has no message "note" (its messages: none)',
        'bare has no message "note" (its messages: none)',
        'no integration "zzz" among the definitions',
      ],
    );
  });

  it('every wrong outcome is reported by its place; the good ones are used in order, the last repeating', () => {
    const outcomes = [{ ok: { a: 1 } }, { ok: 5 }, { ok: [1] }, { fail: 3 }, { timeout: false }, { timeout: true, x: 1 }, { ok: {}, fail: 'x' }, 'x', null, [1], { fail: 'x', timeout: true }, { timeout: true }];
    const { mocks, problems } = readMocks({ '  crm   note ': outcomes, 'crm\tnope': { ok: {} }, ' ': {}, 'a b c': {}, 'mute note': { fail: 'busy' } }, check);
    const bad = (n: number, what: string) => `mock "  crm   note " outcome ${n}: ${what}`;
    const shape = 'an outcome is {"ok": {...}}, {"fail": "<reason>"} or {"timeout": true}';
    assert.deepEqual(problems, [
      bad(2, '"ok" takes the response as an object of fields'),
      bad(3, '"ok" takes the response as an object of fields'),
      bad(4, '"fail" takes the reason as a string'),
      bad(5, shape),
      bad(6, shape),
      bad(7, shape),
      bad(8, shape),
      bad(9, shape),
      bad(10, shape),
      bad(11, shape),
      'mock "crm\tnope": crm has no message "nope" (its messages: note)',
      'mock " " names no message: write "<integration> <message>", e.g. "twilio sms"',
      'mock "a b c" names no message: write "<integration> <message>", e.g. "twilio sms"',
      'mock "mute note": mute has no message "note" (its messages: none)',
    ].map((message) => ({ source: 'mocks', message })));
    assert.deepEqual([mocks.next('crm', 'note'), mocks.next('crm', 'note'), mocks.next('crm', 'note')], [{ kind: 'ok', response: { a: 1 } }, { kind: 'timeout' }, { kind: 'timeout' }]);
    assert.deepEqual(mocks.next('mute', 'note'), { kind: 'ok', response: {} });
  });

  it('without a check any two-word name is a mock; an empty list answers ok; restart counts calls afresh', () => {
    const { mocks, problems } = readMocks({ 'echo message': [], 'a \t b': [{ fail: 'one' }, { fail: 'two' }] });
    assert.deepEqual(problems, []);
    assert.deepEqual(mocks.next('echo', 'message'), { kind: 'ok', response: {} });
    assert.deepEqual([mocks.next('a', 'b'), mocks.next('a', 'b'), mocks.restart().next('a', 'b')], [
      { kind: 'fail', reason: 'one' },
      { kind: 'fail', reason: 'two' },
      { kind: 'fail', reason: 'one' },
    ]);
  });

  it('no mocks at all is no problem; mocks that are not an object are one', () => {
    assert.deepEqual([readMocks(undefined).problems, readMocks(null).problems], [[], []]);
    const notObject = { source: 'mocks', message: 'the mocks must be an object: {"<integration> <message>": [<outcome>, ...]}' };
    assert.deepEqual([readMocks('x').problems, readMocks([{ ok: {} }]).problems, readMocks(3).problems], [[notObject], [notObject], [notObject]]);
  });
});

describe('simulator templates', () => {
  it('a template payload, or the exact problem of each thing it is not', () => {
    const shape = 'a template is {"id": "TM1", "name": ..., "description": ..., "template": "<mustache text>"}';
    const read = (text: string) => readTemplate(text, 't.template.json');
    assert.deepEqual(read('{"id":"TM1","template":"Hi","name":5,"description":["d"]}'), { template: { id: 'TM1', name: undefined, description: undefined, template: 'Hi', source: 't.template.json' } });
    for (const text of ['[{"id":"TM1","template":"Hi"}]', 'null', '5', '"TM1"', '{"id":"","template":"Hi"}', '{"id":1,"template":"Hi"}', '{"id":"TM1","template":1}', '{"id":"TM1"}', '{"template":"Hi"}']) {
      assert.deepEqual(read(text), { problem: { source: 'templates', message: `t.template.json: ${shape}` } }, text);
    }
    const broken = read('{"id":');
    assert.equal(broken.template, undefined);
    assert.equal(broken.problem?.source, 'templates');
    assert.equal(broken.problem?.message, `t.template.json: not JSON (${jsonErrorOf('{"id":')})`);
  });
});
