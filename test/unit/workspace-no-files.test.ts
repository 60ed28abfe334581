// The file access of a service that sees only open documents, and the default bounds of a scan.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultScanLimits, noFiles } from '../../server/src/service/workspace/fileAccess';

describe('no files', () => {
  it('finds none, reads none and measures none', async () => {
    const limits = { maxFiles: 1, maxDirectories: 1 };
    assert.deepEqual(await noFiles.findFiles('file:///workspace', ['**/*.cxflow'], [], limits), { files: [], unreadable: [], cancelled: false });
    assert.deepEqual(await noFiles.readFile('file:///workspace/a.cxflow', 100), { kind: 'missing' });
    assert.equal(await noFiles.stat('file:///workspace/a.cxflow'), undefined);
  });

  it('a scan stops at 20,000 files or 20,000 folders unless told otherwise', () => {
    assert.deepEqual(defaultScanLimits, { maxFiles: 20_000, maxDirectories: 20_000 });
  });
});
