// JSON strings broken over lines. Flow code pasted into a payload often keeps its raw line breaks,
// which JSON forbids; a JSON parser then ends the string at the break and reports every token of
// the rest of it. Such a string is one mistake: it is found here, read as if each break were
// written `\n`, and reported once.

export interface BrokenString {
  /** Offsets of the string literal, quotes included. */
  start: number;
  end: number;
  /** Offset and length (2 for `\r\n`) of each raw line break inside it. */
  breaks: { offset: number; length: number }[];
}

const quote = 34;
const backslash = 92;
const lf = 10;
const cr = 13;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === lf || c === cr;
}

/**
 * A string that reaches its closing quote across line breaks counts as broken only where JSON
 * can go on after it (`,` `}` `]` `:` or the end): otherwise the string most likely lacks its
 * closing quote, and the quote found on a later line opens the next string.
 */
function closesWell(text: string, afterQuote: number): boolean {
  let i = afterQuote;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i === text.length) return true;
  const c = text[i];
  return c === ',' || c === '}' || c === ']' || c === ':';
}

/** Every string literal of `text` with raw line breaks inside, in document order; each character is read once. */
export function findBrokenStrings(text: string): BrokenString[] {
  const found: BrokenString[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (text.charCodeAt(i) !== quote) {
      i++;
      continue;
    }
    const start = i;
    const breaks: BrokenString['breaks'] = [];
    let j = i + 1;
    let closed = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === backslash) j += 2;
      else if (c === quote) {
        closed = true;
        break;
      } else if (c === lf || c === cr) {
        const length = c === cr && text.charCodeAt(j + 1) === lf ? 2 : 1;
        breaks.push({ offset: j, length });
        j += length;
      } else j++;
    }
    if (breaks.length === 0) {
      i = j + 1;
    } else if (closed && closesWell(text, j + 1)) {
      found.push({ start, end: j + 1, breaks });
      i = j + 1;
    } else {
      // Unterminated at its first line end (the JSON parser reports that): the quote found on a
      // later line opens the next string. Going on from there, never back, keeps the scan linear.
      i = j;
    }
  }
  return found;
}

/** The text with the line breaks of broken strings blanked: what the JSON parser reads (same offsets). */
export function withBreaksBlanked(text: string, broken: readonly BrokenString[]): string {
  if (broken.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const s of broken) {
    for (const b of s.breaks) {
      parts.push(text.slice(from, b.offset), ' '.repeat(b.length));
      from = b.offset + b.length;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}
