// The runnable patterns of flow and pattern documents, exactly: each pattern's name, dialect and
// why, key, when/then/program forms with their document ranges, reader errors and start.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DialectSetting } from '../../server/src/service/flow/analysis/dialect';
import { patternsOf, readFlowDocument } from '../../server/src/service/simulation';
import { CompactRange, compactRange, documentOf } from '../support/documents';

type Forms = [string, CompactRange][];

interface PatternShape {
  name: string;
  dialect: string;
  reason: string;
  key: string | null;
  when: Forms;
  then: Forms;
  program: Forms;
  errors: [string, CompactRange][];
  start: CompactRange;
}

interface Case {
  name: string;
  kind: 'flow' | 'pattern';
  text: string;
  setting?: DialectSetting;
  patterns: PatternShape[];
}


const cases: Case[] = [
  {
    name: 'a 4.1 .cxflow of sections: when forms and then forms',
    kind: 'flow',
    text: ';; When\n(event (= t "a"))\n;; Then\n(set x 1)\n(send echo message {:message "m"})',
    patterns: [
      { name: '', dialect: '4.1', reason: 'because line 1 has a `;; When` section', key: null, when: [['(event (= t "a"))', [1, 0, 1, 17]]], then: [['(set x 1)', [3, 0, 3, 9]], ['(send echo message {:message "m"})', [4, 0, 4, 34]]], program: [], errors: [], start: [1, 0, 1, 0] },
    ],
  },
  {
    name: 'an empty .cxflow: one pattern with nothing to run, starting at the top',
    kind: 'flow',
    text: '',
    patterns: [
      { name: '', dialect: '4.2', reason: 'because nothing in it says which (4.2, the version of the shipped definitions, is the default)', key: null, when: [], then: [], program: [], errors: [], start: [0, 0, 0, 0] },
    ],
  },
  {
    name: 'a 4.2 .cxflow: one program of every top-level form',
    kind: 'flow',
    text: '(def x 1)\n(event {:t "a"})\n(perform echo message {:message "m"})',
    patterns: [
      { name: '', dialect: '4.2', reason: 'because line 1 uses `def`', key: null, when: [], then: [], program: [['(def x 1)', [0, 0, 0, 9]], ['(event {:t "a"})', [1, 0, 1, 16]], ['(perform echo message {:message "m"})', [2, 0, 2, 37]]], errors: [], start: [0, 0, 0, 0] },
    ],
  },
  {
    name: '4.1 pattern maps in a vector and at the top: named or numbered; maps without when/then are not patterns',
    kind: 'flow',
    text: '[{:name "A" :when (event (= t "a")) :then (set x 1)} "x" {:other 1} {:then (set y 2)}]\n{:when (event (= t "b"))}\n{:name 5 :when (event (= t "c")) :then (set z 3)}',
    patterns: [
      { name: 'A', dialect: '4.1', reason: 'because line 1 has a pattern map with `:when`', key: null, when: [['(event (= t "a"))', [0, 18, 0, 35]]], then: [['(set x 1)', [0, 42, 0, 51]]], program: [], errors: [], start: [0, 1, 0, 1] },
      { name: '#2', dialect: '4.1', reason: 'because line 1 has a pattern map with `:when`', key: null, when: [], then: [['(set y 2)', [0, 75, 0, 84]]], program: [], errors: [], start: [0, 68, 0, 68] },
      { name: '#3', dialect: '4.1', reason: 'because line 1 has a pattern map with `:when`', key: null, when: [['(event (= t "b"))', [1, 7, 1, 24]]], then: [], program: [], errors: [], start: [1, 0, 1, 0] },
      { name: '#4', dialect: '4.1', reason: 'because line 1 has a pattern map with `:when`', key: null, when: [['(event (= t "c"))', [2, 15, 2, 32]]], then: [['(set z 3)', [2, 39, 2, 48]]], program: [], errors: [], start: [2, 0, 2, 0] },
    ],
  },
  {
    name: 'the key a converted payload left: a 4.2 program\'s `; key:` header',
    kind: 'flow',
    text: '; cxengage-dialect: 4.2\n; name: N\n; key: customer-id\n(event {:t "a"})\n; key: late',
    patterns: [
      { name: '', dialect: '4.2', reason: 'because of the `; cxengage-dialect: 4.2` comment on line 1', key: 'customer-id', when: [], then: [], program: [['(event {:t "a"})', [3, 0, 3, 16]]], errors: [], start: [3, 0, 3, 0] },
    ],
  },
  {
    name: 'a 4.2 .cxflow of comments only: its header still names the key',
    kind: 'flow',
    text: '; cxengage-dialect: 4.2\n; key: customer-id',
    patterns: [
      { name: '', dialect: '4.2', reason: 'because of the `; cxengage-dialect: 4.2` comment on line 1', key: 'customer-id', when: [], then: [], program: [], errors: [], start: [0, 0, 0, 0] },
    ],
  },
  {
    name: 'a pattern map\'s `:key` is its key when it is a string',
    kind: 'flow',
    text: '[{:key "order-id" :then (set x 1)} {:key 5 :then (set y 2)}]',
    patterns: [
      { name: '#1', dialect: '4.1', reason: 'because line 1 has a pattern map with `:then`', key: 'order-id', when: [], then: [['(set x 1)', [0, 24, 0, 33]]], program: [], errors: [], start: [0, 1, 0, 1] },
      { name: '#2', dialect: '4.1', reason: 'because line 1 has a pattern map with `:then`', key: null, when: [], then: [['(set y 2)', [0, 49, 0, 58]]], program: [], errors: [], start: [0, 35, 0, 35] },
    ],
  },
  {
    name: 'reader errors are placed in the document',
    kind: 'flow',
    text: ';; When\n(event (= t "a"))\n;; Then\n(set x "1)',
    patterns: [
      { name: '', dialect: '4.1', reason: 'because line 1 has a `;; When` section', key: null, when: [['(event (= t "a"))', [1, 0, 1, 17]]], then: [['(set x "1)', [3, 0, 3, 10]]], program: [], errors: [['`(` is never closed: expected `)`', [3, 0, 3, 1]], ['Unterminated string: the closing `"` is missing', [3, 7, 3, 8]]], start: [1, 0, 1, 0] },
    ],
  },
  {
    name: 'a (when ...) wrapper and sections of a map-less file',
    kind: 'flow',
    text: '{:name "N" :when (when (event (= t "a"))) :then (seq (set x 1))}',
    patterns: [
      { name: 'N', dialect: '4.1', reason: 'because line 1 has a pattern map with `:when`', key: null, when: [['(when (event (= t "a")))', [0, 17, 0, 41]]], then: [['(seq (set x 1))', [0, 48, 0, 63]]], program: [], errors: [], start: [0, 0, 0, 0] },
    ],
  },
  {
    name: 'reader errors of a payload are placed in the document',
    kind: 'pattern',
    text: '{\n "code": "(event {:t \\"a\\""\n}',
    patterns: [
      { name: '#1', dialect: '4.2', reason: 'because it is the `code` of a pattern payload', key: null, when: [], then: [], program: [['(event {:t "a"', [1, 10, 1, 26]]], errors: [['2 forms are not closed: `(`, `{`; they need `})`', [1, 17, 1, 18]]], start: [0, 0, 0, 0] },
    ],
  },
  {
    name: 'a 4.1 payload run as 4.2 by the setting: its first code string is the program',
    kind: 'pattern',
    text: '[\n {\n  "when": "(event {:t \\"a\\"})",\n  "then": "(perform echo message)"\n },\n {\n  "then": "(event {:t \\"b\\"})"\n }\n]',
    setting: '4.2',
    patterns: [
      { name: '#1', dialect: '4.2', reason: 'because cxengage.flow.dialect is 4.2', key: null, when: [], then: [], program: [['(event {:t "a"})', [2, 11, 2, 29]]], errors: [], start: [1, 1, 1, 1] },
      { name: '#2', dialect: '4.2', reason: 'because cxengage.flow.dialect is 4.2', key: null, when: [], then: [], program: [['(event {:t "b"})', [6, 11, 6, 29]]], errors: [], start: [5, 1, 5, 1] },
    ],
  },
  {
    name: 'a 4.2 .cxflow read as 4.1 by the setting: sections by side',
    kind: 'flow',
    text: '(event (= t "a"))\n(send echo message {:message "m"})',
    setting: '4.1',
    patterns: [
      { name: '', dialect: '4.1', reason: 'because cxengage.flow.dialect is 4.1', key: null, when: [['(event (= t "a"))', [0, 0, 0, 17]]], then: [['(send echo message {:message "m"})', [1, 0, 1, 34]]], program: [], errors: [], start: [0, 0, 0, 0] },
    ],
  },
  {
    name: 'a pattern.json object: name, key and a 4.2 code string',
    kind: 'pattern',
    text: '{\n "name": "P",\n "key": "cust",\n "code": "(event {:t \\"a\\"})\\n(perform echo message {:message \\"m\\"})"\n}',
    patterns: [
      { name: 'P', dialect: '4.2', reason: 'because it is the `code` of a pattern payload', key: 'cust', when: [], then: [], program: [['(event {:t "a"})', [3, 10, 3, 28]], ['(perform echo message {:message "m"})', [3, 30, 3, 69]]], errors: [], start: [0, 0, 0, 0] },
    ],
  },
  {
    name: 'a pattern.json array: 4.1 when/then payloads, a payload without code, numbered names, non-objects skipped',
    kind: 'pattern',
    text: '[\n {\n  "name": "W",\n  "when": "(event (= t \\"a\\"))",\n  "then": "(set x 1)"\n },\n 7,\n {\n  "key": 5,\n  "name": 3\n },\n {\n  "then": "(set y 2)"\n },\n {\n  "when": "(event (= t \\"b\\"))"\n },\n {\n  "code": 5,\n  "when": 1\n }\n]',
    patterns: [
      { name: 'W', dialect: '4.1', reason: 'because it is the `when` of a pattern payload (4.2 payloads have `code`)', key: null, when: [['(event (= t "a"))', [3, 11, 3, 30]]], then: [['(set x 1)', [4, 11, 4, 20]]], program: [], errors: [], start: [1, 1, 1, 1] },
      { name: '#2', dialect: '4.2', reason: 'because the payload holds no code', key: null, when: [], then: [], program: [], errors: [], start: [7, 1, 7, 1] },
      { name: '#3', dialect: '4.1', reason: 'because it is the `then` of a pattern payload (4.2 payloads have `code`)', key: null, when: [], then: [['(set y 2)', [12, 11, 12, 20]]], program: [], errors: [], start: [11, 1, 11, 1] },
      { name: '#4', dialect: '4.1', reason: 'because it is the `when` of a pattern payload (4.2 payloads have `code`)', key: null, when: [['(event (= t "b"))', [15, 11, 15, 30]]], then: [], program: [], errors: [], start: [14, 1, 14, 1] },
      { name: '#5', dialect: '4.2', reason: 'because the payload holds no code', key: null, when: [], then: [], program: [], errors: [], start: [17, 1, 17, 1] },
    ],
  },
  {
    name: 'a pattern.json payload with a code string and a when string: the code is the program',
    kind: 'pattern',
    text: '{\n "name": "C",\n "when": "(event (= t \\"a\\"))",\n "code": "(event {:t \\"b\\"})"\n}',
    patterns: [
      { name: 'C', dialect: '4.2', reason: 'because it is the `code` of a pattern payload', key: null, when: [], then: [], program: [['(event {:t "b"})', [3, 10, 3, 28]]], errors: [], start: [0, 0, 0, 0] },
    ],
  },
  {
    name: 'a pattern.json root that is no object or array has no patterns',
    kind: 'pattern',
    text: '"code"',
    patterns: [],
  },
  {
    name: 'an empty pattern.json has no patterns',
    kind: 'pattern',
    text: '',
    patterns: [],
  },
  {
    name: 'a pattern.json property without a value is no code',
    kind: 'pattern',
    text: '{"name": "E", "code"}',
    patterns: [
      { name: 'E', dialect: '4.2', reason: 'because the payload holds no code', key: null, when: [], then: [], program: [], errors: [], start: [0, 0, 0, 0] },
    ],
  },
];

describe('simulator, the patterns of a document', () => {
  for (const c of cases) {
    it(c.name, () => {
      const patterns = patternsOf(readFlowDocument(documentOf(c.text, c.kind), c.kind), c.setting);
      const shapes = patterns.map((p): PatternShape => {
        const forms = (nodes: typeof p.when): Forms => nodes.map((n) => [p.source(n), compactRange(p.range(n))]);
        return {
          name: p.name,
          dialect: p.dialect,
          reason: p.dialectReason,
          key: p.key ?? null,
          when: forms(p.when),
          then: forms(p.then),
          program: forms(p.program),
          errors: p.errors.map((e): [string, CompactRange] => [e.message, compactRange(e.range)]),
          start: compactRange(p.start),
        };
      });
      assert.deepEqual(shapes, c.patterns);
    });
  }
});
