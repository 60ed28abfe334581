// Whether flow source closes every form it opens, and where an opener stands at a line start
// inside an open form: what decides the reader's recovering read, found without building a tree.
// It follows the reader's bracket rules exactly (stray and mismatched closers, strings, comments,
// and a set's `#{`, which opens at its `#`; `#_` and tags change no bracket).
import { Ch } from './atoms';

export interface Balance {
  /** Whether a plain read ends with every form closed. */
  balanced: boolean;
  /** Offsets of the openers at the start of a line inside an open form, as a plain read records them. */
  nestedOpeners: number[];
}

/** Characters that may open or close a form, a string or a comment; every other one is skipped. */
const significant = new Uint8Array(128);
for (const c of [Ch.Semicolon, Ch.Quote, Ch.Hash, Ch.OpenParen, Ch.CloseParen, Ch.OpenBracket, Ch.CloseBracket, Ch.OpenBrace, Ch.CloseBrace]) {
  significant[c] = 1;
}

/** The balance of a plain (not recovering) read of `text`, at a fraction of a read's cost. */
export function scanBalance(text: string): Balance {
  const length = text.length;
  // The open forms by their closing character, innermost last.
  const closers: number[] = [];
  const nestedOpeners: number[] = [];
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c >= 128 || significant[c] === 0) {
      i++;
      continue;
    }
    if (c === Ch.Semicolon) {
      while (i < length && text.charCodeAt(i) !== Ch.LineFeed && text.charCodeAt(i) !== Ch.CarriageReturn) i++;
      continue;
    }
    if (c === Ch.Quote) {
      // An escape skips the character after the backslash; `\uXXXX` only adds hex digits to skip.
      i++;
      while (i < length) {
        const d = text.charCodeAt(i);
        if (d === Ch.Quote) break;
        i += d === Ch.Backslash ? 2 : 1;
      }
      i++;
      continue;
    }
    if (c === Ch.Hash) {
      // A set opens at its `#`: that is what stands at a line start. Its `{` follows, never at one.
      if (text.charCodeAt(i + 1) === Ch.OpenBrace && closers.length > 0 && atLineStart(text, i)) nestedOpeners.push(i);
      i++;
      continue;
    }
    if (c === Ch.OpenParen || c === Ch.OpenBracket || c === Ch.OpenBrace) {
      if (closers.length > 0 && atLineStart(text, i)) nestedOpeners.push(i);
      closers.push(c === Ch.OpenParen ? Ch.CloseParen : c === Ch.OpenBracket ? Ch.CloseBracket : Ch.CloseBrace);
    } else {
      // A closer closes the innermost form it matches and every form above it; one matching
      // nothing open is stray.
      const match = closers.lastIndexOf(c);
      if (match >= 0) closers.length = match;
    }
    i++;
  }
  return { balanced: closers.length === 0, nestedOpeners };
}

function atLineStart(text: string, i: number): boolean {
  return i === 0 || text.charCodeAt(i - 1) === Ch.LineFeed || text.charCodeAt(i - 1) === Ch.CarriageReturn;
}

/** What an edit must touch to change the balance: brackets, quotes, escapes, comments, line ends. */
const structural = /[()[\]{}";\\\n\r]/;

/** What may open a form, `#` of `#{` included: typing right before one may move it off a line start. */
function isOpener(c: number): boolean {
  return c === Ch.OpenParen || c === Ch.OpenBracket || c === Ch.OpenBrace || c === Ch.Hash;
}

/**
 * The balance of `after`, the text `before` with `[start, oldEnd)` replaced by `[start, newEnd)`
 * of `after`, from the balance of `before`. An edit of plain characters (typing in a string or a
 * word) changes nothing but the offsets after it, unless it follows a backslash (it would be the
 * escaped character) or comes right before an opener (which may stop or start being at a line
 * start); any other edit scans the text.
 */
export function balanceAfterEdit(previous: Balance, before: string, after: string, start: number, oldEnd: number, newEnd: number): Balance {
  const plain =
    !structural.test(before.slice(start, oldEnd)) &&
    !structural.test(after.slice(start, newEnd)) &&
    (start === 0 || before.charCodeAt(start - 1) !== Ch.Backslash) &&
    !isOpener(before.charCodeAt(oldEnd));
  if (!plain) return scanBalance(after);
  const delta = newEnd - oldEnd;
  return { balanced: previous.balanced, nestedOpeners: previous.nestedOpeners.map((o) => (o >= oldEnd ? o + delta : o)) };
}
