// The editor and the baseline: known findings stay visible but dimmed, new ones look new, the file is re-read on change.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { run } from '../../server/src/cli/main.js';
import { TestClient } from '../helpers/lsp-client.js';

const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';
const OTHER_KEY = 'AKIAQ3MZ5TNR7WXPLD2K';
const WORKFLOW = `on: push\njobs:\n  a:\n    env:\n      AWS_KEY: ${KEY}\n    steps:\n      - run: echo hi\n`;
const INFORMATION = 3;
const UNNECESSARY = 1;

const aws = (ds: Diagnostic[]) => ds.find((d) => d.code === 'aws-access-key');

describe('language server with a baseline', () => {
  let ws: string;
  let client: TestClient;
  let uri: string;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'forewarn-lsp-baseline-'));
    mkdirSync(join(ws, '.github/workflows'), { recursive: true });
    writeFileSync(join(ws, '.github/workflows/ci.yml'), WORKFLOW);
    assert.equal(run(['baseline'], { out: () => {}, err: () => {}, cwd: ws }), 0);
    uri = pathToFileURL(join(ws, '.github/workflows/ci.yml')).toString();
    client = await TestClient.start({ rootUri: pathToFileURL(ws).toString() });
  });
  after(async () => {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('shows a baselined finding as dimmed information, also after lines are inserted above', async () => {
    await client.open(uri, WORKFLOW);
    const d = aws(await client.diagnostics(uri, (ds) => !!aws(ds), 1))!;
    assert.equal(d.severity, INFORMATION);
    assert.deepEqual(d.tags, [UNNECESSARY]);
    assert.match(String(d.message), /baseline/);
    await client.changeFull(uri, 2, `# the pipeline\n\n${WORKFLOW}`);
    const shifted = aws(await client.diagnostics(uri, (ds) => !!aws(ds), 2))!;
    assert.equal(shifted.range.start.line, 6);
    assert.equal(shifted.severity, INFORMATION);
  });

  it('an edited finding is new: full severity, not dimmed', async () => {
    await client.changeFull(uri, 3, WORKFLOW.replace(KEY, OTHER_KEY));
    const d = aws(await client.diagnostics(uri, (ds) => !!aws(ds), 3))!;
    assert.equal(d.severity, 1);
    assert.equal(d.tags, undefined);
  });

  it('forewarn.baseline.display: hidden drops known findings, normal shows them as usual', async () => {
    client.settings = { baseline: { display: 'hidden' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.changeFull(uri, 4, WORKFLOW);
    await client.diagnostics(uri, (ds) => !aws(ds), 4);
    client.settings = { baseline: { display: 'normal' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.diagnostics(uri, (ds) => aws(ds)?.severity === 1, 4);
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.diagnostics(uri, (ds) => aws(ds)?.severity === INFORMATION, 4);
  });

  it('re-reads the baseline file when it changes', async () => {
    writeFileSync(join(ws, '.forewarn-baseline.json'), '{"version": 1, "findings": []}\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(ws, '.forewarn-baseline.json')).toString(), type: 2 }] });
    const d = aws(await client.diagnostics(uri, (ds) => aws(ds)?.severity === 1, 4))!;
    assert.equal(d.tags, undefined);
  });
});
