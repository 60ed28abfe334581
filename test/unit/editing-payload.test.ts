// Completion and hover in a pattern file: inside a code string the flow's (a complete list), outside
// it the pattern schema's.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MarkupContent } from 'vscode-languageserver-types';
import { completePattern, hoverPattern } from '../../server/src/service/flow/editing/payload';
import { builtinContext } from '../support/flowContext';
import { withCursor } from '../support/documents';
import { readFlow } from '../support/service';

const ctx = builtinContext();

async function at(text: string): Promise<[boolean, string[], string | null]> {
  const { doc, position } = withCursor(text, 'pattern');
  const flowDoc = readFlow(doc);
  const list = await completePattern(flowDoc, position, ctx, { snippets: false });
  const hover = await hoverPattern(flowDoc, position, ctx);
  return [list.isIncomplete === true, list.items.slice(0, 5).map((i) => i.label), hover === null ? null : (hover.contents as MarkupContent).value];
}

describe('pattern file completion and hover', () => {
  it('answers with the flow features in a code string and the schema elsewhere', async () => {
    assert.deepEqual(await at('{"name": "p", "status": true, "key": "k", "code": "(perform ech|)"}'), [false, ['echo', 'generic', 'pusher', 'salesforce', 'sendgrid'], null]);
    assert.deepEqual(await at('{"name": "p", "sta|": true}'), [false, ['id', 'description', 'status', 'key', 'code'], null]);
  });
});
