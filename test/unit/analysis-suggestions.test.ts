// Did-you-mean for flow words at the bounds of its two extra rules: swapped neighbouring letters,
// and a common start (`retry` for `retries`): how long, how much of the shorter word, how far apart
// in length; those come before the edit-distance matches, at most three in all.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { suggestionsFor } from '../../server/src/service/flow/analysis/suggestions';

describe('flow did-you-mean', () => {
  it('pins the bounds of swapped letters and common starts, and their order before the close matches', () => {
    const cases: [string, string[], string[]][] = [
      // A swap comes first, though `seed` is as close and sorts before it.
      ['sned', ['seed', 'send'], ['send', 'seed']],
      ['SNED', ['seed', 'send'], ['send', 'seed']],
      // Two letters are enough to swap.
      ['ab', ['ac', 'ba'], ['ba', 'ac']],
      // Four letters in common, three letters apart in length: a stem.
      ['minu', ['minutes'], ['minutes']],
      ['retry', ['retries', 'retry'], ['retries']],
      // Four letters apart in length, or a start of three: none.
      ['minu', ['minutesx'], []],
      ['min', ['minutes'], []],
      // The common start is two thirds of the shorter word, just; then just short of it.
      ['abcdxy', ['abcdzwq'], ['abcdzwq']],
      ['abcdxyz', ['abcdpqrs'], []],
      // The word itself is no suggestion; duplicates count once; three at most.
      ['send', ['send'], []],
      ['sned', ['send', 'send'], ['send']],
      ['wait', ['waits', 'waiter', 'waiting', 'awit'], ['waits', 'waiter', 'waiting']],
    ];
    for (const [word, candidates, expected] of cases) assert.deepEqual(suggestionsFor(word, candidates), expected, `${word} among ${candidates.join(' ')}`);
  });
});
