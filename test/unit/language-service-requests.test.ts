// The language service answering each request by document kind: flows and payloads get the flow
// features, definitions and templates their own, other documents and unopened uris nothing, and a
// document stopped by a guard nothing but the guard's problem and note. Exact answers, in process.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, Hover, Location, Position, Range } from 'vscode-languageserver-types';
import { maxCodeLenses } from '../../server/src/service/documents/answerLimits';
import { LanguageService } from '../../server/src/service/languageService';
import { normaliseSettings } from '../../server/src/service/settings';
import { compactRange, documentOf } from '../support/documents';
import { openDocumentsService } from '../support/service';

const flowText = '(let [x 1]\n  (perform echo message {:message x}))\n';
const patternText = '{"code": "(let [x 1] (perform echo message {:message x}))"}';
const definitionText = JSON.stringify({ type: 'crm', endpoint: { name: 'crm', type: 'crm', display: 'CRM', params: [], sends: { note: { text: { type: 'mandatory' } } } } });
const templateText = JSON.stringify({ id: 'TM1', template: 'Hi {{name}}' });

/** The position of the `occurrence`th `needle` in `doc`, `delta` characters in. */
function at(doc: TextDocument, needle: string, delta = 0, occurrence = 0): Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = doc.getText().indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} not in ${doc.uri}`);
  return doc.positionAt(offset + delta);
}

const wholeRange = (doc: TextDocument): Range => ({ start: doc.positionAt(0), end: doc.positionAt(doc.getText().length) });
const tail = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
const locations = (found: Location[]) => found.map((l) => [tail(l.uri), ...compactRange(l.range)]);
const hoverText = (hover: Hover | null) => {
  if (hover === null) return null;
  const contents = hover.contents;
  const text = typeof contents === 'string' ? contents : Array.isArray(contents) ? contents.map((c) => (typeof c === 'string' ? c : c.value)).join('|') : contents.value;
  return [text.slice(0, 40), hover.range && compactRange(hover.range)];
};

interface Opened {
  service: LanguageService;
  flow: TextDocument;
  pattern: TextDocument;
  definition: TextDocument;
  template: TextDocument;
  other: TextDocument;
}

function opened(): Opened {
  const service = openDocumentsService();
  const docs = {
    flow: documentOf(flowText, 'flow', 'requests'),
    pattern: documentOf(patternText, 'pattern', 'requests'),
    definition: documentOf(definitionText, 'definition', 'requests'),
    template: documentOf(templateText, 'template', 'requests'),
    other: TextDocument.create('file:///workspace/notes.txt', 'plaintext', 1, '(perform echo message {})'),
  };
  for (const doc of Object.values(docs)) service.documentChanged(doc);
  return { service, ...docs };
}

const unopened = 'file:///workspace/never-opened.cxflow';

describe('language service: requests by document kind', () => {
  it('completes each kind with its own items, other documents with none', async () => {
    const { service, flow, pattern, definition, template, other } = opened();
    const summary = async (doc: TextDocument | string, position: Position) => {
      const list = await service.completion(typeof doc === 'string' ? doc : doc.uri, position, { snippets: false });
      return [list.isIncomplete, list.items.length, list.items.slice(0, 3).map((i) => i.label)];
    };
    assert.deepEqual(
      [
        await summary(flow, at(flow, 'perform', 1)),
        await summary(pattern, at(pattern, 'perform', 1)),
        await summary(definition, at(definition, '"type"', 1)),
        await summary(template, at(template, '"id"', 1)),
        await summary(other, at(other, 'perform', 1)),
        await summary(unopened, { line: 0, character: 0 }),
      ],
      [
        [false, 66, ['fetch', 'perform', 'create']],
        [false, 66, ['fetch', 'perform', 'create']],
        [false, 4, ['type', 'display', 'schema']],
        [false, 3, ['id', 'name', 'description']],
        [false, 0, []],
        [false, 0, []],
      ],
    );
  });

  it('hovers each kind with its own text, other documents with none', async () => {
    const { service, flow, pattern, definition, template, other } = opened();
    const hover = async (doc: TextDocument | string, position: Position) => hoverText(await service.hover(typeof doc === 'string' ? doc : doc.uri, position));
    assert.deepEqual(
      [
        await hover(flow, at(flow, 'perform', 1)),
        await hover(pattern, at(pattern, 'perform', 1)),
        await hover(definition, at(definition, '"type"', 1)),
        await hover(template, at(template, '"id"', 1)),
        await hover(other, at(other, 'perform', 1)),
        await hover(unopened, { line: 0, character: 0 }),
      ],
      [
        ['`(perform <integration> <message> {<para', [1, 3, 1, 10]],
        ['`(perform <integration> <message> {<para', [0, 22, 0, 29]],
        ["The integration's unique name. Flows ref", [0, 1, 0, 7]],
        ['The id a flow names the template by: `+T', [0, 1, 0, 5]],
        null,
        null,
      ],
    );
  });

  it('goes to definitions, references and highlights in flow code only', async () => {
    const { service, flow, pattern, definition, template, other } = opened();
    const requests = (doc: TextDocument, needle: string, delta: number, occurrence = 0) => {
      const position = at(doc, needle, delta, occurrence);
      return [
        locations(service.definition(doc.uri, position)),
        locations(service.variableReferences(doc.uri, position, false)),
        locations(service.variableReferences(doc.uri, position, true)),
        service.highlights(doc.uri, position).map((h) => [...compactRange(h.range), h.kind]),
      ];
    };
    assert.deepEqual(
      [
        requests(flow, 'echo', 1),
        requests(flow, 'x', 0, 1),
        requests(pattern, 'echo', 1),
        requests(pattern, ' x}', 1),
        requests(definition, 'crm', 1),
        requests(template, 'TM1', 1),
        requests(other, 'echo', 1),
      ],
      [
        [[['echo.integration.json', 1, 11, 1, 17]], [], [], [[1, 11, 1, 15, 1]]],
        [[['requests.cxflow', 0, 6, 0, 7]], [['requests.cxflow', 1, 34, 1, 35]], [['requests.cxflow', 0, 6, 0, 7], ['requests.cxflow', 1, 34, 1, 35]], [[0, 6, 0, 7, 3], [1, 34, 1, 35, 2]]],
        [[['echo.integration.json', 1, 11, 1, 17]], [], [], [[0, 30, 0, 34, 1]]],
        [[['requests.pattern.json', 0, 16, 0, 17]], [['requests.pattern.json', 0, 53, 0, 54]], [['requests.pattern.json', 0, 16, 0, 17], ['requests.pattern.json', 0, 53, 0, 54]], [[0, 16, 0, 17, 3], [0, 53, 0, 54, 2]]],
        [[], [], [], []],
        [[], [], [], []],
        [[], [], [], []],
      ],
    );
    const nowhere = { line: 0, character: 1 };
    assert.deepEqual([service.definition(unopened, nowhere), service.variableReferences(unopened, nowhere, true), service.highlights(unopened, nowhere)], [[], [], []]);
  });

  it('finds references of a variable without its binding unless asked, and of an integration across documents', async () => {
    const { service, flow } = opened();
    const x = at(flow, 'x', 0, 1);
    assert.deepEqual(
      [locations(await service.references(flow.uri, x)), locations(await service.references(flow.uri, x, true))],
      [[['requests.cxflow', 1, 34, 1, 35]], [['requests.cxflow', 0, 6, 0, 7], ['requests.cxflow', 1, 34, 1, 35]]],
    );
    assert.deepEqual(locations(await service.references(flow.uri, at(flow, 'message', 1), true)), [
      ['echo.integration.json', 10, 6, 10, 15],
      ['requests.cxflow', 1, 16, 1, 23],
      ['requests.pattern.json', 0, 35, 0, 42],
    ]);
  });

  it('gives symbols, lenses, tokens, signatures and hints by kind', () => {
    const { service, flow, pattern, definition, template, other } = opened();
    const requests = (uri: string, signatureAt: Position) => [
      service.symbols(uri).map((s) => [s.name, s.kind, s.children?.length]),
      service.codeLenses(uri).map((l) => [...compactRange(l.range), l.command?.title]),
      service.semanticTokens(uri).data.length,
      service.signatureHelp(uri, signatureAt)?.signatures.map((s) => s.label) ?? null,
      service.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }).map((h) => [h.position.line, h.position.character, h.label]),
    ];
    assert.deepEqual(
      [
        requests(flow.uri, at(flow, '{:message', 1)),
        requests(pattern.uri, at(pattern, '{:message', 1)),
        requests(definition.uri, at(definition, 'crm', 1)),
        requests(template.uri, at(template, 'TM1', 1)),
        requests(other.uri, at(other, '{', 1)),
        requests(unopened, { line: 0, character: 1 }),
      ],
      [
        [[['x', 13, 0], ['perform echo message', 12, 0]], [[1, 2, 1, 37, 'Preview form']], 25, ['(perform echo message {[:message]})'], []],
        [[['(unnamed pattern)', 19, 1]], [[0, 21, 0, 56, 'Preview form']], 25, ['(perform echo message {[:message]})'], []],
        [[['type', 15, 0], ['endpoint', 2, 5]], [], 0, null, []],
        [[['id', 15, 0], ['template', 15, 0]], [], 0, null, []],
        [[], [], 0, null, []],
        [[], [], 0, null, []],
      ],
    );
  });

  it('gives the semantic tokens of a range only', () => {
    const { service, flow, pattern } = opened();
    const secondLine = { start: { line: 1, character: 0 }, end: { line: 1, character: 40 } };
    assert.deepEqual([service.semanticTokens(flow.uri).data, service.semanticTokens(flow.uri, secondLine).data, service.semanticTokens(pattern.uri, wholeRange(pattern)).data], [
      [0, 6, 1, 3, 1, 1, 11, 4, 0, 8, 0, 5, 7, 1, 0, 0, 9, 8, 2, 0, 0, 9, 1, 3, 0],
      [1, 11, 4, 0, 8, 0, 5, 7, 1, 0, 0, 9, 8, 2, 0, 0, 9, 1, 3, 0],
      [0, 16, 1, 3, 1, 0, 14, 4, 0, 8, 0, 5, 7, 1, 0, 0, 9, 8, 2, 0, 0, 9, 1, 3, 0],
    ]);
  });

  it('formats, folds, selects and indents by kind, and unopened documents not at all', () => {
    const { service, flow, pattern, definition, template, other } = opened();
    const options = { tabSize: 2, insertSpaces: true };
    const requests = (uri: string) => [
      service.format(uri, options).edits.length,
      service.foldingRanges(uri).map((f) => [f.startLine, f.endLine]),
      service.selectionRanges(uri, [{ line: 0, character: 1 }]).map((s) => compactRange(s.range)),
      service.formatOnType(uri, { line: 1, character: 0 }).map((e) => [...compactRange(e.range), e.newText]),
    ];
    assert.deepEqual([requests(flow.uri), requests(pattern.uri), requests(definition.uri), requests(template.uri), requests(other.uri), requests(unopened)], [
      [0, [[0, 1]], [[0, 1, 0, 4]], []],
      [2, [], [[0, 1, 0, 7]], []],
      [25, [], [[0, 1, 0, 7]], []],
      [5, [], [[0, 1, 0, 5]], []],
      [0, [], [[0, 1, 0, 1]], []],
      [0, [], [], []],
    ]);
    const unindented = documentOf('(seq\n(delay 5 minutes))\n', 'flow', 'on-type');
    service.documentChanged(unindented);
    assert.deepEqual(service.formatOnType(unindented.uri, { line: 1, character: 0 }).map((e) => [...compactRange(e.range), e.newText]), [[1, 0, 1, 0, '  ']]);
  });

  it('formats a selection only, and clamps it to the document', () => {
    const { service, definition } = opened();
    const options = { tabSize: 2, insertSpaces: true };
    const firstKey = { start: { line: 0, character: 0 }, end: at(definition, ',') };
    assert.deepEqual(service.format(definition.uri, options, firstKey).edits.map((e) => [...compactRange(e.range), e.newText]), [
      [0, 1, 0, 1, '\n  '],
      [0, 8, 0, 8, ' '],
    ]);
  });

  it('offers quick fixes by kind, for a range or the whole document', async () => {
    const service = openDocumentsService();
    const flow = documentOf('(delay 5 minuets)\n(delay 6 minuets)\n', 'flow', 'fixes');
    const definition = documentOf('{"type": "crm", "endpoint": {"name": "crm", "type": "crm", "display": "CRM", "params": [], "sends": {"m": {"to": {"type": "required"}}}}}', 'definition', 'fixes');
    const template = documentOf(templateText, 'template', 'fixes');
    for (const doc of [flow, definition, template]) service.documentChanged(doc);
    const titles = async (doc: TextDocument, range?: Range) => {
      const diagnostics = await service.diagnostics(doc.uri);
      const source = service.workspace.opened(doc.uri);
      assert.ok(source);
      const inRange = range === undefined ? diagnostics : diagnostics.filter((d) => d.range.start.line <= range.end.line && d.range.end.line >= range.start.line);
      const actions = range === undefined ? service.sourceCodeActions(source, inRange) : service.codeActions(doc.uri, range, inRange);
      return actions.map((a) => [a.title, a.kind]);
    };
    const firstLine = { start: { line: 0, character: 0 }, end: { line: 0, character: 17 } };
    assert.deepEqual([await titles(flow, firstLine), await titles(flow), await titles(definition, wholeRange(definition)), await titles(template, wholeRange(template))], [
      [['Change to `minute`', 'quickfix'], ['Change to `minutes`', 'quickfix']],
      [['Change to `minute`', 'quickfix'], ['Change to `minutes`', 'quickfix'], ['Change to `minute`', 'quickfix'], ['Change to `minutes`', 'quickfix']],
      [['Change to `mandatory`', 'quickfix'], ['Change to `optional`', 'quickfix']],
      [],
    ]);
    assert.deepEqual(service.codeActions(unopened, firstLine, []), []);
  });

  it('answers a guarded document with its guard alone', async () => {
    const settings = normaliseSettings({ maxFileSize: 20 });
    const service = openDocumentsService(settings);
    const flow = documentOf('(seq (delay 5 minutes) (delay 6 minutes))\n', 'flow', 'guarded');
    service.documentChanged(flow);
    const diagnostics = await service.diagnostics(flow.uri);
    assert.deepEqual(diagnostics.map((d: Diagnostic) => [d.code, ...compactRange(d.range)]), [['file-too-large', 0, 0, 0, 0]]);
    assert.deepEqual([service.codeActions(flow.uri, wholeRange(flow), diagnostics), service.format(flow.uri, { tabSize: 2, insertSpaces: true })], [
      [],
      { edits: [], note: 'The file was left as written: 42 bytes is above cxengage.maxFileSize (20 bytes)' },
    ]);
    assert.deepEqual([service.symbols(flow.uri), service.codeLenses(flow.uri), service.foldingRanges(flow.uri)], [[], [], []]);
  });

  it('has no diagnostics for an unreadable uri or a document of no kind, and counts revisions', async () => {
    const { service, other, flow } = opened();
    assert.deepEqual([await service.diagnostics(unopened), await service.diagnostics(other.uri)], [[], []]);
    const before = service.revisionOf(flow.uri);
    service.documentChanged(TextDocument.create(flow.uri, flow.languageId, 2, flowText));
    assert.deepEqual([before, service.revisionOf(flow.uri), service.revisionOf(unopened)], [1, 6, undefined]);
  });

  it('gives diagnostics whole characters: a half surrogate pair in a message becomes U+FFFD', async () => {
    const service = openDocumentsService();
    const flow = documentOf('(send echo message {:messag\ud83d "b"})\n(delay 5 mi\ud83d\ude00nutes)', 'flow', 'surrogates');
    service.documentChanged(flow);
    assert.deepEqual(
      (await service.diagnostics(flow.uri)).map((d) => [d.code, ...compactRange(d.range), d.message]),
      [
        ['unknown-field', 0, 20, 0, 28, '`message` has no field `messag\ufffd`; did you mean `message`?'],
        ['unknown-unit', 1, 9, 1, 18, '`mi\ud83d\ude00nutes` is not a duration unit (seconds, minutes, hours, days); did you mean `minutes`?'],
      ],
    );
  });

  it('gives inlay hints for flow code only, and at most the lens limit of send lenses', () => {
    const service = openDocumentsService(normaliseSettings({ inlayHints: { integrationNames: true } }));
    const flow = documentOf('(send echo message {})\n', 'flow', 'hints');
    const pattern = documentOf('{"then": "(send echo message {})"}', 'pattern', 'hints');
    const definition = documentOf(definitionText, 'definition', 'hints');
    const many = documentOf('(seq (send echo message {})\n'.repeat(maxCodeLenses + 1), 'flow', 'lenses');
    for (const doc of [flow, pattern, definition, many]) service.documentChanged(doc);
    const hints = (doc: TextDocument) => service.inlayHints(doc.uri, wholeRange(doc)).map((h) => [h.position.line, h.position.character, h.label]);
    assert.deepEqual([hints(flow), hints(pattern), hints(definition)], [[[0, 10, 'Echo']], [[0, 20, 'Echo']], []]);
    assert.equal(service.codeLenses(many.uri).length, maxCodeLenses);
  });
});
