// Which side of a 4.1 pattern a piece of code is on: `when` (event matching) or `then` (reaction).
// Decided by, in order: a pattern map's `:when`/`:then` key, the pattern file string it came
// from, the last `;; When`/`;; Then` comment before the top-level form, its operator.
import { grammar41 } from './grammar/grammar';
import { interactionOfMap } from './interactions';
import { FlowRegion, Side } from '../embedding/region';
import { FlowNode, FlowTree, keyName, MapNode, operatorOf } from '../syntax/tree';

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

/** The first marker comment of a tree, if any. */
export function firstMarker(tree: FlowTree): { start: number; side: Side } | undefined {
  return markersOf(tree)[0];
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

/** The `:when` (else `:then`) keyword key of a map, if it has one. */
export function patternMapKey(map: MapNode): FlowNode | undefined {
  let then: FlowNode | undefined;
  for (const { key } of map.entries) {
    if (key.kind !== 'keyword') continue;
    if (key.name === 'when') return key;
    if (key.name === 'then' && then === undefined) then = key;
  }
  return then;
}

/**
 * In a `.cxflow` file, a pattern map `{:name .. :when .. :then ..}`: a map at the top level or
 * directly in a top-level vector, or a map with a `:when` or `:then` key wherever it stands (a
 * platform configuration's `:patterns` vector holds them), unless it is an interaction's params
 * (the timer's `create` takes `then` code). A pattern file's strings hold code only.
 */
export function isPatternMap(region: FlowRegion, node: FlowNode): boolean {
  if (node.kind !== 'map' || region.side !== undefined) return false;
  const parent = node.parent;
  if (parent === undefined || (parent.kind === 'vector' && parent.parent === undefined)) return true;
  return patternMapKey(node) !== undefined && interactionOfMap(node) === undefined;
}

/** The side of a top-level form outside any pattern map. */
export function topLevelSide(region: FlowRegion, form: FlowNode): Side | undefined {
  if (region.side !== undefined) return region.side;
  const marked = markerSideBefore(region.tree, form.start);
  if (marked !== undefined) return marked;
  const op = operatorOf(form);
  return op === undefined ? undefined : grammar41.sideOfOperator(op);
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
