// Hostile input through the language service, one case per robustness finding: problems by the
// hundred thousand, nesting past any parser's stack, sizes in bytes, badly escaped URIs, a hundred
// thousand definitions, texts of millions of tiny forms, and what a client may send (positions
// past the end, a version number twice). Sizes and counts are asserted, never times.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, Range } from 'vscode-languageserver-types';
import { messages } from '../../server/src/service/codes';
import { Definition } from '../../server/src/service/definitions/model';
import { messageText } from '../../server/src/service/diagnostics';
import { maxCompletionItems, maxSymbols } from '../../server/src/service/documents/answerLimits';
import { maxFlowForms, maxJsonNesting } from '../../server/src/service/documents/guards';
import { displayPath, folderKey, normaliseUri } from '../../server/src/service/documents/uris';
import { defaultSettings } from '../../server/src/service/settings';
import { generateDefinitionFile } from '../../bench/generators';
import { compact, documentOf } from '../support/documents';
import { diagnosticsOf, openDocumentsService } from '../support/service';

/** Whether a range lies inside the document, and neither end splits a surrogate pair. */
function wellPlaced(doc: TextDocument, range: Range): boolean {
  const text = doc.getText();
  const inside = (p: Range['start']) => {
    const offset = doc.offsetAt(p);
    const back = doc.positionAt(offset);
    const high = text.charCodeAt(offset - 1);
    const low = text.charCodeAt(offset);
    const splits = high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
    return back.line === p.line && back.character === p.character && !splits;
  };
  return inside(range.start) && inside(range.end);
}

function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

describe('a flow with more problems than any list can show', () => {
  it('127,000 problems: the first 1,000 in document order, and one saying how many more (no stack overflow)', async () => {
    const line = '(send echo message {:message "hi" :x 1})\n';
    const doc = documentOf(line.repeat(127_000), 'flow');
    const diagnostics = await diagnosticsOf(doc);
    assert.equal(diagnostics.length, 1001);
    const x = line.indexOf(':x');
    assert.deepEqual(compact(diagnostics.slice(0, 3)), [0, 1, 2].map((l) => ['unknown-field', [l, x, l, x + 2]]));
    assert.ok(diagnostics.slice(0, 1000).every((d, i) => d.code === 'unknown-field' && d.range.start.line === i));
    assert.deepEqual(compact(diagnostics.slice(1000)), [['too-many-problems', [1000, x, 1000, x + 2]]]);
    assert.equal(messageText(diagnostics[1000]), messages.tooManyProblems(126_000, 1000));
  });

  it('100,000 stray brackets: 1,000 syntax errors and the count of the rest', async () => {
    const diagnostics = await diagnosticsOf(documentOf(']'.repeat(100_000), 'flow'));
    assert.equal(diagnostics.length, 1001);
    assert.deepEqual(compact(diagnostics.slice(0, 2)), [
      ['syntax', [0, 0, 0, 1]],
      ['syntax', [0, 1, 0, 2]],
    ]);
    assert.equal(messageText(diagnostics[1000]), messages.tooManyProblems(99_000, 1000));
  });

  it('100,000 unclosed brackets: one syntax error naming the forms left open', async () => {
    const diagnostics = await diagnosticsOf(documentOf('['.repeat(100_000), 'flow'));
    assert.deepEqual(compact(diagnostics), [['syntax', [0, 99_999, 0, 100_000]]]);
  });

  it('codes turned off are left out before the cap counts', async () => {
    const doc = documentOf('(send echo message {:message "hi" :x 1})\n'.repeat(2000), 'flow');
    const settings = { ...defaultSettings, severity: { 'unknown-field': 'off' as const } };
    assert.deepEqual(await diagnosticsOf(doc, settings), []);
  });
});

