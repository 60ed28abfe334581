// The flow reader: source text to a syntax tree with exact ranges, reporting every reader error
// at its place and reading on. One pass over char codes with an explicit stack of open
// containers, so that no input depth can overflow the call stack.
import { messages } from '../../codes';
import { Ch, classifyWord, isDelimiter, readString } from './atoms';
import { NameTable } from './names';
import {
  ContainerNode,
  FlowComment,
  FlowNode,
  FlowTree,
  ListNode,
  MapEntry,
  MapNode,
  ReaderError,
  VectorNode,
} from './tree';

const closerOf: Record<ContainerNode['kind'], string> = { list: ')', vector: ']', map: '}' };
const openerOf: Record<ContainerNode['kind'], string> = { list: '(', vector: '[', map: '{' };

function kindClosedBy(c: number): ContainerNode['kind'] | undefined {
  if (c === Ch.CloseParen) return 'list';
  if (c === Ch.CloseBracket) return 'vector';
  if (c === Ch.CloseBrace) return 'map';
  return undefined;
}

/** Placeholders until a form closes; every open form is closed (or abandoned) before reading ends. */
const noChildren: FlowNode[] = [];
const noEntries: MapEntry[] = [];

interface ReadOptions {
  /**
   * Recovery for unbalanced input: an opening bracket at the start of a line closes every open
   * form, on the convention that top-level forms start in column 0. Used only on a second read
   * of input that ended with open forms, so balanced code is never read this way.
   */
  closeAtLineStart: boolean;
  /** Where reading begins: 0, or a top-level boundary when re-reading part of a text. */
  from: number;
  /** Ascending offsets at which a top-level form ends the read unread (see `readStretch`). */
  stopAt: readonly number[];
}

interface ReadResult {
  tree: FlowTree;
  /** Whether the input ended with unclosed forms while an opener stood at a line start inside one. */
  recoverable: boolean;
  /** Whether reading stopped with every form closed (before the final abandon of open forms). */
  balanced: boolean;
  /** Openers at the start of a line inside an open form: with unclosed forms, they call for recovery. */
  nestedOpeners: number[];
  /** Where reading stopped: the text's length, or the `stopAt` offset reached. */
  end: number;
}

/** A tree with what a later edit needs to re-read only part of its text (see incremental.ts). */
export interface FlowRead {
  tree: FlowTree;
  /** True when the tree comes from the second, recovering read of unbalanced input. */
  recovered: boolean;
  /** Whether the text closed every form it opened. */
  balanced: boolean;
  /** Offsets of the openers at the start of a line inside an open form (usually none). */
  nestedOpeners: number[];
}

/** Reads flow source into a tree. Never throws; reader errors are in `tree.errors`. */
export function readFlow(text: string): FlowTree {
  return readFlowWithBalance(text).tree;
}

/** `readFlow`, with what a later edit needs to re-read only part of the text. */
export function readFlowWithBalance(text: string): FlowRead {
  const first = read(text, { closeAtLineStart: false, from: 0, stopAt: [] });
  if (!first.recoverable) return { tree: first.tree, recovered: false, balanced: first.balanced, nestedOpeners: first.nestedOpeners };
  const second = read(text, { closeAtLineStart: true, from: 0, stopAt: [] });
  return { tree: second.tree, recovered: true, balanced: false, nestedOpeners: first.nestedOpeners };
}

/**
 * Reads `text` from `from`, a top-level boundary, up to the first top-level form that starts at one
 * of the `stopAt` offsets (or to the end). The result holds only what was read; `end` is where it
 * stopped. `recovering`: read as the recovery read does (an opener at a line start closes every
 * open form); whether a text calls for that depends on the whole of it (see incremental.ts).
 */
export function readStretch(
  text: string,
  from: number,
  stopAt: readonly number[],
  recovering = false,
): { tree: FlowTree; balanced: boolean; nestedOpeners: number[]; end: number } {
  const result = read(text, { closeAtLineStart: recovering, from, stopAt });
  return { tree: result.tree, balanced: result.balanced, nestedOpeners: result.nestedOpeners, end: result.end };
}

