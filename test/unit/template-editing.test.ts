// Completion and hover inside a template file's text: the names of every flow that uses the
// template (variables first, each once, with where it was seen), their exact items and ranges, and
// the three hovers of a tag (known, no use yet, unknown where it is used).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, Hover } from 'vscode-languageserver-types';
import { languageIds } from '../../server/src/service/documentKind';
import { LanguageService } from '../../server/src/service/languageService';
import { openDocumentsService } from '../support/service';

function doc(name: string, text: string): TextDocument {
  const kind = name.endsWith('.cxflow') ? 'flow' : name.endsWith('.pattern.json') ? 'pattern' : 'template';
  return TextDocument.create(`file:///workspace/${name}`, languageIds[kind], 1, text);
}

const flowA = '(let [total 1 count 2]\n  (create twilio sms {:to-phone-number $phone :from-phone-number "1" :message (template +TM2)}))\n(event {:kind "x"})';
const flowB = ';; Then\n(send twilio sms {:to-phone-number $sid :from-phone-number "1" :message +TM2})';
// The id spelled with an escape in the payload: `+\u0054M2` is `+TM2`.
const payload = '{"name": "p", "status": true, "code": "(event {:zz 1}) (perform echo message {:message (template +\\u0054M2)})"}';
const tm2 = '{"id": "TM2", "template": "A {{t}} {{#sec}}x{{/sec}} {{b.c}} {{total.x}}"}';
const tm4 = '{"id": "TM4", "template": "{{x}}"}';
const noId = '{"template": "A {{x"}';

function service(): LanguageService {
  const s = openDocumentsService();
  for (const d of [doc('a.cxflow', flowA), doc('b.cxflow', flowB), doc('c.pattern.json', payload), doc('TM2.template.json', tm2), doc('TM4.template.json', tm4), doc('noid.template.json', noId)]) {
    s.documentChanged(d);
  }
  return s;
}

const at = (text: string, offset: number) => TextDocument.create('file:///x', 'x', 1, text).positionAt(offset);

function hoverShown(hover: Hover | null): [string, number, number] | null {
  if (hover === null) return null;
  const contents = hover.contents;
  const value = typeof contents === 'object' && 'kind' in contents ? contents.value : JSON.stringify(contents);
  return [value, hover.range?.start.character ?? -1, hover.range?.end.character ?? -1];
}

describe('completion in a template text', () => {
  it('offers the names of every flow that uses the template, variables first, over the word typed', async () => {
    const s = service();
    const list = await s.completion('file:///workspace/TM2.template.json', at(tm2, tm2.indexOf('{{t') + 3), { snippets: true });
    assert.equal(list.isIncomplete, false);
    const items = list.items.map((i) => [i.label, i.kind, i.detail, i.sortText, i.textEdit && 'range' in i.textEdit ? [i.textEdit.range.start.character, i.textEdit.range.end.character, i.textEdit.newText] : undefined]);
    const over = (name: string) => [31, 32, name];
    assert.deepEqual(items, [
      ['count', CompletionItemKind.Variable, 'bound by let on line 1 (/workspace/a.cxflow:2)', '00000', over('count')],
      ['total', CompletionItemKind.Variable, 'bound by let on line 1 (/workspace/a.cxflow:2)', '00001', over('total')],
      ['kind', CompletionItemKind.Field, 'event field (/workspace/a.cxflow:2)', '10002', over('kind')],
      ['phone', CompletionItemKind.Field, 'event field (/workspace/a.cxflow:2)', '10003', over('phone')],
      ['sid', CompletionItemKind.Field, 'response value (/workspace/b.cxflow:2)', '10004', over('sid')],
      ['zz', CompletionItemKind.Field, 'event field (/workspace/c.pattern.json:1)', '10005', over('zz')],
    ]);
  });

  it('offers nothing in the text outside a tag, or in a template without an id', async () => {
    const s = service();
    const open = tm2.indexOf('"A');
    for (const offset of [open + 1, open + 2, tm2.indexOf('x{{/'), tm2.lastIndexOf('"')]) {
      assert.deepEqual(await s.completion('file:///workspace/TM2.template.json', at(tm2, offset), { snippets: true }), { isIncomplete: false, items: [] }, String(offset));
    }
    assert.deepEqual(await s.completion('file:///workspace/noid.template.json', at(noId, noId.indexOf('{{x') + 3), { snippets: true }), { isIncomplete: false, items: [] });
  });

  it('offers the schema keys outside the text, as plain text without snippets', async () => {
    const s = service();
    const text = '{"id": "TM5", \n}';
    s.documentChanged(doc('TM5.template.json', text));
    const list = await s.completion('file:///workspace/TM5.template.json', at(text, 14), { snippets: false });
    assert.deepEqual(list.items.map((i) => [i.label, i.insertTextFormat ?? 1, i.textEdit?.newText]).sort(), [
      ['description', 1, '"description": ""'],
      ['name', 1, '"name": ""'],
      ['template', 1, '"template": ""'],
    ]);
  });
});

