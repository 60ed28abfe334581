// The column after Enter (onType.ts) where the lines above end in `\r`, where layout before a
// body holds a comma, and where the new line starts with a tagged literal or sits inside one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { enterColumn } from '../support/formatting';

describe('the column after Enter, more cases', () => {
  const cases: [string, number | undefined][] = [
    ['x\r  (send twilio sms {}\r|', 8],
    ['x\r(f a\r   b\r|', 3],
    ['(let [x 1]\r  (seq)\r|', 2],
    ['(let [x 1] (seq)\r|', 5],
    ['(let [x 1]\n , (seq)\n|', 2],
    ['(let [x 1]\n  (seq)\n    |  (a)', 2],
    ['(let [x 1]\n  (a)\n|(b)', 2],
    ['(f a\n  b\n|', 3],
    ['(f a b\n|c)', 3],
    ['(f a\n|b c)', 3],
    ['(seq\n  #inst "x"\n|', 2],
    ['(seq #inst "x"\n|', 5],
    ['(f #inst\n|"x")', 3],
    ['(f\n|#inst "x")', 1],
    ['[#inst "x"\n|]', 1],
    ['(f #_ a\n|', 1],
    ['(f\n|a b)', 1],
    ['(f a\n|#inst "x")', 3],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.equal(enterColumn(text), expected));
  }
});