function read(text: string, options: ReadOptions): ReadResult {
  const forms: FlowNode[] = [];
  const comments: FlowComment[] = [];
  const errors: ReaderError[] = [];
  const stack: ContainerNode[] = [];
  // Children of the open forms wait on one shared stack; `bases[d]` is where those of `stack[d]`
  // begin. A form's children array is cut to size once, when it closes, instead of growing.
  const pending: FlowNode[] = [];
  const bases: number[] = [];
  const length = text.length;
  const names = new NameTable();
  const nestedOpeners: number[] = [];

  const add = (node: FlowNode): void => {
    if (stack.length > 0) pending.push(node);
    else forms.push(node);
  };

  /** Pops the innermost open form and gives it its children, end and closed flag. */
  const closeTop = (end: number, closed: boolean): ContainerNode => {
    const node = stack.pop() as ContainerNode;
    const base = bases.pop() as number;
    node.children = pending.splice(base);
    node.end = end;
    node.closed = closed;
    if (node.kind === 'map') pairEntries(node, text, errors);
    return node;
  };

  /**
   * Closes the open forms above stack index `depth` as unclosed, ending where the reader gave up
   * on them, so that a cursor after a half-typed `(send twilio |` is still inside the list.
   */
  const abandonAbove = (depth: number, end: number, reportEach: boolean): void => {
    while (stack.length > depth) {
      const node = closeTop(end, false);
      if (reportEach) {
        errors.push({
          message: messages.unclosedBracket(openerOf[node.kind], closerOf[node.kind]),
          start: node.start,
          end: node.start + 1,
        });
      }
    }
  };

  const stopAt = options.stopAt;
  let nextStop = 0;
  /** Whether a top-level form starting at `at` is kept from before (re-reading part of a text). */
  const stopsAt = (at: number): boolean => {
    while (nextStop < stopAt.length && stopAt[nextStop] < at) nextStop++;
    return nextStop < stopAt.length && stopAt[nextStop] === at;
  };
  let i = options.from;
  while (i < length) {
    const c = text.charCodeAt(i);

    if (c <= Ch.Space || c === Ch.Comma) {
      // Indentation comes in runs: skip a run here rather than once round the whole loop per space.
      i++;
      while (i < length && text.charCodeAt(i) <= Ch.Space) i++;
      continue;
    }

    // Re-reading part of a text: a top-level form starting at a `stopAt` offset is kept from before.
    if (stack.length === 0 && nextStop < stopAt.length && stopsAt(i)) break;

    if (c === Ch.Semicolon) {
      const start = i;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (d === Ch.LineFeed || d === Ch.CarriageReturn) break;
        i++;
      }
      comments.push({ start, end: i, text: text.slice(start, i) });
      continue;
    }

    if (c === Ch.OpenParen || c === Ch.OpenBracket || c === Ch.OpenBrace) {
      const atLineStart = i === 0 || text.charCodeAt(i - 1) === Ch.LineFeed || text.charCodeAt(i - 1) === Ch.CarriageReturn;
      if (atLineStart && stack.length > 0) {
        if (options.closeAtLineStart) {
          abandonAbove(0, i, true);
          // Nothing is open now, as at any top-level boundary: a form kept from before may start here.
          if (stopsAt(i)) break;
        } else nestedOpeners.push(i);
      }
      // A node's parent is the innermost open form when it is made: set in the object literal,
      // not by a second pass over the children when the form closes.
      const parent = stack.length > 0 ? stack[stack.length - 1] : undefined;
      let node: ContainerNode;
      if (c === Ch.OpenParen) {
        node = { kind: 'list', start: i, end: i + 1, parent, children: noChildren, closed: false } satisfies ListNode;
      } else if (c === Ch.OpenBracket) {
        node = { kind: 'vector', start: i, end: i + 1, parent, children: noChildren, closed: false } satisfies VectorNode;
      } else {
        node = { kind: 'map', start: i, end: i + 1, parent, children: noChildren, closed: false, entries: noEntries } satisfies MapNode;
      }
      add(node);
      stack.push(node);
      bases.push(pending.length);
      i++;
      continue;
    }

    const closing = kindClosedBy(c);
    if (closing !== undefined) {
      const top = stack[stack.length - 1];
      if (top?.kind === closing) {
        closeTop(i + 1, true);
      } else {
        let match = -1;
        for (let d = stack.length - 2; d >= 0; d--) {
          if (stack[d].kind === closing) {
            match = d;
            break;
          }
        }
        const ch = text[i];
        if (top === undefined || match < 0) {
          errors.push({ message: messages.strayCloser(ch), start: i, end: i + 1 });
        } else {
          // The innermost open form was probably left unclosed: close the forms above the match
          // with this one error, and let the closer close the form it matches.
          errors.push({
            message: messages.mismatchedCloser(ch, openerOf[top.kind], closerOf[top.kind]),
            start: i,
            end: i + 1,
          });
          abandonAbove(match + 1, i, false);
          closeTop(i + 1, true);
        }
      }
      i++;
      continue;
    }

    if (c === Ch.Quote) {
      i = readString(text, i, stack.length > 0 ? stack[stack.length - 1] : undefined, add, errors);
      continue;
    }

    // A word: keyword, number, boolean, nil, *event*, $response, +template or symbol.
    const start = i;
    i++;
    while (i < length && !isDelimiter(text.charCodeAt(i))) i++;
    add(classifyWord(text, start, i, stack.length > 0 ? stack[stack.length - 1] : undefined, names, errors));
  }

  const balanced = stack.length === 0;
  const recoverable = !balanced && nestedOpeners.length > 0 && !options.closeAtLineStart;
  abandonAbove(0, length, true);
  errors.sort((a, b) => a.start - b.start);
  return { tree: { text, forms, comments, errors }, recoverable, balanced, nestedOpeners, end: i };
}

/** Pairs a map's children into entries; a key left without a value is a reader error. */
function pairEntries(map: MapNode, text: string, errors: ReaderError[]): void {
  const children = map.children;
  // Sized once: an array grown by `push` keeps room for 17 entries, most of it unused, for as long
  // as the tree lives. One object shape for every entry (`value` set even when missing).
  const entries: MapEntry[] = new Array<MapEntry>((children.length + 1) >> 1);
  for (let k = 0; k < children.length; k += 2) entries[k >> 1] = { key: children[k], value: children[k + 1] };
  map.entries = entries;
  if (children.length % 2 === 1) {
    const key = children[children.length - 1];
    const shown = text.slice(key.start, Math.min(key.end, key.start + 40));
    errors.push({ message: messages.mapKeyWithoutValue(shown), start: key.start, end: key.end });
  }
}
