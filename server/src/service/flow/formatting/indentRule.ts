// Where a line inside a form starts, by the rules of cljfmt (and Calva): one rule shared by the
// formatter, which knows the columns it has written, and by on-type indentation, which reads them.
import { bodyIndexOf } from '../analysis/bodyForms';
import { ContainerNode } from '../syntax/tree';

/** What the indentation of a line inside a container depends on. */
export interface LineContext {
  kind: ContainerNode['kind'];
  /** Column of the container's first character (`(`, `[`, `{`, the `#` of `#{` or of a tag). */
  openColumn: number;
  /** The operator of a list, when its first element is a symbol. */
  operator: string | undefined;
  /**
   * Index of the element that starts the line among the container's elements (operator = 0); for
   * a line starting with a comment, a discard or the closing bracket, the index the next element
   * would have.
   */
  index: number;
  /** Column of element 1 (the first argument) when it comes before the line, else undefined. */
  firstArgumentColumn: number | undefined;
  /**
   * For a form with a body (see `bodyForms`): whether its first body element starts a line; true
   * when that element is the one starting this line, or does not exist yet.
   */
  bodyStartsLine: boolean;
}

/**
 * The column a line inside a container starts at:
 * - vector, map: one past the opening bracket (map keys align); set: one past `#{`;
 * - a form with a body whose body starts on a line of its own: two spaces in from `(`;
 * - any other list: aligned with the first argument when the line's element comes after it,
 *   one past `(` otherwise;
 * - the form of a tagged literal: under the tag.
 */
export function lineColumn(line: LineContext): number {
  switch (line.kind) {
    case 'vector':
    case 'map':
      return line.openColumn + 1;
    case 'set':
      return line.openColumn + 2;
    case 'tagged':
      return line.openColumn;
    case 'list': {
      const body = bodyIndexOf(line.operator);
      if (body !== undefined && line.index > body && line.bodyStartsLine) return line.openColumn + 2;
      if (line.index > 1 && line.firstArgumentColumn !== undefined) return line.firstArgumentColumn;
      return line.openColumn + 1;
    }
  }
}
