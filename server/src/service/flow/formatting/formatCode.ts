// Formatting of flow code: new layout between tokens (indentation, trailing spaces, blank lines,
// closing brackets), never a change to a token, so comments and code are kept as written. A
// top-level form with a reader error is left as written, with the layout on either side of it.
import { bodyIndexOf } from '../analysis/bodyForms';
import { ContainerNode, FlowNode, FlowTree, ReaderError, operatorOf } from '../syntax/tree';
import { LineContext, lineColumn } from './indentRule';
import { isLayoutOnly, layoutBetween, lineBreakOf } from './layout';
import { Token, TokenKind, tokensOf } from './tokens';

export interface CodeFormatOptions {
  /** Code offsets: only layout touching this stretch changes (range formatting). */
  range?: { start: number; end: number };
  /** Whether the code ends with a line break: a file's does, the code of a JSON string does not. */
  finalLineBreak: boolean;
}

/** New layout for the code offsets `[start, end)`. */
export interface LayoutEdit {
  start: number;
  end: number;
  text: string;
}

export interface CodeFormatResult {
  edits: LayoutEdit[];
  /** How many top-level forms were left as written because they hold reader errors. */
  unformatted: number;
  /** How many top-level forms were left as written because they nest deeper than `maxFormattedNesting`. */
  tooDeep: number;
}

/**
 * Forms nest this deep at most to be formatted. Every level indents a line further, so a form
 * nested thousands deep would come out as megabytes of spaces: it is left as written instead.
 */
export const maxFormattedNesting = 1000;

/** Start offsets of the top-level forms nested deeper than `maxFormattedNesting`. */
function tooDeepForms(tokens: readonly Token[]): Set<number> {
  const deep = new Set<number>();
  let depth = 0;
  let formStart = 0;
  for (const token of tokens) {
    if (token.kind === TokenKind.Open) {
      if (depth === 0) formStart = token.start;
      if (++depth > maxFormattedNesting) deep.add(formStart);
    } else if (token.kind === TokenKind.Close && depth > 0) depth--;
  }
  return deep;
}

/** An open container as the formatter has written it so far. */
interface Frame {
  node: ContainerNode;
  openColumn: number;
  operator: string | undefined;
  body: number | undefined;
  /** Elements written so far (dropped `#_` forms do not count). */
  count: number;
  firstArgumentColumn: number | undefined;
  bodyStartsLine: boolean;
}

/** The column after writing `text[start, end)` from `column`. */
function columnAfter(text: string, start: number, end: number, column: number): number {
  const lf = text.lastIndexOf('\n', end - 1);
  const cr = text.lastIndexOf('\r', end - 1);
  const lastBreak = lf > cr ? lf : cr;
  return lastBreak >= start ? end - lastBreak - 1 : column + end - start;
}

/** Where a comment ends without the spaces at the end of its line. */
function commentEnd(text: string, comment: Token): number {
  let end = comment.end;
  while (end > comment.start && text.charCodeAt(end - 1) <= 32) end--;
  return end;
}

/** Finds, for top-level stretches in source order, whether a reader error falls in them. */
class ErrorCursor {
  private next = 0;
  constructor(private readonly errors: readonly ReaderError[]) {}

  within(start: number, end: number): boolean {
    const errors = this.errors;
    while (this.next < errors.length && Math.max(errors[this.next].end, errors[this.next].start + 1) <= start) this.next++;
    return this.next < errors.length && errors[this.next].start < end;
  }
}

