// Message templates as language features, through the service over open documents: template files
// (schema, Mustache syntax with its range, key completion and hover), `+TM1` in both dialects and in
// pattern strings (hover, definition, completion, `unknown-template`), and `{{name}}` completion and
// hover from the names in scope, with exact ranges.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-types';
import { compact, compactRange, rangeIn } from '../support/documents';
import { openDocumentsService } from '../support/service';
import { languageIds } from '../../server/src/service/documentKind';
import { LanguageService } from '../../server/src/service/languageService';
import { messages } from '../../server/src/service/codes';
import { readMustache } from '../../server/src/service/templates/mustacheText';

const tm1 = JSON.stringify({ id: 'TM1', name: 'Missed you', description: 'After two abandoned calls', template: 'Sorry, {{first-name}}.' }, null, 2);
const tm2 = JSON.stringify({ id: 'TM2', name: 'Services', template: 'Total {{total}}' }, null, 2);

function doc(name: string, text: string): TextDocument {
  const kind = name.endsWith('.cxflow') ? 'flow' : name.endsWith('.pattern.json') ? 'pattern' : 'template';
  return TextDocument.create(`file:///workspace/${name}`, languageIds[kind], 1, text);
}

/** A service with the two templates open, and `others` opened after them. */
function serviceWith(...others: TextDocument[]): LanguageService {
  const service = openDocumentsService();
  service.documentChanged(doc('TM1.template.json', tm1));
  service.documentChanged(doc('TM2.template.json', tm2));
  for (const other of others) service.documentChanged(other);
  return service;
}

/** The position just after the n-th occurrence of `needle` in `text` (the cursor typed it). */
function after(text: string, needle: string, occurrence = 0): { line: number; character: number } {
  const [, , line, character] = rangeIn(text, needle, occurrence);
  return { line, character };
}

function markdown(hover: Hover | null): string {
  assert.ok(hover !== null, 'expected a hover');
  const contents = hover.contents;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  return (contents as MarkupContent).value;
}

const labels = (items: readonly CompletionItem[]) => items.map((i) => i.label);

describe('Mustache text', () => {
  it('finds every name tag, sections included, at its place in the value', () => {
    const text = 'Hi {{name}} {{#a}}{{b.c}}{{/a}} {{{raw}}}';
    assert.deepEqual(readMustache(text).names, [
      { name: 'name', start: 5, end: 9 },
      { name: 'a', start: 15, end: 16 },
      { name: 'b.c', start: 20, end: 23 },
      { name: 'raw', start: 35, end: 38 },
    ]);
  });

  it('places a syntax error on the tag at fault', () => {
    assert.deepEqual(readMustache('Hi {{name').error, { message: 'Unclosed tag at 9', start: 3, end: 9 });
    assert.deepEqual(readMustache('x {{#a}} open').error, { message: 'Unclosed section "a" at 13', start: 2, end: 8 });
    assert.deepEqual(readMustache('x {{/a}} y').error, { message: 'Unopened section "a" at 2', start: 2, end: 8 });
  });
});

describe('template files', () => {
  it('a clean template has no diagnostics', async () => {
    const service = serviceWith();
    assert.deepEqual(await service.diagnostics('file:///workspace/TM1.template.json'), []);
  });

  it('reports a missing id and template through the schema, and a Mustache error on its tag', async () => {
    const text = '{\n  "name": "x",\n  "template": "Dear {{#vip}}friend"\n}';
    const service = serviceWith(doc('bad.template.json', text));
    const diagnostics = await service.diagnostics('file:///workspace/bad.template.json');
    assert.deepEqual(compact(diagnostics), [
      ['schema', [0, 0, 0, 1]],
      ['template-syntax', rangeIn(text, '{{#vip}}')],
    ]);
    assert.match(String(diagnostics[0].message), /"id"/);
    assert.equal(diagnostics[1].message, messages.templateSyntax('the section `vip` is never closed: expected `{{/vip}}`'));
    const noText = '{"id": "TM9"}';
    const other = serviceWith(doc('none.template.json', noText));
    const missing = await other.diagnostics('file:///workspace/none.template.json');
    assert.deepEqual(compact(missing), [['schema', [0, 0, 0, 1]]]);
    assert.match(String(missing[0].message), /"template"/);
  });

  it('places a Mustache error through JSON escapes', async () => {
    const text = '{"id": "T", "template": "\\"quoted\\" {{name"}';
    const service = serviceWith(doc('esc.template.json', text));
    const diagnostics = await service.diagnostics('file:///workspace/esc.template.json');
    assert.deepEqual(compact(diagnostics), [['template-syntax', rangeIn(text, '{{name')]]);
  });

  it('completes and describes the keys from the template schema', async () => {
    const text = '{\n  "id": "TM5",\n  \n}';
    const service = serviceWith(doc('new.template.json', text));
    const list = await service.completion('file:///workspace/new.template.json', { line: 2, character: 2 }, { snippets: false });
    assert.deepEqual(labels(list.items).sort(), ['description', 'name', 'template']);
    const hover = await service.hover('file:///workspace/new.template.json', { line: 1, character: 4 });
    assert.match(markdown(hover), /`\+TM1` is the template whose id is `TM1`/);
  });

  it('completes `{{` in the text with the names of the flows that use the template', async () => {
    const flow = '(let [total (sum (all $cost))]\n  (create twilio sms {:to-phone-number "1" :from-phone-number "2" :message (template +TM2)}))\n(event {:kind "x"})';
    const text = '{"id": "TM2", "template": "Total {{t"}';
    const service = serviceWith(doc('uses.cxflow', flow), doc('TM2.template.json', text));
    const list = await service.completion('file:///workspace/TM2.template.json', after(text, '{{t'), { snippets: true });
    assert.deepEqual(labels(list.items), ['total', 'kind', 'cost']);
    const total = list.items[0];
    // Over the word typed, `t`, not the closing quote.
    const [line, character] = rangeIn(text, 't"}');
    assert.deepEqual(total.textEdit && 'range' in total.textEdit ? compactRange(total.textEdit.range) : undefined, [line, character, line, character + 1]);
    const hovered = '{"id": "TM2", "template": "Total {{total}} {{nope}}"}';
    service.documentChanged(doc('TM2.template.json', hovered));
    const hover = await service.hover('file:///workspace/TM2.template.json', after(hovered, '{{to'));
    assert.deepEqual(compactRange(hover?.range ?? { start: { line: 9, character: 9 }, end: { line: 9, character: 9 } }), rangeIn(hovered, 'total'));
    assert.match(markdown(hover), /variable `total`, bound by let on line 1 \(\/workspace\/uses\.cxflow:2\)/);
    assert.match(markdown(await service.hover('file:///workspace/TM2.template.json', after(hovered, '{{no'))), /renders empty/);
  });
});

