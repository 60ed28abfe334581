// The `#` forms of flow source besides sets and discards: tagged literals (`#inst "2014-06-18"`,
// `#uuid "..."`) and the Clojure dispatches the flow language does not have (`#(`, `#"regex"`,
// `#'var`), each reported at its place so that reading goes on.
import { messages } from '../../codes';
import { Ch, isDelimiter } from './atoms';
import { FlowNode, ReaderError, TaggedNode } from './tree';

/** Whether the character after a `#` starts a tag: EDN tags begin with a letter. */
export function isTagStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The tags every EDN reader knows, with the string each takes. */
const builtinTags: Record<string, { pattern: RegExp; example: string }> = {
  // RFC 3339, with every part after the year optional, as Clojure's `#inst` reader takes it.
  inst: {
    pattern:
      /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3])(?::[0-5]\d(?::(?:[0-5]\d|60)(?:\.\d+)?)?)?)?)?)?(?:Z|[-+](?:[01]\d|2[0-3]):[0-5]\d)?$/,
    example: '"2014-06-18T12:30:00Z"',
  },
  uuid: { pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, example: '"f81d4fae-7dec-11d0-a765-00a0c91e6bf6"' },
};

/**
 * A tag that is neither built in nor namespaced is an error: EDN reserves tags without a
 * namespace, and a Clojure reader refuses one it has no reader for.
 */
export function checkTag(tag: string, start: number, end: number, errors: ReaderError[]): void {
  if (Object.prototype.hasOwnProperty.call(builtinTags, tag) || tag.includes('/')) return;
  errors.push({ message: messages.unknownTag(tag), start, end });
}

/** `#inst` and `#uuid` take a string of their format; an unterminated string is reported already. */
export function checkTaggedForm(node: TaggedNode, form: FlowNode, errors: ReaderError[]): void {
  if (!Object.prototype.hasOwnProperty.call(builtinTags, node.tag)) return;
  const { pattern, example } = builtinTags[node.tag];
  if (form.kind === 'string' && (!form.closed || pattern.test(form.value))) return;
  errors.push({ message: messages.invalidTaggedForm(node.tag, example), start: form.start, end: form.end });
}

/** What the Clojure dispatches that flow code does not have are, by the character after the `#`. */
const dispatchNames: Record<string, string> = {
  '(': 'an anonymous function',
  '"': 'a regular expression',
  "'": 'a var quote',
  '#': 'a symbolic value',
  '?': 'a reader conditional',
  ':': 'a namespaced map',
  '^': 'metadata',
  '=': 'read-time evaluation',
  '!': 'a shebang line',
  '<': 'an unreadable object',
};

/**
 * Reports a `#` dispatch flow code does not have, on the `#` and the character after it, and
 * returns where reading goes on: after the dispatch, but before a bracket or quote, so that what
 * follows is read as it stands (`#(...)` as a list, `#"..."` as a string, `##Inf` as `Inf`) and
 * brackets and quotes stay balanced.
 */
export function unsupportedDispatch(text: string, at: number, errors: ReaderError[]): number {
  const next = at + 1 < text.length ? text.charCodeAt(at + 1) : -1;
  // The range takes the character after the `#` when it belongs to the dispatch, not when it is
  // whitespace or a closer read on its own.
  const opensSomething = next === Ch.OpenParen || next === Ch.OpenBracket || next === Ch.Quote;
  const end = next < 0 || (isDelimiter(next) && !opensSomething) ? at + 1 : at + 2;
  const dispatch = text.slice(at, end);
  const what = end === at + 2 ? dispatchNames[text[at + 1]] : undefined;
  errors.push({ message: messages.unsupportedDispatch(dispatch, what), start: at, end });
  return opensSomething ? at + 1 : end;
}