describe('a definition nested past the JSON parser\'s stack', () => {
  it('6,000 open brackets: one diagnostic where the nesting goes too deep, and every feature answers nothing', async () => {
    const doc = documentOf('['.repeat(6000), 'definition');
    const service = openDocumentsService();
    service.documentChanged(doc);
    const diagnostics = await service.diagnostics(doc.uri);
    assert.deepEqual(compact(diagnostics), [['schema', [0, maxJsonNesting, 0, maxJsonNesting + 1]]]);
    assert.equal(messageText(diagnostics[0]), messages.tooDeep(maxJsonNesting));
    const at = { line: 0, character: 3000 };
    assert.deepEqual(await service.completion(doc.uri, at, { snippets: true }), { isIncomplete: false, items: [] });
    assert.equal(await service.hover(doc.uri, at), null);
    assert.deepEqual(service.symbols(doc.uri), []);
    assert.deepEqual(service.codeActions(doc.uri, { start: at, end: at }, diagnostics), []);
    assert.deepEqual(await service.references(doc.uri, at), []);
    assert.equal(await service.previews.formModel({ uri: doc.uri }), null);
    assert.equal(service.index.has(doc.uri), false);
    // Format Document leaves it as written and says why; folding and selection have nothing.
    assert.deepEqual(service.format(doc.uri, { tabSize: 2, insertSpaces: true }), {
      edits: [],
      note: `The file was left as written: its JSON nests more than ${maxJsonNesting} levels deep`,
    });
    assert.deepEqual([service.foldingRanges(doc.uri), service.selectionRanges(doc.uri, [at])], [[], []]);
  });

  it('a pattern file nested as deep: one syntax diagnostic, no code lens', async () => {
    const doc = documentOf(`{"then": "(send echo message {})", "x": ${'['.repeat(6000)}}`, 'pattern');
    const service = openDocumentsService();
    service.documentChanged(doc);
    assert.deepEqual((await service.diagnostics(doc.uri)).map((d) => messageText(d)), [messages.patternTooDeep(maxJsonNesting)]);
    assert.deepEqual(service.codeLenses(doc.uri), []);
  });
});

describe('the size guard counts bytes', () => {
  it('a flow of 2.7 million two-byte characters is 5.4 MB: over the limit, said in bytes, and no feature reads it', async () => {
    const text = `(send echo message {:message "${'é'.repeat(2_700_000)}"} (oops))`;
    const bytes = Buffer.byteLength(text, 'utf8');
    assert.ok(text.length < defaultSettings.maxFileSize && bytes > defaultSettings.maxFileSize);
    const doc = documentOf(text, 'flow');
    const service = openDocumentsService();
    service.documentChanged(doc);
    const diagnostics = await service.diagnostics(doc.uri);
    assert.deepEqual(compact(diagnostics), [['file-too-large', [0, 0, 0, 0]]]);
    assert.equal(messageText(diagnostics[0]), messages.fileTooLarge(bytes, defaultSettings.maxFileSize));
    assert.deepEqual(service.codeLenses(doc.uri), []);
    assert.deepEqual(service.symbols(doc.uri), []);
  });

  it('a 20 MB flow gets its one diagnostic, and no code lenses', async () => {
    const doc = documentOf('(send twilio sms {:to-phone-number "1" :message "hi"})\n'.repeat(380_000), 'flow');
    const service = openDocumentsService();
    service.documentChanged(doc);
    assert.deepEqual(compact(await service.diagnostics(doc.uri)), [['file-too-large', [0, 0, 0, 0]]]);
    assert.deepEqual(service.codeLenses(doc.uri), []);
  });
});

describe('URIs, normalised once', () => {
  it('a bad % escape neither throws nor makes two files of one', () => {
    assert.equal(normaliseUri('file:///ws/a%zz.integration.json'), 'file:///ws/a%25zz.integration.json');
    assert.equal(normaliseUri('file:///ws/a%25zz.integration.json'), normaliseUri('file:///ws/a%zz.integration.json'));
    assert.equal(displayPath('file:///ws/a%zz.integration.json', folderKey('file:///ws')), 'a%zz.integration.json');
  });

  it('Neovim\'s `proj%20(copy)` and VS Code\'s `proj%20%28copy%29` are one file', async () => {
    const service = openDocumentsService();
    service.setFolders(['file:///ws/proj%20(copy)']);
    const definition = TextDocument.create('file:///ws/proj%20(copy)/crm.integration.json', 'cxengage-integration', 1, '{ "type": "crm" }');
    service.documentChanged(definition);
    assert.equal(service.index.has('file:///ws/proj%20%28copy%29/crm.integration.json'), true);
    assert.equal(service.index.folderOf('file:///ws/proj%20%28copy%29/flow.cxflow'), 'file:///ws/proj%20%28copy%29/');
    assert.equal(service.index.workspaceDefinitions().length, 1);
    // Not a duplicate of itself: the only diagnostic says it overrides nothing and duplicates nothing.
    assert.deepEqual(await service.diagnostics('file:///ws/proj%20%28copy%29/crm.integration.json'), []);
  });
});

