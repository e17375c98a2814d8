// Azure Pipelines `resources.repositories` without a pinned ref: templates come from the tip of a branch.

import { defineRule } from '../define.js';

const SHA = /^[0-9a-f]{40}$/i;

export default defineRule({
  id: 'unpinned-repository',
  family: 'pinning',
  kinds: ['azure-pipelines'],
  severity: 'medium',
  description: 'Azure Pipelines repository resource is not pinned to a tag or commit',
  cwe: [829, 494],
  fix: 'none',
  check(ctx) {
    for (const inc of ctx.file.facets.includes) {
      if (inc.source !== 'azure-repository' || inc.dynamic) continue;
      const ref = inc.ref;
      if (ref !== undefined && (ref.startsWith('refs/tags/') || SHA.test(ref))) continue;
      const problem = ref === undefined ? 'has no ref:, so it follows the default branch' : `follows the branch '${ref}'`;
      ctx.report({
        range: inc.range,
        message: `Repository resource '${inc.raw}' ${problem}: templates and code taken from it change whenever someone pushes there, and run with this pipeline's permissions. Pin it with ref: refs/tags/<tag> (protected) or a commit.`,
      });
    }
  },
});
