// The browser build's client code path in code-server's extension host (VS Code for the Web's own
// web-worker extension host cannot be had here): a session running only the in-editor suite file
// test/e2e/suite/browserClient.test.ts, part of `npm run test:browser`.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { browserClientSuite, CodeServerSession } from './codeServer';
import { reportInEditorSuite } from './inEditorSuite';
import { Workbench } from './workbench';

describe('the browser client in code-server', { timeout: 15 * 60_000 }, () => {
  let session: CodeServerSession | undefined;
  let workbench: Workbench | undefined;

  before(
    async () => {
      session = await CodeServerSession.start({ suiteFiles: { only: [browserClientSuite] } });
      // The extension host, and so the suite, runs only while a workbench is open.
      workbench = await Workbench.open(session.url, { stateDir: path.join(session.paths.runDir, 'browser') });
    },
    { timeout: 5 * 60_000 },
  );

  after(async () => {
    await workbench?.close().catch(() => undefined);
    await session?.stop();
  });

  it('runs the browser client suite in the extension host', { timeout: 11 * 60_000 }, async (t) => {
    assert.ok(session && workbench, 'code-server or the browser did not start (see the before hook)');
    session.assertRunning();
    const results = await reportInEditorSuite(t, session);
    // Only that file ran, and all of it: a renamed suite or file would fail here, not pass empty.
    assert.deepEqual(
      results.tests.map((test) => test.title).map((title) => title.replace(/^the browser client over in-memory transports /, '')),
      [
        'checks the flow against the definition it read through the editor',
        'completes the fields a params map still lacks',
        'shows the field table of the message on hover',
        'builds the form of a send from the definition read through the editor',
      ],
    );
  });
});
