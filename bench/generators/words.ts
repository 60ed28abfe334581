// Pronounceable words and sentences of exact lengths for generated definitions and flows.
import { Random } from '../../test/support/random';

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
