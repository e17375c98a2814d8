// Pin lookups cannot be steered: refs and image names are checked against their grammar before any request, nothing
// credential-shaped is sent, redirects and token realms stay on the configured host, and the user's token never
// travels to another host. Fake servers on 127.0.0.1 only.

import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Resolver, type ResolverOptions } from '../../server/src/resolver/index.js';
import { isGitRef, isImageName, isRepository } from '../../server/src/resolver/validate.js';
import { GHP } from '../helpers/secrets.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const TOKEN = 'test-user-token-for-github';

interface Recorder {
  readonly url: string;
  readonly seen: { path: string; auth: string | undefined }[];
  close(): Promise<void>;
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse, self: () => string) => void): Promise<Recorder> {
  const seen: Recorder['seen'] = [];
  let url = '';
  const server: Server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization });
    handler(req, res, () => url);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

describe('pin lookups cannot be steered', () => {
  let elsewhere: Recorder;
  let github: Recorder;
  let registry: Recorder;
  let opts: ResolverOptions;
  before(async () => {
    elsewhere = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'docker-content-digest': `sha256:${'9'.repeat(64)}` });
      res.end(JSON.stringify({ sha: 'f'.repeat(40), token: 'stolen' }));
    });
    github = await serve((req, res) => {
      const p = req.url ?? '';
      if (p === '/repos/renamed/tool/commits/v1') {
        res.writeHead(301, { location: '/repos/actions/checkout/commits/v4' });
        return void res.end();
      }
      if (p === '/repos/moved/tool/commits/v1') {
        res.writeHead(302, { location: `${elsewhere.url}/repos/moved/tool/commits/v1` });
        return void res.end();
      }
      if (p === '/repos/actions/checkout/commits/v4') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ sha: SHA }));
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{}');
    });
    registry = await serve((req, res) => {
      const p = req.url ?? '';
      if (p.startsWith('/v2/evil/realm/')) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${elsewhere.url}/token",service="x"` });
        return void res.end();
      }
      if (p.startsWith('/v2/evil/redirect/')) {
        res.writeHead(307, { location: `${elsewhere.url}${p}` });
        return void res.end();
      }
      res.writeHead(404);
      res.end();
    });
    opts = { githubApiUrl: github.url, githubToken: TOKEN, registryUrls: { 'registry.test': registry.url }, timeoutMs: 2000, ttlMs: 60_000 };
  });
  after(async () => {
    await Promise.all([elsewhere.close(), github.close(), registry.close()]);
  });

  it('a ref that climbs out of the repository is refused before any request', async () => {
    const before = github.seen.length;
    await assert.rejects(
      new Resolver(opts).resolve({ type: 'action-commit', target: 'actions/checkout', ref: '../../../../repos/attacker/fork/commits/evil' }),
      /not a valid git ref; nothing was looked up/,
    );
    assert.equal(github.seen.length, before, 'no request was sent');
  });

  it('a ref or repository that holds a token is refused, and the token is sent nowhere', async () => {
    const before = github.seen.length;
    await assert.rejects(new Resolver(opts).resolve({ type: 'action-commit', target: 'org/a', ref: GHP }), /looks like it contains a credential/);
    await assert.rejects(new Resolver(opts).resolve({ type: 'image-digest', target: 'registry.test/app', ref: GHP }), /looks like it contains a credential/);
    assert.equal(github.seen.length, before);
    assert.ok(!JSON.stringify([github.seen, registry.seen, elsewhere.seen]).includes(GHP));
  });

  it('a redirect on the same host is followed with the token; one to another host is refused and never sees it', async () => {
    const r = await new Resolver(opts).resolve({ type: 'action-commit', target: 'renamed/tool', ref: 'v1' });
    assert.deepEqual(r, { type: 'action-commit', pin: { sha: SHA, version: 'v1' } });
    await assert.rejects(new Resolver(opts).resolve({ type: 'action-commit', target: 'moved/tool', ref: 'v1' }), /redirected to another host/);
    assert.deepEqual(elsewhere.seen, [], 'nothing reached the other host');
  });

  it("a registry's token realm or redirect on another host is refused unless allowed", async () => {
    await assert.rejects(new Resolver(opts).resolve({ type: 'image-digest', target: 'registry.test/evil/realm', ref: '1' }), /not the registry's own host/);
    await assert.rejects(new Resolver(opts).resolve({ type: 'image-digest', target: 'registry.test/evil/redirect', ref: '1' }), /redirected to another host/);
    assert.deepEqual(elsewhere.seen, []);
    // Allowed explicitly, but plain http to another host is still refused (https only off the registry's origin).
    const allowing = new Resolver({ ...opts, registryAuthHosts: [new URL(elsewhere.url).host] });
    await assert.rejects(allowing.resolve({ type: 'image-digest', target: 'registry.test/evil/realm', ref: '1' }), /plain-http/);
    assert.deepEqual(elsewhere.seen, []);
  });

  it('grammars: owner/repo, git refs, image names', () => {
    for (const ok of ['actions/checkout', 'a/b.c_d-e', 'Org-1/x/sub/path']) assert.ok(isRepository(ok), ok);
    for (const bad of ['a', '-a/b', 'a--/b', 'a/..', 'a/.', 'a b/c', `${'a'.repeat(40)}/b`]) assert.ok(!isRepository(bad), bad);
    for (const ok of ['v4', 'v4.1.1', 'main', 'feature/x-1', 'release-2024.1', SHA]) assert.ok(isGitRef(ok), ok);
    for (const bad of ['', '../x', 'a/../b', 'a..b', '/a', 'a/', 'a//b', '.a', 'a.lock', 'a@{1}', '@', 'a b', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[', 'a\\b', '%2e%2e', 'a.']) {
      assert.ok(!isGitRef(bad), bad);
    }
    for (const ok of ['node', 'library/node', 'ghcr.io/org/app', 'localhost:5000/a/b', 'registry.example.com:443/x__y/a-b.c']) assert.ok(isImageName(ok), ok);
    for (const bad of ['', 'Node', 'a//b', '../x', 'a/../b', 'host:99999/x', '-a', 'a-', 'a/b c']) assert.ok(!isImageName(bad), bad);
  });
});