const flow41 = ';; Then\n(send twilio sms {:to-phone-number *phone* :from-phone-number "1"}\n  (template {:message +TM1 :body "Hi {{ph"}))';
const flow42 = '(event {:phone "x"})\n(let [n 2]\n  (create twilio sms {:to-phone-number $phone :from-phone-number "1" :message (template +TM3)}))';

describe('+TM1 in flows', () => {
  it('hovers a known template with its name, description and text (4.1)', async () => {
    const service = serviceWith(doc('a.cxflow', flow41));
    const hover = await service.hover('file:///workspace/a.cxflow', after(flow41, '+TM'));
    assert.deepEqual(compactRange(hover?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), rangeIn(flow41, '+TM1'));
    assert.equal(markdown(hover), '**+TM1**: Missed you\n\nAfter two abandoned calls\n\n```mustache\nSorry, {{first-name}}.\n```');
  });

  it('goes to the template file, at its id', () => {
    const service = serviceWith(doc('a.cxflow', flow41));
    const found = service.definition('file:///workspace/a.cxflow', after(flow41, '+TM'));
    assert.deepEqual(
      found.map((l) => [l.uri, compactRange(l.range)]),
      [['file:///workspace/TM1.template.json', rangeIn(tm1, '"TM1"')]],
    );
  });

  it('reports an unknown id with did-you-mean (4.2), only when the workspace has templates', async () => {
    const service = serviceWith(doc('b.cxflow', flow42));
    const diagnostics = (await service.diagnostics('file:///workspace/b.cxflow')).filter((d) => d.code === 'unknown-template');
    assert.deepEqual(compact(diagnostics), [['unknown-template', rangeIn(flow42, '+TM3')]]);
    assert.equal(diagnostics[0].message, messages.unknownTemplate('TM3', 2, 'TM1'));
    assert.equal(diagnostics[0].severity, 2);
    const alone = openDocumentsService();
    alone.documentChanged(doc('b.cxflow', flow42));
    assert.deepEqual((await alone.diagnostics('file:///workspace/b.cxflow')).filter((d) => d.code === 'unknown-template'), []);
  });

  it('reports an unknown id in a 4.1 template map and params', async () => {
    const text = ';; Then\n(seq\n  (send twilio sms {:to-phone-number "1" :from-phone-number "1"} (template {:message +TM4}))\n  (send echo message {:message +tm1}))';
    const service = serviceWith(doc('f.cxflow', text));
    const diagnostics = await service.diagnostics('file:///workspace/f.cxflow');
    assert.deepEqual(compact(diagnostics), [
      ['unknown-template', rangeIn(text, '+TM4')],
      ['unknown-template', rangeIn(text, '+tm1')],
    ]);
    assert.deepEqual(diagnostics.map((d) => d.data), [
      { id: 'TM4', suggestions: ['TM1', 'TM2'] },
      { id: 'tm1', suggestions: ['TM1', 'TM2'] },
    ]);
  });

  it('re-checks flows when a template appears', async () => {
    const service = serviceWith(doc('b.cxflow', flow42));
    assert.equal((await service.diagnostics('file:///workspace/b.cxflow')).filter((d) => d.code === 'unknown-template').length, 1);
    service.documentChanged(doc('TM3.template.json', '{"id": "TM3", "template": "x"}'));
    assert.equal((await service.diagnostics('file:///workspace/b.cxflow')).filter((d) => d.code === 'unknown-template').length, 0);
  });

  it('completes ids after `+` and inside a 4.2 `(template `', async () => {
    const typed = '(event {:a 1})\n(perform echo message {:message (template +T)})';
    const service = serviceWith(doc('c.cxflow', typed));
    const list = await service.completion('file:///workspace/c.cxflow', after(typed, '+T'), { snippets: true });
    assert.deepEqual(labels(list.items), ['+TM1', '+TM2']);
    assert.deepEqual(list.items[0].textEdit && 'range' in list.items[0].textEdit ? compactRange(list.items[0].textEdit.range) : undefined, rangeIn(typed, '+T'));
    const open = '(event {:a 1})\n(perform echo message {:message (template )})';
    service.documentChanged(doc('c.cxflow', open));
    const inside = await service.completion('file:///workspace/c.cxflow', after(open, '(template '), { snippets: true });
    assert.deepEqual(labels(inside.items), ['+TM1', '+TM2']);
  });

  it('leaves 4.2 addition `(+` to the form completion', async () => {
    const text = '(event {:a 1})\n(def total (+ 1 2))';
    const service = serviceWith(doc('h.cxflow', text));
    const list = await service.completion('file:///workspace/h.cxflow', after(text, '(+'), { snippets: true });
    assert.ok(!list.items.some((i) => String(i.label).startsWith('+TM')), labels(list.items).join(', '));
  });

  it('works inside the code strings of a pattern payload', async () => {
    const payload = '{"name": "p", "status": true, "code": "(event {:total 1}) (perform echo message {:message (template +TM9)})"}';
    const service = serviceWith(doc('p.pattern.json', payload));
    const diagnostics = (await service.diagnostics('file:///workspace/p.pattern.json')).filter((d) => d.code === 'unknown-template');
    assert.deepEqual(compact(diagnostics), [['unknown-template', rangeIn(payload, '+TM9')]]);
    const fixed = payload.replace('+TM9', '+TM2');
    service.documentChanged(doc('p.pattern.json', fixed));
    assert.match(markdown(await service.hover('file:///workspace/p.pattern.json', after(fixed, '+TM'))), /\*\*\+TM2\*\*: Services/);
    assert.deepEqual(
      service.definition('file:///workspace/p.pattern.json', after(fixed, '+TM')).map((l) => compactRange(l.range)),
      [rangeIn(tm2, '"TM2"')],
    );
  });
});

