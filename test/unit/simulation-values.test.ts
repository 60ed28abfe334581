// The simulator's values, functions and durations, each pinned to its exact result: these are the
// answers a pattern's run computes with, so a wrong one would show in a trace as a wrong decision.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { callFunction, EvalError, isFunction } from '../../server/src/service/simulation/functions';
import { durationOf, parseOffset, showDuration, showTime, unitLength } from '../../server/src/service/simulation/units';
import { equal, fieldPath, fromJson, isMap, show, truthy, Value } from '../../server/src/service/simulation/values';
import { readFlow } from '../../server/src/service/flow/syntax/reader';
import type { FlowNode } from '../../server/src/service/flow/syntax/tree';

/** The answer of a call, or the message of the EvalError it throws. */
function outcome(name: string, args: Value[]): Value | { error: string } {
  try {
    return callFunction(name, args);
  } catch (error) {
    assert.ok(error instanceof EvalError, `${name} threw ${String(error)}, not an EvalError`);
    return { error: error.message };
  }
}

describe('the flow functions in a run', () => {
  const cases: [string, Value[], Value | { error: string }][] = [
    ['+', [], 0],
    ['+', [1, 2, 3.5], 6.5],
    ['+', [1, 'a'], { error: '+ takes numbers, not "a"' }],
    ['-', [5], -5],
    ['-', [10, 3, 2], 5],
    ['-', [], { error: '- takes at least one number' }],
    ['*', [], 1],
    ['*', [2, 3, 4], 24],
    ['/', [4], 0.25],
    ['/', [12, 2, 3], 2],
    ['/', [1, 0], { error: '/ by zero' }],
    ['/', [0, 5], 0],
    ['/', [], { error: '/ takes at least one number' }],
    ['mod', [-7, 3], 2],
    ['mod', [7, -3], -2],
    ['mod', [7, 0], { error: 'mod by zero' }],
    ['rem', [-7, 3], -1],
    ['rem', [7, 0], { error: 'rem by zero' }],
    ['quot', [-7, 2], -3],
    ['quot', [7, 2], 3],
    ['quot', [7, 0], { error: 'quot by zero' }],
    ['gcd', [12, -18], 6],
    ['gcd', [], 0],
    ['lcm', [4, 6], 12],
    ['lcm', [-4, 6], 12],
    ['lcm', [4, 0], 0],
    ['lcm', [0, 4], 0],
    ['rand', [], 0],
    ['pow', [2, 10], 1024],
    ['abs', [-3.5], 3.5],
    ['floor', [-1.5], -2],
    ['ceil', [1.2], 2],
    ['sqrt', [9], 3],
    ['sqrt', [-1], { error: 'sqrt gives no finite number' }],
    ['inc', [1], 2],
    ['dec', [1], 0],
    ['sum', [[1, 2, 3]], 6],
    ['sum', [null], 0],
    ['sum', ['abc'], { error: 'sum takes a list, not "abc"' }],
    ['min', [3, 1, 2], 1],
    ['min', [[3, 1, 2]], 1],
    ['min', [[]], null],
    ['min', [2, 3], 2],
    ['max', [1, 3, 2], 3],
    ['max', [[1, 3, 2]], 3],
    ['max', [[]], null],
    ['max', [3, 2], 3],
    ['avg', [[1, 2, 3, 6]], 3],
    ['avg', [[]], 0],
    ['stdev', [[2, 4, 4, 4, 5, 5, 7, 9]], 2],
    ['stdev', [[]], 0],
    ['count', ['abcd'], 4],
    ['count', [[1, 2]], 2],
    ['count', [{ a: 1, b: 2, c: 3 }], 3],
    ['count', [null], 0],
    ['count', [7], 0],
    ['first', [[7, 8]], 7],
    ['first', [[]], null],
    ['first', [null], null],
    ['last', [[7, 8]], 8],
    ['last', [[]], null],
    ['nth', [[7, 8, 9], 1], 8],
    ['nth', [[7, 8, 9], 5], null],
    ['even?', [4], true],
    ['even?', [3], false],
    ['odd?', [-3], true],
    ['odd?', [4], false],
    ['zero?', [0], true],
    ['zero?', [1], false],
    ['pos?', [1], true],
    ['pos?', [0], false],
    ['neg?', [-1], true],
    ['neg?', [0], false],
    ['<', [1, 2, 3], true],
    ['<', [1, 3, 2], false],
    ['<', [1, 1], false],
    ['<=', [1, 1, 2], true],
    ['<=', [2, 1], false],
    ['>', [3, 2, 1], true],
    ['>', [3, 3], false],
    ['>=', [3, 3, 1], true],
    ['>=', [1, 2], false],
    ['<', ['a', 'b'], { error: '< takes numbers, not "a"' }],
    ['=', [1, 1, 1], true],
    ['=', [[1, { a: 2 }], [1, { a: 2 }]], true],
    ['=', [1, 2], false],
    ['not=', [1, 2], true],
    ['not=', [1, 1], false],
    ['not', [null], true],
    ['not', [false], true],
    ['not', [0], false],
    ['contains?', ['hello', 'ell'], true],
    ['contains?', ['hello', 1], false],
    ['contains?', [[1, [2]], [2]], true],
    ['contains?', [[1, 2], 3], false],
    ['contains?', [{ a: 1 }, 'a'], true],
    ['contains?', [{ a: 1 }, 'toString'], false],
    ['contains?', [{ a: 1 }, 1], false],
    ['contains?', [5, 5], false],
    ['contains', [['x'], 'x'], true],
    ['str', ['a', 1, null, true, [1], { k: 'v' }], 'a1true[1]{"k":"v"}'],
    ['str', [], ''],
  ];
  for (const [name, args, expected] of cases)
    it(`(${name} ${args.map((a) => JSON.stringify(a)).join(' ')}) is ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(outcome(name, args), expected);
    });

  it('names its functions, and only those', () => {
    assert.equal(isFunction('even?'), true);
    assert.equal(isFunction('str'), true);
    assert.equal(isFunction('toString'), false);
    assert.equal(isFunction('hasOwnProperty'), false);
    assert.deepEqual(outcome('frobnicate', [1]), { error: 'no function `frobnicate`' });
  });

  it('turns what a function cannot take into an EvalError naming the function', () => {
    // `nth` of a non-number index reaches num(); a list of non-numbers reaches nums() inside sum.
    assert.deepEqual(outcome('nth', [[1], 'x']), { error: 'nth takes numbers, not "x"' });
    assert.deepEqual(outcome('sum', [[1, 'x']]), { error: 'sum takes numbers, not "x"' });
    assert.deepEqual(outcome('pow', [10, 400]), { error: 'pow gives no finite number' });
  });
});

describe('durations and offsets in a run', () => {
  const node = (text: string): FlowNode | undefined => readFlow(text).forms[0];

  it('knows each unit, singular and plural, and nothing else', () => {
    assert.deepEqual(
      ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'constructor'].map(unitLength),
      [1000, 1000, 60_000, 60_000, 3_600_000, 3_600_000, 86_400_000, 86_400_000, undefined, undefined],
    );
  });

  it('reads a number and a unit as milliseconds', () => {
    assert.equal(durationOf(node('5'), node('minutes')), 300_000);
    assert.equal(durationOf(node('0'), node('seconds')), 0);
    assert.equal(durationOf(node('1.5'), node('hours')), 5_400_000);
    assert.equal(durationOf(node('-1'), node('seconds')), undefined);
    assert.equal(durationOf(node('5'), node('weeks')), undefined);
    assert.equal(durationOf(node('"5"'), node('minutes')), undefined);
    assert.equal(durationOf(node('5'), node(':minutes')), undefined);
    assert.equal(durationOf(undefined, node('minutes')), undefined);
    assert.equal(durationOf(node('5'), undefined), undefined);
  });

  it('reads event offsets', () => {
    assert.deepEqual(
      ['+30s', '+5m', '+2h', '+1d', '+250ms', '+1.5h', ' +7s ', '30s', '+s', '+5w', '+5 s', '+5.m', '-5s'].map(parseOffset),
      [30_000, 300_000, 7_200_000, 86_400_000, 250, 5_400_000, 7000, undefined, undefined, undefined, undefined, undefined, undefined],
    );
  });

  it('shows durations and instants as the trace does', () => {
    assert.deepEqual(
      [0, 1, 999, 1000, 90_000, 3_600_000, 86_400_000 + 3_661_001].map(showDuration),
      ['0s', '1ms', '999ms', '1s', '1m 30s', '1h', '1d 1h 1m 1s 1ms'],
    );
    assert.equal(showTime(0), '1970-01-01T00:00:00.000Z');
    assert.equal(showTime(86_400_000 + 1500), '1970-01-02T00:00:01.500Z');
  });
});

describe('values in a run', () => {
  it('tells maps from lists and nil', () => {
    assert.deepEqual([{}, [], null, 'a', 1, undefined].map((v) => isMap(v as Value | undefined)), [true, false, false, false, false, false]);
  });

  it('is true for everything but nil and false', () => {
    assert.deepEqual([null, false, undefined, 0, '', [], {}, true].map((v) => truthy(v as Value | undefined)), [false, false, false, true, true, true, true, true]);
  });

  it('compares values member by member', () => {
    const pairs: [Value | undefined, Value | undefined, boolean][] = [
      [1, 1, true],
      [1, 2, false],
      ['a', 'a', true],
      [null, null, true],
      [null, undefined, false],
      [[1, [2, 3]], [1, [2, 3]], true],
      [[1, [2, 3]], [1, [2, 4]], false],
      [[1, 2], [1, 2, 3], false],
      [[1], { 0: 1 }, false],
      [{ a: [1], b: { c: 2 } }, { b: { c: 2 }, a: [1] }, true],
      [{ a: 1 }, { a: 1, b: 2 }, false],
      [{ a: 1, b: 2 }, { a: 1, c: 2 }, false],
      [{ a: 1 }, { a: 2 }, false],
      [{}, [], false],
    ];
    for (const [a, b, same] of pairs) assert.equal(equal(a, b), same, `${JSON.stringify(a)} = ${JSON.stringify(b)}`);
  });

  it('shows values as one line of trace text', () => {
    assert.deepEqual([null, undefined, 'hi', 2, true, [1, 'a'], { k: null }].map((v) => show(v as Value | undefined)), ['nil', 'nil', '"hi"', '2', 'true', '[1,"a"]', '{"k":null}']);
  });

  it('follows a field path through maps only', () => {
    const v: Value = { a: { b: { c: 3 } }, list: [{ x: 1 }] };
    assert.equal(fieldPath(v, ['a', 'b', 'c']), 3);
    assert.deepEqual(fieldPath(v, []), v);
    assert.equal(fieldPath(v, ['a', 'x']), undefined);
    assert.equal(fieldPath(v, ['list', '0']), undefined);
    assert.equal(fieldPath(v, ['a', 'b', 'c', 'd']), undefined);
    assert.equal(fieldPath(v, ['toString']), undefined);
    assert.equal(fieldPath({ n: null }, ['n']), null);
  });

  it('takes JSON data as values and refuses the rest', () => {
    assert.deepEqual(
      [null, true, 'x', 2, Infinity, NaN, [1], { a: 1 }, undefined, () => 1].map((d) => fromJson(d)),
      [null, true, 'x', 2, undefined, undefined, [1], { a: 1 }, undefined, undefined],
    );
  });
});
