// The variables in scope: locals as a linked list (innermost first, each name once for
// did-you-mean), and the globals' identity (count and two hashes) that tells a cached form analysis
// whether the names defined before it are still the same.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bind, Globals, localNames, lookupLocal, Scope } from '../../server/src/service/flow/analysis/scope';
import { SymbolNode } from '../../server/src/service/flow/syntax/tree';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import { seededRandom, randomText } from '../support/random';

function globalsOf(names: readonly string[]): Globals {
  const globals = new Globals();
  for (const name of names) globals.define(name);
  return globals;
}

const identity = (g: Globals) => `${g.count}/${g.hash}/${g.hash2}`;

describe('scope: locals', () => {
  it('looks up the innermost binding of a name and lists each name once, innermost first', () => {
    const [x, y, x2] = readFlow('x y x').forms as SymbolNode[];
    let scope: Scope = undefined;
    assert.equal(lookupLocal(scope, 'x'), undefined);
    assert.deepEqual(localNames(scope), []);
    scope = bind(scope, x, 'let');
    scope = bind(scope, y, 'if-let');
    scope = bind(scope, x2, 'when-let');
    assert.equal(lookupLocal(scope, 'x')?.node, x2);
    assert.equal(lookupLocal(scope, 'x')?.rule, 'when-let');
    assert.equal(lookupLocal(scope, 'y')?.node, y);
    assert.equal(lookupLocal(scope, 'z'), undefined);
    assert.deepEqual(localNames(scope), ['x', 'y']);
  });
});

describe('scope: globals', () => {
  it('starts empty, and counts and holds what it is told', () => {
    const empty = new Globals();
    assert.deepEqual([empty.count, empty.hash, empty.hash2, [...empty.all()]], [0, 0, 0x811c9dc5, []]);
    const g = globalsOf(['a', 'b', 'a']);
    assert.deepEqual([g.count, g.has('a'), g.has('b'), g.has('c'), [...g.all()]], [3, true, true, false, ['a', 'b']]);
  });

  it('the first hash is the 31-polynomial of the names, each followed by `;`', () => {
    assert.equal(globalsOf(['a']).hash, 97 * 31 + 59);
    assert.equal(globalsOf(['a', 'b']).hash, ((97 * 31 + 59) * 31 + 98) * 31 + 59);
    // It wraps at 32 bits as a signed integer.
    const long = globalsOf(['abcdefghijkl']).hash;
    assert.ok(Number.isInteger(long) && long >= -(2 ** 31) && long < 2 ** 31);
  });

  it('tells apart names that differ in split, order or letters, where the first hash alone collides', () => {
    const sequences = [[], ['ab', 'c'], ['a', 'bc'], ['abc'], ['c', 'ab'], ['Aa'], ['BB'], ['AaBB'], ['BBAa'], ['a'], ['b'], ['a', 'a'], ['']];
    const random = seededRandom(15);
    for (let i = 0; i < 200; i++) sequences.push(Array.from({ length: 1 + random.int(3) }, () => randomText(random, 1 + random.int(4), 'abAB_-?')));
    const seen = new Map<string, string>();
    for (const names of sequences) {
      const key = JSON.stringify(names);
      const id = identity(globalsOf(names));
      const earlier = seen.get(id);
      assert.ok(earlier === undefined || earlier === key, `${key} and ${earlier} share ${id}`);
      seen.set(id, key);
    }
    assert.equal(globalsOf(['Aa']).hash, globalsOf(['BB']).hash);
    assert.notEqual(globalsOf(['Aa']).hash2, globalsOf(['BB']).hash2);
    assert.equal(identity(globalsOf(['x', 'yz'])), identity(globalsOf(['x', 'yz'])));
  });
});
