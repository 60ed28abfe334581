// The markdown hover and completion share (flowDocs.ts), one function at a time with exact text:
// escaping, the cases of each description (no endpoint, no messages, no fields, plurals, the
// origins of a response value, the bindings of a 4.2 variable) and the de-duplication of forms.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDefinitionDocument } from '../../server/src/service/definitions/definitionDocument';
import { Definition } from '../../server/src/service/definitions/model';
import { grammar41 } from '../../server/src/service/flow/analysis/grammar/grammar';
import { defsOf, variablesAt } from '../../server/src/service/flow/analysis/variables';
import {
  boundVariableMarkdown,
  enumValueMarkdown,
  eventFieldMarkdown,
  fieldMarkdown,
  fieldsTable,
  formMarkdown,
  formsMarkdown,
  integrationMarkdown,
  messageMarkdown,
  responseValueMarkdown,
  setMarkdown,
  taggedLiteralMarkdown,
  templateRefMarkdown,
  variableMarkdown,
  bindingText,
} from '../../server/src/service/flow/editing/flowDocs';
import { ListNode } from '../../server/src/service/flow/syntax/tree';
import { documentOf } from '../support/documents';
import { crmDefinition, crmWith } from '../support/definitions';
import { readFlow } from '../support/service';

function definition(text: string): Definition {
  return parseDefinitionDocument(documentOf(text)).definition;
}

const crm = definition(crmDefinition);
const note = crm.endpoint?.message('note');
const text = note?.field('text');
const colour = note?.field('colour');

describe('flow markdown: integrations', () => {
  it('names a workspace integration, its endpoint and its messages, without the built-in line', () => {
    assert.equal(integrationMarkdown(crm), ['**CRM** integration `crm`', 'Endpoint: CRM Endpoint', 'Messages: `note`'].join('\n\n'));
  });

  it('says so when there is no endpoint', () => {
    const noEndpoint = definition('{ "type": "bare", "display": "Bare *one*" }');
    assert.equal(integrationMarkdown(noEndpoint), '**Bare \\*one\\*** integration `bare`\n\nNo endpoint: nothing can be sent to it.');
  });

  it('says so when the endpoint sends nothing, and leaves out an endpoint without a display name', () => {
    const quiet = definition('{ "type": "quiet", "endpoint": { "name": "q", "type": "quiet", "sends": {} } }');
    assert.equal(integrationMarkdown(quiet), '**quiet** integration `quiet`\n\nSends no messages.');
  });

  it('writes a type holding a backtick as double-backtick code', () => {
    const odd = definition('{ "type": "we`ird", "display": "Odd" }');
    assert.equal(integrationMarkdown(odd), '**Odd** integration `` we`ird ``\n\nNo endpoint: nothing can be sent to it.');
  });
});

describe('flow markdown: messages and fields', () => {
  it('tables the fields, mandatory first, with escaped descriptions and enum values', () => {
    assert.ok(note);
    assert.equal(
      messageMarkdown('crm', note),
      ['**crm note** message', '', '| field | | description | values |', '| --- | --- | --- | --- |', '| `text` | **mandatory** | The note |  |', '| `colour` | optional |  | `"red"`, `"green"` |'].join('\n'),
    );
  });

  it('orders mandatory fields first whatever the order written', () => {
    const def = definition(crmWith(['"text": { "type": "mandatory"', '"text": { "type": "optional"'], ['"colour": { "type": "optional"', '"colour": { "type": "mandatory"']));
    const message = def.endpoint?.message('note');
    assert.ok(message);
    assert.deepEqual(fieldsTable(message).split('\n').slice(2), ['| `colour` | **mandatory** |  | `"red"`, `"green"` |', '| `text` | optional | The note |  |']);
  });

  it('says a message without fields has none', () => {
    const def = definition(crmWith(['"note": {', '"empty": {}, "note": {']));
    const empty = def.endpoint?.message('empty');
    assert.ok(empty);
    assert.equal(fieldsTable(empty), 'No fields.');
    assert.equal(messageMarkdown('a_b', empty), '**a\\_b empty** message\n\nNo fields.');
  });

  it('escapes every markdown character of a description and joins its lines', () => {
    const def = definition(crmWith(['"The note"', '"a\\\\b `c` *d* _e_ {f} [g] <h> |i|\\r\\nnext\\nlast"']));
    const field = def.endpoint?.message('note')?.field('text');
    assert.ok(field);
    assert.equal(
      fieldMarkdown('crm', 'note', field),
      '**text**: mandatory field of `crm note`\n\na\\\\b \\`c\\` \\*d\\* \\_e\\_ \\{f\\} \\[g\\] \\<h\\> \\|i\\| next last',
    );
  });

  it('describes a field: mandatory with a description, optional with values', () => {
    assert.ok(text && colour);
    assert.equal(fieldMarkdown('crm', 'note', text), '**text**: mandatory field of `crm note`\n\nThe note');
    assert.equal(fieldMarkdown('crm', 'note', colour), '**colour**: optional field of `crm note`\n\nValues: `"red"`, `"green"`');
  });

  it('describes a value given to an enum field, allowed or not, with the field description', () => {
    assert.ok(colour);
    assert.equal(enumValueMarkdown('crm', 'note', colour, 'red'), '`"red"`: a value of `colour` in `crm note`\n\nValues: **`"red"`**, `"green"`');
    assert.equal(enumValueMarkdown('crm', 'note', colour, 'blue'), '`"blue"` is not a value of `colour` in `crm note`\n\nValues: `"red"`, `"green"`');
    const described = definition(crmWith(['"colour": { "type": "optional"', '"colour": { "type": "optional", "description": "Ink *colour*"'])).endpoint?.message('note')?.field('colour');
    assert.ok(described);
    assert.equal(enumValueMarkdown('crm', 'note', described, 'green'), '`"green"`: a value of `colour` in `crm note`\n\nValues: `"red"`, **`"green"`**\n\nInk \\*colour\\*');
    assert.equal(enumValueMarkdown('crm', 'note', { ...described, enum: undefined }, 'x'), '`"x"` is not a value of `colour` in `crm note`\n\nValues: \n\nInk \\*colour\\*');
  });
});

