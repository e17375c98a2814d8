// GitHub Actions `uses:` references that can change under you: tags, branches, short SHAs, docker:// without a digest.

import { Minimatch } from 'minimatch';
import { defineRule } from '../define.js';
import type { Fix } from '../../core/types.js';
import { parseImageRef } from '../../models/image-ref.js';
import type { RemoteRef } from '../../models/source-file.js';

/** Compiled allow globs, per configuration list (not per keystroke). */
const compiled = new WeakMap<readonly string[], Minimatch[]>();
function allowList(globs: readonly string[]): Minimatch[] {
  let list = compiled.get(globs);
  if (!list) compiled.set(globs, (list = globs.map((g) => new Minimatch(g, { nocase: true }))));
  return list;
}

/** The first half of the message: what the reference does, and so why it can change under you. */
function describe(ref: RemoteRef): string {
  switch (ref.refKind) {
    case 'none':
      return ref.source === 'docker-action'
        ? 'has no @sha256 digest: whoever can push that tag can change the image your pipeline runs'
        : 'has no @ref (GitHub requires one): any ref but a full commit SHA can change under you';
    case 'short-sha':
      return `is pinned to the short SHA '${ref.ref}', which GitHub no longer accepts and which can become ambiguous`;
    case 'branch':
      if (ref.ref?.startsWith('refs/tags/')) return `uses the tag '${ref.ref.slice(10)}' (spelled as the full ref '${ref.ref}'): whoever controls that tag can move it to other code`;
      if (ref.ref?.startsWith('refs/heads/')) return `follows the branch '${ref.ref.slice(11)}' (spelled as the full ref '${ref.ref}'): whoever can push to it changes the code your pipeline runs`;
      return `follows the branch '${ref.ref}': whoever can push to it changes the code your pipeline runs`;
    default:
      return `uses the mutable ref '${ref.ref}': whoever controls that tag can move it to other code`;
  }
}

/** `docker://image:tag` written verbatim: the digest of the tag goes after it. */
function dockerDigestFix(ref: RemoteRef): Fix[] {
  const image = parseImageRef(ref.target);
  if (ref.refKind !== 'none' || !image?.tag || /[$<{]/.test(ref.target) || ref.range.end - ref.range.start !== ref.raw.length) return [];
  const end = ref.range.end;
  return [
    {
      title: `Pin ${ref.target} to its digest`,
      safety: 'needs-network',
      resolve: { type: 'image-digest', target: ref.target.slice(0, -image.tag.length - 1), ref: image.tag, range: { start: end - image.tag.length, end } },
    },
  ];
}

export default defineRule({
  id: 'unpinned-action',
  family: 'pinning',
  kinds: ['github-workflow', 'github-action'],
  severity: 'high',
  description: 'Action or reusable workflow is not pinned to a full commit SHA (or docker:// image to a digest)',
  cwe: [829, 494],
  fix: 'needs-network',
  check(ctx) {
    for (const ref of ctx.file.facets.remoteRefs) {
      if (ref.refKind === 'local' || ref.refKind === 'invalid' || ref.refKind === 'sha' || ref.refKind === 'digest') continue;
      if (ref.source !== 'docker-action') {
        const repo = ref.target.split('/').slice(0, 2).join('/');
        if (allowList(ctx.options.allowedActions).some((m) => m.match(repo))) continue;
      }
      const what = ref.source === 'reusable-workflow' ? 'Reusable workflow' : ref.source === 'docker-action' ? 'Docker action' : 'Action';
      const how =
        ref.source === 'docker-action'
          ? 'pin it as docker://image@sha256:<digest>'
          : 'pin it to the full 40-character commit SHA and keep the version in a trailing comment';
      ctx.report({
        range: ref.range,
        message: `${what} '${ref.raw}' ${describe(ref)}. ${how[0]!.toUpperCase()}${how.slice(1)}.`,
        fixes:
          ref.source === 'docker-action'
            ? dockerDigestFix(ref)
            : ref.ref && ref.refRange && ref.refKind !== 'short-sha'
              ? [
                  {
                    title: `Pin ${ref.target}@${ref.ref} to its commit SHA`,
                    safety: 'needs-network',
                    resolve: { type: 'action-commit', target: ref.target, ref: ref.ref, range: ref.refRange },
                  },
                ]
              : [],
      });
    }
  },
});
