// The server keeps answering while a document takes long to analyse (analysis runs in a worker thread), and a newer
// version of the document cancels the older run. A test rule busies its thread for a minute on `SLOW-ME`: every wait
// below is far shorter, so a server whose message loop ran the analysis would fail them.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { REPO, TestClient } from '../helpers/lsp-client.js';

const RULES_ENV = { FOREWARN_TEST_RULES: join(REPO, 'out/test/fixtures/test-rules.js') };
const URI = 'file:///responsive/.gitlab-ci.yml';

describe('a long analysis', () => {
  it('does not stop the server answering, and a newer version replaces it', async () => {
    const client = await TestClient.start({ env: RULES_ENV });
    try {
      await client.open(URI, '# SLOW-ME\njob:\n  image: node:latest\n  script: echo\n');
      // Requests are answered while version 1 is being analysed: a code action (nothing published yet, so none)…
      const actions = (await client.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        context: { diagnostics: [] },
      })) as CodeAction[];
      assert.deepEqual(actions, []);
      assert.equal(client.published.get(URI), undefined, 'version 1 is still being analysed');
      // …and version 2 gets its diagnostics long before version 1 could have finished.
      await client.changeFull(URI, 2, 'job:\n  image: node:latest\n  script: echo\n');
      const ds = await client.diagnostics(URI, (d) => d.some((x) => x.code === 'image-latest'), 2);
      assert.ok(!ds.some((d) => d.code === 'test-slow'));
    } finally {
      await client.stop();
    }
  });

  it('shutdown and exit are answered during a long analysis', async () => {
    const client = await TestClient.start({ env: RULES_ENV });
    await client.open(URI, '# SLOW-ME\njob:\n  script: echo\n');
    // Make sure the analysis has started: a request after the open is answered once the open was handled.
    await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    const exited = new Promise<number | null>((resolve) => client.proc.once('exit', resolve));
    const shutdown = client.conn.sendRequest('shutdown');
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error('no answer to shutdown within 15 s (the analysis takes 60 s)')), 15_000).unref());
    await Promise.race([shutdown, late]);
    await client.conn.sendNotification('exit');
    assert.equal(await Promise.race([exited, late]), 0);
    client.conn.dispose();
  });
});
