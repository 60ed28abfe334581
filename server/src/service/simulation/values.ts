// The values a running pattern computes with: JSON-like data (events, responses and params are
// JSON), compared and shown the way the flow language's Clojure roots do.
export type Value = null | boolean | number | string | Value[] | { [field: string]: Value };

export type ValueMap = { [field: string]: Value };

export function isMap(v: Value | undefined): v is ValueMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Clojure truth: everything but `nil` and `false`. */
export function truthy(v: Value | undefined): boolean {
  return v !== null && v !== false && v !== undefined;
}

/** Value equality: numbers by value, lists and maps member by member (iterative). */
export function equal(a: Value | undefined, b: Value | undefined): boolean {
  const stack: [Value | undefined, Value | undefined][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop() as [Value | undefined, Value | undefined];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) stack.push([x[i], y[i]]);
      continue;
    }
    if (isMap(x) && isMap(y)) {
      const kx = Object.keys(x);
      if (kx.length !== Object.keys(y).length) return false;
      for (const k of kx) {
        if (!Object.prototype.hasOwnProperty.call(y, k)) return false;
        stack.push([x[k], y[k]]);
      }
      continue;
    }
    return false;
  }
  return true;
}

/** A value as one line of trace text: strings quoted, data as JSON. */
export function show(v: Value | undefined): string {
  if (v === undefined || v === null) return 'nil';
  return JSON.stringify(v);
}

/** A field of a map value, following `a.b.c`; undefined where a part is missing. */
export function fieldPath(v: Value | undefined, path: readonly string[]): Value | undefined {
  let cur = v;
  for (const part of path) {
    if (!isMap(cur) || !Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** JSON data read from outside (events, mocks) as a value; other types (undefined, functions) give undefined. */
export function fromJson(data: unknown): Value | undefined {
  if (data === null || typeof data === 'boolean' || typeof data === 'string') return data;
  if (typeof data === 'number') return Number.isFinite(data) ? data : undefined;
  if (typeof data === 'object') return data as Value;
  return undefined;
}
