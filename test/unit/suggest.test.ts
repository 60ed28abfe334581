// Did-you-mean over names (definition keys, params, enum values): the bound that grows with the
// word, a swap of neighbouring letters as one edit, case-only differences first, ties by name, and
// a param's tail after its prefix.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeMatches, closest, closestName } from '../../server/src/service/suggest';
import { enumSuggestions } from '../../server/src/service/enumValues';

describe('did-you-mean over names', () => {
  it('finds candidates within a bound that grows with the word, best first, ties by name', () => {
    const cases: [string, string[], number | undefined, string[]][] = [
      // Up to 5 letters: one edit; 6 to 8: two; 9 and more: three, never more.
      ['abcde', ['abcdX', 'abcXY'], undefined, ['abcdX']],
      ['abcdef', ['abcdXY', 'abcXYZ'], undefined, ['abcdXY']],
      ['abcdefghi', ['abcdefXYZ', 'abcdeWXYZ'], undefined, ['abcdefXYZ']],
      ['abcdefghijklmnop', ['abcdefghijklmXYZ', 'abcdefghijklWXYZ'], undefined, ['abcdefghijklmXYZ']],
      ['ab', ['aX', 'XY'], undefined, ['aX']],
      // Length apart more than the bound: no distance needed, no match.
      ['abcde', ['abcdeXY'], undefined, []],
      ['abcde', ['abcdeX'], undefined, ['abcdeX']],
      // Case only is closer than one edit; a swap counts as one edit, like a wrong letter.
      ['Colour', ['colour', 'colous'], undefined, ['colour', 'colous']],
      ['cdoe', ['code', 'cdoX'], undefined, ['cdoX', 'code']],
      ['cdoef', ['codef', 'cdoeX', 'Xdoef'], undefined, ['Xdoef', 'cdoeX', 'codef']],
      ['abcd', ['badc'], undefined, []],
      ['abcd', ['abdc'], undefined, ['abdc']],
      ['abcd', ['bacd'], undefined, ['bacd']],
      ['abcd', ['acbd'], undefined, ['acbd']],
      ['abcdefg', ['abdcefg', 'abcdefX'], undefined, ['abcdefX', 'abdcefg']],
      // The word itself is no suggestion; the limit holds.
      ['code', ['code'], undefined, []],
      ['wait', ['wai1', 'wai2', 'wai3', 'wai4'], undefined, ['wai1', 'wai2', 'wai3']],
      ['wait', ['wai4', 'wai3', 'wai2', 'wai1'], 2, ['wai1', 'wai2']],
      ['wait', ['wXit', 'wait!', 'wai'], 5, ['wXit', 'wai', 'wait!']],
    ];
    for (const [word, candidates, limit, expected] of cases)
      assert.deepEqual(closeMatches(word, candidates, limit), expected, `${word} among ${candidates.join(' ')}`);
    assert.equal(closest('mesage', ['massage', 'message']), 'message');
    assert.equal(closest('xyz', ['message']), undefined);
  });

  it('falls back to a tail after a separator for prefixed names', () => {
    assert.equal(closestName('pasword', ['api-password', 'login']), 'api-password');
    assert.equal(closestName('token', ['x_tokn', 'y.other']), 'x_tokn');
    assert.equal(closestName('secret', ['a-b-secret']), 'a-b-secret');
    assert.equal(closestName('b-secrt', ['a-b-secret']), 'a-b-secret');
    // The whole name wins over a tail; the first candidate owns a shared tail.
    assert.equal(closestName('logn', ['login', 'x-logn']), 'login');
    assert.equal(closestName('kex', ['one-key', 'two-key']), 'one-key');
    // An empty tail is none; nothing close at all is undefined.
    assert.equal(closestName('zzz', ['abc-', 'q']), undefined);
    assert.equal(closestName('', ['abc-']), undefined);
    assert.equal(closestName('xyzzy', ['api-password']), undefined);
  });

  it('orders enum values for a quick fix: a synonym or the close ones first, then the rest', () => {
    const kinds = ['mandatory', 'optional'];
    assert.deepEqual(enumSuggestions('required', kinds), { suggestions: ['mandatory', 'optional'], likely: true });
    assert.deepEqual(enumSuggestions('Required', kinds), { suggestions: ['mandatory', 'optional'], likely: true });
    assert.deepEqual(enumSuggestions('must', kinds), { suggestions: ['mandatory', 'optional'], likely: true });
    assert.deepEqual(enumSuggestions('optinal', kinds), { suggestions: ['optional', 'mandatory'], likely: true });
    assert.deepEqual(enumSuggestions('whatever', kinds), { suggestions: ['mandatory', 'optional'], likely: false });
    // A synonym whose value the schema does not allow is no suggestion.
    assert.deepEqual(enumSuggestions('secret', kinds), { suggestions: ['mandatory', 'optional'], likely: false });
    assert.deepEqual(enumSuggestions('hidden', ['text', 'password']), { suggestions: ['password', 'text'], likely: true });
    assert.deepEqual(enumSuggestions('constructor', kinds), { suggestions: ['mandatory', 'optional'], likely: false });
  });
});