describe('hover in a template text', () => {
  it('describes a tag by the name the flows give it, on the tag’s name', async () => {
    const s = service();
    const hover = (offset: number) => s.hover('file:///workspace/TM2.template.json', at(tm2, offset));
    const t = tm2.indexOf('{{t}}') + 2;
    const unknown = (name: string, head = name) => `\`{{${name}}}\`: no flow that uses \`+TM2\` has a variable or event field \`${head}\` where it does; it renders empty there`;
    assert.deepEqual(hoverShown(await hover(t)), [unknown('t'), 31, 32]);
    assert.deepEqual(hoverShown(await hover(t + 1)), [unknown('t'), 31, 32]);
    assert.deepEqual(hoverShown(await hover(tm2.indexOf('sec'))), [unknown('sec'), 38, 41]);
    const bc = tm2.indexOf('b.c');
    assert.deepEqual(hoverShown(await hover(bc)), [unknown('b.c', 'b'), 55, 58]);
    assert.deepEqual(hoverShown(await hover(bc + 3)), [unknown('b.c', 'b'), 55, 58]);
    const total = tm2.indexOf('total.x');
    assert.deepEqual(hoverShown(await hover(total + 2)), ['`{{total.x}}`: variable `total`, bound by let on line 1 (/workspace/a.cxflow:2)', total, total + 7]);
    // Between tags and on the braces: the schema's description of `template`, over the whole string.
    const schema = (await hover(t - 1))?.range;
    assert.deepEqual(schema && [schema.start.character, schema.end.character], [26, tm2.length - 1]);
    assert.deepEqual((await hover(bc + 4))?.range?.start.character, 26);
  });

  it('says when no flow uses the template yet', async () => {
    const s = service();
    const hover = await s.hover('file:///workspace/TM4.template.json', at(tm4, tm4.indexOf('x')));
    assert.deepEqual(hoverShown(hover), ['`{{x}}`: no flow of the workspace uses `+TM4` yet; the name is read where a flow renders it', 29, 30]);
  });
});

describe('template texts at their edges', () => {
  it('describes a tag of a template without an id, and an event field by its kind', async () => {
    const s = service();
    const text = '{"template": "A {{x}}"}';
    s.documentChanged(doc('noid2.template.json', text));
    const hover = await s.hover('file:///workspace/noid2.template.json', at(text, text.indexOf('x')));
    assert.deepEqual(hoverShown(hover), ['`{{x}}`: no flow of the workspace uses `+?` yet; the name is read where a flow renders it', 18, 19]);
    const kind = '{"id": "TM2", "template": "{{kind}}"}';
    s.documentChanged(doc('TM2.template.json', kind));
    assert.deepEqual(hoverShown(await s.hover('file:///workspace/TM2.template.json', at(kind, kind.indexOf('kind}')))), ['`{{kind}}`: event field `kind`, event field (/workspace/a.cxflow:2)', 29, 33]);
  });

  it('completes the schema keys before and after the text, names only inside it', async () => {
    const s = service();
    const text = '{"id": "TM2", "template": "A {{t"}';
    s.documentChanged(doc('TM2.template.json', text));
    const labels = async (offset: number) => (await s.completion('file:///workspace/TM2.template.json', at(text, offset), { snippets: false })).items.map((i) => i.label).sort();
    assert.deepEqual(await labels(text.indexOf('"template"')), ['description', 'name', 'template']);
    assert.deepEqual(await labels(text.indexOf('{{t') + 3), ['count', 'kind', 'phone', 'sid', 'total', 'zz']);
    assert.deepEqual(await labels(text.length - 1), []);
  });
});
