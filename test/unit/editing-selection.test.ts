// Expand Selection in flow code from many cursor places: next to a comment, between forms that
// touch, at either end of a form among many siblings, in map entries, reader macros and discards.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SelectionRange } from 'vscode-languageserver-types';
import { selectionRanges } from '../../server/src/service/formatting/documentStructure';
import { parsedDocument } from '../../server/src/service/formatting/parsedDocument';
import { withCursor } from '../support/documents';
import { modelOf } from '../support/service';

/** The texts Expand Selection selects in turn from the `|` cursor of a flow. */
function expansions(text: string): string[] {
  const { doc, position } = withCursor(text, 'flow');
  const [range] = selectionRanges(parsedDocument(modelOf(doc)), [position]);
  const texts: string[] = [];
  for (let r: SelectionRange | undefined = range; r !== undefined; r = r.parent) texts.push(doc.getText(r.range));
  return texts;
}

const cases: [string, string[]][] = [
  ["(f x|;c\n y)", ["x","(f x;c\n y)"]],
  ["(f x ;c|c\n y)", [";cc","(f x ;cc\n y)"]],
  ["(f x ;|cc\n y)", [";cc","(f x ;cc\n y)"]],
  ["(a)|(b)", ["(b)"]],
  ["(a) | (b)", [""]],
  ["|(a)", ["(a)"]],
  ["(a)|", ["(a)"]],
  ["(f (g)|(h))", ["(h)","(f (g)(h))"]],
  ["(f (g) |(h))", ["(h)","(f (g) (h))"]],
  ["{:a {:b c|}}", ["c",":b c","{:b c}",":a {:b c}","{:a {:b c}}"]],
  ["{:a| b}", [":a",":a b","{:a b}"]],
  ["{:a b :c| d}", [":c",":c d","{:a b :c d}"]],
  ["(f #_x| y)", ["(f #_x y)"]],
  ["(f #_(g|) y)", ["(f #_(g) y)"]],
  ["[a b c d e f g| h i j]", ["g","[a b c d e f g h i j]"]],
  ["[a b c d e f g h| i j]", ["h","[a b c d e f g h i j]"]],
  ["[a b c| d e f g h i j]", ["c","[a b c d e f g h i j]"]],
  ["(f ;c\n |)", ["(f ;c\n )"]],
  ["(f 'x|)", ["'x","(f 'x)"]],
  ["(f @x|)", ["@x","(f @x)"]],
  ["(f #inst \"x\"|)", ["\"x\"","#inst \"x\"","(f #inst \"x\")"]],
  ["(f \"s|\")", ["\"s\"","(f \"s\")"]],
  ["(f x y|)", ["y","(f x y)"]],
  ["[(a) (b) (c) (d) (e)|]", ["(e)","[(a) (b) (c) (d) (e)]"]],
  ["[(a)|(b) (c) (d) (e)]", ["(b)","[(a)(b) (c) (d) (e)]"]],
  ["[(a) (b) (c)|(d) (e)]", ["(d)","[(a) (b) (c)(d) (e)]"]],
];

describe('Expand Selection in flows', () => {
  it('selects the exact spans from each cursor place', () => {
    for (const [text, expected] of cases) assert.deepEqual(expansions(text), expected, text);
  });
});
