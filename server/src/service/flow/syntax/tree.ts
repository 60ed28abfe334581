// The syntax tree of flow code as the reader builds it: every node knows its exact source range
// and its parent, so that editor features can go from a cursor offset to its context and back.
//
// Offsets are UTF-16 offsets into the flow source text the tree was read from. For a `.cxflow`
// file that is the document text; for a `when`/`then` string of a `*.pattern.json` file it is the
// unescaped string value (see `FlowRegion` in index.ts for the mapping back to the document).
// Ranges are half-open: `start` is the first character, `end` is one past the last.
//
// Next to this file: `region.ts` maps offsets to document positions, `sides.ts` tells whether a
// node is on the when or the then side, `interactions.ts` splits an interaction into its parts,
// and the grammar tables (`analysis/grammar/`) list the forms valid in each position.
import type { VariableBinding } from '../analysis/variables';

/** A form that holds other forms. */
export type ContainerNode = ListNode | VectorNode | MapNode | SetNode | TaggedNode;

/** Any node of the tree. `kind` tells which. */
export type FlowNode =
  | ListNode
  | VectorNode
  | MapNode
  | SetNode
  | TaggedNode
  | KeywordNode
  | StringNode
  | NumberNode
  | BooleanNode
  | NilNode
  | EventValueNode
  | ResponseValueNode
  | TemplateRefNode
  | SymbolNode;

interface NodeBase {
  start: number;
  end: number;
  /** The enclosing container; `undefined` for a top-level form. */
  parent: ContainerNode | undefined;
}

interface ContainerBase extends NodeBase {
  /** Every form inside, in source order (for a map: keys and values alternating). */
  children: FlowNode[];
  /**
   * False when the closing bracket is missing (the reader reported it). An unclosed container
   * ends where the reader gave up on it: the end of input, the mismatched closer, or the line
   * where recovery closed it; so a cursor at the end of a half-typed `(send twilio |` is inside.
   */
  closed: boolean;
}

/** `(op arg ...)`: the first child is the operator (see `operatorOf`). */
export interface ListNode extends ContainerBase {
  kind: 'list';
}

/** `[a b ...]` */
export interface VectorNode extends ContainerBase {
  kind: 'vector';
}

/** One `key value` pair of a map. `value` is missing for the last key of an odd map. */
export interface MapEntry {
  key: FlowNode;
  value?: FlowNode;
}

/** `{k v ...}`: `children` holds keys and values in order; `entries` pairs them up. */
export interface MapNode extends ContainerBase {
  kind: 'map';
  entries: MapEntry[];
}

/** `#{"high" "medium"}`: a set of values (membership tests); a member written twice is a reader error. */
export interface SetNode extends ContainerBase {
  kind: 'set';
}

/**
 * `#inst "2014-06-18"`, `#uuid "..."`: a tagged literal, a constant value. `tag` is the tag without
 * the `#` (it spans `start` to `start + 1 + tag.length`); `children` holds the tagged form, or
 * nothing when none follows (a reader error). `closed` tells whether it has its form; the node
 * ends where that form ends, or without one where the reader gave up on it (a closer, a line
 * start in the recovering read, the end of input).
 */
export interface TaggedNode extends ContainerBase {
  kind: 'tagged';
  tag: string;
}

/** `:to-phone-number`; `name` is without the colon (`''` for a lone `:` being typed). */
export interface KeywordNode extends NodeBase {
  kind: 'keyword';
  name: string;
}

/** `"text"`; `value` is unescaped. `closed` is false for a string running to the end of input. */
export interface StringNode extends NodeBase {
  kind: 'string';
  value: string;
  closed: boolean;
}

/** `42`, `1.5`, `-3`; `text` as written. */
export interface NumberNode extends NodeBase {
  kind: 'number';
  value: number;
  text: string;
}

export interface BooleanNode extends NodeBase {
  kind: 'boolean';
  value: boolean;
}

export interface NilNode extends NodeBase {
  kind: 'nil';
}

/** `*phone-number*`: a field of the event record; `name` without the stars (a half-typed `*pho` gives `pho`). */
export interface EventValueNode extends NodeBase {
  kind: 'event';
  name: string;
}

/** `$call-id`: a value of the endpoint's response; `name` without the `$`. */
export interface ResponseValueNode extends NodeBase {
  kind: 'response';
  name: string;
}

