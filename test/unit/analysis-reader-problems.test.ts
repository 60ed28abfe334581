// Reader errors as problems: quoted text is redacted only for an error that starts inside a
// credential's value of its own form, not before the value, not just after it, not outside any form.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { messageText } from '../../server/src/service/diagnostics';
import { compactRange } from '../support/documents';
import { diagnoseFlow } from '../support/flowContext';

function syntaxErrors(text: string): [number[], string][] {
  return diagnoseFlow(text)
    .diagnostics.filter((d) => d.code === 'syntax')
    .map((d) => [compactRange(d.range), messageText(d)]);
}

describe('reader errors: redacted inside credential values only', () => {
  it('pins each error and its message', () => {
    const cases: [string, [number[], string][]][] = [
      ['12ab', [[[0, 0, 0, 4], 'Invalid number `12ab`']]],
      [')', [[[0, 0, 0, 1], 'Unexpected `)`: nothing is open here']]],
      [
        '(send twilio sms {:to-phone-number 12ab :password 34cd})',
        [
          [[0, 35, 0, 39], 'Invalid number `12ab`'],
          [[0, 50, 0, 54], 'Invalid number `•••`'],
        ],
      ],
      // Just after the value of a string key: no longer the secret.
      ['(send twilio sms {"password" "x"12ab 5})', [[[0, 32, 0, 36], 'Invalid number `12ab`']]],
      [
        '(send twilio sms {:password [12ab]} (x 34cd))\n(send twilio sms {:password 56ef})\n) 78gh',
        [
          [[0, 29, 0, 33], 'Invalid number `•••`'],
          [[0, 39, 0, 43], 'Invalid number `34cd`'],
          [[1, 28, 1, 32], 'Invalid number `•••`'],
          [[2, 0, 2, 1], 'Unexpected `)`: nothing is open here'],
          [[2, 2, 2, 6], 'Invalid number `78gh`'],
        ],
      ],
    ];
    for (const [text, expected] of cases) assert.deepEqual(syntaxErrors(text), expected, text);
  });
});
