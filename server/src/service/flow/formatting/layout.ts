// The layout between two tokens of flow code, as the formatter writes it: the cljfmt-like rules
// of README's "Formatting" section, applied to one stretch of whitespace (and commas) at a time.
import { TokenKind } from './tokens';

/** Whitespace as the reader skips it: every character up to the space, and commas. */
function isLayout(c: number): boolean {
  return c <= 32 || c === 44;
}

/** Whether a stretch holds nothing but layout (no stray bracket or unread `#` form). */
export function isLayoutOnly(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isLayout(text.charCodeAt(i))) return false;
  return true;
}

function hasLineBreak(gap: string): boolean {
  return gap.indexOf('\n') >= 0 || gap.indexOf('\r') >= 0;
}

function trimSpaceEnd(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) <= 32) end--;
  return s.slice(0, end);
}

function trimSpaceStart(s: string): string {
  let start = 0;
  while (start < s.length && s.charCodeAt(start) <= 32) start++;
  return s.slice(start);
}

/** The text's own line break (its first one), used for every line break the formatter writes. */
export function lineBreakOf(text: string): string {
  const lf = text.indexOf('\n');
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) return '\r\n';
  if (lf < 0 && text.indexOf('\r') >= 0) return '\r';
  return '\n';
}

/** The tokens on either side of a stretch of layout: a `TokenKind`, or `None` at an edge of the code. */
export const None = -1;

/** A form token that must not touch another form (`(a)(b)` reads as two forms, but is written `(a) (b)`). */
function endsForm(kind: number): boolean {
  return kind === TokenKind.Atom || kind === TokenKind.Close;
}

function startsForm(kind: number): boolean {
  return kind === TokenKind.Atom || kind === TokenKind.Open || kind === TokenKind.Discard;
}

/**
 * The layout between tokens of kinds `prev` and `next` (`None` at the edges of the code), or
 * undefined to keep `gap` as written. `prevBindsNext`: the token before is a `#_` or a tag, which
 * belong to the form that follows, so the layout after it is kept. `indent` gives the column of
 * the line `next` starts, when it starts one.
 */
export function layoutBetween(
  gap: string,
  prev: number,
  prevBindsNext: boolean,
  next: number,
  indent: () => number,
  lineBreak: string,
  finalLineBreak: boolean,
): string | undefined {
  const commas = gap.indexOf(',') >= 0;
  if (prev === None) return commas ? undefined : '';
  if (next === None) return commas ? undefined : finalLineBreak ? lineBreak : '';
  if (prevBindsNext) return undefined;
  if (!hasLineBreak(gap)) {
    // The space before a comment at the end of a line is the writer's (comments aligned in a column).
    if (next === TokenKind.Comment) return undefined;
    if (prev === TokenKind.Open || next === TokenKind.Close) return gap.replace(/[^,]/g, '');
    if (gap === '' && endsForm(prev) && startsForm(next)) return ' ';
    return undefined;
  }
  // Closing brackets gather at the end of the last line, unless a comment ends that line.
  if (next === TokenKind.Close && prev !== TokenKind.Comment && !commas) return '';
  const lines = gap.split(/\r\n|\r|\n/);
  let out = trimSpaceEnd(lines[0]);
  let blank = false;
  const last = lines.length - 1;
  for (let i = 1; i < last; i++) {
    const content = trimSpaceStart(trimSpaceEnd(lines[i]));
    if (content === '') blank = true;
    else {
      out += (blank ? lineBreak : '') + lineBreak + ' '.repeat(indent()) + content;
      blank = false;
    }
  }
  // Runs of blank lines are kept as one.
  return out + (blank ? lineBreak : '') + lineBreak + ' '.repeat(indent()) + trimSpaceStart(lines[last]);
}
