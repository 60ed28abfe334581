// Each diagnostic of ours links to its code's section of docs/codes.md unless it has a link of its
// own; other sources' codes get none; a message without a suggestion says no "did you mean".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver-types';
import { withCodeDescription } from '../../server/src/service/codeLinks';
import { messages } from '../../server/src/service/codes';

const base: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' };

describe('code links and suggestions in messages', () => {
  it('links our codes to their section, keeps a link given, and leaves other codes alone', () => {
    assert.deepEqual(withCodeDescription({ ...base, code: 'unknown-unit' }).codeDescription, {
      href: 'https://github.com/cxengage/cxengage-language-tools/blob/main/docs/codes.md#unknown-unit',
    });
    assert.deepEqual(withCodeDescription({ ...base, code: 'unknown-unit', codeDescription: { href: 'https://example.com/own' } }).codeDescription, { href: 'https://example.com/own' });
    assert.deepEqual([withCodeDescription({ ...base, code: 'no-such-code' }).codeDescription, withCodeDescription({ ...base, code: 5 }).codeDescription], [undefined, undefined]);
  });

  it('says "did you mean" only with a suggestion', () => {
    assert.deepEqual(
      [messages.unknownIntegration('crn'), messages.unknownIntegration('crn', 'crm')],
      ['No integration `crn` is defined', 'No integration `crn` is defined; did you mean `crm`?'],
    );
  });
});
