// Indentation after Enter in a `.cxflow` file: the column Format Document would give the new line,
// in finished and half-typed code of both dialects; nothing inside strings or payloads.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { indentNewLine } from '../../server/src/service/formatting/documentFormatting';
import { withCursor } from '../support/documents';

/** The text after Enter's indentation, `|` marking where the new line's text begins. */
function afterEnter(text: string, kind: 'flow' | 'pattern' = 'flow'): string {
  const { doc, position } = withCursor(text, kind);
  return TextDocument.applyEdits(doc, indentNewLine(doc, kind, position));
}

describe('indentation on Enter', () => {
  const cases: [string, string, string][] = [
    ['a body line of a 4.1 seq', '(seq (delay 5 minutes)\n|', '(seq (delay 5 minutes)\n     '],
    ['the first body line of seq', '(seq\n|', '(seq\n  '],
    ['after the head arguments of a 4.2 let, still open', '(let [x 1]\n    |', '(let [x 1]\n  '],
    ['the body of when, deep in half-typed code', '(let [x 1]\n  (when (> x 0)\n|\n', '(let [x 1]\n  (when (> x 0)\n    \n'],
    ['an option of a send, aligned with its first argument', '(send twilio sms {:to-phone-number *p*}\n|)', '(send twilio sms {:to-phone-number *p*}\n      )'],
    ['the next key of a map', '(send twilio sms {:to-phone-number *p*\n|})', '(send twilio sms {:to-phone-number *p*\n                  })'],
    ['a split line keeps its text', '(seq\n          |(delay 5 minutes))', '(seq\n  (delay 5 minutes))'],
    ['a line opening a form in unbalanced code', '(seq\n  (send echo message {:message "x"}\n|(delay 5 minutes)', '(seq\n  (send echo message {:message "x"}\n        (delay 5 minutes)'],
    ['top level', '(delay 5 minutes)\n    |', '(delay 5 minutes)\n'],
    ['a 4.1 pattern map entry', '[{:name "p"\n|', '[{:name "p"\n  '],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(afterEnter(input), expected));
  }

  it('leaves a line inside a multi-line string alone', () => {
    assert.equal(afterEnter('(send echo message {:message "one\n   |two"})'), '(send echo message {:message "one\n   two"})');
  });

  it('does nothing in a payload, where a line break in a string is a JSON error', () => {
    assert.equal(afterEnter('{"code": "(seq\n|"}', 'pattern'), '{"code": "(seq\n"}');
  });

  it('answers at once in a form nested 10,000 deep', () => {
    const text = `${'(seq '.repeat(10_000)}\n|`;
    assert.equal(afterEnter(text), `${'(seq '.repeat(10_000)}\n${' '.repeat(5 * 9_999 + 2)}`);
  });
});
