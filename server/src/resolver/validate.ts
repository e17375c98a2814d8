// What a pin lookup may ask for: repository names, git refs and image references checked against their grammar before
// any request, so a crafted `uses:` or `image:` cannot steer a request (and the user's token) to another path or host,
// and nothing that looks like a credential is ever sent.

import type { ResolveRequest } from '../core/types.js';
import { shapedSecrets } from '../engine/redaction.js';
import { ResolveError } from './http.js';

/** GitHub user and organisation names: alphanumerics and single hyphens, at most 39 characters. */
const OWNER = /^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}$/;
/** Repository names: alphanumerics, `.`, `_`, `-`; never `.` or `..`. */
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
/** Characters git forbids in ref names (check-ref-format), plus whitespace and `%` (no pre-encoded escapes). */
const REF_FORBIDDEN = /[\x00-\x20\x7f~^:?*[\\%]/;
/** OCI distribution: a path component of a repository name. */
const NAME_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** A registry host name label. */
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const SHA = /^[0-9a-f]{40}$/;

/** `owner/repo` (a path below it is not part of any request). */
export function isRepository(target: string): boolean {
  const [owner, repo] = target.split('/');
  return owner !== undefined && repo !== undefined && OWNER.test(owner) && REPO.test(repo) && repo !== '.' && repo !== '..';
}

/** A name git accepts for a branch or tag (`git check-ref-format --allow-onelevel`). */
export function isGitRef(ref: string): boolean {
  if (ref.length === 0 || ref.length > 255 || ref === '@' || REF_FORBIDDEN.test(ref)) return false;
  if (ref.includes('..') || ref.includes('@{') || ref.includes('//') || ref.startsWith('/') || ref.endsWith('/') || ref.endsWith('.')) return false;
  return ref.split('/').every((c) => c !== '' && !c.startsWith('.') && !c.endsWith('.lock'));
}

/** `[host[:port]/]name[/name…]` as the OCI distribution spec allows it (no tag or digest). */
export function isImageName(image: string): boolean {
  if (image.length === 0 || image.length > 255) return false;
  const parts = image.split('/');
  const first = parts[0]!;
  // The first component is a registry host when it has a dot or a port, or is localhost.
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    const [host, port, extra] = first.split(':');
    if (extra !== undefined || (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535))) return false;
    if (!host || !host.split('.').every((l) => HOST_LABEL.test(l))) return false;
    parts.shift();
  }
  return parts.length > 0 && parts.every((c) => NAME_COMPONENT.test(c));
}

/** Throws a ResolveError saying why when the request is not one Forewarn will send. */
export function validateRequest(req: Pick<ResolveRequest, 'type' | 'target' | 'ref'>): void {
  if (shapedSecrets(req.target).length > 0 || shapedSecrets(req.ref).length > 0) {
    throw new ResolveError('The reference looks like it contains a credential; Forewarn sends nothing for it. Remove the credential from the file.');
  }
  if (req.type === 'image-digest') {
    if (!isImageName(req.target)) throw new ResolveError(`'${req.target}' is not a valid image name; nothing was looked up.`);
    if (!TAG.test(req.ref)) throw new ResolveError(`'${req.ref}' is not a valid image tag; nothing was looked up.`);
    return;
  }
  if (!isRepository(req.target)) throw new ResolveError(`'${req.target}' is not a GitHub owner/repository name; nothing was looked up.`);
  if (req.type === 'commit-version' ? !SHA.test(req.ref) : !isGitRef(req.ref)) {
    throw new ResolveError(`'${req.ref}' is not a valid git ref; nothing was looked up.`);
  }
}