/** `+TM1`: a stored message template; `name` without the `+`. */
export interface TemplateRefNode extends NodeBase {
  kind: 'template';
  name: string;
}

/**
 * Any other word: an operator, an integration or message name, a unit, a variable. The name is
 * kept whole: `result.sid` (field access, see `symbolParts`) and `even?` are one symbol each.
 */
export interface SymbolNode extends NodeBase {
  kind: 'symbol';
  name: string;
}

/** `; text` to the end of the line; `text` includes the leading semicolons. */
export interface FlowComment {
  start: number;
  end: number;
  text: string;
}

/**
 * `#_ form`: a form the reader read and dropped. It is not among the forms (nor its container's
 * children), so analysis never sees it; editor features that keep source as written (folding,
 * formatting) find it here. `start` is the `#` of `#_`, `end` the end of the dropped form. `form`
 * is missing when nothing followed the `#_` (a reader error); its `parent` is the container the
 * discard stands in, which does not list it.
 */
export interface DiscardedForm {
  start: number;
  end: number;
  form: FlowNode | undefined;
}

/** A reader error (unbalanced brackets, unterminated string, odd map, ...) at its exact place. */
export interface ReaderError {
  message: string;
  start: number;
  end: number;
  /**
   * For forms left open together (one error for the run): the offset of each opener, outermost
   * first. The message names them without places; the diagnostic names their lines and columns.
   */
  openers?: number[];
}

export interface FlowTree {
  /** The source the offsets point into. */
  text: string;
  /** Top-level forms in source order. */
  forms: FlowNode[];
  /** Every comment in source order; they are not part of `forms`. */
  comments: FlowComment[];
  /** Every `#_` discard in source order (a discard inside a discarded form included). */
  discards: DiscardedForm[];
  errors: ReaderError[];
  /** The `;; When` / `;; Then` marker comments, found when first asked for (see sides.ts). */
  markers?: { start: number; side: 'when' | 'then' }[];
  /** 4.2: the event fields its criteria maps name, found when first asked for (see editing/eventFields.ts). */
  eventFields?: string[];
  /** 4.2: every `def`, found when first asked for (see analysis/variables.ts). */
  globalDefinitions?: VariableBinding[];
}

export function isContainer(node: FlowNode | undefined): node is ContainerNode {
  if (node === undefined) return false;
  const kind = node.kind;
  return kind === 'list' || kind === 'vector' || kind === 'map' || kind === 'set' || kind === 'tagged';
}

/** Where the inside of a container begins: just after its opening bracket (`#{` for a set). */
function innerStart(node: ContainerNode): number {
  return node.kind === 'set' ? node.start + 2 : node.start + 1;
}

/** Where the inside of a container ends: at its closing bracket, or at its end when unclosed. */
function innerEnd(node: ContainerNode): number {
  return node.closed ? node.end - 1 : node.end;
}

