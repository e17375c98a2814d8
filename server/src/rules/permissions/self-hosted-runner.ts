// Self-hosted runners in workflows that pull requests and comments from outsiders can start.

import { workflowsIn } from '../../models/github-workflow.js';
import { defineRule } from '../define.js';

const OUTSIDER_TRIGGERS = new Set(['pull_request', 'pull_request_target', 'issue_comment', 'pull_request_review', 'pull_request_review_comment']);

export default defineRule({
  id: 'self-hosted-runner',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'high',
  description: 'Self-hosted runner in a workflow triggered by pull requests or comments',
  cwe: [284],
  fix: 'none',
  check(ctx) {
    for (const wf of workflowsIn(ctx.file)) {
      const triggers = wf.triggers.filter((t) => OUTSIDER_TRIGGERS.has(t.name)).map((t) => t.name);
      if (triggers.length === 0) continue;
      for (const job of wf.jobs) {
        const ro = job.runsOn;
        if (!ro) continue;
        const selfHosted = ro.labels.some((l) => l.toLowerCase() === 'self-hosted');
        if (!selfHosted) continue;
        ctx.report({
          range: ro.range,
          message:
            `Job '${job.id}' runs on a self-hosted runner in a workflow triggered by ${[...new Set(triggers)].join(', ')}: code or text from outside contributors runs on a machine that persists between jobs and sits inside your network. ` +
            'Use GitHub-hosted runners for these events, or ephemeral, isolated self-hosted runners and require approval for fork pull requests.',
        });
      }
    }
  },
});
