// Action refs to commits through the GitHub REST API, with the most specific tag at that commit for the `# vX.Y.Z` comment.

import { ResolveError, request, type HttpOptions } from './http.js';
import { trimTrailing } from '../core/text.js';

export interface GitHubOptions extends HttpOptions {
  /** `https://api.github.com`, or `https://ghe.example.com/api/v3` for GitHub Enterprise Server. */
  readonly apiUrl: string;
  readonly token?: string | undefined;
}

export interface ActionPin {
  readonly sha: string;
  /** what the trailing comment names: the most specific tag at the commit, else the ref as written. */
  readonly version: string;
}

const VERSION_PREFIX = /^v?\d+(\.\d+)?$/;
/** How many annotated tags we peel at most to find the most specific one (each is one request). */
const MAX_PEELS = 6;

export class GitHubResolver {
  constructor(private readonly opts: GitHubOptions) {}

  async resolve(target: string, ref: string): Promise<ActionPin> {
    const [owner, repo] = target.split('/');
    if (!owner || !repo) throw new ResolveError(`'${target}' is not owner/repo.`);
    const base = `${trimTrailing(this.opts.apiUrl, '/')}/repos/${enc(owner)}/${enc(repo)}`;
    const commit = (await this.json(`${base}/commits/${enc(ref)}`, `${owner}/${repo}@${ref}`)) as { sha?: unknown };
    if (typeof commit.sha !== 'string' || !/^[0-9a-f]{40}$/.test(commit.sha)) {
      throw new ResolveError(`GitHub answered without a commit SHA for ${owner}/${repo}@${ref}; nothing was changed.`);
    }
    let version = ref;
    // A partial version (`v4`, `v4.1`) names a moving tag: find the full release at the same commit.
    if (VERSION_PREFIX.test(ref)) version = (await this.mostSpecificTag(base, ref, commit.sha).catch(() => undefined)) ?? ref;
    return { sha: commit.sha, version };
  }

  /** The most specific version tag among the repository's 100 most recent tags that points at `sha`. */
  async versionOf(target: string, sha: string): Promise<string> {
    const [owner, repo] = target.split('/');
    if (!owner || !repo) throw new ResolveError(`'${target}' is not owner/repo.`);
    const base = `${trimTrailing(this.opts.apiUrl, '/')}/repos/${enc(owner)}/${enc(repo)}`;
    const tags = (await this.json(`${base}/tags?per_page=100`, `${owner}/${repo}`)) as unknown;
    const names = (Array.isArray(tags) ? tags : [])
      .filter((t: { name?: unknown; commit?: { sha?: unknown } }) => typeof t.name === 'string' && t.commit?.sha === sha)
      .map((t: { name: string }) => t.name);
    const versions = names.filter((n) => /^v?\d+(\.\d+)*$/.test(n)).sort((a, b) => compareVersions(b, a));
    const best = versions[0] ?? names[0];
    if (!best) throw new ResolveError(`No tag among the 100 most recent tags of ${owner}/${repo} points at ${sha.slice(0, 7)}; nothing was changed. Add the version comment by hand.`);
    return best;
  }

  private async mostSpecificTag(base: string, ref: string, sha: string): Promise<string | undefined> {
    const refs = (await this.json(`${base}/git/matching-refs/tags/${enc(ref)}`, ref)) as unknown;
    if (!Array.isArray(refs)) return undefined;
    const candidates = refs
      .map((r: { ref?: unknown; object?: { sha?: unknown; type?: unknown } }) => ({
        name: typeof r.ref === 'string' ? r.ref.replace(/^refs\/tags\//, '') : '',
        sha: typeof r.object?.sha === 'string' ? r.object.sha : '',
        type: r.object?.type,
      }))
      // `v4` also matches `v40`: keep `v4` and `v4.…` only.
      .filter((c) => c.name !== ref && c.name.startsWith(`${ref}.`) && /^v?\d+(\.\d+)*$/.test(c.name))
      .sort((a, b) => compareVersions(b.name, a.name));
    let peels = 0;
    for (const c of candidates) {
      if (c.type === 'commit') {
        if (c.sha === sha) return c.name;
      } else if (c.type === 'tag' && peels++ < MAX_PEELS) {
        // An annotated tag points at a tag object; its `object` is the commit.
        const tag = (await this.json(`${base}/git/tags/${enc(c.sha)}`, c.name)) as { object?: { sha?: unknown } };
        if (tag.object?.sha === sha) return c.name;
      }
    }
    return undefined;
  }

  private async json(url: string, what: string): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28', 'User-Agent': 'forewarn' };
    if (this.opts.token) headers.Authorization = `Bearer ${this.opts.token}`;
    const res = await request(url, { headers }, this.opts);
    if (res.ok) {
      try {
        return await res.json();
      } catch {
        throw new ResolveError(`GitHub answered with something that is not JSON for ${what}; nothing was changed.`);
      }
    }
    await res.body?.cancel();
    throw new ResolveError(explain(res, what, !!this.opts.token));
  }
}

function explain(res: Response, what: string, hasToken: boolean): string {
  const remaining = res.headers.get('x-ratelimit-remaining');
  if ((res.status === 403 || res.status === 429) && (remaining === '0' || res.status === 429)) {
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    const when = Number.isFinite(reset) && reset > 0 ? ` It resets at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC.` : '';
    return hasToken
      ? `GitHub's API rate limit for your token is used up.${when} Nothing was changed.`
      : `GitHub's API rate limit is used up: without a token it allows 60 requests per hour. Set GITHUB_TOKEN (or GH_TOKEN) to raise it.${when} Nothing was changed.`;
  }
  if (res.status === 401) return 'GitHub rejected the token in GITHUB_TOKEN/GH_TOKEN (401); nothing was changed.';
  if (res.status === 404 || res.status === 422) {
    return `GitHub has no ref for ${what}: the repository or ref does not exist${hasToken ? '' : ', or the repository is private (set GITHUB_TOKEN)'}. Nothing was changed.`;
  }
  return `GitHub answered ${res.status} for ${what}; nothing was changed.`;
}

function enc(s: string): string {
  return s.split('/').map(encodeURIComponent).join('/');
}

/** Numeric comparison of dotted versions; more components is more specific and sorts higher on ties. */
export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (x !== y) return x - y;
  }
  return 0;
}
