// The workspace scan through the bundled server: files nobody opened show their problems, and follow the disk.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { ScanSummary } from '../../server/src/lsp/workspace-scan.js';
import { REPO, TestClient } from '../helpers/lsp-client.js';

const CLI = join(REPO, 'dist/cli.js');

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const WORKFLOW = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\npermissions: {}\n';
const PINNED = WORKFLOW.replace('@v4', `@${SHA} # v4.1.1`);
const LATEST = 'FROM node:latest\nUSER node\n';

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'forewarn-scan-'));
  for (const [rel, text] of Object.entries(files)) write(root, rel, text);
  return root;
}

function write(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

describe('workspace scan', () => {
  let ws: string;
  let client: TestClient;
  const uri = (rel: string) => pathToFileURL(join(ws, rel)).toString();
  const lastScan = () => client.until(() => client.statuses.findLast((s) => !s.scanning && s.lastScan)?.lastScan, 'a finished scan');

  before(async () => {
    ws = workspace({
      '.github/workflows/ci.yml': WORKFLOW,
      'Dockerfile': LATEST,
      'notes.yaml': 'just: data\n',
      'node_modules/pkg/Dockerfile': LATEST,
      '.gitignore': 'build/\n',
      'build/Dockerfile': LATEST,
      'excluded/Dockerfile': LATEST,
      'legacy/Dockerfile': LATEST,
      '.forewarn.yml': 'ignore:\n  - skipme/\n',
      'skipme/Dockerfile': LATEST,
    });
    client = await TestClient.start({ rootUri: pathToFileURL(ws).toString(), settings: { exclude: ['legacy/**'] } });
    client.filesExclude = { '**/excluded': true, '**/off': false };
  });
  after(async () => {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('on startup, publishes problems of files nobody opened, with progress and a status', async () => {
    assert.deepEqual(codes(await client.diagnostics(uri('.github/workflows/ci.yml'), (d) => d.length > 0)), ['unpinned-action']);
    assert.deepEqual(codes(await client.diagnostics(uri('Dockerfile'), (d) => d.length > 0)), ['image-latest']);
    const summary = await lastScan();
    assert.equal(summary.files, 3, 'the workflow, the Dockerfile and the YAML file sniffed for its kind');
    assert.equal(summary.cancelled, false);
    assert.ok(client.progressTokens.length > 0, 'work-done progress was created');
    assert.equal(client.progress[0]?.kind, 'begin');
    assert.equal(client.progress[0]?.cancellable, true);
    assert.ok(client.progress.some((p) => p.kind === 'report' && p.percentage === 100));
    assert.equal(client.progress.at(-1)?.kind, 'end');
    const status = await client.until(() => client.statuses.findLast((s) => !s.scanning && s.files === 2), 'status with two files');
    assert.deepEqual(status.counts, { info: 0, low: 0, medium: 1, high: 1, critical: 0 });
  });

  it('skips node_modules, .gitignore, files.exclude, forewarn.exclude and config ignores', () => {
    for (const rel of ['node_modules/pkg/Dockerfile', 'build/Dockerfile', 'excluded/Dockerfile', 'legacy/Dockerfile', 'skipme/Dockerfile', 'notes.yaml']) {
      assert.equal(client.published.get(uri(rel)), undefined, rel);
    }
  });

  it('Scan Workspace again: unchanged files are not analysed again', async () => {
    const summary = await client.executeCommand<ScanSummary>('forewarn.scanWorkspace');
    assert.equal(summary.files, 3);
    assert.equal(summary.unchanged, 3);
    assert.equal(summary.analyzed, 0);
  });

  it('follows the disk: changed, created and deleted files', async () => {
    write(ws, '.github/workflows/ci.yml', PINNED);
    await client.watched([uri('.github/workflows/ci.yml'), 2]);
    assert.deepEqual(await client.diagnostics(uri('.github/workflows/ci.yml'), (d) => d.length === 0), []);

    write(ws, 'sub/Dockerfile', LATEST);
    await client.watched([uri('sub/Dockerfile'), 1]);
    assert.deepEqual(codes(await client.diagnostics(uri('sub/Dockerfile'), (d) => d.length > 0)), ['image-latest']);

    // Only a status sent after the deletion counts: an early one of the first scan can also have one file.
    const before = client.statuses.length;
    rmSync(join(ws, 'Dockerfile'));
    await client.watched([uri('Dockerfile'), 3]);
    assert.deepEqual(await client.diagnostics(uri('Dockerfile'), (d) => d.length === 0), []);
    const status = await client.until(() => client.statuses.slice(before).findLast((s) => s.files === 1), 'status after the changes');
    assert.deepEqual(status.counts, { info: 0, low: 0, medium: 1, high: 0, critical: 0 });
  });

  it('an open document wins over the disk; closing it hands its problems back to the scan', async () => {
    const u = uri('sub/Dockerfile');
    await client.open(u, 'FROM node:20\nUSER node\n', 'dockerfile', 7);
    assert.deepEqual(await client.diagnostics(u, (d) => d.length === 0, 7), []);
    // A change on disk while it is open does not replace the editor's view.
    await client.watched([u, 2]);
    await client.close(u);
    assert.deepEqual(codes(await client.diagnostics(u, (d) => d.length > 0)), ['image-latest']);
    assert.equal(client.published.get(u)?.version, undefined, 'disk diagnostics carry no document version');
  });

  it('serves the commented configuration template', async () => {
    const text = await client.conn.sendRequest<string>('forewarn/configTemplate');
    assert.match(text, /^# rules:$/m);
    assert.match(text, /^# {3}unpinned-action: +high /m);
  });

  it('a .gitignore change rescans everything with the new rules', async () => {
    write(ws, '.gitignore', 'build/\nsub/\n');
    await client.watched([uri('.gitignore'), 2]);
    assert.deepEqual(await client.diagnostics(uri('sub/Dockerfile'), (d) => d.length === 0), []);
  });
});

describe('workspace scan: settings, folders, size', () => {
  it('scanOnOpen off: nothing until the command; multi-root folders are all scanned', async () => {
    const a = workspace({ 'Dockerfile': LATEST });
    const b = workspace({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n', 'Dockerfile': LATEST });
    const client = await TestClient.start({ folders: [pathToFileURL(a).toString(), pathToFileURL(b).toString()], settings: { scanOnOpen: false } });
    try {
      // The server answers a request only after it handled the ones before: nothing was scanned by then.
      await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///none' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
      assert.equal(client.published.size, 0);
      const summary = await client.executeCommand<ScanSummary>('forewarn.scanWorkspace');
      assert.equal(summary.files, 3);
      await client.diagnostics(pathToFileURL(join(a, 'Dockerfile')).toString(), (d) => d.length === 1);
      await client.diagnostics(pathToFileURL(join(b, 'Dockerfile')).toString(), (d) => d.length === 1);
    } finally {
      await client.stop();
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('virtual workspaces: a folder that is not on disk is not scanned, open documents still are', async () => {
    const client = await TestClient.start({ folders: ['vscode-vfs://github/example/repo'] });
    try {
      const summary = await client.executeCommand<ScanSummary | null>('forewarn.scanWorkspace');
      assert.equal(summary, null, 'nothing to scan');
      const uri = 'vscode-vfs://github/example/repo/Dockerfile';
      await client.open(uri, 'FROM node:latest\nUSER node\n', 'dockerfile', 1);
      assert.deepEqual(codes(await client.diagnostics(uri, (d) => d.length > 0, 1)), ['image-latest']);
    } finally {
      await client.stop();
    }
  });

  it('a large workspace is scanned on worker threads, and every file is published', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 450; i++) files[`svc${i}/Dockerfile`] = LATEST;
    const root = workspace(files);
    const client = await TestClient.start({ rootUri: pathToFileURL(root).toString() });
    try {
      const summary = await client.until(() => client.statuses.findLast((s) => !s.scanning && s.lastScan)?.lastScan, 'scan', 60_000);
      assert.equal(summary.files, 450);
      assert.ok(summary.workers >= 1, 'ran on worker threads');
      await client.until(() => (client.published.size === 450 ? true : undefined), 'all files published', 30_000);
      assert.ok([...client.published.values()].every((p) => p.diagnostics.length === 1));
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a scan can be cancelled from the progress notification', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`d${i}/Dockerfile`] = LATEST;
    const root = workspace(files);
    const client = await TestClient.start({ rootUri: pathToFileURL(root).toString(), settings: { scanOnOpen: false } });
    try {
      const done = client.executeCommand<ScanSummary>('forewarn.scanWorkspace');
      const token = await client.until(() => client.progressTokens[0], 'progress token');
      await client.conn.sendNotification('window/workDoneProgress/cancel', { token });
      const summary = await done;
      assert.equal(summary.cancelled, true);
      assert.ok(client.published.size < 300, `cancelled before the end (${client.published.size} published)`);
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('workspace scan: baseline', () => {
  it('findings the baseline records are dimmed in unopened files and not counted', async () => {
    const root = workspace({ 'Dockerfile': LATEST, 'other/Dockerfile': LATEST });
    // Record only the root Dockerfile's finding.
    execFileSync(process.execPath, [CLI, 'baseline', 'Dockerfile', '-o', '.forewarn-baseline.json'], { cwd: root });
    const client = await TestClient.start({ rootUri: pathToFileURL(root).toString() });
    try {
      const known = await client.diagnostics(pathToFileURL(join(root, 'Dockerfile')).toString(), (d) => d.length === 1);
      assert.equal(known[0]!.severity, 3, 'shown as information');
      assert.deepEqual(known[0]!.tags, [1], 'and dimmed');
      const fresh = await client.diagnostics(pathToFileURL(join(root, 'other/Dockerfile')).toString(), (d) => d.length === 1);
      assert.equal(fresh[0]!.severity, 2);
      const status = await client.until(() => client.statuses.findLast((s) => !s.scanning && s.lastScan), 'scan done');
      assert.deepEqual(status.counts, { info: 0, low: 0, medium: 1, high: 0, critical: 0 });
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('workspace scan: text files', () => {
  it('.env and config files are scanned for secrets, opened or not; a .env that git ignores is not', async () => {
    const ws = workspace({
      '.git/info/exclude': '',
      '.gitignore': '.env.local\n',
      '.env': 'DB_PASSWORD=Zq7mW2xK9pLrT4vB\n',
      '.env.local': 'DB_PASSWORD=Zq7mW2xK9pLrT4vB\n',
      'config/app.json': '{ "image": "nginx:latest", "privileged": true }\n',
    });
    const client = await TestClient.start({ rootUri: pathToFileURL(ws).toString() });
    const uri = (rel: string) => pathToFileURL(join(ws, rel)).toString();
    try {
      assert.deepEqual(codes(await client.diagnostics(uri('.env'), (d) => d.length > 0)), ['hardcoded-credential']);
      await client.until(() => client.statuses.findLast((s) => !s.scanning && s.lastScan), 'a finished scan');
      assert.equal(client.published.get(uri('.env.local')), undefined, 'git ignores it: not scanned');
      // opened in the editor, an ignored .env still shows nothing; a committed one shows its secret as you type
      await client.open(uri('.env.local'), 'DB_PASSWORD=Zq7mW2xK9pLrT4vB\n', 'dotenv');
      assert.deepEqual(await client.diagnostics(uri('.env.local'), () => true, 1), []);
      await client.open(uri('.env'), 'API_TOKEN=Zq7mW2xK9pLrT4vB\nDB_PASSWORD=Xk9mQ2pLr7Vw4TzB\n', 'dotenv', 3);
      assert.deepEqual(codes(await client.diagnostics(uri('.env'), (d) => d.length === 2, 3)), ['hardcoded-credential', 'hardcoded-credential']);
      // no other rule runs on a text file
      assert.equal(client.published.get(uri('config/app.json'))?.diagnostics.length ?? 0, 0);
    } finally {
      await client.stop();
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
