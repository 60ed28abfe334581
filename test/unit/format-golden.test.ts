// Format Document on golden files of every kind (flows of both dialects, payloads, definitions),
// and the rules one at a time: exact output for small inputs, range formatting, line endings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normaliseSettings } from '../../server/src/service/settings';
import { repoRoot } from '../support/lspClient';
import { compactJson, editorOptions, format, formatted, kindOfFile } from '../support/formatting';

const goldens = path.join(repoRoot, 'test', 'fixtures', 'format');

describe('formatting golden files', () => {
  const inputs = fs.readdirSync(goldens).filter((f) => f.includes('.input.'));
  it('has a golden file of each kind', () => {
    assert.deepEqual(new Set(inputs.map((f) => kindOfFile(f))), new Set(['flow', 'pattern', 'definition']));
  });
  for (const input of inputs) {
    it(`formats ${input} to ${input.replace('.input.', '.expected.')}`, () => {
      const kind = kindOfFile(input);
      assert.ok(kind);
      const text = fs.readFileSync(path.join(goldens, input), 'utf8');
      const expected = fs.readFileSync(path.join(goldens, input.replace('.input.', '.expected.')), 'utf8');
      const json = input.includes('spaced') ? { keySpacing: 'spaced' as const, keepLines: false } : compactJson;
      // As `cxengage-lint format` formats: files end with a line break.
      const editor = { ...editorOptions, insertFinalNewline: true };
      assert.equal(formatted(text, kind, { json, editor }).text, expected);
      assert.equal(formatted(expected, kind, { json, editor }).text, expected, 'the expected file is formatted already');
    });
  }
});

describe('flow layout rules', () => {
  const cases: [string, string, string][] = [
    ['a body is indented two spaces (4.1 seq)', '(seq\n(delay 5 minutes)\n    (delay 1 hours))\n', '(seq\n  (delay 5 minutes)\n  (delay 1 hours))\n'],
    ['a body is indented two spaces after its head arguments (4.2 let)', '(let [x 1]\n(perform echo message {:message x}))\n', '(let [x 1]\n  (perform echo message {:message x}))\n'],
    ['head arguments on their own lines align (within)', '(within 1\n hours\n(count 2 (event)))\n', '(within 1\n        hours\n  (count 2 (event)))\n'],
    ['a body starting on the first line aligns with it', '(seq (delay 5 minutes)\n(delay 1 hours))\n', '(seq (delay 5 minutes)\n     (delay 1 hours))\n'],
    ['call arguments align with the first argument', '(send twilio sms {:to-phone-number *p*}\n(retries 2))\n', '(send twilio sms {:to-phone-number *p*}\n      (retries 2))\n'],
    ['a call whose first argument starts a line indents one space', '(send\ntwilio\nsms)\n', '(send\n twilio\n sms)\n'],
    ['map entries align on the keys', '{:a 1\n    :b 2\n:c {:d 3\n:e 4}}\n', '{:a 1\n :b 2\n :c {:d 3\n     :e 4}}\n'],
    ['vector and set elements align inside their brackets', '[1\n2 #{3\n4}]\n', '[1\n 2 #{3\n     4}]\n'],
    ['spaces inside brackets go, spaces between forms stay', '( send  echo   message {  :message "x"  } )\n', '(send  echo   message {:message "x"})\n'],
    ['closing brackets gather on the last line', '(seq\n  (delay 5 minutes\n  )\n)\n', '(seq\n  (delay 5 minutes))\n'],
    ['a closing bracket after a comment keeps its line', '(seq\n  (delay 5 minutes) ; wait\n      )\n', '(seq\n  (delay 5 minutes) ; wait\n  )\n'],
    ['runs of blank lines are kept as one, at the ends none', '\n\n(delay 5 minutes)\n\n\n\n(delay 1 hours)\n\n\n', '(delay 5 minutes)\n\n(delay 1 hours)\n'],
    ['trailing spaces go, in comments too', '(delay 5 minutes)   \n; note   \n', '(delay 5 minutes)\n; note\n'],
    ['forms that touch are set apart', '(a)(b)"c""d"[e]\n', '(a) (b) "c" "d" [e]\n'],
    ['a file ends with one line break', '(delay 5 minutes)', '(delay 5 minutes)\n'],
    ['comments on their own lines are indented like the next form', '(seq\n;; first\n(delay 5 minutes)\n        ; last\n)\n', '(seq\n  ;; first\n  (delay 5 minutes)\n  ; last\n  )\n'],
    ['a dropped form is indented where it stands, and inside', '(seq\n#_(send echo message\n{:message "x"})\n(delay 5 minutes))\n', '(seq\n  #_(send echo message\n          {:message "x"})\n  (delay 5 minutes))\n'],
    ['a multi-line string keeps its lines', '(send echo message {:message "one\n   two"}\n(retries 1))\n', '(send echo message {:message "one\n   two"}\n      (retries 1))\n'],
    ['top-level forms start at column 0', '   (delay 5 minutes)\n  (delay 1 hours)\n', '(delay 5 minutes)\n(delay 1 hours)\n'],
    ['commas are kept', '{:a 1,\n   :b 2 , }\n', '{:a 1,\n :b 2,}\n'],
    ['an empty file stays empty, blank lines alone go', '\n\n  \n', ''],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      assert.equal(format(input, 'flow'), expected);
      assert.equal(format(expected, 'flow'), expected, 'idempotent');
    });
  }

  it('keeps the line breaks of a file written with \\r\\n', () => {
    const input = '(seq\r\n(delay 5 minutes)   \r\n\r\n\r\n(delay 1 hours))';
    assert.equal(format(input, 'flow'), '(seq\r\n  (delay 5 minutes)\r\n\r\n  (delay 1 hours))\r\n');
  });

  it('formats only the lines of a range, against the lines above as they are', () => {
    const input = '(seq\n     (send twilio sms {:a 1\n:b 2}\n(retries 1))\n(delay 5 minutes))\n';
    // Lines 2 and 3 only: `:b` aligns with `:a` where `:a` stands (line 1 is left alone).
    const { text } = formatted(input, 'flow', { range: { start: { line: 2, character: 0 }, end: { line: 3, character: 3 } } });
    assert.equal(text, '(seq\n     (send twilio sms {:a 1\n                       :b 2}\n           (retries 1))\n(delay 5 minutes))\n');
  });

  it('leaves forms with reader errors as written and says how many', () => {
    const input = '(seq\n(send echo message {:message}))\n(seq\n(delay 5 minutes))\n';
    const { text, result } = formatted(input, 'flow');
    assert.equal(text, '(seq\n(send echo message {:message}))\n(seq\n  (delay 5 minutes))\n');
    assert.equal(result.note, '1 top-level form with syntax errors was left as written; fix the errors to format it');
  });

  it('leaves an unterminated string and the form around it as written', () => {
    const input = '(delay 5\nminutes)\n(send echo message {:message "never closed\n   (delay 1 hours)\n';
    assert.equal(format(input, 'flow'), '(delay 5\n       minutes)\n(send echo message {:message "never closed\n   (delay 1 hours)\n');
  });
});

