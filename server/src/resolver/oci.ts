// Image tags to digests through the OCI distribution API: the multi-arch index digest, with the Docker Hub token flow.

import type * as Crypto from 'node:crypto';
import { parseImageRef } from '../models/image-ref.js';
import { ResolveError, hostOf, request, type HttpOptions } from './http.js';
import { trimTrailing } from '../core/text.js';

export interface RegistryOptions extends HttpOptions {
  /** base URL per registry host (`docker.io` → `https://registry-1.docker.io`), for mirrors and private registries. */
  readonly registryUrls?: Readonly<Record<string, string>>;
  /** extra hosts a registry may send Forewarn to for its token or a redirect (FOREWARN_REGISTRY_AUTH_HOSTS). */
  readonly authHosts?: readonly string[];
}

/** Token services and download hosts that belong to a registry although they are not its API host. */
const KNOWN_AUTH_HOSTS: Readonly<Record<string, readonly string[]>> = {
  'registry-1.docker.io': ['auth.docker.io', 'production.cloudflare.docker.com'],
};

/** Index/list types first: a multi-arch image must be pinned by its index so every platform keeps working. */
const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** Where an image lives: registry host, API base URL and repository path (`library/` added for official images). */
export function locate(image: string, urls: Readonly<Record<string, string>> = {}): { host: string; base: string; repository: string } {
  const ref = parseImageRef(image);
  if (!ref) throw new ResolveError(`'${image}' is not an image reference.`);
  let host = ref.registry ?? 'docker.io';
  if (host === 'index.docker.io' || host === 'registry-1.docker.io') host = 'docker.io';
  const repository = host === 'docker.io' && !ref.repository.includes('/') ? `library/${ref.repository}` : ref.repository;
  const local = /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host);
  const base = urls[host] ?? (host === 'docker.io' ? 'https://registry-1.docker.io' : `${local ? 'http' : 'https'}://${host}`);
  return { host, base: trimTrailing(base, '/'), repository };
}

export class RegistryResolver {
  /** bearer tokens per (realm, scope), for the length of this resolver's life. */
  private readonly tokens = new Map<string, string>();

  constructor(private readonly opts: RegistryOptions) {}

  /** The hosts this registry's answers may send Forewarn to: its own, the known ones, and the configured ones. */
  private trusted(base: string): ReadonlySet<string> {
    const host = new URL(base).host;
    return new Set([host, ...(KNOWN_AUTH_HOSTS[host] ?? []), ...(this.opts.authHosts ?? [])]);
  }

  async resolve(image: string, tag: string): Promise<string> {
    const { host, base, repository } = locate(image, this.opts.registryUrls);
    const url = `${base}/v2/${repository}/manifests/${encodeURIComponent(tag)}`;
    const what = `${image}:${tag}`;
    const trusted = this.trusted(base);
    let res = await this.manifest(url, 'HEAD', undefined, trusted);
    if (res.status === 401) {
      const token = await this.token(res.headers.get('www-authenticate'), repository, host, base, trusted);
      res = await this.manifest(url, 'HEAD', token, trusted);
      if (res.ok && !DIGEST.test(res.headers.get('docker-content-digest') ?? '')) res = await this.manifest(url, 'GET', token, trusted);
    } else if (res.ok && !DIGEST.test(res.headers.get('docker-content-digest') ?? '')) {
      res = await this.manifest(url, 'GET', undefined, trusted);
    }
    if (!res.ok) {
      await res.body?.cancel();
      if (res.status === 404) throw new ResolveError(`${host} has no image ${what} (404); nothing was changed.`);
      if (res.status === 401 || res.status === 403) throw new ResolveError(`${host} refused access to ${what} (${res.status}): the image may be private. Nothing was changed.`);
      if (res.status === 429) throw new ResolveError(`${host} rate-limited the request for ${what} (429); try again later. Nothing was changed.`);
      throw new ResolveError(`${host} answered ${res.status} for ${what}; nothing was changed.`);
    }
    const header = res.headers.get('docker-content-digest') ?? '';
    if (DIGEST.test(header)) {
      await res.body?.cancel();
      return header;
    }
    if (res.body === null) throw new ResolveError(`${host} sent no digest for ${what}; nothing was changed.`);
    // No Docker-Content-Digest on GET: the digest is the sha256 of the manifest bytes as served.
    const bytes = Buffer.from(await res.arrayBuffer());
    // node:crypto on first use: `forewarn scan` never needs it here (the CLI's cold start)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return `sha256:${(require('node:crypto') as typeof Crypto).createHash('sha256').update(bytes).digest('hex')}`;
  }

  private manifest(url: string, method: 'HEAD' | 'GET', token: string | undefined, trusted: ReadonlySet<string>): Promise<Response> {
    const headers: Record<string, string> = { Accept: ACCEPT, 'User-Agent': 'forewarn' };
    if (token) headers.Authorization = `Bearer ${token}`;
    return request(url, { method, headers }, this.opts, { redirectHosts: trusted });
  }

  /**
   * The anonymous token flow: `WWW-Authenticate: Bearer realm=…,service=…,scope=…` → GET realm → token. The realm
   * must be https (or the registry's own origin) on the registry's host or a trusted one: a registry cannot send
   * Forewarn anywhere else.
   */
  private async token(challenge: string | null, repository: string, host: string, base: string, trusted: ReadonlySet<string>): Promise<string> {
    const params = parseChallenge(challenge ?? '');
    const realm = params.get('realm');
    if (!realm || !/^bearer\b/i.test(challenge ?? '')) throw new ResolveError(`${host} requires credentials Forewarn does not have; nothing was changed.`);
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new ResolveError(`${host} named a token service Forewarn cannot read; nothing was changed.`);
    }
    const sameOrigin = url.origin === new URL(base).origin;
    if (!sameOrigin && (url.protocol !== 'https:' || !trusted.has(url.host))) {
      throw new ResolveError(
        `${host} asked Forewarn to fetch a token from ${url.protocol === 'https:' ? url.host : 'a plain-http address'}, which is not the registry's own host; nothing was changed. Allow it with FOREWARN_REGISTRY_AUTH_HOSTS if you trust it.`,
      );
    }
    const scope = params.get('scope') ?? `repository:${repository}:pull`;
    const key = `${realm} ${scope}`;
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const service = params.get('service');
    if (service) url.searchParams.set('service', service);
    url.searchParams.set('scope', scope);
    const res = await request(url.toString(), { headers: { 'User-Agent': 'forewarn' } }, this.opts, { redirectHosts: trusted });
    if (!res.ok) {
      await res.body?.cancel();
      throw new ResolveError(`${hostOf(url.toString())} refused an anonymous pull token for ${repository} (${res.status}); nothing was changed.`);
    }
    const body = (await res.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown };
    const token = typeof body.token === 'string' ? body.token : typeof body.access_token === 'string' ? body.access_token : undefined;
    if (!token) throw new ResolveError(`${hostOf(url.toString())} sent no token for ${repository}; nothing was changed.`);
    this.tokens.set(key, token);
    return token;
  }
}

/** `Bearer realm="https://auth.docker.io/token",service="registry.docker.io"` → its parameters. */
export function parseChallenge(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of header.matchAll(/(?<![A-Za-z_])([A-Za-z_]+)="([^"]*)"/g)) out.set(m[1]!.toLowerCase(), m[2]!);
  return out;
}
