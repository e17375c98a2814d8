// Fake GitHub REST and OCI registry servers on 127.0.0.1 for resolver, server and CLI tests. Never the internet.

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const SHA_V4 = 'b4ffde65f46336ab88eb53be808477a3936bae11';
export const SHA_V5 = '11bd71901bbe5b1630ceea73d27597364c9af683';
export const SHA_MAIN = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
export const SHA_LIGHT = '0123456789abcdef0123456789abcdef01234567';
export const TAG_OBJ = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const TAG_OBJ_OTHER = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
export const INDEX_DIGEST = `sha256:${'1'.repeat(64)}`;
export const AMD64_DIGEST = `sha256:${'2'.repeat(64)}`;
export const ALPINE_DIGEST = `sha256:${'3'.repeat(64)}`;
export const PRIVATE_MANIFEST = '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}';
export const PRIVATE_DIGEST = `sha256:${createHash('sha256').update(PRIVATE_MANIFEST).digest('hex')}`;

export interface FakeApis {
  readonly githubUrl: string;
  readonly registryUrl: string;
  /** every request path the servers saw, with the Authorization header it carried (for assertions). */
  readonly requests: { path: string; auth: string | undefined }[];
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function github(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const p = decodeURIComponent(url.pathname);
  if (p.startsWith('/repos/limited/')) {
    json(res, 403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' });
    return;
  }
  if (p.startsWith('/repos/slow/')) return; // never answers: the client's timeout must fire
  const commits: Record<string, string> = {
    '/repos/actions/checkout/commits/v4': SHA_V4,
    '/repos/actions/checkout/commits/v4.1.1': SHA_V4,
    '/repos/actions/checkout/commits/main': SHA_MAIN,
    '/repos/actions/setup-node/commits/v5': SHA_V5,
    '/repos/actions/light/commits/v1': SHA_LIGHT,
    '/repos/github/codeql-action/commits/v3': SHA_V5,
  };
  const sha = commits[p];
  if (sha) return json(res, 200, { sha, commit: { message: 'x' } });
  if (p === '/repos/actions/checkout/git/matching-refs/tags/v4') {
    return json(res, 200, [
      { ref: 'refs/tags/v4', object: { sha: SHA_V4, type: 'commit' } },
      { ref: 'refs/tags/v4.0.0', object: { sha: SHA_MAIN, type: 'commit' } },
      // annotated tags: the ref points at a tag object that must be peeled
      { ref: 'refs/tags/v4.1', object: { sha: TAG_OBJ, type: 'tag' } },
      { ref: 'refs/tags/v4.1.1', object: { sha: TAG_OBJ, type: 'tag' } },
      { ref: 'refs/tags/v4.2.0', object: { sha: TAG_OBJ_OTHER, type: 'tag' } },
      { ref: 'refs/tags/v40.0.0', object: { sha: SHA_V4, type: 'commit' } },
    ]);
  }
  if (p === '/repos/actions/checkout/git/tags/' + TAG_OBJ) return json(res, 200, { tag: 'v4.1.1', object: { sha: SHA_V4, type: 'commit' } });
  if (p === '/repos/actions/checkout/git/tags/' + TAG_OBJ_OTHER) return json(res, 200, { tag: 'v4.2.0', object: { sha: SHA_V5, type: 'commit' } });
  if (p === '/repos/actions/light/git/matching-refs/tags/v1') {
    // lightweight tags only
    return json(res, 200, [
      { ref: 'refs/tags/v1', object: { sha: SHA_LIGHT, type: 'commit' } },
      { ref: 'refs/tags/v1.3', object: { sha: SHA_LIGHT, type: 'commit' } },
      { ref: 'refs/tags/v1.3.2', object: { sha: SHA_LIGHT, type: 'commit' } },
    ]);
  }
  if (p === '/repos/actions/checkout/tags') {
    if (url.searchParams.get('per_page') !== '100') return json(res, 400, {});
    // the tags endpoint gives the commit each tag points at, annotated tags peeled
    return json(res, 200, [
      { name: 'v4.2.0', commit: { sha: SHA_V5 } },
      { name: 'v4', commit: { sha: SHA_V4 } },
      { name: 'v4.1.1', commit: { sha: SHA_V4 } },
      { name: 'v4.1', commit: { sha: SHA_V4 } },
      { name: 'nightly', commit: { sha: SHA_MAIN } },
    ]);
  }
  if (p.includes('/matching-refs/')) return json(res, 200, []);
  json(res, 404, { message: 'Not Found' });
}

function registry(base: () => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    const p = url.pathname;
    if (p === '/token') {
      if (url.searchParams.get('service') !== 'registry.test' || !url.searchParams.get('scope')?.startsWith('repository:')) return json(res, 400, {});
      return json(res, 200, { token: 'anon-token' });
    }
    const accept = req.headers.accept ?? '';
    const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(p);
    if (!m) return json(res, 404, {});
    const [, repo, tag] = m;
    if (repo === 'library/nginx' || repo === 'library/alpine') {
      // Docker Hub style: anonymous pulls need a bearer token from the realm.
      if (req.headers.authorization !== 'Bearer anon-token') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${base()}/token",service="registry.test",scope="repository:${repo}:pull"` });
        return void res.end();
      }
      if (repo === 'library/alpine' && tag === '3.20') {
        res.writeHead(200, { 'docker-content-digest': ALPINE_DIGEST });
        return void res.end();
      }
      if (tag !== '1.27' && tag !== 'latest') return json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] });
      // Multi-arch: only a client that accepts an index gets the index digest.
      const index = accept.includes('application/vnd.oci.image.index.v1+json') || accept.includes('manifest.list.v2+json');
      res.writeHead(200, { 'docker-content-digest': index ? INDEX_DIGEST : AMD64_DIGEST });
      return void res.end();
    }
    if (repo === 'org/private' && tag === '2') {
      // A registry that sends no digest header: the client hashes the manifest it GETs.
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
      return void res.end(req.method === 'HEAD' ? undefined : PRIVATE_MANIFEST);
    }
    json(res, 404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] });
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startFakeApis(): Promise<FakeApis> {
  const requests: FakeApis['requests'] = [];
  let registryUrl = '';
  const record = (h: (req: IncomingMessage, res: ServerResponse) => void) => (req: IncomingMessage, res: ServerResponse) => {
    requests.push({ path: req.url ?? '', auth: req.headers.authorization });
    h(req, res);
  };
  const gh = createServer(record(github));
  const reg = createServer(record(registry(() => registryUrl)));
  const githubUrl = await listen(gh);
  registryUrl = await listen(reg);
  return {
    githubUrl,
    registryUrl,
    requests,
    async close() {
      gh.closeAllConnections();
      reg.closeAllConnections();
      await Promise.all([new Promise((r) => gh.close(r)), new Promise((r) => reg.close(r))]);
    },
  };
}

/** Environment that points the resolver at the fakes (for the server and CLI child processes). */
export function fakeEnv(apis: FakeApis, extra: Record<string, string> = {}): Record<string, string> {
  return {
    FOREWARN_GITHUB_API_URL: apis.githubUrl,
    FOREWARN_REGISTRY_URLS: `docker.io=${apis.registryUrl},ghcr.io=${apis.registryUrl}`,
    GITHUB_TOKEN: '',
    GH_TOKEN: '',
    ...extra,
  };
}