describe('payload code and JSON layout', () => {
  it('formats code in its JSON string, with escaped line breaks, and keeps one-line code on one line', () => {
    const input = '{"name": "p", "status": true, "code": "(let [x 1]\\n(perform echo message {:message x\\n:x \\"q\\"}))  ", "when": "( event )"}';
    assert.equal(
      format(input, 'pattern'),
      '{\n  "name": "p",\n  "status": true,\n  "code": "(let [x 1]\\n  (perform echo message {:message x\\n                         :x \\"q\\"}))",\n  "when": "(event)"\n}',
    );
  });

  it('leaves a payload whose code is written over raw line breaks (a JSON error) as written, saying why', () => {
    const input = '{"code": "(let [x 1]\n(perform echo message {}))"}';
    const { text, result } = formatted(input, 'pattern');
    assert.equal(text, input);
    assert.equal(result.note, 'The file was left as written: its JSON has an unterminated string or a character that is not JSON; fix the json-syntax errors to format it');
  });

  it('writes "key" : value when asked, and honours the tab size and tabs', () => {
    const input = '{"type": "x", "endpoint": {"params": ["a"]}}';
    assert.equal(format(input, 'definition', { json: { keySpacing: 'spaced', keepLines: false } }), '{\n  "type" : "x",\n  "endpoint" : {\n    "params" : [\n      "a"\n    ]\n  }\n}');
    const tabs = formatted(input, 'definition', { editor: { tabSize: 4, insertSpaces: false } }).text;
    assert.equal(tabs, '{\n\t"type": "x",\n\t"endpoint": {\n\t\t"params": [\n\t\t\t"a"\n\t\t]\n\t}\n}');
    const four = formatted('{"type" :"x"}', 'definition', { editor: { tabSize: 4, insertSpaces: true } }).text;
    assert.equal(four, '{\n    "type": "x"\n}');
  });

  it('keeps line breaks as written when asked', () => {
    const input = '{"params": ["a",   "b"],\n"redact": ["b"]}';
    assert.equal(format(input, 'definition', { json: { keySpacing: 'spaced', keepLines: true } }), '{ "params" : [ "a", "b" ],\n  "redact" : [ "b" ] }');
  });

  it('reads the JSON layout settings, keeping the default for a bad value and saying so', () => {
    assert.deepEqual(normaliseSettings({}).format, { keySpacing: 'compact', keepLines: false });
    assert.deepEqual(normaliseSettings({ format: { jsonKeySpacing: 'spaced', jsonKeepLines: true } }).format, { keySpacing: 'spaced', keepLines: true });
    const warnings: string[] = [];
    assert.deepEqual(normaliseSettings({ format: { jsonKeySpacing: 'wide', jsonKeepLines: 'yes' } }, warnings).format, { keySpacing: 'compact', keepLines: false });
    assert.deepEqual(warnings, ['cxengage.format.jsonKeySpacing must be "compact" or "spaced"; using "compact"', 'cxengage.format.jsonKeepLines must be true or false; using false']);
  });

  it('keeps a definition written with \\r\\n in \\r\\n', () => {
    assert.equal(format('{"type": "x",\r\n"display": "X"}', 'definition'), '{\r\n  "type": "x",\r\n  "display": "X"\r\n}');
  });

  it('formats only the payload strings a range touches', () => {
    const input = '[{"when": "( event )",\n"then": "( delay 5 minutes )"}]';
    const { text } = formatted(input, 'pattern', { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } } });
    assert.equal(text, '[{"when": "( event )",\n"then": "(delay 5 minutes)"}]');
  });
});