describe('a hundred thousand definitions', () => {
  function definition(type: string): Definition {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    return {
      uri: `file:///ws/defs/${type}.integration.json`,
      builtin: false,
      type: { value: type, range },
      schema: [],
      endpoint: { kind: 'endpoint', keyRange: range, valueRange: range, params: [], sends: [], message: () => undefined },
    };
  }

  it('completion after `(send ` gives at most 1,000 items, marked incomplete, and narrows as the user types', async () => {
    const service = openDocumentsService();
    service.index.batch(() => {
      for (let i = 0; i < 100_000; i++) service.index.set(definition(`svc${i}`));
    });
    const doc = TextDocument.create('file:///ws/flow.cxflow', 'cxflow', 1, '(send ');
    service.documentChanged(doc);
    const all = await service.completion(doc.uri, { line: 0, character: 6 }, { snippets: true });
    assert.equal(all.items.length, maxCompletionItems);
    assert.equal(all.isIncomplete, true);
    service.documentChanged(TextDocument.create(doc.uri, 'cxflow', 2, '(send svc9999'));
    const narrowed = await service.completion(doc.uri, { line: 0, character: 13 }, { snippets: true });
    assert.equal(narrowed.items[0].label, 'svc9999');
    assert.ok(narrowed.items.every((i) => /9.*9.*9.*9/.test(i.label)));
    service.documentChanged(TextDocument.create(doc.uri, 'cxflow', 3, '(send twil'));
    // Still marked incomplete: a shorter word (a backspace) must ask again, not filter this list.
    const few = await service.completion(doc.uri, { line: 0, character: 10 }, { snippets: true });
    assert.deepEqual([few.isIncomplete, few.items.map((i) => i.label)], [true, ['twilio']]);
  });
});

describe('texts of millions of tiny forms, and outlines without end', () => {
  for (const [name, text] of [
    ['5,242,880 quotes', '"'.repeat(5_242_880)],
    ['2,600,000 empty maps', '{}'.repeat(2_600_000)],
    ['5,000,000 open parentheses', '('.repeat(5_000_000)],
    ['1,700,000 one-word lists', '(a)'.repeat(1_700_000)],
  ] as const) {
    it(`${name}: one diagnostic saying the file is not analysed, and every feature empty`, async () => {
      const doc = documentOf(text, 'flow');
      const service = openDocumentsService();
      service.documentChanged(doc);
      const diagnostics = await service.diagnostics(doc.uri);
      assert.deepEqual(compact(diagnostics), [['not-analysed', [0, 0, 0, 0]]]);
      assert.equal(messageText(diagnostics[0]), messages.tooManyForms(maxFlowForms));
      assert.deepEqual(service.symbols(doc.uri), []);
      assert.deepEqual((await service.completion(doc.uri, { line: 0, character: 2 }, { snippets: true })).items, []);
      assert.deepEqual([service.codeLenses(doc.uri), service.foldingRanges(doc.uri), service.formatOnType(doc.uri, { line: 0, character: 2 })], [[], [], []]);
      assert.deepEqual(service.format(doc.uri, { tabSize: 2, insertSpaces: true }), {
        edits: [],
        note: `The file was left as written: ${messages.tooManyForms(maxFlowForms).replace('File not analysed: ', '')}`,
      });
    });
  }

  it('the outline of 200,000 pattern maps stops at 5,000 symbols', () => {
    // Pattern maps are 4.1's: a file of nothing but empty maps says no dialect, and would be read as 4.2.
    const doc = documentOf(`; cxengage-dialect: 4.1\n${'{}'.repeat(200_000)}`, 'flow');
    const service = openDocumentsService();
    service.documentChanged(doc);
    const symbols = service.symbols(doc.uri);
    assert.equal(symbols.length, maxSymbols);
    assert.deepEqual(symbols[4999].range, { start: { line: 1, character: 9998 }, end: { line: 1, character: 10000 } });
  });

  it('the outline of a 5 MB definition stops at 5,000 symbols', () => {
    const file = generateDefinitionFile({ messages: 5000, fields: 10, bytes: 5_000_000, seed: 3 });
    const doc = documentOf(file.text, 'definition');
    const service = openDocumentsService();
    service.documentChanged(doc);
    let count = 0;
    const stack = [...service.symbols(doc.uri)];
    while (stack.length > 0) {
      const symbol = stack.pop();
      count++;
      for (const child of symbol?.children ?? []) stack.push(child);
    }
    assert.ok(count > 0 && count <= maxSymbols, `${count} symbols`);
  });
});