/** Index of the child of `children` (sorted by start) whose range holds `offset`, or -1. */
function childIndexAt(children: readonly FlowNode[], offset: number): number {
  let lo = 0;
  let hi = children.length - 1;
  // Find the last child starting at or before offset.
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (children[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  return holds(children[found], offset) ? found : -1;
}

/**
 * Whether `offset` (a cursor position, between characters) is "in" a node.
 * An atom holds the positions from its start to its end inclusive, so that a cursor just after
 * `sen|` is in the symbol being typed. A container holds the positions strictly between its
 * brackets (`(|...)` up to `...|)`), so a cursor before `(` or after `)` is outside it; an
 * unclosed container holds everything up to its end. A tagged literal holds its whole range, as
 * an atom does, so that a cursor on its tag finds it.
 */
export function holds(node: FlowNode, offset: number): boolean {
  if (isContainer(node) && node.kind !== 'tagged') return offset >= innerStart(node) && offset <= innerEnd(node);
  return offset >= node.start && offset <= node.end;
}

/**
 * The innermost node holding `offset` (see `holds`), or `undefined` when the offset is between
 * top-level forms. A cursor in whitespace inside `(send twilio |)` gives the list, so callers
 * can tell "which container am I in" and "which word am I on" with one call:
 * - result is an atom: the cursor is on (or right after) that word; its parent is the container;
 * - result is a container: the cursor is between its children.
 * Iterative (binary search per level): safe on any nesting depth.
 */
export function nodeAt(tree: FlowTree, offset: number): FlowNode | undefined {
  const top = childIndexAt(tree.forms, offset);
  if (top < 0) return undefined;
  let node: FlowNode = tree.forms[top];
  for (;;) {
    if (!isContainer(node)) return node;
    const i = childIndexAt(node.children, offset);
    if (i < 0) return node;
    node = node.children[i];
  }
}

/** The containers enclosing `node`, outermost first (the node itself is not included). */
export function enclosingContainers(node: FlowNode): ContainerNode[] {
  const path: ContainerNode[] = [];
  for (let p = node.parent; p !== undefined; p = p.parent) path.push(p);
  return path.reverse();
}

/** The top-level form that holds `node` (the node itself when it is top-level). */
export function topLevelForm(node: FlowNode): FlowNode {
  let n: FlowNode = node;
  while (n.parent !== undefined) n = n.parent;
  return n;
}

/** The operator name of a list: its first child when that is a symbol (`send`, `=`, ...). */
export function operatorOf(list: FlowNode | undefined): string | undefined {
  if (list?.kind !== 'list') return undefined;
  const first = list.children[0];
  return first?.kind === 'symbol' ? first.name : undefined;
}

/** The operator symbol node of a list, for its range. */
export function operatorNode(list: ListNode): SymbolNode | undefined {
  const first = list.children[0];
  return first?.kind === 'symbol' ? first : undefined;
}

/** Index of `child` among its parent's children (-1 for a top-level form). */
export function indexInParent(child: FlowNode): number {
  return child.parent === undefined ? -1 : child.parent.children.indexOf(child);
}

/** For a node directly inside a map: the entry it belongs to and whether it is the key. */
export function mapEntryOf(node: FlowNode): { map: MapNode; entry: MapEntry; isKey: boolean } | undefined {
  const map = node.parent;
  if (map?.kind !== 'map') return undefined;
  for (const entry of map.entries) {
    if (entry.key === node) return { map, entry, isKey: true };
    if (entry.value === node) return { map, entry, isKey: false };
  }
  return undefined;
}

/** The key of a map entry as a field name: a keyword's name or a string key's value. */
export function keyName(key: FlowNode): string | undefined {
  if (key.kind === 'keyword') return key.name;
  if (key.kind === 'string') return key.value;
  return undefined;
}

/** One `.`-separated part of a symbol's name, with its range. */
export interface SymbolPart {
  name: string;
  start: number;
  end: number;
}

/**
 * The parts of a dotted symbol: `result.sid` gives `result` (the variable) and `sid` (a field
 * read from it), each with its range. A name without a dot is one part; `result.` being typed
 * ends with an empty part at the cursor. Split on demand, so reading pays nothing for it.
 */
export function symbolParts(symbol: SymbolNode): SymbolPart[] {
  const name = symbol.name;
  const parts: SymbolPart[] = [];
  let from = 0;
  for (;;) {
    const dot = name.indexOf('.', from);
    const to = dot < 0 ? name.length : dot;
    parts.push({ name: name.slice(from, to), start: symbol.start + from, end: symbol.start + to });
    if (dot < 0) return parts;
    from = dot + 1;
  }
}

/** The tagged form of a tagged literal (`"2014-06-18"` of `#inst "2014-06-18"`), if one followed the tag. */
export function taggedForm(node: TaggedNode): FlowNode | undefined {
  return node.children[0];
}

/** The value under `name` (a keyword or string key) in a map, the last one winning. */
export function mapValue(map: MapNode, name: string): FlowNode | undefined {
  for (let i = map.entries.length - 1; i >= 0; i--) {
    if (keyName(map.entries[i].key) === name) return map.entries[i].value;
  }
  return undefined;
}

/** The text of a map's string value under `:name`; undefined when it is missing or not a string. */
export function mapString(map: MapNode, name: string): string | undefined {
  const value = mapValue(map, name);
  return value?.kind === 'string' ? value.value : undefined;
}

/** The comment holding `offset` (from its `;` to the end of its line), if any. */
export function commentAt(tree: FlowTree, offset: number): FlowComment | undefined {
  const comments = tree.comments;
  let lo = 0;
  let hi = comments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = comments[mid];
    if (offset < c.start) hi = mid - 1;
    else if (offset > c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}

/** Whether `offset` is inside a string literal (after its opening quote, before its closing one). */
export function inStringAt(tree: FlowTree, offset: number): boolean {
  const node = nodeAt(tree, offset);
  return node?.kind === 'string' && offset > node.start && (!node.closed || offset < node.end);
}
