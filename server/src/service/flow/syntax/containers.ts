// What the reader checks of a container: a map's keys paired with values, a set's members each
// there once; and the one error for a run of forms left open together, naming every opener.
import { UnclosedOpener, messages } from '../../codes';
import { Ch } from './atoms';
import { FlowNode, MapEntry, MapNode, ReaderError, SetNode } from './tree';

/** Pairs a map's children into entries; a key left without a value is a reader error. */
export function pairEntries(map: MapNode, text: string, errors: ReaderError[]): void {
  const children = map.children;
  // Sized once: an array grown by `push` keeps room for 17 entries, most of it unused, for as long
  // as the tree lives. One object shape for every entry (`value` set even when missing).
  const entries: MapEntry[] = new Array<MapEntry>((children.length + 1) >> 1);
  for (let k = 0; k < children.length; k += 2) entries[k >> 1] = { key: children[k], value: children[k + 1] };
  map.entries = entries;
  if (children.length % 2 === 1) {
    const key = children[children.length - 1];
    errors.push({ message: messages.mapKeyWithoutValue(shown(text, key)), start: key.start, end: key.end });
  }
}

function shown(text: string, node: FlowNode): string {
  return text.slice(node.start, Math.min(node.end, node.start + 40));
}

/**
 * What makes two constants equal, as EDN compares them; undefined for members not compared
 * (containers, and an unterminated string, reported already). Numbers compare as written, so
 * `1` and `1.0` differ, as they do in Clojure.
 */
function memberKey(node: FlowNode): string | undefined {
  switch (node.kind) {
    case 'string':
      return node.closed ? `"${node.value}` : undefined;
    case 'number':
      return `#${node.text}`;
    case 'keyword':
      return `:${node.name}`;
    case 'symbol':
      return `'${node.name}`;
    case 'event':
      return `*${node.name}`;
    case 'response':
      return `$${node.name}`;
    case 'template':
      return `+${node.name}`;
    case 'boolean':
      return String(node.value);
    case 'nil':
      return 'nil';
    default:
      return undefined;
  }
}

/** A set holds each value once: EDN makes a repeated member an error, and a Clojure reader refuses it. */
export function checkSetMembers(set: SetNode, text: string, errors: ReaderError[]): void {
  const members = set.children;
  if (members.length < 2) return;
  const seen = new Set<string>();
  for (const member of members) {
    const key = memberKey(member);
    if (key === undefined) continue;
    if (seen.has(key)) errors.push({ message: messages.duplicateSetMember(shown(text, member)), start: member.start, end: member.end });
    else seen.add(key);
  }
}

/** The opening bracket at an offset (`#{` for a set) and the closer it needs. */
function bracketAt(text: string, offset: number): { open: string; close: string } {
  switch (text.charCodeAt(offset)) {
    case Ch.OpenParen:
      return { open: '(', close: ')' };
    case Ch.OpenBracket:
      return { open: '[', close: ']' };
    case Ch.Hash:
      return { open: '#{', close: '}' };
    default:
      return { open: '{', close: '}' };
  }
}

/**
 * The one error for forms left open together (at the end of input, or where the recovering read
 * gave up on them), `openers` outermost first. It stands on the innermost opener: that form is
 * the one the reader was in when the text ran out, most often the one being typed, and its closer
 * is the first one missing. A run of one is the plain "never closed" error.
 */
export function unclosedRunError(text: string, openers: number[]): ReaderError {
  const innermost = openers[openers.length - 1];
  const { open, close } = bracketAt(text, innermost);
  const end = innermost + open.length;
  if (openers.length === 1) return { message: messages.unclosedBracket(open, close), start: innermost, end };
  return { message: unclosedFormsMessage(text, openers), start: innermost, end, openers };
}

/**
 * The message of a run error: without `position`, the openers alone (a tree's error keeps no
 * line numbers, which an edit above it would change); with it, each opener's 1-based line:column.
 */
export function unclosedFormsMessage(text: string, openers: readonly number[], position?: (offset: number) => { line: number; character: number }): string {
  const listed: UnclosedOpener[] = [];
  let closers = '';
  for (let k = 0; k < openers.length; k++) {
    const { open, close } = bracketAt(text, openers[k]);
    closers = close + closers;
    // Only the openers the message shows need a place.
    const shownInMessage = openers.length <= 6 || k < 3 || k >= openers.length - 3;
    const at = position !== undefined && shownInMessage ? position(openers[k]) : undefined;
    listed.push(at === undefined ? { open } : { open, line: at.line + 1, column: at.character + 1 });
  }
  return messages.unclosedForms(listed, closers);
}
