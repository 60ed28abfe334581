// Flow source as the formatter walks it: every bracket, atom, comment and `#_` of a tree in source
// order, dropped forms included, so that whatever lies between two tokens is layout only. Kept in
// typed arrays: a 1 MB flow has some 300,000 tokens, too many to make an object of each.
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

/** Tokens by index: kind, range and (for Open, Close and Atom) the node. */
export class TokenList {
  length = 0;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  nodes: (FlowNode | undefined)[];

  constructor(capacity = 256) {
    this.nodes = new Array<FlowNode | undefined>(capacity);
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  push(kind: TokenKind, start: number, end: number, node: FlowNode | undefined): void {
    if (this.length === this.kinds.length) this.grow(this.length * 2 + 16);
    const i = this.length++;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.nodes[i] = node;
  }

  /** Whether token `i` is the zero-width close of a tagged literal or an unclosed form. */
  zeroWidthClose(i: number): boolean {
    return this.kinds[i] === TokenKind.Close && this.starts[i] === this.ends[i];
  }

  /** Appends token `i` of `from`. */
  copy(from: TokenList, i: number): void {
    this.push(from.kinds[i], from.starts[i], from.ends[i], from.nodes[i]);
  }

  private grow(size: number): void {
    const kinds = new Uint8Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    kinds.set(this.kinds);
    starts.set(this.starts);
    ends.set(this.ends);
    this.kinds = kinds;
    this.starts = starts;
    this.ends = ends;
    this.nodes.length = size;
  }
}

function openEnd(node: ContainerNode): number {
  if (node.kind === 'set') return node.start + 2;
  if (node.kind === 'tagged') return node.start + 1 + node.tag.length;
  return node.start + 1;
}

type Emit = (kind: TokenKind, start: number, end: number, node: FlowNode | undefined) => void;

/** Emits the tokens of a form and everything in it, without recursion. */
function pushTokensOf(root: FlowNode, out: TokenList | { push: Emit }): void {
  if (!isContainer(root)) {
    out.push(TokenKind.Atom, root.start, root.end, root);
    return;
  }
  const open: ContainerNode[] = [root];
  const next: number[] = [0];
  out.push(TokenKind.Open, root.start, openEnd(root), root);
  while (open.length > 0) {
    const top = open.length - 1;
    const container = open[top];
    const i = next[top];
    if (i < container.children.length) {
      next[top] = i + 1;
      const child = container.children[i];
      if (isContainer(child)) {
        out.push(TokenKind.Open, child.start, openEnd(child), child);
        open.push(child);
        next.push(0);
      } else out.push(TokenKind.Atom, child.start, child.end, child);
      continue;
    }
    open.pop();
    next.pop();
    const bracketed = container.closed && container.kind !== 'tagged';
    out.push(TokenKind.Close, bracketed ? container.end - 1 : container.end, container.end, container);
  }
}

/**
 * Every token of the tree in source order: the forms' tokens with the few others (comments, `#_`
 * and dropped forms) merged in as they are made, so that the many are written once.
 */
export function tokensOf(tree: FlowTree): TokenList {
  const others = mergeByStart(droppedTokens(tree), commentTokens(tree));
  // About one token per four characters of code; the list grows if there are more.
  const out = new TokenList(Math.max(256, tree.text.length >> 2));
  let next = 0;
  // On a tie (a zero-width close from a dropped form where a form's token starts) the close first.
  const push: Emit = (kind, start, end, node) => {
    while (next < others.length && (others.starts[next] < start || (others.starts[next] === start && others.zeroWidthClose(next)))) out.copy(others, next++);
    out.push(kind, start, end, node);
  };
  for (const form of tree.forms) pushTokensOf(form, { push });
  while (next < others.length) out.copy(others, next++);
  return out;
}

function droppedTokens(tree: FlowTree): TokenList {
  const dropped = new TokenList();
  for (const discard of tree.discards) {
    dropped.push(TokenKind.Discard, discard.start, discard.start + 2, undefined);
    if (discard.form !== undefined) pushTokensOf(discard.form, dropped);
  }
  if (dropped.length === 0) return dropped;
  // A discard inside a dropped form interleaves with it; discards are few, so sorting them is cheap.
  const order = Array.from({ length: dropped.length }, (_, i) => i).sort((a, b) => dropped.starts[a] - dropped.starts[b]);
  const sorted = new TokenList(dropped.length);
  for (const i of order) sorted.copy(dropped, i);
  return sorted;
}

function commentTokens(tree: FlowTree): TokenList {
  const comments = new TokenList(tree.comments.length);
  for (const c of tree.comments) comments.push(TokenKind.Comment, c.start, c.end, undefined);
  return comments;
}

/**
 * Two token lists in source order as one. Tokens start at the same offset only when one is a
 * zero-width close (a tagged literal ends where its form does): the close comes first.
 */
function mergeByStart(a: TokenList, b: TokenList): TokenList {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new TokenList(a.length + b.length);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.starts[i];
    const y = b.starts[j];
    if (x < y || (x === y && !b.zeroWidthClose(j))) out.copy(a, i++);
    else out.copy(b, j++);
  }
  while (i < a.length) out.copy(a, i++);
  while (j < b.length) out.copy(b, j++);
  return out;
}
