// Actions pinned to a commit SHA with no trailing comment naming the version: reviewers and update bots cannot tell what it is.

import { defineRule } from '../define.js';

/** A comment naming a version: `# v4.1.1`, `# 4.2`, `# tag=v3`, `# pin@v2`. */
const VERSIONISH = /\d/;

export default defineRule({
  id: 'sha-pin-without-version',
  family: 'pinning',
  kinds: ['github-workflow', 'github-action'],
  severity: 'info',
  description: 'Action pinned to a commit SHA without a trailing version comment',
  cwe: [1357],
  fix: 'needs-network',
  check(ctx) {
    const text = ctx.file.text;
    for (const ref of ctx.file.facets.remoteRefs) {
      if (ref.refKind !== 'sha' || ref.source === 'docker-action') continue;
      // The rest of the line after the value (and its closing quote): a `# …` comment there names the version.
      const lineEnd = text.indexOf('\n', ref.range.end);
      const rest = text.slice(ref.range.end, lineEnd === -1 ? undefined : lineEnd);
      const hash = rest.indexOf('#');
      if (hash !== -1 && VERSIONISH.test(rest.slice(hash + 1))) continue;
      ctx.report({
        range: ref.refRange ?? ref.range,
        fixes: ref.refRange
          ? [
              {
                title: `Add the tag of ${ref.target}@${ref.ref!.slice(0, 7)} as a comment`,
                safety: 'needs-network',
                resolve: { type: 'commit-version', target: ref.target, ref: ref.ref!, range: ref.refRange },
              },
            ]
          : [],
        message: `'${ref.raw}' is pinned to a commit SHA without a comment naming its version: reviewers cannot tell which release it is, and Dependabot/Renovate cannot keep the comment in step. Add the tag it points at as a trailing comment (e.g. '# v4.1.1').`,
      });
    }
  },
});
