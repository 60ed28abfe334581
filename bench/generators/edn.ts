// The generated flow code as values: printed as flow text (indented the way people write it) and
// converted to the equivalent JSON document, so that both peers read the same content.
export type Edn = string | number | boolean | Sym | Kw | List | Vec | EdnMap;
export interface Sym {
  sym: string;
}
export interface Kw {
  kw: string;
}
export interface List {
  list: Edn[];
  /** Items kept on the first line; the rest go one per line, indented. Undefined: all on one line. */
  inline?: number;
}
export interface Vec {
  vec: Edn[];
  multiline?: boolean;
}
export interface EdnMap {
  map: [Edn, Edn][];
  multiline?: boolean;
}

export const sym = (name: string): Sym => ({ sym: name });
export const kw = (name: string): Kw => ({ kw: name });
export const list = (items: Edn[], inline?: number): List => ({ list: items, inline });
export const map = (entries: [Edn, Edn][], multiline = false): EdnMap => ({ map: entries, multiline });

function ednString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Flow text of a value; `column` is where its first character lands (for aligned continuation lines). */
export function printEdn(value: Edn, column = 0, compact = false): string {
  if (typeof value === 'string') return ednString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('sym' in value) return value.sym;
  if ('kw' in value) return `:${value.kw}`;
  if ('list' in value) return printSequence('(', ')', value.list, compact ? undefined : value.inline, column, compact);
  if ('vec' in value) return printSequence('[', ']', value.vec, value.multiline && !compact ? 0 : undefined, column, compact);
  return printMap(value, column, compact);
}

function lastLineLength(text: string): number {
  const nl = text.lastIndexOf('\n');
  return nl < 0 ? text.length : text.length - nl - 1;
}

function printSequence(open: string, close: string, items: Edn[], inline: number | undefined, column: number, compact: boolean): string {
  let out = open;
  let col = column + 1;
  const indent = column + 2;
  items.forEach((item, i) => {
    if (inline !== undefined && i >= Math.max(inline, 1) && i > 0) {
      out += `\n${' '.repeat(indent)}`;
      col = indent;
    } else if (i > 0) {
      out += ' ';
      col += 1;
    }
    const printed = printEdn(item, col, compact);
    out += printed;
    col = printed.includes('\n') ? lastLineLength(printed) : col + printed.length;
  });
  return out + close;
}

function printMap(value: EdnMap, column: number, compact: boolean): string {
  let out = '{';
  let col = column + 1;
  value.map.forEach(([k, v], i) => {
    if (i > 0) {
      if (value.multiline && !compact) {
        out += `\n${' '.repeat(column + 1)}`;
        col = column + 1;
      } else {
        out += ' ';
        col += 1;
      }
    }
    const key = printEdn(k, col, compact);
    out += `${key} `;
    col += key.length + 1;
    const printed = printEdn(v, col, compact);
    out += printed;
    col = printed.includes('\n') ? lastLineLength(printed) : col + printed.length;
  });
  return `${out}}`;
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The same content as JSON: lists and vectors as arrays, maps as objects, words as strings. */
export function toJson(value: Edn): Json {
  if (typeof value !== 'object') return value;
  if ('sym' in value) return value.sym;
  if ('kw' in value) return `:${value.kw}`;
  if ('list' in value) return value.list.map(toJson);
  if ('vec' in value) return value.vec.map(toJson);
  const object: { [key: string]: Json } = {};
  for (const [k, v] of value.map) object[typeof k === 'object' && 'kw' in k ? k.kw : String(toJson(k))] = toJson(v);
  return object;
}
