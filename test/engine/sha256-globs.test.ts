// Two start-up savings of the CLI that must not change a result: the plain-JavaScript SHA-256 behind finding
// fingerprints (core/sha256.ts, instead of loading node:crypto) and the built-in kind globs compiled on first use
// (engine/globs.ts `lazy`). Both are compared with what they replace.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sha256Hex } from '../../server/src/core/sha256.js';
import { TEXT_EXCLUDED, TEXT_GLOBS } from '../../server/src/engine/detect.js';
import { compileGlobs } from '../../server/src/engine/globs.js';
import { REPO } from '../helpers/lsp-client.js';

const node = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('is SHA-256 of the UTF-8 bytes: known vectors', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('equals node:crypto at every length around the block boundaries, and for a long text', () => {
    for (let n = 0; n <= 200; n++) assert.equal(sha256Hex('é'.repeat(n >> 1) + 'x'.repeat(n)), node('é'.repeat(n >> 1) + 'x'.repeat(n)), `length ${n}`);
    const long = 'ab\0c€😀'.repeat(5000);
    assert.equal(sha256Hex(long), node(long));
    // after a long text the reused buffer holds old bytes: a short one must not see them
    assert.equal(sha256Hex('short'), node('short'));
  });

  it('equals node:crypto for any text, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => sha256Hex(s) === node(s)), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 100 }), (s) => sha256Hex(s) === node(s)), { numRuns: 500 });
  });
});

describe('lazily compiled globs', () => {
  /** Paths of every file in the repository's examples and fixtures, plus odd names around the built-in globs. */
  function paths(): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.name === 'node_modules' || e.name === '.git') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else out.push(relative(REPO, p));
      }
    };
    walk(join(REPO, 'examples'));
    walk(join(REPO, 'test', 'fixtures'));
    for (const name of ['Dockerfile', 'dockerfile.dev', 'x.DOCKERFILE', 'Containerfile', 'compose.yml', 'docker-compose.override.YML', '.env', '.ENV.local', 'a.env', 'X.TFSTATE', 'settings.xml', 'id_rsa', 'id_rsa.pub', '.npmrc', 'pip.conf', 'kubeconfig', 'a.kubeconfig', 'credentials', 'x.yml', 'x.yaml', 'x.json', 'package-lock.json', 'a.min.json', 'x.map', 'yarn.lock', '.terraform.lock.hcl', 'main.tf', 'vars.tfvars', 'azure-pipelines.yml', 'azure-pipelines-ci.yaml', '.gitlab-ci.yml', 'a.gitlab-ci.yml', 'bitbucket-pipelines.yml', 'action.yml', 'config.yml']) {
      for (const dir of ['', 'a/', 'a/b/', '.github/workflows/', 'x/.github/workflows/', '.circleci/', '.kube/', 'x/.docker/', '.azure-pipelines/', 'p/.azure-pipelines/q/', '.vscode/', 'x/.idea/y/', 'C:\\\\w\\\\']) out.push(dir + name);
    }
    return out;
  }

  it('give what eagerly compiled ones give, for the built-in kind globs and odd paths', () => {
    const groups: [readonly string[], boolean][] = [
      [TEXT_GLOBS, true],
      [TEXT_EXCLUDED, true],
      [['.github/workflows/*.yml', '**/.github/workflows/*.yaml'], false],
      [['Dockerfile', 'Dockerfile.*', '*.Dockerfile', 'Containerfile', 'Containerfile.*'], true],
      [['docker-compose*.yml', 'compose.*.yaml', 'compose-*.yml'], false],
      [['**/.azure-pipelines/**/*.yml', '.azure-pipelines/**/*.yaml', 'azure-pipelines*.yml'], false],
      // patterns the literal pre-check leaves alone: classes, braces, extglobs, `?`, `**` last
      [['*.{yml,yaml}', 'Docker[fF]ile', '?ompose.yml', '+(a|b).tf', 'infra/**', '**/.vscode/**', 'x\\*.yml'], false],
    ];
    const all = paths();
    for (const [globs, nocase] of groups) {
      const eager = compileGlobs(globs, { nocase });
      const lazy = compileGlobs(globs, { nocase, lazy: true });
      for (const p of all) assert.equal(lazy(p), eager(p), `${p} with ${globs.join(' ')}`);
    }
  });
});
