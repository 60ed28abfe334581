// W3's input: a `*.pattern.json` export of `patterns` patterns whose `when`/`then` strings hold
// flow code on one line, as the REST API returns them.
import { seededRandom } from '../../test/support/random';
import { sentence } from './words';
import { builtinCatalogue } from './catalogue';
import { printEdn } from './edn';
import { generatePattern } from './flowFile';

export interface PatternFileOptions {
  patterns: number;
  seed: number;
  /** Most sends in one pattern's `then`. */
  maxSends?: number;
}

export interface PatternFile {
  text: string;
  patterns: number;
  sends: number;
}

export function generatePatternFile(options: PatternFileOptions): PatternFile {
  const random = seededRandom(options.seed);
  const patterns: unknown[] = [];
  let sends = 0;
  for (let n = 1; n <= options.patterns; n++) {
    const p = generatePattern(random, n, options.maxSends ?? 3, builtinCatalogue, 0.01);
    sends += p.sends;
    const entries = p.form.map;
    const [, status] = entries[1];
    const [, when] = entries[2];
    const [, then] = entries[3];
    patterns.push({
      name: `Pattern ${n}`,
      description: sentence(random, 20 + random.int(40)),
      status,
      when: printEdn(when, 0, true),
      then: printEdn(then, 0, true),
    });
  }
  return { text: `${JSON.stringify(patterns, null, 2)}\n`, patterns: patterns.length, sends };
}
