// A small seeded random source (mulberry32), so that every generated input is the same on every
// machine and every run: figures compare only when the inputs do.
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}

const syllables = ['ca', 'll', 'ba', 'ck', 'cus', 'to', 'mer', 'vip', 'ti', 'cket', 're', 'new', 'al', 'or', 'der', 'sta', 'tus', 'pay', 'ment', 'due'];

/** A pronounceable lower-case word of 2 to 4 syllables. */
export function word(random: Random): string {
  let w = '';
  for (let n = 2 + random.int(3); n > 0; n--) w += random.pick(syllables);
  return w;
}

/** Words separated by spaces, cut to exactly `length` characters (at least one word when length > 0). */
export function sentence(random: Random, length: number): string {
  let s = '';
  while (s.length < length) s += (s ? ' ' : '') + word(random);
  return s.slice(0, length).trimEnd().padEnd(length, 'x');
}
