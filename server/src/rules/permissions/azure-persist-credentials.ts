// Azure `checkout:` steps with `persistCredentials: true`: the job's access token stays in .git/config.

import { isTruthy, scalarText } from '../../models/github-workflow.js';
import { azurePipelines } from '../../models/azure.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'azure-persist-credentials',
  family: 'permissions',
  kinds: ['azure-pipelines'],
  severity: 'medium',
  description: '`checkout` with `persistCredentials: true` leaves the access token in .git/config for every later step',
  cwe: [522],
  fix: 'unsafe',
  check(ctx) {
    for (const p of azurePipelines(ctx.file.yaml?.docs ?? [])) {
      for (const step of p.steps) {
        if (step.kind !== 'checkout' || scalarText(step.main) === 'none') continue;
        const pair = getPair(step.node, 'persistCredentials');
        const value = scalarText(pair?.value);
        const range = rangeOf(pair?.value);
        if (!isTruthy(value) || !range) continue;
        ctx.report({
          range,
          message: `\`persistCredentials: true\` on \`checkout: ${scalarText(step.main) ?? ''}\` keeps the job's access token in .git/config, where every later script, task and tool can read it. Remove it unless a later step pushes, and then scope that job's permissions tightly.`,
          fixes: [{ title: 'Set `persistCredentials: false` (later `git push` steps will need credentials another way)', safety: 'unsafe', edits: [{ range, newText: 'false' }] }],
        });
      }
    }
  },
});
