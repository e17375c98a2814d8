// Container image references: `[registry/]repository[:tag][@digest]`, parsed without guessing.

export interface ImageRef {
  /** registry host, if the reference names one (`ghcr.io`, `localhost:5000`). */
  readonly registry?: string;
  /** repository path without registry, tag or digest (`library/node` is kept as written: `node`). */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** Parses a literal image reference; returns undefined for text that is not one. */
export function parseImageRef(raw: string): ImageRef | undefined {
  const s = raw.trim();
  if (!s || /\s/.test(s)) return undefined;
  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digest) return undefined;
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon !== -1 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tag) return undefined;
  }
  if (!rest) return undefined;
  return {
    repository: rest,
    ...(registry !== undefined && { registry }),
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
  };
}
