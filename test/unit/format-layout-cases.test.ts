// Flow layout, whole outputs: discards and tagged literals kept as written, comments, a stray closer
// or an unclosed form (left alone), bodies indented two spaces when they start a line and aligned
// with the first argument when it shares the operator's line, lists and maps aligned, blank lines
// collapsed, missing spaces written, CRLF kept.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { format } from '../support/formatting';

const cases: [string, string][] = [
  ['(seq #_(send a b {})   (delay 1 minutes))', '(seq #_(send a b {})   (delay 1 minutes))\n'],
  ['(let [x #inst "2020-01-01"]\n(perform twilio sms {:to x}))', '(let [x #inst "2020-01-01"]\n  (perform twilio sms {:to x}))\n'],
  ['(seq\n(send a b {}) ; note\n   (delay 1 minutes)\n)', '(seq\n  (send a b {}) ; note\n  (delay 1 minutes))\n'],
  ['(seq (send a b {}))) (delay 1 minutes)', '(seq (send a b {}))) (delay 1 minutes)\n'],
  ['(seq (send a b {} (delay 1 minutes)', '(seq (send a b {} (delay 1 minutes)'],
  ['(seq #_(send a b {}) #inst "x"\n(delay 1 minutes))', '(seq #_(send a b {}) #inst "x"\n(delay 1 minutes))'],
  ['(if (= a 1)\n(send a b {})\n(send a c {}))', '(if (= a 1)\n  (send a b {})\n  (send a c {}))\n'],
  ['(when-let [r (fetch a b {})]\n  (perform a c {:x r.id})\n     (perform a d {}))', '(when-let [r (fetch a b {})]\n  (perform a c {:x r.id})\n  (perform a d {}))\n'],
  ['(seq(send a b{})(delay 1 minutes))', '(seq (send a b {}) (delay 1 minutes))\n'],
  ['#_ (seq) (delay 1 minutes)', '#_ (seq) (delay 1 minutes)\n'],
  ['(seq #_ #_ 1 2 3)', '(seq #_ #_ 1 2 3)\n'],
  ['(event {:type "a" :when #{"x" "y"}})   \n\n\n(seq)', '(event {:type "a" :when #{"x" "y"}})\n\n(seq)\n'],
  ['(within 30 days\n(event {:type "a"})\n(event {:type "b"}))', '(within 30 days\n  (event {:type "a"})\n  (event {:type "b"}))\n'],
  ['(seq "multi\nline" (delay 1 minutes)\n  x)', '(seq "multi\nline" (delay 1 minutes)\n     x)\n'],
  ['[1\n2 3]\n{:a 1\n:b 2}', '[1\n 2 3]\n{:a 1\n :b 2}\n'],
  ['(foo\n  bar\n baz)', '(foo\n bar\n baz)\n'],
  ['(let [a 1\nb 2]\na)', '(let [a 1\n      b 2]\n  a)\n'],
  ['(seq\r\n(send a b {})\r\n)', '(seq\r\n  (send a b {}))\r\n'],
  ['(seq ;; c\n;; d\n(delay 1 minutes))', '(seq ;; c\n  ;; d\n  (delay 1 minutes))\n'],
  ['  (seq)  ', '(seq)\n'],
  ['(seq (if x\ny z))', '(seq (if x\n       y z))\n'],
];

describe('flow layout, whole outputs', () => {
  it('lays out each case exactly', () => {
    for (const [text, expected] of cases) assert.equal(format(text, 'flow'), expected, JSON.stringify(text));
  });

  it('is stable: a laid-out text lays out as itself', () => {
    for (const [, expected] of cases) assert.equal(format(expected, 'flow'), expected, JSON.stringify(expected));
  });
});
