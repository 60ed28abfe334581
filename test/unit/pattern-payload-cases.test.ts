// The two homes of a pattern, case by case: the payload a `.cxflow` file gives (pattern maps, one or
// several, sections, 4.2 programs; none for broken or empty code), the `.cxflow` text a payload
// gives (a 4.2 program's header of payload keys included) and back, and which pattern object of a
// payload file a conversion takes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextEdit } from 'vscode-languageserver-types';
import { conversionActions, flowToPayload, freeUri, PatternPayload, payloadJson, payloadToFlow } from '../../server/src/service/actions/patternPayload';
import { documentOf } from '../support/documents';
import { readFlow } from '../support/service';

const payloadOf = (text: string) => flowToPayload(readFlow(documentOf(text, 'flow', 'my%20flow')), 'auto');

describe('the payload of a .cxflow file', () => {
  it('takes pattern maps as written, naming unnamed ones after the file', () => {
    const cases: [string, PatternPayload | PatternPayload[] | undefined][] = [
      ['{:name "A" :status true :description "d" :when (event (= a 1)) :then "(delay 1 days)"}', { name: 'A', status: true, description: 'd', when: '(event (= a 1))', then: '(delay 1 days)' }],
      [
        '[{:name "A" :when (event (= a 1)) :then (delay 1 days)} {:when "x" :status 1} {:b 1}]',
        [
          { name: 'A', status: false, when: '(event (= a 1))', then: '(delay 1 days)' },
          { name: 'my flow 2', status: false, when: 'x' },
          { name: 'my flow 3', status: false },
        ],
      ],
      [
        '{:status false :then (delay 1 days)}\n{:name "B" :when (event (= b 2))}',
        [
          { name: 'my flow 1', status: false, then: '(delay 1 days)' },
          { name: 'B', status: false, when: '(event (= b 2))' },
        ],
      ],
      [';; When\n(event (= a 1))\n;; Then\n(delay 1 days)\n(delay 2 days)', { name: 'my flow', status: false, when: '(event (= a 1))', then: '(delay 1 days)\n(delay 2 days)' }],
      [';; Then\n(delay 1 days)', { name: 'my flow', status: false, when: '', then: '(delay 1 days)' }],
      ['; cxengage-dialect: 4.2\n(event {:a 1})\n(delay 1 days)', { name: 'my flow', status: false, code: '(event {:a 1})\n(delay 1 days)' }],
      ['(a) ; c\n(b)', { name: 'my flow', status: false, code: '(a) ; c\n(b)' }],
      // The header of labelled comments above a 4.2 program: the last of a key wins, a value that
      // is not JSON stays as written, a status other than true/false and comments after the first
      // form are not read.
      [
        '; cxengage-dialect: 4.2\n; name: Orders\n;; key: "order id "\n; status: true\n; status: maybe\n;description:d\n; note: x\n; name: "half\n(event {:a 1})\n; key: late',
        { name: '"half', description: 'd', status: true, key: 'order id ', code: '(event {:a 1})' },
      ],
      ['; cxengage-dialect: 4.2\n; status: false\n; name: "\\u0041\\n"\n(a)', { name: 'A\n', status: false, code: '(a)' }],
      ['; cxengage-dialect: 4.2\n; name: 5\n; key:\n(a)', { name: '5', key: '', status: false, code: '(a)' }],
      ['; cxengage-dialect: 4.2\n; status: true\n; key: k \t\n; status: false\n(a)', { name: 'my flow', key: 'k', status: false, code: '(a)' }],
      ['{:name "A" :key 5 :key "customer-id" :then (a)}', { name: 'A', status: false, key: 'customer-id', then: '(a)' }],
      ['{:name "A" :key 5 :then (a)}', { name: 'A', status: false, then: '(a)' }],
      ['(delay 1 days', undefined],
      ['', undefined],
      ['; only a comment', undefined],
    ];
    for (const [text, expected] of cases) assert.deepEqual(payloadOf(text), expected, text);
  });

  it('gives nothing for a payload file', () => {
    assert.equal(flowToPayload(readFlow(documentOf('{"name": "p", "then": "(a)"}', 'pattern')), 'auto'), undefined);
  });

  it('names a new file with the first free number, and gives up after 999', () => {
    assert.equal(freeUri('x', '.e', () => false), 'x.e');
    assert.equal(freeUri('x', '.e', (uri) => uri !== 'x-2.e'), 'x-2.e');
    assert.equal(freeUri('x', '.e', () => true), 'x-999.e');
  });
});

