// The functions of the 4.2 flow language (flow-dsl-4.2.md, and the platform guide's lists): math
// on numbers, lists, and predicates. Each is one line: name, kind, arguments, what it does.
import { FunctionKind } from './signature';

export interface FunctionSpec {
  name: string;
  kind: FunctionKind;
  /**
   * Its arguments as the shape writes them: `<x>` one, `<x>?` maybe one, `<x>*` any number,
   * `<x>+` one or more. `<pred:criterion>`: a predicate missing its first argument (`filter`).
   */
  args: string;
  doc: string;
}

const fn = (name: string, kind: FunctionKind, args: string, doc: string): FunctionSpec => ({ name, kind, args, doc });

export const functions42: readonly FunctionSpec[] = [
  fn('+', 'math', '<x>*', 'The sum of the numbers.'),
  fn('-', 'math', '<x> <y>*', 'The first number minus the others (one number: its negation).'),
  fn('*', 'math', '<x>*', 'The product of the numbers.'),
  fn('/', 'math', '<x> <y>*', 'The first number divided by the others.'),
  fn('mod', 'math', '<x> <y>', 'The modulus of `x` by `y`.'),
  fn('quot', 'math', '<x> <y>', 'Integer division of `x` by `y`.'),
  fn('rem', 'math', '<x> <y>', 'The remainder of `x` divided by `y`.'),
  fn('gcd', 'math', '<x> <y>', 'The greatest common divisor.'),
  fn('lcm', 'math', '<x> <y>', 'The least common multiple.'),
  fn('rand', 'math', '<n>?', 'A random integer (below `n`).'),
  fn('pow', 'math', '<x> <y>', '`x` to the power `y`.'),
  fn('abs', 'math', '<x>', 'The absolute value.'),
  fn('floor', 'math', '<x>', 'Rounded down.'),
  fn('ceil', 'math', '<x>', 'Rounded up.'),
  fn('sqrt', 'math', '<x>', 'The square root.'),
  fn('inc', 'math', '<x>', 'One more.'),
  fn('dec', 'math', '<x>', 'One less.'),

  fn('sum', 'list', '<list>', 'The sum of the list.'),
  fn('min', 'list', '<x>+', 'The smallest value (of a list, or of the values given).'),
  fn('max', 'list', '<x>+', 'The largest value (of a list, or of the values given).'),
  fn('avg', 'list', '<list>', 'The average of the list.'),
  fn('stdev', 'list', '<list>', 'The standard deviation of the list.'),
  fn('count', 'list', '<list>', 'The length of the list.'),
  fn('all', 'list', '<field>', 'Every value collected for an event field: `(all $amount)`.'),
  fn('filter', 'list', '<pred:criterion> <list>', 'The members of the list the predicate holds for; the predicate leaves out its first argument: `(filter (>= 10) (all $amount))`.'),
  fn('remove', 'list', '<pred:criterion> <list>', 'The members of the list the predicate does not hold for: `(remove (< 10) (all $amount))`.'),
  fn('first', 'list', '<list>', 'The first member.'),
  fn('last', 'list', '<list>', 'The last member.'),
  fn('nth', 'list', '<list> <index>', 'The member at a zero-based index.'),

  fn('even?', 'predicate', '<x>', 'True for an even number.'),
  fn('odd?', 'predicate', '<x>', 'True for an odd number.'),
  fn('zero?', 'predicate', '<x>', 'True for zero.'),
  fn('pos?', 'predicate', '<x>', 'True for a number above zero.'),
  fn('neg?', 'predicate', '<x>', 'True for a number below zero.'),
  fn('<', 'predicate', '<a> <b>+', 'Less than: `(< 1 5)` is true.'),
  fn('<=', 'predicate', '<a> <b>+', 'Less than or equal.'),
  fn('>', 'predicate', '<a> <b>+', 'Greater than: `(> 5 1)` is true.'),
  fn('>=', 'predicate', '<a> <b>+', 'Greater than or equal.'),
  fn('=', 'predicate', '<a> <b>+', 'Equal.'),
  fn('not', 'predicate', '<x>', 'True when `x` is false or nil.'),
  fn('and', 'predicate', '<x>+', 'True when every argument is.'),
  fn('or', 'predicate', '<x>+', 'True when any argument is.'),
  fn('contains?', 'predicate', '<coll> <x>', 'True when the collection holds `x`.'),
];
