// One HTTP request with a deadline, and failures turned into messages a user can act on. Never logs headers (tokens).

export class ResolveError extends Error {
  override readonly name = 'ResolveError';
}

export interface HttpOptions {
  /** per-request timeout in milliseconds. */
  readonly timeoutMs: number;
  /** injectable for tests; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

export interface RequestPolicy {
  /** hosts a redirect may lead to besides the request's own (credentials are never sent to them). */
  readonly redirectHosts?: ReadonlySet<string>;
}

const MAX_REDIRECTS = 5;

/**
 * One request, redirects followed by hand: only to https (or to the same origin), only to the request's own host or
 * an allowed one, and an Authorization header never travels to another host.
 */
export async function request(url: string, init: RequestInit, opts: HttpOptions, policy: RequestPolicy = {}): Promise<Response> {
  const origin = new URL(url);
  let current = origin;
  let headers = new Headers(init.headers);
  for (let hop = 0; ; hop++) {
    const res = await fetchOnce(current.toString(), { ...init, headers }, opts);
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
    if (location === null) return res;
    await res.body?.cancel();
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new ResolveError(`${origin.host} sent a redirect Forewarn cannot read; nothing was changed.`);
    }
    const sameOrigin = next.origin === origin.origin;
    if (hop + 1 > MAX_REDIRECTS) throw new ResolveError(`${origin.host} redirected more than ${MAX_REDIRECTS} times; nothing was changed.`);
    if (next.host !== origin.host && !policy.redirectHosts?.has(next.host)) {
      throw new ResolveError(`${origin.host} redirected to another host (${next.host}); Forewarn does not follow it. Nothing was changed.`);
    }
    if (!sameOrigin && next.protocol !== 'https:') throw new ResolveError(`${origin.host} redirected to a plain-http address; Forewarn does not follow it. Nothing was changed.`);
    if (next.host !== origin.host) {
      headers = new Headers(headers);
      headers.delete('authorization');
    }
    current = next;
  }
}

async function fetchOnce(url: string, init: RequestInit, opts: HttpOptions): Promise<Response> {
  const doFetch = opts.fetch ?? fetch;
  try {
    return await doFetch(url, { ...init, signal: AbortSignal.timeout(opts.timeoutMs), redirect: 'manual' });
  } catch (e) {
    const err = e as { name?: string; cause?: { code?: string; message?: string }; message?: string };
    const host = hostOf(url);
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      throw new ResolveError(`${host} did not answer within ${formatMs(opts.timeoutMs)}; nothing was changed. Check the connection, or raise FOREWARN_TIMEOUT_MS.`);
    }
    const why = err.cause?.code ?? err.cause?.message ?? err.message ?? 'unknown error';
    throw new ResolveError(`Could not reach ${host} (${why}); nothing was changed. Are you offline, or behind a proxy?`);
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
