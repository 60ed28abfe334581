// The indentation of a line just begun by Enter, read from the code as it stands: the same rule
// the formatter applies, with the columns of the lines above as they are (not as formatted), and
// in half-typed code too, where brackets are still open.
import { bodyIndexOf } from '../analysis/bodyForms';
import { readFlow } from '../syntax/reader';
import { ContainerNode, FlowNode, inStringAt, isContainer, nodeAt, operatorOf } from '../syntax/tree';
import { lineColumn } from './indentRule';

function columnOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return offset - i;
}

/** Whether only layout stands between the start of its line and `offset`. */
function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c > 32 && c !== 44) return false;
  }
  return true;
}

/**
 * The column the line at `lineStart` should start at (its indentation runs to `indentEnd`), or
 * undefined when the line is inside a string. A line starting with a bracket is read as if
 * indented by one space: read from column 0, it would close every open form (the reader's
 * recovery for unbalanced code).
 */
export function newLineColumn(text: string, lineStart: number, indentEnd: number): number | undefined {
  const opensForm = /[([{#]/.test(text.charAt(indentEnd));
  const code = opensForm ? `${text.slice(0, lineStart)} ${text.slice(indentEnd)}` : text;
  const at = opensForm ? lineStart + 1 : indentEnd;
  const tree = readFlow(code);
  if (inStringAt(tree, at)) return undefined;
  const container = containerAt(nodeAt(tree, at), at);
  if (container === undefined) return 0;
  const children = container.children;
  let index = 0;
  while (index < children.length && children[index].start < at) index++;
  const operator = operatorOf(container);
  const body = bodyIndexOf(operator);
  const bodyHead = body === undefined ? undefined : children[body + 1];
  return lineColumn({
    kind: container.kind,
    openColumn: columnOf(code, container.start),
    operator,
    index,
    firstArgumentColumn: index > 1 ? columnOf(code, children[1].start) : undefined,
    bodyStartsLine: bodyHead === undefined || bodyHead.start >= at || startsLine(code, bodyHead.start),
  });
}

/** The container a line starting at `at` is in: `node` itself, or the parent of the form starting there. */
function containerAt(node: FlowNode | undefined, at: number): ContainerNode | undefined {
  if (node === undefined) return undefined;
  if (isContainer(node) && !(node.kind === 'tagged' && node.start === at)) return node;
  return node.parent;
}
