// Flow source as the formatter walks it: every bracket, atom, comment and `#_` of a tree in source
// order, dropped forms included, so that whatever lies between two tokens is layout only.
import { ContainerNode, FlowNode, FlowTree, isContainer } from '../syntax/tree';

export const enum TokenKind {
  /** An opening bracket (`(`, `[`, `{`, `#{`) or the tag of a tagged literal. */
  Open,
  /** A closing bracket; zero-width at the end of a tagged literal or of an unclosed form. */
  Close,
  Atom,
  Comment,
  /** The `#_` of a discard (the dropped form follows as tokens of its own). */
  Discard,
}

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** The node an Open, Close or Atom token belongs to. */
  node: FlowNode | undefined;
}

function openEnd(node: ContainerNode): number {
  if (node.kind === 'set') return node.start + 2;
  if (node.kind === 'tagged') return node.start + 1 + node.tag.length;
  return node.start + 1;
}

/** Appends the tokens of a form and everything in it, without recursion. */
function pushTokensOf(root: FlowNode, out: Token[]): void {
  if (!isContainer(root)) {
    out.push({ kind: TokenKind.Atom, start: root.start, end: root.end, node: root });
    return;
  }
  const open: ContainerNode[] = [root];
  const next: number[] = [0];
  out.push({ kind: TokenKind.Open, start: root.start, end: openEnd(root), node: root });
  while (open.length > 0) {
    const top = open.length - 1;
    const container = open[top];
    const i = next[top];
    if (i < container.children.length) {
      next[top] = i + 1;
      const child = container.children[i];
      if (isContainer(child)) {
        out.push({ kind: TokenKind.Open, start: child.start, end: openEnd(child), node: child });
        open.push(child);
        next.push(0);
      } else out.push({ kind: TokenKind.Atom, start: child.start, end: child.end, node: child });
      continue;
    }
    open.pop();
    next.pop();
    const bracketed = container.closed && container.kind !== 'tagged';
    out.push({ kind: TokenKind.Close, start: bracketed ? container.end - 1 : container.end, end: container.end, node: container });
  }
}

/** Every token of the tree in source order. */
export function tokensOf(tree: FlowTree): Token[] {
  const forms: Token[] = [];
  for (const form of tree.forms) pushTokensOf(form, forms);
  const dropped: Token[] = [];
  for (const discard of tree.discards) {
    dropped.push({ kind: TokenKind.Discard, start: discard.start, end: discard.start + 2, node: undefined });
    if (discard.form !== undefined) pushTokensOf(discard.form, dropped);
  }
  // A discard inside a dropped form interleaves with it; discards are few, so sorting them is cheap.
  if (tree.discards.length > 1) dropped.sort((a, b) => a.start - b.start);
  const comments: Token[] = tree.comments.map((c) => ({ kind: TokenKind.Comment, start: c.start, end: c.end, node: undefined }));
  return mergeByStart(mergeByStart(forms, dropped), comments);
}

/**
 * Two token lists in source order as one. Tokens start at the same offset only when one is a
 * zero-width close (a tagged literal ends where its form does): the close comes first.
 */
function mergeByStart(a: Token[], b: Token[]): Token[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Token[] = new Array<Token>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    out[k++] = x.start < y.start || (x.start === y.start && !(y.kind === TokenKind.Close && y.start === y.end)) ? a[i++] : b[j++];
  }
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
