// The resolver against fake GitHub and registry servers on 127.0.0.1: tags, branches, errors, token flow, cache.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SourceFile } from '../../server/src/models/source-file.js';
import { Resolver, optionsFromEnv, type ResolverOptions } from '../../server/src/resolver/index.js';
import { editsFor, pinRequests, resolveEdits } from '../../server/src/resolver/pin.js';
import { applyEdits } from '../../server/src/engine/index.js';
import * as F from '../helpers/fake-apis.js';

describe('resolver', () => {
  let apis: F.FakeApis;
  let opts: ResolverOptions;
  before(async () => {
    apis = await F.startFakeApis();
    opts = { githubApiUrl: apis.githubUrl, registryUrls: { 'docker.io': apis.registryUrl, 'ghcr.io': apis.registryUrl }, timeoutMs: 2000, ttlMs: 60_000 };
  });
  after(() => apis.close());

  it('major tag: the commit, and the most specific tag at it (annotated tags peeled; v40 is not v4)', async () => {
    const r = await new Resolver(opts).resolve({ type: 'action-commit', target: 'actions/checkout', ref: 'v4' });
    assert.deepEqual(r, { type: 'action-commit', pin: { sha: F.SHA_V4, version: 'v4.1.1' } });
  });

  it('lightweight tags', async () => {
    const r = await new Resolver(opts).resolve({ type: 'action-commit', target: 'actions/light', ref: 'v1' });
    assert.deepEqual(r, { type: 'action-commit', pin: { sha: F.SHA_LIGHT, version: 'v1.3.2' } });
  });

  it('a full version is its own comment; a branch keeps its name', async () => {
    const res = new Resolver(opts);
    assert.deepEqual(await res.resolve({ type: 'action-commit', target: 'actions/checkout', ref: 'v4.1.1' }), { type: 'action-commit', pin: { sha: F.SHA_V4, version: 'v4.1.1' } });
    assert.deepEqual(await res.resolve({ type: 'action-commit', target: 'actions/checkout', ref: 'main' }), { type: 'action-commit', pin: { sha: F.SHA_MAIN, version: 'main' } });
  });

  it('an action in a subdirectory resolves through its repository', async () => {
    const r = await new Resolver(opts).resolve({ type: 'action-commit', target: 'github/codeql-action/init', ref: 'v3' });
    assert.equal(r.type === 'action-commit' && r.pin.sha, F.SHA_V5);
  });

  it('commit → the most specific tag at it, for a version comment; a commit no tag names is an error', async () => {
    const res = new Resolver(opts);
    assert.deepEqual(await res.resolve({ type: 'commit-version', target: 'actions/checkout', ref: F.SHA_V4 }), { type: 'commit-version', version: 'v4.1.1' });
    assert.deepEqual(await res.resolve({ type: 'commit-version', target: 'actions/checkout', ref: F.SHA_MAIN }), { type: 'commit-version', version: 'nightly' });
    await assert.rejects(res.resolve({ type: 'commit-version', target: 'actions/checkout', ref: F.SHA_LIGHT }), /No tag among the 100 most recent tags of actions\/checkout points at 0123456/);
    const text = `- uses: "actions/checkout@${F.SHA_V4}"\n`;
    const start = text.indexOf(F.SHA_V4);
    const edits = editsFor(text, { type: 'commit-version', ref: F.SHA_V4, range: { start, end: start + 40 } }, { type: 'commit-version', version: 'v4.1.1' });
    assert.equal(applyEdits(text, edits), `- uses: "actions/checkout@${F.SHA_V4}" # v4.1.1\n`);
  });

  it('404: a clear error', async () => {
    await assert.rejects(new Resolver(opts).resolve({ type: 'action-commit', target: 'actions/checkout', ref: 'v99' }), /no ref for actions\/checkout@v99.*set GITHUB_TOKEN/);
  });

  it('403 rate limit: explains the limit and the token', async () => {
    await assert.rejects(new Resolver(opts).resolve({ type: 'action-commit', target: 'limited/x', ref: 'v1' }), /60 requests per hour.*GITHUB_TOKEN/);
  });

  it('timeout: a clear error (the fake server never answers, so only the client timeout can end this)', async () => {
    await assert.rejects(new Resolver({ ...opts, timeoutMs: 150 }).resolve({ type: 'action-commit', target: 'slow/x', ref: 'v1' }), /did not answer within 150 ms/);
  });

  it('offline: a clear error', async () => {
    await assert.rejects(new Resolver({ ...opts, githubApiUrl: 'http://127.0.0.1:1' }).resolve({ type: 'action-commit', target: 'a/b', ref: 'v1' }), /Could not reach 127\.0\.0\.1:1/);
  });

  it('the token is sent as a bearer token and never appears in errors', async () => {
    const res = new Resolver({ ...opts, githubToken: 'ghp_secret_test_token' });
    await assert.rejects(res.resolve({ type: 'action-commit', target: 'actions/checkout', ref: 'v99' }), (e: Error) => !e.message.includes('ghp_secret'));
    assert.ok(apis.requests.some((r) => r.auth === 'Bearer ghp_secret_test_token'));
  });

  it('Docker Hub token flow, library/ for official images, multi-arch index digest', async () => {
    const r = await new Resolver(opts).resolve({ type: 'image-digest', target: 'nginx', ref: '1.27' });
    assert.deepEqual(r, { type: 'image-digest', digest: F.INDEX_DIGEST });
    assert.ok(apis.requests.some((q) => q.path.startsWith('/token?')));
    assert.ok(apis.requests.some((q) => q.path === '/v2/library/nginx/manifests/1.27' && q.auth === 'Bearer anon-token'));
  });

  it('registry without a digest header: the sha256 of the manifest', async () => {
    const r = await new Resolver(opts).resolve({ type: 'image-digest', target: 'ghcr.io/org/private', ref: '2' });
    assert.deepEqual(r, { type: 'image-digest', digest: F.PRIVATE_DIGEST });
  });

  it('unknown image tag: 404 error', async () => {
    await assert.rejects(new Resolver(opts).resolve({ type: 'image-digest', target: 'nginx', ref: '0.0.0' }), /has no image nginx:0\.0\.0/);
  });

  it('caches by (repo, ref) within the TTL, and asks again after it', async () => {
    let now = 0;
    const res = new Resolver(opts, () => now);
    const count = () => apis.requests.filter((q) => q.path === '/repos/actions/setup-node/commits/v5').length;
    const before = count();
    await Promise.all([res.resolve({ type: 'action-commit', target: 'actions/setup-node', ref: 'v5' }), res.resolve({ type: 'action-commit', target: 'actions/setup-node', ref: 'v5' })]);
    await res.resolve({ type: 'action-commit', target: 'actions/setup-node', ref: 'v5' });
    assert.equal(count() - before, 1);
    now += 61_000;
    await res.resolve({ type: 'action-commit', target: 'actions/setup-node', ref: 'v5' });
    assert.equal(count() - before, 2);
  });

  it('reads its configuration from the environment', () => {
    const o = optionsFromEnv({
      GH_TOKEN: 't',
      FOREWARN_GITHUB_API_URL: 'https://ghe.example/api/v3',
      FOREWARN_REGISTRY_URLS: 'docker.io=https://m.example, ghcr.io=https://g.example',
      FOREWARN_REGISTRY_AUTH_HOSTS: 'auth.m.example, ',
      FOREWARN_TIMEOUT_MS: '900',
    });
    assert.deepEqual(
      { ...o },
      {
        githubApiUrl: 'https://ghe.example/api/v3',
        githubToken: 't',
        registryUrls: { 'docker.io': 'https://m.example', 'ghcr.io': 'https://g.example' },
        registryAuthHosts: ['auth.m.example'],
        timeoutMs: 900,
        ttlMs: 600_000,
      },
    );
    assert.equal(optionsFromEnv({}).timeoutMs, 5000);
    assert.equal(optionsFromEnv({}).githubApiUrl, 'https://api.github.com');
  });

  it('pins a whole file: actions with comments, images with digests; failures listed, the rest pinned', async () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    container: "nginx:1.27"',
      '    steps:',
      '      - uses: actions/checkout@v4',
      "      - uses: 'actions/setup-node@v5'   # v5",
      '      - uses: actions/checkout@v99 # keep me',
      '      - uses: docker://alpine:3.20',
      '      - { uses: actions/checkout@main, with: { x: 1 } }',
      '',
    ].join('\r\n');
    const file = new SourceFile('.github/workflows/ci.yml', text, 'github-workflow');
    const reqs = pinRequests(file);
    assert.equal(reqs.length, 6);
    const out = await resolveEdits(text, reqs, new Resolver(opts));
    assert.equal(out.pinned, 5);
    assert.equal(out.errors.length, 1);
    assert.match(out.errors[0]!, /^action actions\/checkout@v99 on line \d+: /);
    assert.equal(
      applyEdits(text, out.edits),
      [
        'on: push',
        'jobs:',
        '  a:',
        `    container: "nginx:1.27@${F.INDEX_DIGEST}"`,
        '    steps:',
        `      - uses: actions/checkout@${F.SHA_V4} # v4.1.1`,
        `      - uses: 'actions/setup-node@${F.SHA_V5}'   # v5`,
        '      - uses: actions/checkout@v99 # keep me',
        `      - uses: docker://alpine:3.20@${F.ALPINE_DIGEST}`,
        `      - { uses: actions/checkout@${F.SHA_MAIN}, with: { x: 1 } }`,
        '',
      ].join('\r\n'),
    );
  });

  it('leaves allow-listed actions alone', () => {
    const text = 'on: push\njobs:\n  a:\n    steps:\n      - uses: my-org/x@v1\n      - uses: other/y@v1\n';
    const reqs = pinRequests(new SourceFile('.github/workflows/ci.yml', text, 'github-workflow'), ['my-org/*']);
    assert.deepEqual(reqs.map((r) => r.target), ['other/y']);
  });

  it('keeps an unrelated comment after the new version comment', () => {
    const text = 'x: a/b@v1 # reviewed by sec\n';
    const edits = editsFor(text, { type: 'action-commit', ref: 'v1', range: { start: 7, end: 9 } }, { type: 'action-commit', pin: { sha: F.SHA_V4, version: 'v1.0.2' } });
    assert.equal(applyEdits(text, edits), `x: a/b@${F.SHA_V4} # v1.0.2 # reviewed by sec\n`);
  });
});
