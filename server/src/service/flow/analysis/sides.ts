// Which side of a pattern a piece of code is on: `when` (event matching) or `then` (reaction).
// Decided by, in order: a pattern map's `:when`/`:then` key, the pattern file string it came
// from, the last `;; When`/`;; Then` comment before the top-level form, its operator.
import { sideOfOperator } from './operators';
import { FlowRegion, Side } from '../embedding/region';
import { FlowNode, FlowTree, keyName, operatorOf } from '../syntax/tree';

const markerPattern = /^;+\s*(when|then)\s*:?\s*$/i;

/** The side a `;; When` / `;; Then` comment line declares, if it is such a marker. */
export function markerSide(commentText: string): Side | undefined {
  const m = markerPattern.exec(commentText);
  return m ? (m[1].toLowerCase() as Side) : undefined;
}

/** The marker comments of a tree in source order, found once per tree and kept with it. */
function markersOf(tree: FlowTree): { start: number; side: Side }[] {
  if (tree.markers === undefined) {
    const markers: { start: number; side: Side }[] = [];
    for (const c of tree.comments) {
      const side = markerSide(c.text);
      if (side !== undefined) markers.push({ start: c.start, side });
    }
    tree.markers = markers;
  }
  return tree.markers;
}

/** The side declared by the last marker comment before `offset`, if any. */
export function markerSideBefore(tree: FlowTree, offset: number): Side | undefined {
  const markers = markersOf(tree);
  let lo = 0;
  let hi = markers.length - 1;
  let found: Side | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid].start < offset) {
      found = markers[mid].side;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * In a `.cxflow` file, a map at the top level or directly in a top-level vector is a pattern
 * map `{:name .. :when .. :then ..}`; a pattern file's strings hold code only.
 */
export function isPatternMap(region: FlowRegion, node: FlowNode): boolean {
  if (node.kind !== 'map' || region.side !== undefined) return false;
  const parent = node.parent;
  return parent === undefined || (parent.kind === 'vector' && parent.parent === undefined);
}

/** The side of a top-level form outside any pattern map. */
export function topLevelSide(region: FlowRegion, form: FlowNode): Side | undefined {
  if (region.side !== undefined) return region.side;
  const marked = markerSideBefore(region.tree, form.start);
  if (marked !== undefined) return marked;
  const op = operatorOf(form);
  return op === undefined ? undefined : sideOfOperator(op);
}

/**
 * The side `node` is on, or undefined where it can't be told (a top-level form with an
 * unknown operator and no marker, or the non-code values of a pattern map such as `:name`).
 */
export function sideOf(region: FlowRegion, node: FlowNode): Side | undefined {
  let child: FlowNode = node;
  for (let p = node.parent; p !== undefined; child = p, p = p.parent) {
    if (p.kind === 'map' && isPatternMap(region, p)) {
      const entry = p.entries.find((e) => e.value === child || e.key === child);
      if (entry?.value !== child) return undefined;
      const key = keyName(entry.key);
      return key === 'when' || key === 'then' ? key : undefined;
    }
  }
  // `child` is now the top-level form; the forms of a top-level vector stand as top-level forms.
  if (region.side !== undefined) return region.side;
  let form: FlowNode = child;
  if (form.kind === 'vector' && node !== form) {
    let n: FlowNode = node;
    while (n.parent !== form && n.parent !== undefined) n = n.parent;
    form = n;
  }
  if (form.kind !== 'list') return undefined;
  return topLevelSide(region, form);
}
