// The event fields a 4.2 region names (the keys of criteria maps only, once each, in source order,
// worked out once per tree) and the highlights of a 4.2 variable: its binding and the names `set`
// sets written, every other use read.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { eventFieldsOf } from '../../server/src/service/flow/editing/eventFields';
import { flowHighlights } from '../../server/src/service/flow/editing/features';
import { builtinContext } from '../support/flowContext';
import { compactRange, documentOf, withCursor } from '../support/documents';
import { readFlow } from '../support/service';

describe('event fields of a 4.2 region', () => {
  it('are the keys of the criteria maps, once each in source order, worked out once', () => {
    const text = '(count 2 (event {:a 1 :b 2}))\n(str {:d 1})\n(event x)\n(event {:a 2 "c" 3 1 4})\n[(event {:e 1})]\n(all (event {:f 1}) {:g 1})';
    const region = readFlow(documentOf(text, 'flow')).regions[0];
    const fields = eventFieldsOf(region);
    assert.deepEqual(fields, ['a', 'b', 'c', 'e', 'f']);
    assert.equal(eventFieldsOf(region), fields);
  });
});

describe('highlights of a 4.2 variable', () => {
  const ctx = builtinContext('4.2');
  const highlights = (text: string) => {
    const { doc, position } = withCursor(text, 'flow');
    return flowHighlights(readFlow(doc), position, ctx).map((h) => [...compactRange(h.range), h.kind]);
  };

  it('marks the binding and the names set as written, the other uses as read', () => {
    const { Write, Read } = DocumentHighlightKind;
    assert.deepEqual(highlights('(def a 1)\n(set a 2)\n(str a|)\n(set b a)\n[a]\n(foo a)\n(let [c a] c)'), [
      [0, 5, 0, 6, Write],
      [1, 5, 1, 6, Write],
      [2, 5, 2, 6, Read],
      [3, 7, 3, 8, Read],
      [4, 1, 4, 2, Read],
      [5, 5, 5, 6, Read],
      [6, 8, 6, 9, Read],
    ]);
    assert.deepEqual(highlights('(def a 1)\n(set| a 2)'), []);
    assert.deepEqual(highlights('(def a 1)\n(str "a"|)'), []);
  });
});
