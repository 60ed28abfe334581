// The one seeded random source (mulberry32) of the tests and the benchmarks, so that every
// generated input is the same on every machine and every run: a failure replays, figures compare.
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

/** `length` pieces drawn from `alphabet` (characters of a string, or the strings of a list). */
export function randomText(random: Random, length: number, alphabet: string | readonly string[]): string {
  const pieces = typeof alphabet === 'string' ? [...alphabet] : alphabet;
  let text = '';
  for (let i = 0; i < length; i++) text += random.pick(pieces);
  return text;
}

/** `length` random bytes read as Latin-1 text: every char code 0 to 255. */
export function randomBytes(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(random.int(256));
  return text;
}

/**
 * How many steps a random-edit property test takes: `steps`, or a quarter of them in a mutation run
 * (`test/mutation/nodeTestOnMocha.ts` sets `CXENGAGE_PROPERTY_SCALE`). Every mutant of the reader
 * runs these tests, and a mutant that loops holds a worker for a time limit set from their length;
 * the first steps, the same seeded edits, are where a wrong re-read shows.
 */
export function propertySteps(steps: number): number {
  const scale = Number(process.env.CXENGAGE_PROPERTY_SCALE ?? '1');
  return scale > 0 && scale < 1 ? Math.ceil(steps * scale) : steps;
}