describe('flow markdown: forms', () => {
  const [seq] = grammar41.named('seq');
  const [delay] = grammar41.named('delay');

  it('writes a form as its shape in code and its doc', () => {
    assert.equal(formMarkdown(seq), `\`${seq.shape}\`\n\n${seq.doc}`);
  });

  it('writes each distinct reading once, separated by rules', () => {
    assert.equal(formsMarkdown([seq, delay, seq]), `${formMarkdown(seq)}\n\n---\n\n${formMarkdown(delay)}`);
    assert.equal(formsMarkdown([delay]), formMarkdown(delay));
    assert.equal(formsMarkdown([]), '');
  });
});

describe('flow markdown: values', () => {
  it('describes event fields, templates and sets', () => {
    assert.equal(eventFieldMarkdown('total'), 'event field `total`: read from the triggering event at run time');
    assert.equal(templateRefMarkdown('TM1'), 'message template `TM1`, rendered when the message is sent');
    assert.equal(setMarkdown(1), 'set `#{...}` of 1 value: a value matches when it equals one of them');
    assert.equal(setMarkdown(0), 'set `#{...}` of 0 values: a value matches when it equals one of them');
    assert.equal(setMarkdown(3), 'set `#{...}` of 3 values: a value matches when it equals one of them');
  });

  it('describes a response value by where it comes from', () => {
    assert.equal(
      responseValueMarkdown('sid', undefined),
      'response value `sid`: no response is in scope here; response values are visible only inside the success block of a send, inside an await, or in an expect predicate',
    );
    assert.equal(responseValueMarkdown('sid', { operator: 'expect', line: 4 }), 'response value `sid`: in scope, from the event the `expect` at line 4 waits for');
    assert.equal(responseValueMarkdown('sid', { operator: 'send', target: 'twilio call', line: 2 }), 'response value `sid`: in scope, from the response of `(send twilio call)` at line 2');
    assert.equal(responseValueMarkdown('sid', { operator: 'await', line: 7 }), 'response value `sid`: in scope, from the response of `await` at line 7');
  });

  it('describes a reaction variable by the lines that set it', () => {
    assert.equal(variableMarkdown('count', []), 'reaction variable `count`: not `set` in this code');
    assert.equal(variableMarkdown('count', [3]), 'reaction variable `count`: `set` at line 3');
    assert.equal(variableMarkdown('count', [3, 9]), 'reaction variable `count`: `set` at lines 3, 9');
  });

  it('describes tagged literals, known tags and others (names of object properties too)', () => {
    assert.equal(taggedLiteralMarkdown('inst'), 'tagged literal `#inst`: an instant: a date and time (RFC 3339), read as a timestamp');
    assert.equal(taggedLiteralMarkdown('uuid'), 'tagged literal `#uuid`: a UUID, read as a UUID value rather than a string');
    assert.equal(taggedLiteralMarkdown('money'), 'tagged literal `#money`: a constant read by the reader registered for that tag');
    assert.equal(taggedLiteralMarkdown('toString'), 'tagged literal `#toString`: a constant read by the reader registered for that tag');
  });
});

describe('flow markdown: 4.2 variables', () => {
  const doc = documentOf('(def total 1)\n(let [x 1]\n  (when-let [y 2] y))\n', 'flow');
  const flow = readFlow(doc);
  const region = flow.regions[0];
  const tree = region.tree;
  const [def] = defsOf(tree);
  const whenLet = ((tree.forms[1] as ListNode).children[2] as ListNode);
  const [y, x] = variablesAt(region, whenLet, 2, whenLet.children[2].start);

  it('finds the bindings the fixture names', () => {
    assert.deepEqual([def.name, y.name, x.name], ['total', 'y', 'x']);
  });

  it('says where a variable is bound: a global by def, a local by its form', () => {
    assert.equal(bindingText(def, 1), 'global (`def` at line 1)');
    assert.equal(bindingText(x, 2), 'local of `let` at line 2');
    assert.equal(bindingText(y, 3), 'local of `when-let` at line 3');
  });

  it('describes a variable, or the field a dotted name reads from it', () => {
    assert.equal(boundVariableMarkdown(x, 2), 'variable `x`: local of `let` at line 2');
    assert.equal(boundVariableMarkdown(def, 1, 'sid'), 'field `sid` of variable `total`: global (`def` at line 1)');
  });
});
