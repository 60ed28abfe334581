// Folding and Expand Selection for every file kind: flow structure in `.cxflow` files and in the
// code of payload strings, the JSON service's for definitions and payloads.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRange, Position, Range, SelectionRange } from 'vscode-languageserver-types';
import { FlowRegion } from '../flow';
import { flowFoldingRanges } from '../flow/editing/folding';
import { selectionSpans } from '../flow/editing/selection';
import { jsonService } from '../jsonService';
import { ParsedDocument } from './parsedDocument';

export function foldingRanges(parsed: ParsedDocument, rangeLimit?: number): FoldingRange[] {
  const doc = parsed.document;
  const context = rangeLimit === undefined ? undefined : { rangeLimit };
  switch (parsed.kind) {
    case 'definition':
    case 'pattern':
    case 'template':
      // The JSON service folds with a scanner and a stack of its own: safe at any depth.
      return jsonService()
        .getFoldingRanges(doc, context)
        .sort((a, b) => a.startLine - b.startLine);
    case 'flow': {
      const lines = { count: doc.lineCount, lineOf: (offset: number) => doc.positionAt(offset).line, startOf: (line: number) => doc.offsetAt({ line, character: 0 }) };
      const ranges = flowFoldingRanges(parsed.regions[0].tree, lines);
      return rangeLimit === undefined ? ranges : ranges.slice(0, rangeLimit);
    }
    default:
      return [];
  }
}

export function selectionRanges(parsed: ParsedDocument, positions: Position[]): SelectionRange[] {
  const doc = parsed.document;
  const json = parsed.json();
  return positions.map((position) => {
    const jsonChain = json === undefined ? [] : chainOf(jsonService().getSelectionRanges(doc, [position], json)[0]);
    const flowChain = flowRanges(doc, parsed.regions, position);
    const chain = [...flowChain, ...jsonChain.filter((r) => flowChain.length === 0 || strictlyHolds(doc, r, flowChain[flowChain.length - 1]))];
    return linked(chain.length > 0 ? chain : [{ start: position, end: position }]);
  });
}

/** The flow spans around a position in flow code, as document ranges, innermost first. */
function flowRanges(doc: TextDocument, regions: readonly FlowRegion[], position: Position): Range[] {
  const offset = doc.offsetAt(position);
  const region = regions.find((r) => offset >= r.docStart && offset <= r.docEnd);
  if (region === undefined) return [];
  return selectionSpans(region.tree, region.toRegionOffset(offset)).map((s) => region.range(s.start, s.end));
}

/** A linked selection range as a list, innermost first. */
function chainOf(range: SelectionRange | undefined): Range[] {
  const chain: Range[] = [];
  for (let r = range; r !== undefined; r = r.parent) chain.push(r.range);
  return chain;
}

function strictlyHolds(doc: TextDocument, outer: Range, inner: Range): boolean {
  const [os, oe, is, ie] = [outer.start, outer.end, inner.start, inner.end].map((p) => doc.offsetAt(p));
  return os <= is && oe >= ie && (os < is || oe > ie);
}

function linked(chain: Range[]): SelectionRange {
  let current: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) current = { range: chain[i], ...(current === undefined ? {} : { parent: current }) };
  return current as SelectionRange;
}
