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

export async function request(url: string, init: RequestInit, opts: HttpOptions): Promise<Response> {
  const doFetch = opts.fetch ?? fetch;
  try {
    return await doFetch(url, { ...init, signal: AbortSignal.timeout(opts.timeoutMs), redirect: 'follow' });
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