describe('what a client may send', () => {
  it('a position past the end is clamped: no edit or range leaves the document', async () => {
    const doc = documentOf('(send twilio sms {:to-phone-number "1"})\n(send ', 'flow');
    const service = openDocumentsService();
    service.documentChanged(doc);
    const list = await service.completion(doc.uri, { line: 999, character: 999 }, { snippets: true });
    assert.ok(list.items.length > 0);
    for (const item of list.items) {
      const edit = item.textEdit;
      assert.ok(edit !== undefined && 'range' in edit && wellPlaced(doc, edit.range), item.label);
    }
    assert.ok(list.items.some((i) => i.label === 'twilio'));
  });

  it('no completion item has an empty label (a message or a param named "")', async () => {
    const definition = documentOf('{"type": "q", "schema": [{"param": ""}], "endpoint": {"name": "q", "type": "q", "params": [], "sends": {"": {"": {"type": "optional"}}}}}', 'definition');
    const flow = documentOf('(send q "" {})', 'flow');
    const service = openDocumentsService();
    service.documentChanged(definition);
    service.documentChanged(flow);
    for (let c = 0; c <= 14; c++) {
      for (const item of (await service.completion(flow.uri, { line: 0, character: c }, { snippets: true })).items) assert.notEqual(item.label, '', `at ${c}`);
    }
    const inParams = definition.positionAt(definition.getText().indexOf('"params": [') + 11);
    for (const item of (await service.completion(definition.uri, inParams, { snippets: true })).items) assert.notEqual(item.label, '');
  });

  it('no message or range holds half of a surrogate pair', async () => {
    const texts = ['(send echo message {:message "\\😀"})', '(send echo message {:message "\\\ud83d"})', `(send echo ${'😀'.repeat(30)}x {})`, '{"a" 😀}'];
    for (const text of texts) {
      for (const kind of ['flow', 'pattern'] as const) {
        const doc = documentOf(kind === 'flow' ? text : `{"then": ${JSON.stringify(text)}, "x": "\ud83d`, kind);
        const diagnostics: Diagnostic[] = await diagnosticsOf(doc);
        for (const d of diagnostics) {
          assert.ok(!hasLoneSurrogate(messageText(d)), `${kind} ${JSON.stringify(messageText(d))}`);
          assert.ok(wellPlaced(doc, d.range), `${kind} ${JSON.stringify(d.range)}`);
        }
      }
    }
    const escaped = await diagnosticsOf(documentOf('(send echo message {:message "\\😀"})', 'flow'));
    assert.deepEqual(escaped.map(messageText), [messages.syntax(messages.invalidEscape('\\😀'))]);
  });

  it('a version number sent twice: the diagnostics are those of the latest text', async () => {
    const service = openDocumentsService();
    const uri = 'file:///ws/twice.cxflow';
    service.documentChanged(TextDocument.create(uri, 'cxflow', 2, '(send echo message {:message "hi"})'));
    assert.deepEqual(await service.diagnostics(uri), []);
    service.documentChanged(TextDocument.create(uri, 'cxflow', 2, '(send echo mesage {:message "hi"})'));
    assert.deepEqual((await service.diagnostics(uri)).map((d) => d.code), ['unknown-message']);
  });
});
