// Template references in flow code, the cases around the ones templates.test.ts shows: the whole
// completion items of template ids and of `{{name}}`, the markdown of a template without a name,
// description or text, a lone `+` and 4.2's `(template |)`, and the strings that are no template
// text (a key, another form's argument, the cursor before the string).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, MarkupContent } from 'vscode-languageserver-types';
import { templateMarkdown } from '../../server/src/service/flow/editing/templateRefs';
import { languageIds } from '../../server/src/service/documentKind';
import { LanguageService } from '../../server/src/service/languageService';
import { rangeIn } from '../support/documents';
import { openDocumentsService } from '../support/service';

const uri = 'file:///workspace/f.cxflow';

function serviceWith(flow: string, templates = true): LanguageService {
  const service = openDocumentsService();
  if (templates) {
    service.documentChanged(TextDocument.create('file:///workspace/TM1.template.json', languageIds.template, 1, JSON.stringify({ id: 'TM1', name: 'One', template: 'Hi' })));
  }
  service.documentChanged(TextDocument.create(uri, languageIds.flow, 1, flow));
  return service;
}

/** The completion items at the `|` of a flow, with their whole edits. */
async function completion(text: string, templates = true): Promise<CompletionItem[]> {
  const at = text.indexOf('|');
  const flow = text.slice(0, at) + text.slice(at + 1);
  const position = TextDocument.create(uri, 'x', 1, flow).positionAt(at);
  return (await serviceWith(flow, templates).completion(uri, position, { snippets: true })).items;
}

async function hoverText(text: string): Promise<string | null> {
  const at = text.indexOf('|');
  const flow = text.slice(0, at) + text.slice(at + 1);
  const hover = await serviceWith(flow).hover(uri, TextDocument.create(uri, 'x', 1, flow).positionAt(at));
  return hover === null ? null : (hover.contents as MarkupContent).value;
}

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('template markdown', () => {
  it('writes the id, then the name, description and text each when there is one', () => {
    const base = { uri: 'file:///t', id: 'TM7', idRange: range(0, 0, 0) };
    assert.equal(templateMarkdown(base), '**+TM7**');
    assert.equal(templateMarkdown({ ...base, name: 'N', description: '', text: '' }), '**+TM7**: N\n\n```mustache\n\n```');
    assert.equal(templateMarkdown({ ...base, description: 'D', text: 'a ```b``` c' }), '**+TM7**\n\nD\n\n```mustache\na ` ` `b` ` ` c\n```');
  });
});

describe('template id completion', () => {
  it('gives each template as a whole item over the `+TM` written', async () => {
    const items = await completion(';; Then\n(send echo message {} (template {:message +T|}))');
    assert.deepEqual(items, [
      {
        label: '+TM1',
        kind: CompletionItemKind.Reference,
        detail: 'One',
        documentation: { kind: 'markdown', value: '**+TM1**: One\n\n```mustache\nHi\n```' },
        filterText: '+TM1',
        textEdit: { range: range(1, 42, 44), newText: '+TM1' },
      },
    ]);
  });

  it('over a lone `+` that is not an operator, and at the argument of a 4.2 `(template |)`', async () => {
    assert.deepEqual((await completion(';; Then\n(send echo message {:message +|})')).map((i) => [i.label, i.textEdit]), [['+TM1', { range: range(1, 29, 30), newText: '+TM1' }]]);
    assert.deepEqual((await completion('(def a 1)\n(perform echo message {:message (template |)})')).map((i) => [i.label, i.textEdit]), [['+TM1', { range: range(1, 42, 42), newText: '+TM1' }]]);
  });

  it('leaves `(+|` and `(template` before its space to the form completion, and a place without templates too', async () => {
    assert.ok(!(await completion('(def a 1)\n(def b (+| 1 2))')).some((i) => i.label === '+TM1'));
    assert.ok(!(await completion('(def a 1)\n(perform echo message {:message (template|)})')).some((i) => i.label === '+TM1'));
    assert.ok(!(await completion('(def a 1)\n(perform echo message {:message (template "x" |)})')).some((i) => i.label === '+TM1'));
    assert.deepEqual((await completion(';; Then\n(send echo message {:message +|})', false)).filter((i) => i.label === '+TM1'), []);
  });
});

describe('{{name}} completion and hover', () => {
  it('gives variables before event fields, each a whole item', async () => {
    const text = '(event {:phone "x"})\n(let [n 2]\n  (perform echo message {:message (template "Hi {{|")}))';
    assert.deepEqual(await completion(text), [
      { label: 'n', kind: CompletionItemKind.Variable, detail: 'bound by let on line 2', sortText: '00000', textEdit: { range: range(2, 50, 50), newText: 'n' } },
      { label: 'phone', kind: CompletionItemKind.Field, detail: 'event field', sortText: '10001', textEdit: { range: range(2, 50, 50), newText: 'phone' } },
    ]);
  });

  it('answers no names in a string that is no template text, nor before the string opens', async () => {
    const names = async (text: string) => (await completion(text)).filter((i) => i.label === 'phone').length;
    assert.equal(await names('(event {:phone "x"})\n(perform echo message {:message (str "{{|")})'), 0);
    assert.equal(await names('(event {:phone "x"})\n(perform echo message {:message (template "a" "{{|")})'), 0);
    assert.equal(await names(';; When\n(event (= phone "x"))\n;; Then\n(send echo message {} (template {"{{|" "v"}))'), 0);
    assert.equal(await names(';; When\n(event (= phone "x"))\n;; Then\n(send echo message {} (frob {:message "{{|"}))'), 0);
    assert.equal(await names('(event {:phone "x"})\n(perform echo message {:message (template |"{{")})'), 0);
    assert.equal(await names('(event {:phone "x"})\n(perform echo message {:message (template "{{phone}} |")})'), 0);
  });

  it('hovers a tag from its first to its last character, and nothing beside it', async () => {
    const text = '(event {:phone "x"})\n(let [n 2]\n  (perform echo message {:message (template "a {{n}} {{zz.q}} b")}))';
    const at = (needle: string, shift = 0) => {
      const [line, character] = rangeIn(text, needle);
      const lines = text.split('\n');
      return lines.slice(0, line).join('\n').length + (line > 0 ? 1 : 0) + character + shift;
    };
    const hoverAt = (offset: number) => hoverText(`${text.slice(0, offset)}|${text.slice(offset)}`);
    assert.equal(await hoverAt(at('n}}')), '`{{n}}`: variable `n`, bound by let on line 2');
    assert.equal(await hoverAt(at('n}}', 1)), '`{{n}}`: variable `n`, bound by let on line 2');
    assert.equal(await hoverAt(at('n}}', -1)), null);
    assert.equal(await hoverAt(at('n}}', 2)), null);
    assert.equal(await hoverAt(at('zz.q')), '`{{zz.q}}`: no variable in scope here or event field of the pattern is named `zz`; it renders empty');
    assert.equal(await hoverAt(at('a {{')), null);
  });

  it('names 4.1 response values in hover', async () => {
    const text = ';; Then\n(send echo message {:message $sid} (template {:message "Id {{sid}}"}))';
    const offset = text.indexOf('sid}}');
    assert.equal(await hoverText(`${text.slice(0, offset)}|${text.slice(offset)}`), '`{{sid}}`: response value `sid`: a field of the response, where one is in scope');
  });
});
