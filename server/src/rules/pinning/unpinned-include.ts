// GitLab CI configuration pulled in by reference that can change: project includes on a branch, remote URLs, components at a moving version.

import { classifyRef } from '../../models/source-file.js';
import { defineRule } from '../define.js';

const SHA_IN_URL = /\/[0-9a-f]{40}\//i;

export default defineRule({
  id: 'unpinned-include',
  family: 'pinning',
  kinds: ['gitlab-ci'],
  severity: 'high',
  description: 'GitLab `include:` or CI/CD component is not pinned to a fixed version',
  cwe: [829, 494],
  fix: 'none',
  check(ctx) {
    for (const inc of ctx.file.facets.includes) {
      if (inc.dynamic) continue;
      let problem: string | undefined;
      if (inc.source === 'gitlab-project') {
        const kind = classifyRef(inc.ref);
        if (kind === 'none') problem = `includes project '${inc.raw}' without ref:, so it follows that project's default branch`;
        else if (kind === 'branch') problem = `includes project '${inc.raw}' at the branch '${inc.ref}'`;
      } else if (inc.source === 'gitlab-remote') {
        if (!SHA_IN_URL.test(inc.raw) && !inc.integrity?.startsWith('sha256-')) problem = `includes the remote URL '${inc.raw}', whose content can change at any time and is not verified`;
      } else if (inc.source === 'gitlab-component') {
        const ref = inc.ref;
        if (ref === undefined || ref === '') problem = `uses the component '${inc.raw}' without a version`;
        else if (ref === '~latest' || classifyRef(ref) === 'branch') problem = `uses the component '${inc.raw}' at the moving version '${ref}'`;
      }
      if (!problem) continue;
      ctx.report({
        range: inc.range,
        message: `This pipeline ${problem}: whoever can push there changes the jobs that run here, with this project's variables and secrets. Pin a tag or, better, a full commit SHA (ref: <sha>, @<sha>, or a URL containing the SHA).`,
      });
    }
  },
});
