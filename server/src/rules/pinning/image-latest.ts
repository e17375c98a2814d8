// Container images without a tag, or tagged `latest`, in every file kind: what runs changes whenever upstream pushes.

import { defineRule } from '../define.js';
import { imageRole } from '../../models/image-pin.js';

export default defineRule({
  id: 'image-latest',
  family: 'pinning',
  kinds: ['dockerfile', 'github-workflow', 'github-action', 'gitlab-ci', 'azure-pipelines', 'bitbucket-pipelines', 'circleci', 'compose', 'kubernetes'],
  severity: 'medium',
  description: 'Container image has no tag or uses the mutable `latest` tag',
  cwe: [1357, 494],
  fix: 'none',
  check(ctx) {
    for (const img of ctx.file.facets.images) {
      // A stage name or an image built from variables without literal defaults is not a finding.
      if (img.isStage || !img.ref) continue;
      const { ref } = img;
      if (ref.digest) continue;
      if (!ref.registry && ref.repository === 'scratch') continue;
      if (ref.tag !== undefined && ref.tag.toLowerCase() !== 'latest') continue;
      const shown = img.resolved !== img.raw ? `'${img.raw}' (resolves to '${img.resolved}')` : `'${img.raw}'`;
      const problem = ref.tag === undefined ? 'has no tag, so it means `latest`' : 'uses the `latest` tag';
      const what = img.source === 'dockerfile-from' ? 'build' : 'run';
      ctx.report({
        range: img.range,
        message: `${imageRole(img)} ${shown} ${problem}: every ${what} may pull a different image, so ${what}s are not reproducible and a compromised or broken upstream lands silently. Pin a specific version tag (and ideally a digest).`,
      });
    }
  },
});
