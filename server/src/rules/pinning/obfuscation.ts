// `uses:` references written so that they do not read as what they run: redundant path segments, paths that leave the
// workspace, and first-party owners in odd letter case.

import type { Fix } from '../../core/types.js';
import type { RemoteRef } from '../../models/source-file.js';
import { defineRule } from '../define.js';

/** Owners whose canonical name is lower case and that policies and reviewers treat as first party. */
const FIRST_PARTY = new Set(['actions', 'github']);

/** `a/./b//c/` → `a/b/c`; undefined when `..` climbs above the start. */
function normalizeSegments(segments: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (const s of segments) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(s);
  }
  return out;
}

interface Problem {
  readonly what: string;
  readonly severity: 'low' | 'medium';
  /** the canonical spelling, when it is exactly equivalent. */
  readonly canonical?: string;
}

function localProblem(raw: string): Problem | undefined {
  const path = raw.replace(/\\/g, '/');
  const rest = path.startsWith('./') ? path.slice(2) : path.startsWith('../') ? path : undefined;
  // `./` alone is the repository's own root action.
  if (rest === undefined || rest === '') return undefined;
  // A trailing `/` is cosmetic: only `.`, `..` and `//` inside the path change how it reads.
  let end = rest.length;
  while (end > 0 && rest[end - 1] === '/') end--;
  const segments = rest.slice(0, end).split('/');
  if (!segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  const norm = normalizeSegments(segments);
  if (!norm || norm.length === 0) {
    return { what: `climbs out of the repository checkout ('..'), so it runs whatever another step left next to the workspace rather than code of this commit`, severity: 'low' };
  }
  return { what: 'has redundant path segments (`.`, `..`, `//`) that hide which action it runs', severity: 'low', canonical: `./${norm.join('/')}` };
}

function remoteProblem(ref: RemoteRef): Problem | undefined {
  const [owner = '', repo = '', ...path] = ref.target.split('/');
  const problems: string[] = [];
  let canonicalTarget = ref.target;
  const inner = path.length > 0 && path[path.length - 1] === '' ? path.slice(0, -1) : path;
  if (inner.some((s) => s === '' || s === '.' || s === '..')) {
    const norm = normalizeSegments(inner);
    if (!norm) return { what: "climbs out of the action's repository ('..')", severity: 'low' };
    problems.push('has redundant path segments (`.`, `..`, `//`)');
    canonicalTarget = [owner, repo, ...norm].join('/');
  }
  if (FIRST_PARTY.has(owner.toLowerCase()) && owner !== owner.toLowerCase()) {
    problems.push(`spells the owner '${owner}' in mixed case: GitHub resolves it to '${owner.toLowerCase()}', but allowlists, policies and reviewers that match names exactly do not`);
    canonicalTarget = owner.toLowerCase() + canonicalTarget.slice(owner.length);
  }
  if (problems.length === 0) return undefined;
  return { what: problems.join(', and '), severity: 'low', canonical: canonicalTarget + (ref.ref !== undefined ? `@${ref.ref}` : '') };
}

export default defineRule({
  id: 'obfuscation',
  family: 'pinning',
  kinds: ['github-workflow', 'github-action'],
  severity: 'low',
  description: '`uses:` reference spelled so that it hides what it runs (redundant path segments, `..`, odd owner case)',
  cwe: [506],
  fix: 'safe',
  check(ctx) {
    for (const ref of ctx.file.facets.remoteRefs) {
      if (ref.source === 'docker-action' || ref.refKind === 'invalid') continue;
      const problem = ref.refKind === 'local' ? localProblem(ref.raw) : remoteProblem(ref);
      if (!problem) continue;
      // Offsets map onto the text only when the value is written as-is.
      const exact = ref.range.end - ref.range.start === ref.raw.length;
      const fixes: Fix[] =
        problem.canonical && exact && problem.canonical !== ref.raw
          ? [{ title: `Write it as '${problem.canonical}'`, safety: 'safe', edits: [{ range: ref.range, newText: problem.canonical }] }]
          : [];
      ctx.report({
        range: ref.range,
        severity: problem.severity,
        message: `'${ref.raw}' ${problem.what}. ${problem.canonical ? `Write it as '${problem.canonical}'.` : 'Reference the action from the repository itself (`./path`) or pin the remote action it stands for.'}`,
        fixes,
      });
    }
  },
});
