// The resolver the server and `forewarn pin` use: needs-network fixes to values, cached, time-bounded, configured from the environment.

import type { ResolveRequest } from '../core/types.js';
import { GitHubResolver, type ActionPin } from './github.js';
import { RegistryResolver } from './oci.js';
import { validateRequest } from './validate.js';

export { ResolveError } from './http.js';
export type { ActionPin } from './github.js';

export type Resolved =
  | { readonly type: 'action-commit'; readonly pin: ActionPin }
  | { readonly type: 'image-digest'; readonly digest: string }
  | { readonly type: 'commit-version'; readonly version: string };

export interface ResolverOptions {
  readonly githubApiUrl: string;
  readonly githubToken?: string | undefined;
  readonly registryUrls: Readonly<Record<string, string>>;
  /** hosts registries may send Forewarn to for tokens and redirects, besides their own. */
  readonly registryAuthHosts?: readonly string[];
  readonly timeoutMs: number;
  /** how long a resolved value is reused. */
  readonly ttlMs: number;
  readonly fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_TTL_MS = 10 * 60 * 1000;

/**
 * Options from the environment: GITHUB_TOKEN or GH_TOKEN, FOREWARN_GITHUB_API_URL (GitHub Enterprise Server:
 * `https://host/api/v3`), FOREWARN_REGISTRY_URLS (`docker.io=https://mirror.example.com,ghcr.io=…`),
 * FOREWARN_REGISTRY_AUTH_HOSTS (`auth.example.com,…`: token services registries may name), FOREWARN_TIMEOUT_MS.
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv): ResolverOptions {
  const registryUrls: Record<string, string> = {};
  for (const part of (env.FOREWARN_REGISTRY_URLS ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) registryUrls[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const timeout = Number(env.FOREWARN_TIMEOUT_MS);
  return {
    githubApiUrl: env.FOREWARN_GITHUB_API_URL || 'https://api.github.com',
    githubToken: env.GITHUB_TOKEN || env.GH_TOKEN || undefined,
    registryUrls,
    registryAuthHosts: (env.FOREWARN_REGISTRY_AUTH_HOSTS ?? '').split(',').map((h) => h.trim()).filter((h) => h !== ''),
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
    ttlMs: DEFAULT_TTL_MS,
  };
}

export class Resolver {
  private readonly github: GitHubResolver;
  private readonly registry: RegistryResolver;
  private readonly cache = new Map<string, { value: Resolved; expires: number }>();
  /** lookups in flight, so a file that uses `actions/checkout@v4` five times asks once. */
  private readonly pending = new Map<string, Promise<Resolved>>();

  constructor(private readonly opts: ResolverOptions, private readonly now: () => number = Date.now) {
    const http = { timeoutMs: opts.timeoutMs, ...(opts.fetch && { fetch: opts.fetch }) };
    this.github = new GitHubResolver({ ...http, apiUrl: opts.githubApiUrl, token: opts.githubToken });
    this.registry = new RegistryResolver({ ...http, registryUrls: opts.registryUrls, authHosts: opts.registryAuthHosts ?? [] });
  }

  resolve(req: Pick<ResolveRequest, 'type' | 'target' | 'ref'>): Promise<Resolved> {
    try {
      validateRequest(req);
    } catch (e) {
      return Promise.reject(e as Error);
    }
    // Actions: the cache key is (repo, ref); `owner/repo/path@v4` shares the commit of `owner/repo@v4`.
    const target = req.type !== 'image-digest' ? req.target.split('/').slice(0, 2).join('/').toLowerCase() : req.target;
    const key = `${req.type}\0${target}\0${req.ref}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > this.now()) return Promise.resolve(hit.value);
    let p = this.pending.get(key);
    if (!p) {
      p = this.lookup(req.type, target, req.ref)
        .then((value) => {
          this.cache.set(key, { value, expires: this.now() + this.opts.ttlMs });
          return value;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }

  private async lookup(type: ResolveRequest['type'], target: string, ref: string): Promise<Resolved> {
    if (type === 'action-commit') return { type, pin: await this.github.resolve(target, ref) };
    if (type === 'commit-version') return { type, version: await this.github.versionOf(target, ref) };
    return { type, digest: await this.registry.resolve(target, ref) };
  }
}
