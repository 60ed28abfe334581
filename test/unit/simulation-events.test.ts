// Events as the simulator reads them, exactly: numbers, virtual times, fields and origin of each,
// the problem of each one skipped; how they are grouped by key; and the patterns a run refuses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventsFromJson, readEventsText } from '../../server/src/service/simulation';
import { jsonErrorOf, runCode } from '../support/simulation';

type Shown = { events: [number, string, unknown, string][]; problems: string[] };

function shown(read: ReturnType<typeof eventsFromJson>): Shown {
  return {
    events: read.events.map((e): [number, string, unknown, string] => [e.number, new Date(e.time).toISOString(), e.fields, e.origin]),
    problems: read.problems.map((p) => `${p.source}: ${p.message}`),
  };
}

describe('simulator events', () => {
  it('times: a second apart by default, offsets and instants; equal instants kept; the wrong ones skipped with their reason', () => {
    const items = [
      { a: 1 },
      { '@time': 5 },
      { '@time': '+2x' },
      { '@time': '2026-01-1' },
      { '@time': 'Sat 2026-01-01' },
      { '@time': '2026-02-01T00:00:00Z', b: [1, { c: null }] },
      { '@time': '2026-02-01T00:00:00Z' },
      { '@time': '2026-01-31T00:00:00Z' },
      { '@time': '+90m' },
      {},
      'x',
      [1],
      null,
      3,
      { '@time': '+1d', d: true },
      { '@time': '+1.25s' },
      { '@time': '+5sx' },
    ];
    assert.deepEqual(shown(eventsFromJson(items)), {
      events: [
        [1, '2026-01-01T00:00:00.000Z', { a: 1 }, 'input'],
        [6, '2026-02-01T00:00:00.000Z', { b: [1, { c: null }] }, 'input'],
        [7, '2026-02-01T00:00:00.000Z', {}, 'input'],
        [9, '2026-02-01T01:30:00.000Z', {}, 'input'],
        [10, '2026-02-01T01:30:01.000Z', {}, 'input'],
        [15, '2026-02-02T01:30:01.000Z', { d: true }, 'input'],
        [16, '2026-02-02T01:30:02.250Z', {}, 'input'],
      ],
      problems: [
        'events: event 2: "@time" must be a string (an ISO-8601 instant or an offset such as "+30s"): skipped',
        'events: event 3: "@time" offset "+2x" is not a number followed by ms, s, m, h or d: skipped',
        'events: event 4: "@time" "2026-01-1" is not an ISO-8601 instant nor an offset such as "+30s": skipped',
        'events: event 5: "@time" "Sat 2026-01-01" is not an ISO-8601 instant nor an offset such as "+30s": skipped',
        'events: event 8: "@time" 2026-01-31T00:00:00Z is before the previous event (2026-02-01T00:00:00.000Z); events must be in time order: skipped',
        'events: event 11 is "x", not an object of fields: skipped',
        'events: event 12 is an array, not an object of fields: skipped',
        'events: event 13 is nil, not an object of fields: skipped',
        'events: event 14 is 3, not an object of fields: skipped',
        'events: event 17: "@time" offset "+5sx" is not a number followed by ms, s, m, h or d: skipped',
      ],
    });
  });

  it('JSON lines skip blank lines (spaces, CRLF) and report a bad line by number; a JSON file is an array', () => {
    assert.deepEqual(shown(readEventsText('{"a":1}\n   \n\r\n{bad\n{"b":2}\r\n', 'jsonl')), {
      events: [
        [1, '2026-01-01T00:00:00.000Z', { a: 1 }, 'input'],
        [2, '2026-01-01T00:00:01.000Z', { b: 2 }, 'input'],
      ],
      problems: [`events: line 4: not JSON (${jsonErrorOf('{bad')})`],
    });
    assert.deepEqual(shown(readEventsText('{bad', 'json')), { events: [], problems: [`events: not JSON: ${jsonErrorOf('{bad')}`] });
    assert.deepEqual(shown(readEventsText('{"a":1}', 'json')), { events: [], problems: ['events: the events must be a JSON array of objects'] });
    assert.deepEqual(shown(readEventsText('[{"a":1}]', 'json')).events, [[1, '2026-01-01T00:00:00.000Z', { a: 1 }, 'input']]);
  });

  it('key groups: named by strings as they are, other values as JSON, in the order they came; added events carry the key as written; nil and missing keys are keyless', () => {
    const code = ';; When\n(event (= t "a"))\n;; Then\n(event {:t "b"})';
    const trace = runCode(code, [{ id: 'x', t: 'a' }, { id: 7, t: 'a' }, { id: null, t: 'a' }, { t: 'a' }, { id: 'x', t: 'a' }, { id: [1], t: 'a' }]);
    assert.deepEqual(trace.groups.map((g) => [g.key, g.matches, g.events.map((u) => [u.event.number, u.event.origin, u.event.fields.id])]), [
      ['x', 2, [[1, 'input', 'x'], [7, 'emitted', 'x'], [5, 'input', 'x'], [8, 'emitted', 'x']]],
      ['7', 1, [[2, 'input', 7], [7, 'emitted', 7]]],
      ['[1]', 1, [[6, 'input', [1]], [7, 'emitted', [1]]]],
    ]);
    assert.deepEqual(trace.keyless.map((e) => e.number), [3, 4]);
    assert.deepEqual(trace.problems.map((p) => p.message), ['event 3 has no "id" (the key attribute): skipped', 'event 4 has no "id" (the key attribute): skipped']);
    assert.equal(trace.events, 6);
  });
});