export function formatFlowCode(tree: FlowTree, options: CodeFormatOptions): CodeFormatResult {
  const text = tree.text;
  const tokens = tokensOf(tree);
  const lineBreak = lineBreakOf(text);
  const range = options.range;
  const dropped = new Set<FlowNode>();
  const droppedEnd = new Map<number, number>();
  for (const discard of tree.discards) {
    if (discard.form !== undefined) dropped.add(discard.form);
    droppedEnd.set(discard.start, discard.end);
  }
  const errors = new ErrorCursor(tree.errors);
  const deep = tooDeepForms(tokens);
  let tooDeep = 0;
  const edits: LayoutEdit[] = [];
  const frames: Frame[] = [];
  let unformatted = 0;
  let column = 0;
  let prev: Token | undefined;
  let prevEnd = 0;
  // Set after a top-level form left as written: the layout after it is kept too.
  let afterUnformatted = false;

  const lineContext = (): LineContext | undefined => {
    const frame = frames[frames.length - 1];
    if (frame === undefined) return undefined;
    return {
      kind: frame.node.kind,
      openColumn: frame.openColumn,
      operator: frame.operator,
      index: frame.count,
      firstArgumentColumn: frame.firstArgumentColumn,
      bodyStartsLine: frame.count > (frame.body ?? 0) + 1 ? frame.bodyStartsLine : true,
    };
  };
  const indent = (): number => {
    const line = lineContext();
    return line === undefined ? 0 : lineColumn(line);
  };

  /** Writes the layout before `next` (undefined: the end of the code); returns whether it ends with a line break. */
  const writeGap = (next: Token | undefined, keep: boolean): boolean => {
    const end = next === undefined ? text.length : next.start;
    const gap = text.slice(prevEnd, end);
    const touched = range === undefined || (end >= range.start && prevEnd <= range.end);
    const kept = keep || !touched || !isLayoutOnly(text, prevEnd, end);
    const layout = kept ? undefined : layoutBetween(gap, prev, next, indent, lineBreak, options.finalLineBreak);
    const written = layout ?? gap;
    if (written !== gap) edits.push({ start: prevEnd, end, text: written });
    column = columnAfter(written, 0, written.length, column);
    return prev === undefined || written.indexOf('\n') >= 0 || written.indexOf('\r') >= 0;
  };

  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (frames.length === 0 && token.kind !== TokenKind.Comment && token.kind !== TokenKind.Close) {
      const end = token.kind === TokenKind.Discard ? (droppedEnd.get(token.start) ?? token.end) : (token.node?.end ?? token.end);
      const nestsTooDeep = deep.has(token.start);
      if (nestsTooDeep || errors.within(token.start, end)) {
        // Left as written, with the layout before it; the tokens inside are skipped.
        writeGap(token, true);
        column = columnAfter(text, token.start, end, column);
        if (nestsTooDeep) tooDeep++;
        else unformatted++;
        afterUnformatted = true;
        prev = token;
        prevEnd = end;
        // The tokens inside, and the zero-width close of an unclosed form ending where it ends.
        while (t + 1 < tokens.length && (tokens[t + 1].start < end || (tokens[t + 1].kind === TokenKind.Close && tokens[t + 1].end <= end))) t++;
        continue;
      }
    }
    const startsLine = writeGap(token, afterUnformatted);
    afterUnformatted = false;
    const tokenColumn = column;
    if ((token.kind === TokenKind.Open || token.kind === TokenKind.Atom) && token.node !== undefined && !dropped.has(token.node)) {
      const frame = frames[frames.length - 1];
      if (frame !== undefined) {
        const index = frame.count++;
        if (index === 1) frame.firstArgumentColumn = tokenColumn;
        if (frame.body !== undefined && index === frame.body + 1) frame.bodyStartsLine = startsLine;
      }
    }
    if (token.kind === TokenKind.Comment) {
      const end = commentEnd(text, token);
      if (end < token.end && (range === undefined || (token.end >= range.start && end <= range.end))) edits.push({ start: end, end: token.end, text: '' });
      else column += token.end - end;
      column += end - token.start;
    } else column = columnAfter(text, token.start, token.end, column);
    if (token.kind === TokenKind.Open) {
      const node = token.node as ContainerNode;
      const operator = operatorOf(node);
      frames.push({ node, openColumn: tokenColumn, operator, body: bodyIndexOf(operator), count: 0, firstArgumentColumn: undefined, bodyStartsLine: true });
    } else if (token.kind === TokenKind.Close) {
      let at = frames.length - 1;
      while (at >= 0 && frames[at].node !== token.node) at--;
      if (at >= 0) frames.length = at;
    }
    prev = token;
    prevEnd = token.end;
  }
  writeGap(undefined, afterUnformatted);
  return { edits, unformatted, tooDeep };
}
