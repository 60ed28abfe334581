// Expand Selection in flow code: from the word (or comment) under the cursor to the form holding
// it, each enclosing form in turn (a map entry, key and value, as one step) and the top-level form.
import { commentAt, FlowNode, FlowTree, isContainer, mapEntryOf, nodeAt } from '../syntax/tree';

export interface CodeSpan {
  start: number;
  end: number;
}

/**
 * A deeper chain would not be expanded by hand, and an answer nested this deep is all a client's
 * JSON reader should have to take: past it, steps in the middle are left out.
 */
const maxSteps = 200;

/** The spans from innermost to outermost around `offset`; empty between top-level forms. */
export function selectionSpans(tree: FlowTree, offset: number): CodeSpan[] {
  const spans: CodeSpan[] = [];
  const push = (start: number, end: number) => {
    const last = spans[spans.length - 1];
    if (last === undefined || (start <= last.start && end >= last.end && (start < last.start || end > last.end))) spans.push({ start, end });
  };
  const comment = commentAt(tree, offset);
  if (comment !== undefined && offset > comment.start) push(comment.start, comment.end);
  let node = formAt(tree, offset);
  for (; node !== undefined; node = node.parent) {
    push(node.start, node.end);
    const entry = mapEntryOf(node)?.entry;
    if (entry?.value !== undefined) push(entry.key.start, entry.value.end);
  }
  if (spans.length <= maxSteps) return spans;
  return [...spans.slice(0, maxSteps - 1), spans[spans.length - 1]];
}

/**
 * The innermost form at `offset`: the word there, or else a form starting or ending right at it
 * (a cursor just before `(` or just after `)` is on that form), or else the form whose inside
 * holds it.
 */
function formAt(tree: FlowTree, offset: number): FlowNode | undefined {
  const node = nodeAt(tree, offset);
  if (node !== undefined && !isContainer(node)) return node;
  const siblings = node === undefined ? tree.forms : node.children;
  for (const child of adjacent(siblings, offset)) return child;
  return node;
}

/** The forms among `siblings` (in source order) that start or end at `offset`. */
function adjacent(siblings: readonly FlowNode[], offset: number): FlowNode[] {
  let lo = 0;
  let hi = siblings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (siblings[mid].end < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  const found: FlowNode[] = [];
  for (let i = lo; i < siblings.length && siblings[i].start <= offset; i++) {
    if (siblings[i].start === offset) found.unshift(siblings[i]);
    else if (siblings[i].end === offset) found.push(siblings[i]);
  }
  return found;
}
