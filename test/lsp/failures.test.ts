// The protocol tests see a handler's failure: the server answers a throwing handler with an empty
// result and logs the error, and stopping the test client then fails. Shown with a request the
// server cannot answer (a hover without a position), as any client could send it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../support/lspClient';

describe('handler failures over LSP', () => {
  it('an empty answer hides a failure that the client reports when it stops', async () => {
    const client = await TestClient.start({});
    const uri = 'file:///tmp/hover.cxflow';
    await client.open(uri, 'cxflow', '(send echo message {})\n');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: null } as never);
    assert.equal(hover, null, 'the server answers as if there were nothing to show');
    assert.deepEqual(
      client.failures().map((f) => f.split('\n')[0]),
      ["hover failed: TypeError: Cannot read properties of null (reading 'line')"],
    );
    assert.throws(() => client.assertNoFailures(), /^AssertionError \[ERR_ASSERTION\]: the server logged 1 failure:\nhover failed: TypeError/);
    await assert.rejects(client.stop(), /the server logged 1 failure:\nhover failed: TypeError/);
  });

  it('a session that fails in its body reports that failure, with the server failures added', async () => {
    const run = TestClient.session({}, async (client) => {
      await client.open('file:///tmp/a.cxflow', 'cxflow', '(delay 5 minutes)\n');
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///tmp/a.cxflow' }, position: null } as never);
      assert.fail('the test itself fails');
    });
    await assert.rejects(run, (error: Error) => {
      assert.match(error.message, /^the test itself fails\nThe server logged too:\nhover failed: TypeError/);
      return true;
    });
  });
});
