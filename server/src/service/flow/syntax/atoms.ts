// The atoms of flow source: where a word ends, which kind of value a word is (keyword, number,
// `*event*`, `$response`, `+template`, symbol, ...), and strings with their escapes.
import { messages } from '../../codes';
import { NameTable } from './names';
import { ContainerNode, FlowNode, ReaderError } from './tree';

/** The character codes the reader tells apart. */
export const enum Ch {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Hash = 35,
  Dollar = 36,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Digit0 = 48,
  Digit9 = 57,
  Colon = 58,
  Semicolon = 59,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Underscore = 95,
  OpenBrace = 123,
  CloseBrace = 125,
  OpenParen = 40,
  CloseParen = 41,
}

/** Characters that end a word: whitespace (and control characters), commas, brackets, quotes, comments. */
const delimiters = new Uint8Array(128);
for (let c = 0; c <= Ch.Space; c++) delimiters[c] = 1;
for (const c of [Ch.Comma, Ch.OpenParen, Ch.CloseParen, Ch.OpenBracket, Ch.CloseBracket, Ch.OpenBrace, Ch.CloseBrace, Ch.Quote, Ch.Semicolon]) {
  delimiters[c] = 1;
}

export function isDelimiter(c: number): boolean {
  return c < 128 && delimiters[c] === 1;
}

function isDigit(c: number): boolean {
  return c >= Ch.Digit0 && c <= Ch.Digit9;
}

const numberPattern = /^[+-]?(?:\d+(?:\.\d*)?(?:[eE][+-]?\d+)?[MN]?|\d+\/\d+)$/;

export function classifyWord(
  text: string,
  start: number,
  end: number,
  parent: ContainerNode | undefined,
  names: NameTable,
  errors: ReaderError[],
): FlowNode {
  const c = text.charCodeAt(start);
  // Object literals with one property order per kind keep node shapes few.
  if (c === Ch.Colon) return { kind: 'keyword', start, end, parent, name: names.name(text, start + 1, end) };
  if (c === Ch.Dollar) return { kind: 'response', start, end, parent, name: names.name(text, start + 1, end) };
  const length = end - start;
  const second = length > 1 ? text.charCodeAt(start + 1) : -1;
  if (isDigit(c) || ((c === Ch.Minus || c === Ch.Plus) && isDigit(second))) {
    const word = text.slice(start, end);
    if (numberPattern.test(word)) {
      const slash = word.indexOf('/');
      const value = slash > 0 ? Number(word.slice(0, slash)) / Number(word.slice(slash + 1)) : Number(word.replace(/[MN]$/, ''));
      return { kind: 'number', start, end, parent, value, text: word };
    }
    errors.push({ message: messages.invalidNumber(word), start, end });
    return { kind: 'symbol', start, end, parent, name: word };
  }
  if (c === Ch.Star && length > 1) {
    const close = length > 2 && text.charCodeAt(end - 1) === Ch.Star ? end - 1 : end;
    return { kind: 'event', start, end, parent, name: names.name(text, start + 1, close) };
  }
  if (c === Ch.Plus && length > 1) return { kind: 'template', start, end, parent, name: names.name(text, start + 1, end) };
  const word = names.name(text, start, end);
  // Most words are longer than `false`: skip the comparisons for them.
  if (length <= 5) {
    if (word === 'true' || word === 'false') return { kind: 'boolean', start, end, parent, value: word === 'true' };
    if (word === 'nil') return { kind: 'nil', start, end, parent };
  }
  return { kind: 'symbol', start, end, parent, name: word };
}

/** Reads a string starting at the quote at `start`; returns the offset after it. */
export function readString(
  text: string,
  start: number,
  parent: ContainerNode | undefined,
  add: (node: FlowNode) => void,
  errors: ReaderError[],
): number {
  const length = text.length;
  let i = start + 1;
  let runStart = i;
  let parts: string[] | undefined;
  for (;;) {
    if (i >= length) {
      errors.push({ message: messages.unterminatedString(), start, end: start + 1 });
      const value = parts ? (parts.push(text.slice(runStart, i)), parts.join('')) : text.slice(runStart, i);
      add({ kind: 'string', start, end: i, parent, value, closed: false });
      return i;
    }
    const c = text.charCodeAt(i);
    if (c === Ch.Quote) {
      const value = parts ? (parts.push(text.slice(runStart, i)), parts.join('')) : text.slice(runStart, i);
      add({ kind: 'string', start, end: i + 1, parent, value, closed: true });
      return i + 1;
    }
    if (c !== Ch.Backslash) {
      i++;
      continue;
    }
    parts ??= [];
    parts.push(text.slice(runStart, i));
    if (i + 1 >= length) {
      i++;
      runStart = i;
      continue;
    }
    const e = text[i + 1];
    let consumed = 2;
    switch (e) {
      case '"':
      case '\\':
        parts.push(e);
        break;
      case 'n':
        parts.push('\n');
        break;
      case 't':
        parts.push('\t');
        break;
      case 'r':
        parts.push('\r');
        break;
      case 'b':
        parts.push('\b');
        break;
      case 'f':
        parts.push('\f');
        break;
      case 'u': {
        const hex = text.slice(i + 2, i + 6);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          parts.push(String.fromCharCode(parseInt(hex, 16)));
          consumed = 6;
        } else {
          errors.push({ message: messages.invalidEscape(`\\u${hex.replace(/[^0-9a-fA-F].*$/s, '')}`), start: i, end: i + 2 });
          parts.push('u');
        }
        break;
      }
      default: {
        // A character beyond U+FFFF is two code units: the escape takes both, never half of one.
        const escaped = String.fromCodePoint(text.codePointAt(i + 1) as number);
        consumed = 1 + escaped.length;
        errors.push({ message: messages.invalidEscape(`\\${escaped}`), start: i, end: i + consumed });
        parts.push(escaped);
      }
    }
    i += consumed;
    runStart = i;
  }
}
