// SHA pins whose `# vX.Y.Z` comments contradict each other in one file: one commit with two versions, or one version at
// two commits. The online check (which tag really points at the commit) is the needs-network fix.

import type { Fix } from '../../core/types.js';
import { parseVersion, trailingVersionComment } from '../../models/action-versions.js';
import type { RemoteRef } from '../../models/source-file.js';
import { defineRule } from '../define.js';

interface Pin {
  readonly ref: RemoteRef;
  readonly sha: string;
  readonly version: string;
  /** parts of the version (3 for an exact release). */
  readonly parts: readonly number[];
  readonly line: number;
}

/** `v4` and `v4.1.1` can name one commit; `v4.1.0` and `v4.1.1`, or `v3` and `v4`, cannot. */
function compatible(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function fixFor(p: Pin): Fix[] {
  if (!p.ref.refRange) return [];
  return [{ title: `Look up the tag of ${p.ref.target}@${p.sha.slice(0, 7)} and correct the comment`, safety: 'needs-network', resolve: { type: 'commit-version', target: p.ref.target, ref: p.sha, range: p.ref.refRange } }];
}

export default defineRule({
  id: 'ref-version-mismatch',
  family: 'pinning',
  kinds: ['github-workflow', 'github-action'],
  severity: 'medium',
  description: 'SHA-pinned action whose version comment contradicts another pin of the same action in the file',
  cwe: [1357],
  fix: 'needs-network',
  check(ctx) {
    const text = ctx.file.text;
    const byAction = new Map<string, Pin[]>();
    for (const ref of ctx.file.facets.remoteRefs) {
      if (ref.refKind !== 'sha' || ref.source === 'docker-action' || !ref.ref) continue;
      const comment = trailingVersionComment(text, ref.range.end);
      const v = comment ? parseVersion(comment.version) : undefined;
      if (!comment || !v) continue;
      const key = ref.target.toLowerCase();
      const list = byAction.get(key) ?? [];
      list.push({ ref, sha: ref.ref.toLowerCase(), version: comment.version, parts: v.parts, line: ctx.file.lines.positionAt(ref.range.start).line + 1 });
      byAction.set(key, list);
    }
    for (const pins of byAction.values()) {
      if (pins.length < 2) continue;
      for (const p of pins) {
        // The same commit under an incompatible version comment.
        const sameSha = pins.find((q) => q !== p && q.sha === p.sha && !compatible(q.parts, p.parts));
        // The same exact release at another commit (a moving tag like `v4` may rightly differ over time).
        const sameVersion = p.parts.length >= 3 ? pins.find((q) => q !== p && q.sha !== p.sha && q.parts.length >= 3 && compatible(q.parts, p.parts)) : undefined;
        const other = sameSha ?? sameVersion;
        if (!other) continue;
        const why = sameSha
          ? `the same commit is pinned on line ${other.line} with the comment '${other.version}'`
          : `'${other.version}' is pinned on line ${other.line} to another commit (${other.sha.slice(0, 7)})`;
        ctx.report({
          range: p.ref.refRange ?? p.ref.range,
          message: `'${p.ref.target}@${p.sha.slice(0, 7)}' says '${p.version}', but ${why}: one of the comments is wrong, so reviewers and update bots believe a version that is not the one that runs. Check which tag the commit belongs to and correct the comment (or the SHA).`,
          fixes: fixFor(p),
        });
      }
    }
  },
});
