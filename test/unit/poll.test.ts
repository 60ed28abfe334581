// Polling for the editor suites: a timeout names what was awaited, what was seen, and the last
// exception a probe threw, even when later probes threw nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../support/poll';

describe('waitFor', () => {
  it('returns the first value a probe sees, after probes that threw', async () => {
    let calls = 0;
    const value = await waitFor('three calls', () => {
      calls++;
      if (calls < 3) throw new Error(`not yet ${calls}`);
      return calls;
    }, { intervalMs: 1 });
    assert.equal(value, 3);
  });

  it('reports the last probe error at the timeout, though the probes after it saw nothing', async () => {
    let calls = 0;
    const failure = new TypeError('Cannot read properties of undefined (reading "line")');
    const probe = () => {
      calls++;
      if (calls === 1) throw failure;
      return undefined;
    };
    await assert.rejects(waitFor('the hover', probe, { timeoutMs: 0, intervalMs: 1, describeLast: () => 'no hover' }), (error: Error) => {
      assert.equal(error.message.split('\n')[0], `Timed out after 0 s waiting for the hover; saw: no hover; probe 1 of ${calls} threw: TypeError: Cannot read properties of undefined (reading "line")`);
      assert.equal(error.cause, failure);
      return true;
    });
  });

  it('reports what a probe threw that is not an Error', async () => {
    await assert.rejects(
      waitFor('a value', () => {
        throw { code: 42 };
      }, { timeoutMs: 0 }),
      { message: 'Timed out after 0 s waiting for a value; probe 1 of 1 threw: {"code":42}', cause: { code: 42 } },
    );
  });

  it('says nothing of errors when no probe threw', async () => {
    await assert.rejects(waitFor('nothing', () => undefined, { timeoutMs: 0 }), { message: 'Timed out after 0 s waiting for nothing' });
  });
});
