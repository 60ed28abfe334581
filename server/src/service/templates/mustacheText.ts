// A Mustache text read as the simulator renders it: the names its tags read (`{{name}}`,
// `{{{name}}}`, `{{#section}}`), each with where it stands in the text, or the syntax error that
// stops Mustache, placed on the tag at fault. Offsets are into the text's value, not its source.
import Mustache from 'mustache';

export interface MustacheName {
  /** As written in the tag, dots included (`result.sid`). */
  name: string;
  start: number;
  end: number;
}

export interface MustacheProblem {
  message: string;
  start: number;
  end: number;
}

export interface MustacheRead {
  names: MustacheName[];
  error?: MustacheProblem;
}

type Token = [string, string, number, number, Token[]?];

/** Tags whose value is a name the view is asked for. */
const nameTags = new Set(['name', '&', '#', '^']);

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the tag behind a Mustache error stands: its message says an offset, the tag is near it. */
function placeError(text: string, message: string): MustacheProblem {
  const at = /at (\d+)$/.exec(message);
  const offset = at === null ? 0 : Math.min(Number(at[1]), text.length);
  const unclosedSection = /^Unclosed section "(.*)"/.exec(message);
  if (unclosedSection !== null) {
    // The offset is where the text ended or a wrong closer stood; the section opened before it.
    const opener = new RegExp(`\\{\\{\\s*[#^]\\s*${escaped(unclosedSection[1])}\\s*\\}\\}`, 'g');
    let found: RegExpExecArray | null = null;
    for (let m = opener.exec(text); m !== null && m.index < offset; m = opener.exec(text)) found = m;
    if (found !== null) return { message, start: found.index, end: found.index + found[0].length };
  }
  if (message.startsWith('Unclosed tag')) {
    const open = text.lastIndexOf('{{', offset);
    return { message, start: open < 0 ? offset : open, end: offset };
  }
  const close = text.indexOf('}}', offset);
  return { message, start: offset, end: close < 0 ? text.length : close + 2 };
}

/** The names and the first syntax error of a Mustache text. */
export function readMustache(text: string): MustacheRead {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as unknown as Token[];
  } catch (error) {
    return { names: [], error: placeError(text, (error as Error).message) };
  }
  const names: MustacheName[] = [];
  // Sections hold their own tokens: a work list, not recursion, walks them.
  const stack: Token[][] = [tokens];
  while (stack.length > 0) {
    const list = stack.pop() as Token[];
    for (const token of list) {
      const [type, value, start, end, children] = token;
      if (nameTags.has(type)) {
        const inTag = text.indexOf(value, start);
        const nameStart = inTag >= 0 && inTag < end ? inTag : start;
        names.push({ name: value, start: nameStart, end: nameStart + value.length });
      }
      if (children !== undefined) stack.push(children);
    }
  }
  return { names: names.sort((a, b) => a.start - b.start) };
}

/** The name being typed at `offset` of a text, when the offset is inside an open `{{` tag: its start and the part typed. */
export function openTagAt(text: string, offset: number): { start: number; end: number; typed: string } | undefined {
  if (offset < 2) return undefined;
  const open = text.lastIndexOf('{{', offset - 2);
  if (open < 0) return undefined;
  const closedBefore = text.lastIndexOf('}}', offset - 1);
  if (closedBefore > open) return undefined;
  let start = open + 2;
  while (start < offset && '{&#^/ '.includes(text[start])) start++;
  const typed = text.slice(start, offset);
  if (!/^[\w.$?!*+-]*$/.test(typed)) return undefined;
  let end = offset;
  while (end < text.length && /[\w.$?!*+-]/.test(text[end])) end++;
  return { start, end, typed };
}
