// The payload rules of a pattern file where the other tests do not reach: a code key holding a
// value of another type, an enabled pattern with `then` alone, and pattern documents that were
// not read (a guard stopped them) or whose JSON could not be parsed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { messages } from '../../server/src/service/codes';
import { messageText } from '../../server/src/service/diagnostics';
import { emptyFlowDocument } from '../../server/src/service/flow/index';
import { checkPatternDocument } from '../../server/src/service/flow/embedding/payloadChecks';
import { compact, documentOf, rangeOfText } from '../support/documents';
import { builtinContext } from '../support/flowContext';
import { readFlow } from '../support/service';

const ctx = builtinContext();

async function check(text: string) {
  const doc = documentOf(text, 'pattern');
  return { doc, ...(await checkPatternDocument(readFlow(doc), ctx)) };
}

describe('pattern payloads: code keys and the enabled pattern', () => {
  it('a code key of another type is code for the missing-code rule (the schema reports its type)', async () => {
    const { diagnostics } = await check('{"name": "p", "status": true, "code": 5}');
    assert.deepEqual(compact(diagnostics), [['schema', [0, 38, 0, 39]]]);
    const object = await check('{"name": "p", "status": true, "when": {"a": 1}, "then": ["x"]}');
    assert.deepEqual(
      object.diagnostics.map((d) => d.code),
      ['schema', 'schema'],
    );
  });

  it('an enabled pattern with `then` alone needs `when` too', async () => {
    const { diagnostics, doc } = await check('{"name": "p", "status": true, "then": "(delay 1 days)"}');
    assert.deepEqual(compact(diagnostics), [['missing-pattern-code', rangeOfText(doc, '"status": true')]]);
    assert.equal(messageText(diagnostics[0]), messages.missingPatternCode('then'));
  });

  it('a pattern document not read has no payload to check, nor code', async () => {
    const doc = documentOf('{"status": true, "cdoe": "(x"}', 'pattern');
    assert.deepEqual(await checkPatternDocument(emptyFlowDocument(doc, 'pattern'), ctx), { diagnostics: [], total: 0 });
    const unparsed = { ...readFlow(doc), pattern: { json: undefined, parsed: doc, regions: [], problems: [] } };
    assert.deepEqual(await checkPatternDocument({ ...unparsed, regions: [] }, ctx), { diagnostics: [], total: 0 });
  });
});
