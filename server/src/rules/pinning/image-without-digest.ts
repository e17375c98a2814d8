// Opt-in: container images referenced by tag rather than by `@sha256:` digest, so the registry decides what runs.

import { defineRule } from '../define.js';
import { digestFix, imageRole } from '../../models/image-pin.js';

export default defineRule({
  id: 'image-without-digest',
  family: 'pinning',
  kinds: ['dockerfile', 'github-workflow', 'github-action', 'gitlab-ci', 'azure-pipelines', 'bitbucket-pipelines', 'circleci', 'compose', 'kubernetes'],
  severity: 'low',
  description: 'Container image is referenced by tag, not pinned to an immutable digest',
  cwe: [1357, 494],
  fix: 'needs-network',
  defaultOff: true,
  check(ctx) {
    for (const img of ctx.file.facets.images) {
      if (img.isStage || !img.ref || img.ref.digest) continue;
      if (!img.ref.registry && img.ref.repository === 'scratch') continue;
      const fix = digestFix(img);
      ctx.report({
        range: img.range,
        message: `${imageRole(img)} '${img.raw}' is not pinned to a digest: whoever can push to that tag (or compromise the registry) changes what runs. Pin it as name:tag@sha256:<digest> and update the digest deliberately (e.g. with Dependabot or Renovate).`,
        fixes: fix ? [fix] : [],
      });
    }
  },
});
