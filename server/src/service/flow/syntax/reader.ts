// The flow reader: source text to a syntax tree with exact ranges, reporting every reader error
// at its place and reading on. One pass over char codes with an explicit stack of open
// containers, so that no input depth can overflow the call stack.
import { messages } from '../../codes';
import { Ch, classifyWord, isDelimiter, readString } from './atoms';
import { checkSetMembers, pairEntries, unclosedRunError } from './containers';
import { checkTag, checkTaggedForm, isTagStart, unsupportedDispatch } from './dispatch';
import { NameTable } from './names';
import {
  ContainerNode,
  DiscardedForm,
  FlowComment,
  FlowNode,
  FlowTree,
  ListNode,
  MapEntry,
  MapNode,
  ReaderError,
  SetNode,
  TaggedNode,
  VectorNode,
} from './tree';

/** The closing character of a container, 0 for a tagged literal, which has none. */
function closerCode(node: ContainerNode): number {
  switch (node.kind) {
    case 'list':
      return Ch.CloseParen;
    case 'vector':
      return Ch.CloseBracket;
    case 'map':
    case 'set':
      return Ch.CloseBrace;
    case 'tagged':
      return 0;
  }
}

const openerOf: Record<ContainerNode['kind'], string> = { list: '(', vector: '[', map: '{', set: '#{', tagged: '#' };
const closerOf: Record<ContainerNode['kind'], string> = { list: ')', vector: ']', map: '}', set: '}', tagged: '' };

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
  const discards: DiscardedForm[] = [];
  const errors: ReaderError[] = [];
  const stack: ContainerNode[] = [];
  // Children of the open forms wait on one shared stack; `bases[d]` is where those of `stack[d]`
  // begin. A form's children array is cut to size once, when it closes, instead of growing.
  // `pendingTop` is the stack's height: the array itself never shrinks, as a splice would make it
  // give back its storage and grow it again at the next push, for every form that closes.
  const pending: FlowNode[] = [];
  let pendingTop = 0;
  const bases: number[] = [];
  // How many of the open forms are bracketed (a tagged literal waiting for its form is not):
  // an opener at a line start counts as nested only inside one.
  let brackets = 0;
  // The `#_` still waiting for the form they drop (indices into `discards`), and the stack depth
  // each stands at: the next form read at that depth is theirs, innermost `#_` first.
  const waiting: number[] = [];
  const waitingDepth: number[] = [];
  const length = text.length;
  const names = new NameTable();
  const nestedOpeners: number[] = [];

  /** Places a form just begun: in a waiting discard, its container, or the top level. */
  const add = (node: FlowNode): void => {
    if (waiting.length > 0 && waitingDepth[waitingDepth.length - 1] === stack.length) {
      waitingDepth.pop();
      discards[waiting.pop() as number].form = node;
      return;
    }
    if (stack.length > 0) pending[pendingTop++] = node;
    else forms.push(node);
  };

  /** A `#_` whose form never came: its container closed, or the input ended. */
  const orphanDiscard = (): void => {
    waitingDepth.pop();
    const discard = discards[waiting.pop() as number];
    errors.push({ message: messages.discardsNothing(), start: discard.start, end: discard.start + 2 });
  };

  /** Pops the innermost open form and gives it its children, end and closed flag. */
  const closeTop = (end: number, closed: boolean): ContainerNode => {
    const node = stack.pop() as ContainerNode;
    const base = bases.pop() as number;
    node.children = pending.slice(base, pendingTop);
    pendingTop = base;
    if (node.kind === 'tagged') {
      // A tagged literal ends with its form; without one, where the reader gave up on it, as an
      // unclosed container does (a later edit there re-reads it).
      const form = node.children[0];
      node.closed = form !== undefined;
      node.end = form === undefined ? end : form.end;
      if (form === undefined) errors.push({ message: messages.tagsNothing(node.tag), start: node.start, end: node.start + 1 + node.tag.length });
      else checkTaggedForm(node, form, errors);
    } else {
      brackets--;
      node.end = end;
      node.closed = closed;
      if (node.kind === 'map') pairEntries(node, text, errors);
      else if (node.kind === 'set') checkSetMembers(node, text, errors);
    }
    while (waitingDepth.length > 0 && waitingDepth[waitingDepth.length - 1] > stack.length) orphanDiscard();
    return node;
  };

  /**
   * After a form is complete: the tagged literals it was the form of close with it. Only tagged
   * literals are open without brackets, so callers skip this when `stack.length === brackets`.
   */
  const completed = (): void => {
    for (let top = stack[stack.length - 1]; top?.kind === 'tagged' && pendingTop > bases[bases.length - 1]; top = stack[stack.length - 1]) {
      closeTop(0, true);
    }
  };

  /** Opens a container (added where it stands first, then its children go above it). */
  const open = (node: ContainerNode): void => {
    add(node);
    stack.push(node);
    bases.push(pendingTop);
  };

  /**
   * Closes the open forms above stack index `depth` as unclosed, ending where the reader gave up
   * on them, so that a cursor after a half-typed `(send twilio |` is still inside the list.
   * `report`: one error names every bracketed form closed so (see `unclosedRunError`).
   */
  const abandonAbove = (depth: number, end: number, report: boolean): void => {
    let openers: number[] | undefined;
    while (stack.length > depth) {
      const node = closeTop(end, false);
      if (report && node.kind !== 'tagged') (openers ??= []).push(node.start);
    }
    if (openers !== undefined) errors.push(unclosedRunError(text, openers.reverse()));
  };

  /**
   * A bracket opens at `at` (a set's at its `#`): an opener at a line start inside another is
   * recorded, or in the recovering read closes every open form. False when reading stops there
   * instead, a form kept from before starting at it.
   */
  const openerAt = (at: number): boolean => {
    const atLineStart = at === 0 || text.charCodeAt(at - 1) === Ch.LineFeed || text.charCodeAt(at - 1) === Ch.CarriageReturn;
    if (atLineStart && brackets > 0) {
      if (options.closeAtLineStart) {
        abandonAbove(0, at, true);
        // Nothing is open now, as at any top-level boundary: a form kept from before may start here.
        if (waiting.length === 0 && stopsAt(at)) return false;
      } else nestedOpeners.push(at);
    }
    brackets++;
    return true;
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

    // Re-reading part of a text: a top-level form starting at a `stopAt` offset is kept from
    // before, unless a `#_` waits for it (then it is dropped, unlike before).
    if (stack.length === 0 && nextStop < stopAt.length && waiting.length === 0 && stopsAt(i)) break;

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
      if (!openerAt(i)) break;
      // A node's parent is the innermost open form when it is made: set in the object literal,
      // not by a second pass over the children when the form closes.
      const parent = stack.length > 0 ? stack[stack.length - 1] : undefined;
      if (c === Ch.OpenParen) {
        open({ kind: 'list', start: i, end: i + 1, parent, children: noChildren, closed: false } satisfies ListNode);
      } else if (c === Ch.OpenBracket) {
        open({ kind: 'vector', start: i, end: i + 1, parent, children: noChildren, closed: false } satisfies VectorNode);
      } else {
        open({ kind: 'map', start: i, end: i + 1, parent, children: noChildren, closed: false, entries: noEntries } satisfies MapNode);
      }
      i++;
      continue;
    }

    if (c === Ch.CloseParen || c === Ch.CloseBracket || c === Ch.CloseBrace) {
      // A tagged literal or a `#_` waiting for a form gets none from a closer.
      while (stack.length > 0 && stack[stack.length - 1].kind === 'tagged') closeTop(i, false);
      while (waitingDepth.length > 0 && waitingDepth[waitingDepth.length - 1] >= stack.length) orphanDiscard();
      const top = stack[stack.length - 1];
      if (top !== undefined && closerCode(top) === c) {
        closeTop(i + 1, true);
        completed();
      } else {
        let match = -1;
        for (let d = stack.length - 2; d >= 0; d--) {
          if (closerCode(stack[d]) === c) {
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
          completed();
        }
      }
      i++;
      continue;
    }

    if (c === Ch.Quote) {
      i = readString(text, i, stack.length > 0 ? stack[stack.length - 1] : undefined, add, errors);
      if (stack.length !== brackets) completed();
      continue;
    }

    if (c === Ch.Hash) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : -1;
      if (next === Ch.OpenBrace) {
        if (!openerAt(i)) break;
        const parent = stack.length > 0 ? stack[stack.length - 1] : undefined;
        open({ kind: 'set', start: i, end: i + 2, parent, children: noChildren, closed: false } satisfies SetNode);
        i += 2;
      } else if (next === Ch.Underscore) {
        waiting.push(discards.length);
        waitingDepth.push(stack.length);
        discards.push({ start: i, end: i + 2, form: undefined });
        i += 2;
      } else if (isTagStart(next)) {
        const start = i;
        i += 2;
        while (i < length && !isDelimiter(text.charCodeAt(i))) i++;
        const tag = names.name(text, start + 1, i);
        checkTag(tag, start, i, errors);
        const parent = stack.length > 0 ? stack[stack.length - 1] : undefined;
        open({ kind: 'tagged', start, end: i, parent, children: noChildren, closed: false, tag } satisfies TaggedNode);
      } else {
        i = unsupportedDispatch(text, i, errors);
      }
      continue;
    }

    // A word: keyword, number, boolean, nil, *event*, $response, +template or symbol.
    const start = i;
    i++;
    while (i < length && !isDelimiter(text.charCodeAt(i))) i++;
    add(classifyWord(text, start, i, stack.length > 0 ? stack[stack.length - 1] : undefined, names, errors));
    if (stack.length !== brackets) completed();
  }

  const balanced = brackets === 0;
  const recoverable = !balanced && nestedOpeners.length > 0 && !options.closeAtLineStart;
  abandonAbove(0, length, true);
  while (waiting.length > 0) orphanDiscard();
  for (const discard of discards) if (discard.form !== undefined) discard.end = discard.form.end;
  errors.sort((a, b) => a.start - b.start);
  return { tree: { text, forms, comments, discards, errors }, recoverable, balanced, nestedOpeners, end: i };
}
