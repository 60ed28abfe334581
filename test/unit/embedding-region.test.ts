// Regions of flow code and their offset maps: a whole `.cxflow` file (its own line table for `\n`
// texts, the document's for `\r` and for edited versions, offsets clamped to the text) and the code
// of a pattern string (offsets through escapes both ways, clamped), and which strings of a pattern
// payload become regions, with their side and key.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FlowRegion, nodeRange, wholeDocumentRegion } from '../../server/src/service/flow/embedding/region';
import { patternObjects, readPatternFile } from '../../server/src/service/flow/embedding/patternFile';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import { compactRange, documentOf } from '../support/documents';

/** `region.position` of every offset from just before the code to just after it. */
function positions(region: FlowRegion, length: number): [number, number][] {
  const all: [number, number][] = [];
  for (let o = -2; o <= length + 2; o++) {
    const p = region.position(o);
    all.push([p.line, p.character]);
  }
  return all;
}

describe('flow regions: a whole file', () => {
  const texts = ['', '\n', 'abc', 'a\nbc\n\nd', '(a)\n  (b c)\n', '\n\n(x)', 'a\rb\r\nc\n', 'a\r\n\r\nb'];

  it('places every offset as the document does, clamped to the text, first version or edited', () => {
    for (const text of texts) {
      const doc = documentOf(text, 'flow');
      const clamped: [number, number][] = [];
      for (let o = -2; o <= text.length + 2; o++) {
        const p = doc.positionAt(Math.min(Math.max(o, 0), text.length));
        clamped.push([p.line, p.character]);
      }
      for (const edited of [false, true]) {
        const region = wholeDocumentRegion(doc, readFlow(text), edited);
        assert.deepEqual(positions(region, text.length), clamped, `${JSON.stringify(text)} edited ${edited}`);
      }
    }
  });

  it('maps offsets to themselves within the text and covers it all', () => {
    const text = '(a)\n(b)';
    const region = wholeDocumentRegion(documentOf(text, 'flow'), readFlow(text));
    assert.deepEqual(
      [-1, 0, 3, 7, 8].map((o) => [region.toDocumentOffset(o), region.toRegionOffset(o)]),
      [
        [0, 0],
        [0, 0],
        [3, 3],
        [7, 7],
        [7, 7],
      ],
    );
    assert.deepEqual([region.docStart, region.docEnd, region.embedded, region.side, region.payloadKey], [0, 7, false, undefined, undefined]);
    assert.deepEqual(compactRange(region.range(2, 6)), [0, 2, 1, 2]);
    assert.deepEqual(compactRange(nodeRange(region, region.tree.forms[1])), [1, 0, 1, 3]);
  });
});

describe('flow regions: the code of a pattern string', () => {
  it('maps code offsets to the document through escapes, clamped to the string', () => {
    const text = '{"code": "a\\tb"}';
    const [region] = readPatternFile(documentOf(text, 'pattern')).regions;
    assert.equal(region.tree.text, 'a\tb');
    assert.deepEqual([region.docStart, region.docEnd, region.embedded, region.side, region.payloadKey], [10, 14, true, undefined, 'code']);
    assert.deepEqual(
      [-1, 0, 1, 2, 3, 4].map((o) => region.toDocumentOffset(o)),
      [10, 10, 11, 13, 14, 14],
    );
    // Before the string: its start; inside `\t`: the tab; after it: the end.
    assert.deepEqual(
      Array.from({ length: text.length + 1 }, (_, d) => region.toRegionOffset(d)),
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 3, 3],
    );
    assert.deepEqual(compactRange(region.range(1, 2)), [0, 11, 0, 13]);
    assert.deepEqual(region.position(3), { line: 0, character: 14 });
  });

  it('a document offset maps to the last code character at or before it, over strings of every length', () => {
    for (let n = 0; n <= 9; n++) {
      const code = Array.from({ length: n }, (_, i) => (i % 3 === 1 ? '\\n' : i % 3 === 2 ? '\\u0041' : 'x')).join('');
      const text = `{"then": "${code}"}`;
      const [region] = readPatternFile(documentOf(text, 'pattern')).regions;
      const length = region.tree.text.length;
      assert.equal(length, n);
      for (let d = 0; d <= text.length; d++) {
        let expected = 0;
        for (let i = 0; i <= length; i++) if (region.toDocumentOffset(i) <= d) expected = i;
        assert.equal(region.toRegionOffset(d), expected, `${text} at ${d}`);
      }
    }
  });

  it('on a later line: positions are the document positions of the mapped offsets', () => {
    const text = '{\n  "when": "(a\\n b)"\n}';
    const doc = documentOf(text, 'pattern');
    const [region] = readPatternFile(doc).regions;
    assert.equal(region.tree.text, '(a\n b)');
    assert.deepEqual(positions(region, region.tree.text.length), [
      [1, 11],
      [1, 11],
      [1, 11],
      [1, 12],
      [1, 13],
      [1, 15],
      [1, 16],
      [1, 17],
      [1, 18],
      [1, 18],
      [1, 18],
    ]);
  });
});

describe('pattern files: which strings are code', () => {
  it('the code, when and then strings of the root object or of each object of a root array, each with its side', () => {
    const text = '[1, {"name": "p", "when": "(a)", "then": "(b)"}, "x", {"code": "(c)", "status": true}, {"then": 5, "code": null}]';
    const pattern = readPatternFile(documentOf(text, 'pattern'));
    assert.deepEqual(
      pattern.regions.map((r) => [r.tree.text, r.side, r.payloadKey, r.docStart]),
      [
        ['(a)', 'when', 'when', text.indexOf('(a)')],
        ['(b)', 'then', 'then', text.indexOf('(b)')],
        ['(c)', undefined, 'code', text.indexOf('(c)')],
      ],
    );
    assert.equal(patternObjects(pattern.json).length, 3);
    assert.deepEqual(pattern.problems, []);
  });

  it('a root that is neither an object nor an array holds no pattern; an object key that is no payload key holds no code', () => {
    for (const text of ['"(a)"', '5', 'null', '{"constructor": "(a)", "toString": "(b)"}']) {
      const pattern = readPatternFile(documentOf(text, 'pattern'));
      assert.deepEqual(pattern.regions, [], text);
    }
    assert.deepEqual(patternObjects(undefined), []);
  });

  it('a string broken over lines: read with its breaks blanked, one json-syntax error on its first break', () => {
    const text = '{"code": "(a\r\n b\n c)"}';
    const doc = documentOf(text, 'pattern');
    const pattern = readPatternFile(doc);
    assert.equal(pattern.parsed.getText(), '{"code": "(a   b  c)"}');
    assert.equal(pattern.parsed.uri, doc.uri);
    assert.deepEqual(
      pattern.problems.map((p) => [p.code, compactRange(p.range), (p.data as { brokenString: unknown }).brokenString]),
      [['json-syntax', [0, 12, 1, 0], { start: { line: 0, character: 9 }, end: { line: 2, character: 4 } }]],
    );
    assert.equal(pattern.regions[0].tree.text, '(a\r\n b\n c)');
    const clean = readPatternFile(documentOf('{"code": "(a)"}', 'pattern'));
    assert.equal(clean.parsed.getText(), '{"code": "(a)"}');
  });
});
