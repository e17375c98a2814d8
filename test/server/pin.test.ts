// Pin fixes through the protocol: the code action carries a command; executing it resolves against fake APIs and edits the document.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ApplyWorkspaceEditParams, CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../helpers/lsp-client.js';
import * as F from '../helpers/fake-apis.js';

const WORKFLOW = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container: "nginx:1.27"\n    steps:\n      - uses: actions/checkout@v4\n      - uses: "actions/setup-node@v5"\n';

describe('pin fixes in the editor', () => {
  let apis: F.FakeApis;
  let ws: string;
  let client: TestClient;
  const applied: ApplyWorkspaceEditParams[] = [];
  const uriOf = (rel: string) => pathToFileURL(join(ws, rel)).toString();

  before(async () => {
    apis = await F.startFakeApis();
    ws = mkdtempSync(join(tmpdir(), 'forewarn-pin-'));
    client = await TestClient.start({ rootUri: pathToFileURL(ws).toString(), env: F.fakeEnv(apis) });
    client.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      applied.push(p);
      return { applied: true };
    });
  });
  after(async () => {
    await client.stop();
    await apis.close();
    rmSync(ws, { recursive: true, force: true });
  });

  async function actionsFor(uri: string, d: Diagnostic): Promise<CodeAction[]> {
    return (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  }

  function applyTo(text: string, p: ApplyWorkspaceEditParams, version: number): string {
    const change = p.edit.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, version);
    return TextDocument.applyEdits(TextDocument.create('x', 'yaml', version, text), change.edits as never);
  }

  it('offers the pin as a command (no network until chosen), then edits the document with SHA and version comment', async () => {
    const uri = uriOf('.github/workflows/one.yml');
    const before = apis.requests.length;
    await client.open(uri, WORKFLOW);
    const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'unpinned-action'), 1);
    const pin = ds.find((d) => d.code === 'unpinned-action')!;
    const actions = await actionsFor(uri, pin);
    assert.deepEqual(actions.map((a) => a.title).slice(0, 2), ['Pin actions/checkout@v4 to its commit SHA', 'Pin all actions and images in this file']);
    assert.equal(apis.requests.length, before, 'diagnostics and code actions never touch the network');
    const n = applied.length;
    await client.conn.sendRequest('workspace/executeCommand', actions[0]!.command);
    await client.until(() => (applied.length > n ? true : undefined), 'applyEdit');
    const text = applyTo(WORKFLOW, applied[n]!, 1);
    assert.equal(text, WORKFLOW.replace('actions/checkout@v4', `actions/checkout@${F.SHA_V4} # v4.1.1`));
    await client.changeFull(uri, 2, text);
    const after = await client.diagnostics(uri, () => true, 2);
    assert.equal(after.filter((d) => d.code === 'unpinned-action').length, 1, 'only setup-node is left');
  });

  it('"Pin all" pins every action and image in one edit, keeping quotes', async () => {
    const uri = uriOf('.github/workflows/all.yml');
    await client.open(uri, WORKFLOW);
    const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'unpinned-action'), 1);
    const all = (await actionsFor(uri, ds.find((d) => d.code === 'unpinned-action')!)).find((a) => a.title === 'Pin all actions and images in this file')!;
    const n = applied.length;
    await client.conn.sendRequest('workspace/executeCommand', all.command);
    await client.until(() => (applied.length > n ? true : undefined), 'applyEdit');
    assert.equal(
      applyTo(WORKFLOW, applied[n]!, 1),
      WORKFLOW.replace('"nginx:1.27"', `"nginx:1.27@${F.INDEX_DIGEST}"`)
        .replace('actions/checkout@v4', `actions/checkout@${F.SHA_V4} # v4.1.1`)
        .replace('"actions/setup-node@v5"', `"actions/setup-node@${F.SHA_V5}" # v5`),
    );
    const source = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: ds[0]!.range, context: { diagnostics: [], only: ['source'] } })) as CodeAction[];
    assert.deepEqual(source.map((a) => a.kind), ['source.pinAll.forewarn']);
  });

  it('applies nothing when the document changed before the command ran', async () => {
    const uri = uriOf('.github/workflows/stale.yml');
    await client.open(uri, WORKFLOW);
    const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'unpinned-action'), 1);
    const action = (await actionsFor(uri, ds.find((d) => d.code === 'unpinned-action')!))[0]!;
    await client.changeFull(uri, 2, '# edited\n' + WORKFLOW);
    const n = applied.length;
    const messages = client.messages;
    const m = messages.length;
    await client.conn.sendRequest('workspace/executeCommand', action.command);
    await client.until(() => (messages.length > m ? true : undefined), 'a message');
    assert.equal(applied.length, n);
    assert.match(messages.at(-1)!, /file changed/);
  });

  it('a failed lookup shows a clear message and edits nothing', async () => {
    const uri = uriOf('.github/workflows/missing.yml');
    const text = 'on: push\npermissions: {}\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v99\n';
    await client.open(uri, text);
    const ds = await client.diagnostics(uri, (d) => d.length === 1, 1);
    const action = (await actionsFor(uri, ds[0]!))[0]!;
    const n = applied.length;
    const messages = client.messages;
    const m = messages.length;
    await client.conn.sendRequest('workspace/executeCommand', action.command);
    await client.until(() => (messages.length > m ? true : undefined), 'an error message');
    assert.equal(applied.length, n);
    assert.match(messages.at(-1)!, /could not pin the action actions\/checkout@v99 on line 6: GitHub has no ref/);
  });

  it('uses the token from the editor\'s secret storage when the environment has none, and never shows it', async () => {
    client.conn.onRequest('forewarn/githubToken', () => 'ghp_from_secret_storage');
    const uri = uriOf('.github/workflows/token.yml');
    const text = 'on: push\npermissions: {}\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v99\n';
    await client.open(uri, text);
    const ds = await client.diagnostics(uri, (d) => d.length === 1, 1);
    const action = (await actionsFor(uri, ds[0]!))[0]!;
    const m = client.messages.length;
    await client.conn.sendRequest('workspace/executeCommand', action.command);
    await client.until(() => (client.messages.length > m ? true : undefined), 'an error message');
    assert.ok(apis.requests.some((r) => r.path === '/repos/actions/checkout/commits/v99' && r.auth === 'Bearer ghp_from_secret_storage'));
    assert.ok(!client.messages.at(-1)!.includes('ghp_from'));
    assert.ok(!client.logs.some((l) => l.includes('ghp_from')));
  });

  it('no pin actions when forewarn.allowNetwork is false', async () => {
    client.settings = { allowNetwork: false };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const uri = uriOf('.github/workflows/off.yml');
    await client.open(uri, WORKFLOW);
    const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'unpinned-action'), 1);
    const titles = (await actionsFor(uri, ds.find((d) => d.code === 'unpinned-action')!)).map((a) => a.title);
    assert.ok(titles.every((t) => !t.startsWith('Pin')), titles.join(', '));
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });
});

describe('pin fixes in an untrusted workspace', () => {
  it('are not offered, and the command refuses', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'forewarn-untrusted-'));
    const client = await TestClient.start({ rootUri: pathToFileURL(ws).toString(), env: { FOREWARN_GITHUB_API_URL: 'http://127.0.0.1:1' }, initializationOptions: { workspaceTrusted: false } });
    const messages = client.messages;
    try {
      const uri = pathToFileURL(join(ws, '.github/workflows/a.yml')).toString();
      await client.open(uri, WORKFLOW);
      const ds = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'unpinned-action'), 1);
      const d = ds.find((x) => x.code === 'unpinned-action')!;
      const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
      assert.ok(actions.every((a) => !a.title.startsWith('Pin')));
      await client.conn.sendRequest('workspace/executeCommand', { command: 'forewarn.pin', arguments: [{ uri, version: 1, requests: [] }] });
      await client.until(() => (messages.length > 0 ? true : undefined), 'a refusal');
      assert.match(messages[0]!, /untrusted workspace/);
    } finally {
      await client.stop();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