describe('simulator refusals', () => {
  const refused = (code: string, kind: 'flow' | 'pattern' = 'flow') => {
    const trace = runCode(code, [{ id: 'k' }], { kind });
    return { ...trace, problems: trace.problems.map((p) => `${p.source}: ${p.message}`) };
  };
  const nested = (vectors: number) => `(event {:t ${'['.repeat(vectors)}${']'.repeat(vectors)}})`;

  it('a pattern that cannot run gives an error trace with the reason and no groups', () => {
    assert.deepEqual(refused(';; When\n(event (= t "a"))\n;; Then\n(set x "1)'), {
      pattern: '',
      dialect: '4.1',
      dialectReason: 'because line 1 has a `;; When` section',
      key: 'id',
      groups: [],
      keyless: [],
      problems: ['pattern: 4:1: `(` is never closed: expected `)` (a pattern with reader errors is not run)', 'pattern: 4:8: Unterminated string: the closing `"` is missing (a pattern with reader errors is not run)'],
      matches: 0,
      outcome: 'error',
      events: 1,
    });
    assert.deepEqual(refused(';; When\n(event (= t "a"))\n(event (= t "b"))\n;; Then\n(set x 1)').problems, [
      'pattern: the pattern has 2 when-side forms; write one (combine them with all, any or seq)',
    ]);
    assert.deepEqual(refused(';; Then\n(set x 1)').problems, ['pattern: the pattern has no when side: nothing says which events match']);
    assert.deepEqual(refused('{"name": "P", "key": "cust"}', 'pattern').problems, ['pattern: the pattern has no code']);
    assert.equal(refused('{"name": "P", "key": "cust"}', 'pattern').key, 'cust');
  });

  it('code nested 200 forms deep runs; one more is refused, in either dialect', () => {
    assert.deepEqual(refused(nested(198)).problems, []);
    assert.deepEqual(refused(nested(199)).problems, ['pattern: the code nests deeper than 200 forms; the simulator does not run it']);
    const deep41 = `;; When\n(event (= t "a"))\n;; Then\n(set x ${'['.repeat(200)}${']'.repeat(200)})`;
    assert.deepEqual(refused(deep41).problems, ['pattern: the code nests deeper than 200 forms; the simulator does not run it']);
  });
});