describe('the .cxflow text of a payload', () => {
  it('writes a 4.1 pattern map, or a 4.2 program under its directive', () => {
    const cases: [PatternPayload, string][] = [
      [{ name: 'n', description: '', status: true, code: '  (a)\n' }, '; cxengage-dialect: 4.2\n; name: n\n; description: ""\n; status: true\n(a)\n'],
      [
        { name: '', description: 'line1\r\nline2\rline3\nx', status: false, code: '(a)' },
        '; cxengage-dialect: 4.2\n; name: ""\n; description: "line1\\r\\nline2\\rline3\\nx"\n; status: false\n(a)\n',
      ],
      [
        { name: ' n', description: '"quoted" at first', status: false, key: 'customer-id', code: '(a)' },
        '; cxengage-dialect: 4.2\n; name: " n"\n; description: "\\"quoted\\" at first"\n; status: false\n; key: customer-id\n(a)\n',
      ],
      [{ name: 'n', description: 'a "b" c ', status: true, code: '(a)' }, '; cxengage-dialect: 4.2\n; name: n\n; description: "a \\"b\\" c "\n; status: true\n(a)\n'],
      [{ name: 'n', description: 'a "b"', status: true, code: '(a)' }, '; cxengage-dialect: 4.2\n; name: n\n; description: a "b"\n; status: true\n(a)\n'],
      [{ name: 'n', status: false, key: 'k', then: '(a)' }, '{:name "n"\n :status false\n :key "k"\n :then (a)}\n'],
      [{ name: 'n', status: true, when: ' (event (= a 1)) ', then: ' (a) ' }, '{:name "n"\n :status true\n :when (event (= a 1))\n :then (a)}\n'],
      [{ name: 'n', status: false, when: '(a) (b)' }, '{:name "n"\n :status false\n :when (and (a) (b))}\n'],
      [{ name: 'n', status: false, description: 'd' }, '{:name "n"\n :description "d"\n :status false}\n'],
    ];
    for (const [payload, text] of cases) assert.equal(payloadToFlow(payload), text, JSON.stringify(payload));
  });

  it('reads back as the payload it came from, in both dialects', () => {
    const payloads: PatternPayload[] = [
      { name: 'Orders', description: 'Line one\nline two', status: true, key: 'order-id', code: '(event {:type "order"})' },
      { name: ' spaced ', description: '"', status: false, key: '', code: '(a)' },
      { name: 'a\rb', description: 'a\nb', status: true, key: 'k\r\n', code: '(a)' },
      { name: 'Orders', description: 'd', status: true, key: 'order-id', when: '(event (= a 1))', then: '(a)' },
    ];
    for (const payload of payloads) assert.deepEqual(payloadOf(payloadToFlow(payload)), payload, JSON.stringify(payload));
  });

  it('writes JSON in the REST API key order', () => {
    assert.equal(payloadJson({ code: '(a)', key: 'k', status: true, description: 'd', name: 'n' }), '{\n  "name": "n",\n  "description": "d",\n  "status": true,\n  "key": "k",\n  "code": "(a)"\n}\n');
    assert.equal(payloadJson([{ then: '(a)', when: '(b)', status: false, name: 'n' }]), '[\n  {\n    "name": "n",\n    "status": false,\n    "when": "(b)",\n    "then": "(a)"\n  }\n]\n');
  });
});

describe('converting a payload file', () => {
  const converted = (text: string, offset = 0, taken: (uri: string) => boolean = () => false) =>
    conversionActions(readFlow(documentOf(text, 'pattern', 'pp')), offset, 'auto', taken).map((a) => {
      const [create, fill] = a.edit?.documentChanges ?? [];
      return [a.title, 'uri' in create ? create.uri : '', 'edits' in fill ? (fill.edits[0] as TextEdit).newText : ''];
    });

  it('takes the values of the right types, and needs code', () => {
    assert.deepEqual(converted('{"name": "P", "status": true, "description": "D", "when": "(event (= a 1))", "then": "(a)", "extra": 1, "key": "k"}'), [
      ['Convert to a .cxflow file (pp.cxflow)', 'file:///workspace/pp.cxflow', '{:name "P"\n :description "D"\n :status true\n :key "k"\n :when (event (= a 1))\n :then (a)}\n'],
    ]);
    assert.deepEqual(converted('{"status": "yes", "code": "(a)", "name": 5}'), [['Convert to a .cxflow file (pp.cxflow)', 'file:///workspace/pp.cxflow', '; cxengage-dialect: 4.2\n; name: pp\n; status: false\n(a)\n']]);
    assert.deepEqual(converted('{"name": "P", "when": "(a)"}'), [['Convert to a .cxflow file (pp.cxflow)', 'file:///workspace/pp.cxflow', '{:name "P"\n :status false\n :when (a)}\n']]);
    assert.deepEqual(converted('{"name": "P", "key": 1}'), []);
    assert.deepEqual(converted('{"name": "P", "then": "(a)", "status": true}', 0, (uri) => !uri.endsWith('-3.cxflow')), [
      ['Convert to a .cxflow file (pp-3.cxflow)', 'file:///workspace/pp-3.cxflow', '{:name "P"\n :status true\n :then (a)}\n'],
    ]);
  });

  it('takes the pattern object the offset is in, edges included', () => {
    const two = '[{"name": "A", "then": "(a)"}, {"name": "B", "then": "(b)"}]';
    const a = '{:name "A"\n :status false\n :then (a)}\n';
    const b = '{:name "B"\n :status false\n :then (b)}\n';
    const cases: [number, string[]][] = [
      [0, []],
      [1, [a]],
      [29, [a]],
      [30, []],
      [31, [b]],
      [59, [b]],
      [60, []],
    ];
    for (const [offset, expected] of cases) assert.deepEqual(converted(two, offset).map((c) => c[2]), expected, String(offset));
  });
});
