// CircleCI orbs at `volatile` or a `dev:` version: the orb's code changes without any change to this file.

import { defineRule } from '../define.js';

export default defineRule({
  id: 'unpinned-orb',
  family: 'pinning',
  kinds: ['circleci'],
  severity: 'high',
  description: 'CircleCI orb is referenced at `volatile` or a mutable `dev:` version',
  cwe: [829, 494],
  fix: 'none',
  check(ctx) {
    for (const inc of ctx.file.facets.includes) {
      if (inc.source !== 'circleci-orb' || inc.dynamic || inc.ref === undefined) continue;
      const ref = inc.ref;
      let problem: string | undefined;
      if (ref === 'volatile') problem = 'at `volatile`, which is whatever version was published last';
      else if (ref.startsWith('dev:')) problem = `at the development version '${ref}', which can be overwritten at any time and expires`;
      if (!problem) continue;
      ctx.report({
        range: inc.range,
        message: `Orb '${inc.raw}' is referenced ${problem}: a new publish changes the commands your jobs run, with their secrets. Pin a full semantic version (e.g. ${inc.target}@1.2.3).`,
      });
    }
  },
});
