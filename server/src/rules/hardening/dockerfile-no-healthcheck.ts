// The final image declares no `HEALTHCHECK` (off by default): Docker and Swarm cannot tell a hung container from a healthy one.

import { dockerStages, finalChain, keywordRange } from '../../models/dockerfile-stages.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'dockerfile-no-healthcheck',
  family: 'hardening',
  kinds: ['dockerfile'],
  severity: 'info',
  description: 'The final image declares no `HEALTHCHECK`',
  cwe: [693],
  fix: 'none',
  defaultOff: true,
  check(ctx) {
    const df = ctx.file.dockerfile;
    if (!df) return;
    const chain = finalChain(dockerStages(df));
    if (chain.length === 0) return;
    // `HEALTHCHECK NONE` is a decision too; one in a stage the final image builds on is inherited.
    if (chain.some((s) => s.instructions.some((i) => i.getKeyword() === 'HEALTHCHECK'))) return;
    const final = chain[0]!;
    ctx.report({
      range: keywordRange(final.from, ctx.file.lines),
      message: `The final image${final.image ? ` (from '${final.image}')` : ''} declares no HEALTHCHECK: Docker and Swarm report a container that hangs or stops serving as healthy and never restart or replace it (unless the base image declares one). Add \`HEALTHCHECK CMD <a command that fails when the service is unhealthy>\`, or \`HEALTHCHECK NONE\` to state that none is wanted (Kubernetes ignores it and uses its own probes).`,
    });
  },
});
