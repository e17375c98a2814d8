// `forewarn pin` against fake GitHub and registry servers: a unified diff by default, files written with --write.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO } from '../helpers/lsp-client.js';
import * as F from '../helpers/fake-apis.js';

const WORKFLOW = "on: push\r\njobs:\r\n  a:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: 'actions/checkout@v4'\r\n      - uses: actions/setup-node@v5 # v5\r\n";
const DOCKERFILE = 'FROM nginx:1.27 AS web\nFROM web\n';

/** Runs the bundled CLI asynchronously: the fake servers live in this process and must keep answering. */
function cli(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((res) => {
    const p = spawn(process.execPath, [join(REPO, 'dist/cli.js'), ...args], { cwd, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => res({ code, out, err }));
  });
}

describe('forewarn pin', () => {
  let apis: F.FakeApis;
  let ws: string;
  before(async () => {
    apis = await F.startFakeApis();
    ws = mkdtempSync(join(tmpdir(), 'forewarn-pin-cli-'));
    writeFileSync(join(ws, '.git'), '');
    mkdirSync(join(ws, '.github/workflows'), { recursive: true });
    writeFileSync(join(ws, '.github/workflows/ci.yml'), WORKFLOW);
    writeFileSync(join(ws, 'Dockerfile'), DOCKERFILE);
  });
  after(async () => {
    await apis.close();
    rmSync(ws, { recursive: true, force: true });
  });

  it('prints a unified diff and changes nothing', async () => {
    const r = await cli(['pin'], ws, F.fakeEnv(apis));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^--- a\/\.github\/workflows\/ci\.yml/m);
    assert.ok(r.out.includes(`\n-      - uses: 'actions/checkout@v4'\r\n`), r.out);
    assert.ok(r.out.includes(`\n+      - uses: 'actions/checkout@${F.SHA_V4}' # v4.1.1\r\n`), r.out);
    assert.ok(r.out.includes(`+      - uses: actions/setup-node@${F.SHA_V5} # v5\r\n`));
    assert.ok(r.out.includes(`-FROM nginx:1.27 AS web\n+FROM nginx:1.27@${F.INDEX_DIGEST} AS web\n`));
    assert.match(r.err, /Would pin 3 references in 2 files\./);
    assert.equal(readFileSync(join(ws, '.github/workflows/ci.yml'), 'utf8'), WORKFLOW);
  });

  it('--write writes the pinned files, keeping CRLF and quotes; a second run has nothing to do', async () => {
    const r = await cli(['pin', '--write', '.github'], ws, F.fakeEnv(apis));
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.equal(
      readFileSync(join(ws, '.github/workflows/ci.yml'), 'utf8'),
      WORKFLOW.replace("'actions/checkout@v4'", `'actions/checkout@${F.SHA_V4}' # v4.1.1`).replace('actions/setup-node@v5 # v5', `actions/setup-node@${F.SHA_V5} # v5`),
    );
    assert.equal(readFileSync(join(ws, 'Dockerfile'), 'utf8'), DOCKERFILE, 'only the named path');
    const again = await cli(['pin', '.github'], ws, F.fakeEnv(apis));
    assert.equal(again.out, '');
    assert.match(again.err, /Would pin 0 references in 0 files\./);
  });

  it('a failed lookup is reported with exit 2', async () => {
    const r = await cli(['pin', 'Dockerfile'], ws, { ...F.fakeEnv(apis), FOREWARN_REGISTRY_URLS: 'docker.io=http://127.0.0.1:1' });
    assert.equal(r.code, 2);
    assert.match(r.err, /Dockerfile: could not pin the image nginx:1\.27 on line 1: Could not reach 127\.0\.0\.1:1/);
    assert.equal(r.out, '');
  });
});
