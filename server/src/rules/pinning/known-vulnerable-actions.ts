// Actions and reusable workflows whose pinned version falls inside a published GitHub advisory, from the shipped snapshot.

import { severityRank, type Fix, type Severity } from '../../core/types.js';
import { asTag, compareVersions, parseVersion, tagInRange, trailingVersionComment, type ActionVersion } from '../../models/action-versions.js';
import { advisories, type AffectedRange } from '../../models/advisories.js';
import type { RemoteRef } from '../../models/source-file.js';
import { defineRule } from '../define.js';

/** The version a reference runs: its tag, or for a SHA pin the `# vX.Y.Z` comment beside it. */
function versionOf(text: string, ref: RemoteRef): { version: ActionVersion; shown: string; byComment: boolean } | undefined {
  if (ref.refKind === 'version') {
    const version = parseVersion(ref.ref);
    return version ? { version, shown: ref.ref!, byComment: false } : undefined;
  }
  if (ref.refKind === 'sha') {
    const comment = trailingVersionComment(text, ref.range.end);
    const version = comment ? parseVersion(comment.version) : undefined;
    return version && comment ? { version, shown: comment.version, byComment: true } : undefined;
  }
  return undefined;
}

/** The highest first-patched version among the hits, when every hit has one. */
function patchedOf(hits: readonly AffectedRange[]): string | undefined {
  let best: { raw: string; v: ActionVersion } | undefined;
  for (const h of hits) {
    const v = parseVersion(h.patched);
    if (!v || !h.patched) return undefined;
    if (!best || compareVersions(v, best.v) > 0) best = { raw: h.patched, v };
  }
  return best?.raw;
}

export default defineRule({
  id: 'known-vulnerable-actions',
  family: 'pinning',
  kinds: ['github-workflow', 'github-action'],
  severity: 'high',
  description: 'Action version is inside the affected range of a published GitHub security advisory',
  cwe: [1395],
  fix: 'needs-network',
  check(ctx) {
    const db = advisories();
    const text = ctx.file.text;
    for (const ref of ctx.file.facets.remoteRefs) {
      if (ref.source === 'docker-action' || ref.refKind === 'local' || ref.refKind === 'invalid') continue;
      const ranges = db.rangesFor(ref.target);
      if (ranges.length === 0) continue;
      const v = versionOf(text, ref);
      if (!v) continue;
      const hits = ranges.filter((r) => tagInRange(v.version, r.bounds));
      if (hits.length === 0) continue;
      const severity = hits.map((h) => h.advisory.severity).reduce<Severity>((a, b) => (severityRank(b) > severityRank(a) ? b : a), 'low');
      const patched = patchedOf(hits);
      const list = hits.map((h) => `${h.advisory.id}${h.advisory.cve ? ` (${h.advisory.cve})` : ''}, ${h.advisory.severity}: ${h.advisory.summary.replace(/\.$/, '')} [affected: ${h.vulnerable}]`).join('; ');
      const subject = v.byComment ? `'${ref.target}' is pinned to a commit whose version comment says ${v.shown}, which is` : `'${ref.raw}' is`;
      const fixes: Fix[] = [];
      if (patched && ref.refRange) {
        const tag = asTag(patched, v.version);
        if (v.byComment) {
          fixes.push({ title: `Pin ${ref.target} to ${tag}, the first patched release`, safety: 'needs-network', resolve: { type: 'action-commit', target: ref.target, ref: tag, range: ref.refRange } });
        } else {
          fixes.push({ title: `Upgrade ${ref.target} to ${tag}, the first patched release (check its release notes)`, safety: 'unsafe', edits: [{ range: ref.refRange, newText: tag }] });
        }
      }
      ctx.report({
        range: ref.refRange ?? ref.range,
        severity,
        message:
          `${subject} affected by ${hits.length === 1 ? 'a published advisory' : `${hits.length} published advisories`}: ${list}. ` +
          `${patched ? `Upgrade to ${asTag(patched, v.version)} or later` : 'Replace the action or move to a release outside the affected range'}, then pin that release's commit SHA. (Advisory snapshot of ${db.snapshotDate}.)`,
        fixes,
      });
    }
  },
});
