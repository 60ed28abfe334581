// A stretch of flow code inside a document: the whole of a `.cxflow` file, or the unescaped
// value of one `code`/`when`/`then` string of a pattern file, with the offset map between the two.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, Range } from 'vscode-languageserver-types';
import { FlowNode, FlowTree } from '../syntax/tree';
import type { Dialect, DialectSetting } from '../analysis/dialect';

export type Side = 'when' | 'then';

/** The key of a pattern payload whose string holds the code: `code` (4.2), `when`/`then` (4.1). */
export type PayloadKey = 'code' | 'when' | 'then';

export interface FlowRegion {
  /** The side a pattern string declares (`"when"` / `"then"`); undefined for a `.cxflow` file or a 4.2 `code` string, which mix both. */
  side: Side | undefined;
  /** For code in a pattern payload, the key it is under (it tells the dialect; see analysis/dialect.ts). */
  payloadKey: PayloadKey | undefined;
  /** The dialect decided for the region under a setting, filled when first asked for (see analysis/dialect.ts). */
  decided?: { setting: DialectSetting; dialect: Dialect };
  tree: FlowTree;
  /** Document offsets of the code: for a pattern string, just inside its quotes. */
  docStart: number;
  docEnd: number;
  /** True for code inside a JSON string: text inserted there must be JSON-escaped. */
  embedded: boolean;
  /** Document offset of a code offset (clamped to the region). */
  toDocumentOffset(offset: number): number;
  /** Code offset of a document offset (clamped); an offset inside an escape maps to the escaped character. */
  toRegionOffset(docOffset: number): number;
  /** Document range of a code range. */
  range(start: number, end: number): Range;
  position(offset: number): Position;
}

/** Document range of a node of a region's tree. */
export function nodeRange(region: FlowRegion, node: Pick<FlowNode, 'start' | 'end'>): Range {
  return region.range(node.start, node.end);
}

/**
 * Line starts of a text with `\n` line ends only, found with `indexOf` (several times faster than
 * the document's own char-by-char scan, which a freshly opened document would do for the first
 * position). Counted first, then filled into a typed array: a megabyte's tens of thousands of lines
 * cost no growing array and leave the garbage collector one flat block. Undefined when the text
 * holds a `\r`: the document then places positions itself.
 */
function lineStartsOf(text: string): Uint32Array | undefined {
  if (text.indexOf('\r') >= 0) return undefined;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  const starts = new Uint32Array(lines);
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
  return starts;
}

function positionIn(starts: Uint32Array, offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/**
 * The whole document is the code: offsets are the same on both sides. `edited`: the document is a
 * later version of an open one, whose line table the editor's edits keep up to date, so positions
 * come from it; the first version would build that table char by char, so the region finds line
 * starts itself.
 */
export function wholeDocumentRegion(doc: TextDocument, tree: FlowTree, edited = false): FlowRegion {
  const length = tree.text.length;
  const clamp = (o: number) => (o < 0 ? 0 : o > length ? length : o);
  // null until the first position is asked for; many checks of a clean file never ask.
  let starts: Uint32Array | undefined | null = edited ? undefined : null;
  const position = (offset: number): Position => {
    if (starts === null) starts = lineStartsOf(tree.text);
    return starts === undefined ? doc.positionAt(clamp(offset)) : positionIn(starts, clamp(offset));
  };
  return {
    side: undefined,
    payloadKey: undefined,
    tree,
    docStart: 0,
    docEnd: length,
    embedded: false,
    toDocumentOffset: clamp,
    toRegionOffset: clamp,
    range: (start, end) => ({ start: position(start), end: position(end) }),
    position,
  };
}

/**
 * Code unescaped from a JSON string. `offsets[i]` is the document offset of code character `i`,
 * and `offsets[code.length]` the offset just after the last one (the closing quote), so a code
 * range `[s, e)` covers the document range `[offsets[s], offsets[e])` with its escapes whole.
 */
export function embeddedRegion(doc: TextDocument, tree: FlowTree, offsets: Uint32Array, side: Side | undefined, payloadKey: PayloadKey): FlowRegion {
  const length = tree.text.length;
  const toDocumentOffset = (o: number) => offsets[o < 0 ? 0 : o > length ? length : o];
  const toRegionOffset = (docOffset: number): number => {
    // Last code offset whose document offset is at or before docOffset.
    let lo = 0;
    let hi = length;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid] <= docOffset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  return {
    side,
    payloadKey,
    tree,
    docStart: offsets[0],
    docEnd: offsets[length],
    embedded: true,
    toDocumentOffset,
    toRegionOffset,
    range: (start, end) => ({ start: doc.positionAt(toDocumentOffset(start)), end: doc.positionAt(toDocumentOffset(end)) }),
    position: (offset) => doc.positionAt(toDocumentOffset(offset)),
  };
}
