// Template references at the places around them, through the language service with one template
// in the workspace (or none): which places take a `+TM` id (a lone `+` that is no operator, not a
// plain word, not 4.1's `(template |)`), what a place without templates offers instead, strings in
// maps that are no template text, and go-to-definition from `+TM1` but not from a word `TM1`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupContent } from 'vscode-languageserver-types';
import { languageIds } from '../../server/src/service/documentKind';
import { openDocumentsService } from '../support/service';

const uri = 'file:///workspace/f.cxflow';

/** The first four completion labels, the hover markdown and the definition files at the `|`. */
async function at(text: string, templates: boolean): Promise<[string[], string | null, string[]]> {
  const offset = text.indexOf('|');
  const flow = text.slice(0, offset) + text.slice(offset + 1);
  const service = openDocumentsService();
  if (templates) {
    service.documentChanged(TextDocument.create('file:///workspace/TM1.template.json', languageIds.template, 1, JSON.stringify({ id: 'TM1', name: 'One', template: 'Hi' })));
  }
  service.documentChanged(TextDocument.create(uri, languageIds.flow, 1, flow));
  const position = TextDocument.create(uri, 'x', 1, flow).positionAt(offset);
  const items = (await service.completion(uri, position, { snippets: false })).items.slice(0, 4).map((i) => i.label);
  const hover = await service.hover(uri, position);
  const files = service.definition(uri, position).map((l) => l.uri.slice(l.uri.lastIndexOf('/') + 1));
  return [items, hover === null ? null : (hover.contents as MarkupContent).value, files];
}

describe('template references at the places around them', () => {
  it('answers each place exactly', async () => {
    const cases: [string, boolean, [string[], string | null, string[]]][] = [
      ['(def a 1)\n(def b (str ab|))', true, [['a', 'fetch', 'perform', 'create'], null, []]],
      ['(def a 1)\n(def b (str 1 +|))', true, [['+TM1'], null, []]],
      ['(def a 1)\n+|', true, [['+TM1'], null, []]],
      [';; Then\n(send echo message {} (template |))', true, [[], null, []]],
      ['(def a 1)\n(perform echo message {:message +|})', false, [['a'], null, []]],
      ['(def a 1)\n(str {:k "{{a|}}"})', true, [[], null, []]],
      ['(def a 1)\n{:k "{{a|}}"}', true, [[], null, []]],
      ['(def a 1)\n(str TM1|)', true, [['a', 'fetch', 'perform', 'create'], null, []]],
      ['(def a 1)\n(str +TM1|)', true, [['+TM1'], '**+TM1**: One\n\n```mustache\nHi\n```', ['TM1.template.json']]],
    ];
    for (const [text, templates, expected] of cases) assert.deepEqual(await at(text, templates), expected, text);
  });
});