describe('{{name}} in inline templates', () => {
  it('completes the variables in scope and the event fields (4.2)', async () => {
    const text = '(event {:phone "x" :total 3})\n(let [n 2]\n  (perform echo message {:message (template "Hi {{")}))\n(def late 1)';
    const service = serviceWith(doc('d.cxflow', text));
    const list = await service.completion('file:///workspace/d.cxflow', after(text, '"Hi {{'), { snippets: true });
    assert.deepEqual(labels(list.items), ['n', 'phone', 'total']);
    assert.equal(list.items[0].detail, 'bound by let on line 2');
  });

  it('completes in a 4.1 template map value, over the word typed', async () => {
    const service = serviceWith(doc('e.cxflow', flow41));
    const list = await service.completion('file:///workspace/e.cxflow', after(flow41, '{{ph'), { snippets: true });
    assert.deepEqual(labels(list.items), ['phone']);
    const item = list.items[0];
    const [line, character] = rangeIn(flow41, 'ph"');
    assert.deepEqual(item.textEdit && 'range' in item.textEdit ? compactRange(item.textEdit.range) : undefined, [line, character, line, character + 2]);
  });

  it('names 4.1 `$field` a response value, and a `set` variable a variable', async () => {
    const text = ';; Then\n(seq\n  (set tries 1)\n  (send echo message {:message $sid} (template {:message "Id {{"})))';
    const service = serviceWith(doc('g.cxflow', text));
    const list = await service.completion('file:///workspace/g.cxflow', after(text, 'Id {{'), { snippets: true });
    assert.deepEqual(list.items.map((i) => [i.label, i.detail]), [
      ['tries', 'set on line 3'],
      ['sid', 'response value'],
    ]);
  });

  it('hovers a name with where it comes from, in a pattern string through JSON escapes', async () => {
    const payload = '{"name": "p", "status": true, "code": "(event {:total 1}) (perform echo message {:message (template \\"Sum {{total}}\\")})"}';
    const service = serviceWith(doc('q.pattern.json', payload));
    const hover = await service.hover('file:///workspace/q.pattern.json', after(payload, '{{to'));
    assert.deepEqual(compactRange(hover?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), rangeIn(payload, 'total', 1));
    assert.equal(markdown(hover), '`{{total}}`: event field `total`: its last value in the match');
  });
});
