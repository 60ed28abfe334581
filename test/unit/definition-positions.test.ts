// Positions of definition model ranges: the same as TextDocument.positionAt for every offset,
// whatever the line endings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextPositions } from '../../server/src/service/definitions/positions';

function samePositions(text: string): void {
  const doc = TextDocument.create('file:///t.integration.json', 'cxengage-integration', 1, text);
  const positions = new TextPositions(text);
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepEqual(positions.positionAt(offset), doc.positionAt(offset), `offset ${offset} of ${JSON.stringify(text)}`);
  }
}

describe('definition text positions', () => {
  it('match TextDocument with \\n, \\r\\n and lone \\r line ends, at every offset', () => {
    for (const text of ['', 'x', '\n', '{\n  "type": "x"\n}\n', '{\r\n  "a": 1\r\n}', 'a\rb\r\n\nc\r', '\r\n\r\n', '\ra\n\nb\r\r\nc', 'no newline at all']) {
      samePositions(text);
    }
  });

  it('give a range of a node from its offset and length', () => {
    const text = '{\n  "type": "twilio"\n}';
    const offset = text.indexOf('"twilio"');
    assert.deepEqual(new TextPositions(text).range({ offset, length: 8 }), { start: { line: 1, character: 10 }, end: { line: 1, character: 18 } });
  });
});
