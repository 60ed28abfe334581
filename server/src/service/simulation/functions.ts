// The functions of the flow language (math, lists, predicates), as in Clojure. `rand` is the one
// that cannot be: a run must give the same trace every time, so it answers 0 (the trace says so).
import { equal, isMap, truthy, Value } from './values';

/** A function given a value it cannot take: the run notes it and goes on with nil. */
export class EvalError extends Error {}

function num(v: Value, fn: string): number {
  if (typeof v === 'number') return v;
  throw new EvalError(`${fn} takes numbers, not ${JSON.stringify(v)}`);
}

function list(v: Value, fn: string): Value[] {
  if (Array.isArray(v)) return v;
  if (v === null) return [];
  throw new EvalError(`${fn} takes a list, not ${JSON.stringify(v)}`);
}

function nums(args: Value[], fn: string): number[] {
  return args.map((a) => num(a, fn));
}

const gcd2 = (a: number, b: number): number => {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
};

function compare(args: Value[], fn: string, test: (a: number, b: number) => boolean): boolean {
  const n = nums(args, fn);
  for (let i = 1; i < n.length; i++) if (!test(n[i - 1], n[i])) return false;
  return true;
}

function containsValue(coll: Value, item: Value): boolean {
  if (typeof coll === 'string') return typeof item === 'string' && coll.includes(item);
  if (Array.isArray(coll)) return coll.some((c) => equal(c, item));
  if (isMap(coll)) return typeof item === 'string' && Object.prototype.hasOwnProperty.call(coll, item);
  return false;
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

type Fn = (args: Value[], name: string) => Value;

const table: Record<string, Fn> = {
  '+': (a, f) => nums(a, f).reduce((x, y) => x + y, 0),
  '-': (a, f) => (a.length === 1 ? -num(a[0], f) : nums(a, f).reduce((x, y) => x - y)),
  '*': (a, f) => nums(a, f).reduce((x, y) => x * y, 1),
  '/': (a, f) => {
    const n = nums(a, f);
    if (n.slice(1).some((d) => d === 0)) throw new EvalError('/ by zero');
    return n.length === 1 ? 1 / n[0] : n.reduce((x, y) => x / y);
  },
  mod: (a, f) => {
    const [x, y] = nums(a, f);
    if (y === 0) throw new EvalError('mod by zero');
    return ((x % y) + y) % y;
  },
  rem: (a, f) => {
    const [x, y] = nums(a, f);
    if (y === 0) throw new EvalError('rem by zero');
    return x % y;
  },
  quot: (a, f) => {
    const [x, y] = nums(a, f);
    if (y === 0) throw new EvalError('quot by zero');
    return Math.trunc(x / y);
  },
  gcd: (a, f) => nums(a, f).reduce(gcd2, 0),
  lcm: (a, f) => nums(a, f).reduce((x, y) => (x === 0 || y === 0 ? 0 : Math.abs(x * y) / gcd2(x, y)), 1),
  rand: () => 0,
  pow: (a, f) => Math.pow(num(a[0], f), num(a[1], f)),
  abs: (a, f) => Math.abs(num(a[0], f)),
  floor: (a, f) => Math.floor(num(a[0], f)),
  ceil: (a, f) => Math.ceil(num(a[0], f)),
  sqrt: (a, f) => Math.sqrt(num(a[0], f)),
  inc: (a, f) => num(a[0], f) + 1,
  dec: (a, f) => num(a[0], f) - 1,
  sum: (a, f) => nums(list(a[0], f), f).reduce((x, y) => x + y, 0),
  min: (a, f) => {
    const xs = a.length === 1 && Array.isArray(a[0]) ? nums(a[0], f) : nums(a, f);
    return xs.length === 0 ? null : xs.reduce((x, y) => (y < x ? y : x));
  },
  max: (a, f) => {
    const xs = a.length === 1 && Array.isArray(a[0]) ? nums(a[0], f) : nums(a, f);
    return xs.length === 0 ? null : xs.reduce((x, y) => (y > x ? y : x));
  },
  avg: (a, f) => mean(nums(list(a[0], f), f)),
  stdev: (a, f) => {
    const xs = nums(list(a[0], f), f);
    const m = mean(xs);
    return Math.sqrt(mean(xs.map((x) => (x - m) * (x - m))));
  },
  count: (a) => (typeof a[0] === 'string' ? a[0].length : Array.isArray(a[0]) ? a[0].length : isMap(a[0]) ? Object.keys(a[0]).length : 0),
  first: (a, f) => list(a[0], f)[0] ?? null,
  last: (a, f) => {
    const l = list(a[0], f);
    return l.length === 0 ? null : l[l.length - 1];
  },
  nth: (a, f) => list(a[0], f)[num(a[1], f)] ?? null,
  'even?': (a, f) => num(a[0], f) % 2 === 0,
  'odd?': (a, f) => Math.abs(num(a[0], f) % 2) === 1,
  'zero?': (a, f) => num(a[0], f) === 0,
  'pos?': (a, f) => num(a[0], f) > 0,
  'neg?': (a, f) => num(a[0], f) < 0,
  '<': (a, f) => compare(a, f, (x, y) => x < y),
  '<=': (a, f) => compare(a, f, (x, y) => x <= y),
  '>': (a, f) => compare(a, f, (x, y) => x > y),
  '>=': (a, f) => compare(a, f, (x, y) => x >= y),
  '=': (a) => a.every((x) => equal(x, a[0])),
  'not=': (a) => !a.every((x) => equal(x, a[0])),
  not: (a) => !truthy(a[0]),
  'contains?': (a) => containsValue(a[0], a[1]),
  contains: (a) => containsValue(a[0], a[1]),
  str: (a) => a.map((x) => (x === null ? '' : typeof x === 'string' ? x : JSON.stringify(x))).join(''),
};

export function isFunction(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, name);
}

/** Calls a function by name with evaluated arguments. */
export function callFunction(name: string, args: Value[]): Value {
  const fn = table[name];
  if (fn === undefined) throw new EvalError(`no function \`${name}\``);
  if ((name === '-' || name === '/') && args.length === 0) throw new EvalError(`${name} takes at least one number`);
  let result: Value;
  try {
    result = fn(args, name);
  } catch (error) {
    // Whatever a function cannot take is the program's mistake, never the run's end.
    throw error instanceof EvalError ? error : new EvalError(`${name}: ${(error as Error).message}`);
  }
  if (typeof result === 'number' && !Number.isFinite(result)) throw new EvalError(`${name} gives no finite number`);
  return result;
}
