// Formatting of flow code: new layout between tokens (indentation, trailing spaces, blank lines,
// closing brackets), never a change to a token, so comments and code are kept as written. A
// top-level form with a reader error is left as written, with the layout on either side of it.
import { bodyIndexOf } from '../analysis/bodyForms';
import { ContainerNode, FlowNode, FlowTree, ReaderError, operatorOf } from '../syntax/tree';
import { lineColumn } from './indentRule';
import { isLayoutOnly, layoutBetween, lineBreakOf, None } from './layout';
import { TokenKind, TokenList, tokensOf } from './tokens';

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
function tooDeepForms(tokens: TokenList): Set<number> {
  const deep = new Set<number>();
  let depth = 0;
  let formStart = 0;
  for (let t = 0; t < tokens.length; t++) {
    const kind = tokens.kinds[t];
    if (kind === TokenKind.Open) {
      if (depth === 0) formStart = tokens.starts[t];
      if (++depth > maxFormattedNesting) deep.add(formStart);
    } else if (kind === TokenKind.Close && depth > 0) depth--;
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
  // Backwards within the stretch only: a search of the whole text would make formatting quadratic.
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return end - i - 1;
  }
  return column + end - start;
}

/** Where a comment ends without the spaces at the end of its line. */
function commentEnd(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
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
  const { kinds, starts, ends, nodes } = tokens;
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
  // The token before the layout being written: its kind (`None` at the start), and whether it
  // is a `#_` or a tag, after which layout is kept.
  let prev: number = None;
  let prevBinds = false;
  let prevEnd = 0;
  // Set after a top-level form left as written: the layout after it is kept too.
  let afterUnformatted = false;

  const indent = (): number => {
    const frame = frames[frames.length - 1];
    if (frame === undefined) return 0;
    return lineColumn({
      kind: frame.node.kind,
      openColumn: frame.openColumn,
      operator: frame.operator,
      index: frame.count,
      firstArgumentColumn: frame.firstArgumentColumn,
      bodyStartsLine: frame.count > (frame.body ?? 0) + 1 ? frame.bodyStartsLine : true,
    });
  };

  /**
   * Writes the layout before a token of kind `next` at `end` (`None`: the end of the code);
   * returns whether the token starts a line. Most layout is one space or none between tokens on
   * a line: those are decided without copying the text.
   */
  const writeGap = (next: number, end: number, keep: boolean): boolean => {
    const touched = range === undefined || (end >= range.start && prevEnd <= range.end);
    const width = end - prevEnd;
    if (!keep && touched && prev !== None && next !== None && !prevBinds && next !== TokenKind.Comment && (width === 0 || (width === 1 && text.charCodeAt(prevEnd) === 32))) {
      const tight = prev === TokenKind.Open || next === TokenKind.Close;
      const written = tight ? '' : width === 0 && (prev === TokenKind.Atom || prev === TokenKind.Close) && next !== TokenKind.Close ? ' ' : undefined;
      if (written !== undefined && written.length !== width) edits.push({ start: prevEnd, end, text: written });
      column += written === undefined ? width : written.length;
      return false;
    }
    const gap = text.slice(prevEnd, end);
    const kept = keep || !touched || !isLayoutOnly(text, prevEnd, end);
    const layout = kept ? undefined : layoutBetween(gap, prev, prevBinds, next, indent, lineBreak, options.finalLineBreak);
    const written = layout ?? gap;
    if (written !== gap) edits.push({ start: prevEnd, end, text: written });
    column = columnAfter(written, 0, written.length, column);
    return prev === None || written.indexOf('\n') >= 0 || written.indexOf('\r') >= 0;
  };

  for (let t = 0; t < tokens.length; t++) {
    const kind = kinds[t];
    const start = starts[t];
    const node = nodes[t];
    if (frames.length === 0 && kind !== TokenKind.Comment && kind !== TokenKind.Close) {
      const end = kind === TokenKind.Discard ? (droppedEnd.get(start) ?? ends[t]) : (node?.end ?? ends[t]);
      const nestsTooDeep = deep.has(start);
      if (nestsTooDeep || errors.within(start, end)) {
        // Left as written, with the layout before it; the tokens inside are skipped.
        writeGap(kind, start, true);
        column = columnAfter(text, start, end, column);
        if (nestsTooDeep) tooDeep++;
        else unformatted++;
        afterUnformatted = true;
        prev = kind;
        prevBinds = false;
        prevEnd = end;
        // The tokens inside, and the zero-width close of an unclosed form ending where it ends.
        while (t + 1 < tokens.length && (starts[t + 1] < end || (kinds[t + 1] === TokenKind.Close && ends[t + 1] <= end))) t++;
        continue;
      }
    }
    const startsLine = writeGap(kind, start, afterUnformatted);
    afterUnformatted = false;
    const tokenColumn = column;
    if ((kind === TokenKind.Open || kind === TokenKind.Atom) && node !== undefined && !dropped.has(node)) {
      const frame = frames[frames.length - 1];
      if (frame !== undefined) {
        const index = frame.count++;
        if (index === 1) frame.firstArgumentColumn = tokenColumn;
        if (frame.body !== undefined && index === frame.body + 1) frame.bodyStartsLine = startsLine;
      }
    }
    const end = ends[t];
    if (kind === TokenKind.Comment) {
      const trimmed = commentEnd(text, start, end);
      if (trimmed < end && (range === undefined || (end >= range.start && trimmed <= range.end))) edits.push({ start: trimmed, end, text: '' });
      else column += end - trimmed;
      column += trimmed - start;
    } else column = columnAfter(text, start, end, column);
    if (kind === TokenKind.Open) {
      const container = node as ContainerNode;
      const operator = operatorOf(container);
      frames.push({ node: container, openColumn: tokenColumn, operator, body: bodyIndexOf(operator), count: 0, firstArgumentColumn: undefined, bodyStartsLine: true });
    } else if (kind === TokenKind.Close) {
      let at = frames.length - 1;
      while (at >= 0 && frames[at].node !== node) at--;
      if (at >= 0) while (frames.length > at) frames.pop();
    }
    prev = kind;
    prevBinds = kind === TokenKind.Discard || (kind === TokenKind.Open && node?.kind === 'tagged');
    prevEnd = end;
  }
  writeGap(None, text.length, afterUnformatted);
  return { edits, unformatted, tooDeep };
}
