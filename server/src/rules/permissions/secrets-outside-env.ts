// Secrets read by jobs that run without a deployment environment: no reviewers, branch rules or wait timer gate them.

import { secretReads } from '../../models/github-secrets.js';
import { workflowsIn } from '../../models/github-workflow.js';
import { getPair } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'secrets-outside-env',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'medium',
  description: 'Secret used by a job that has no deployment `environment:`',
  cwe: [668],
  fix: 'none',
  defaultOff: true,
  check(ctx) {
    const text = ctx.file.text;
    for (const wf of workflowsIn(ctx.file)) {
      // A reusable workflow cannot read its own environment's secrets unless the caller passes them all along.
      if (wf.triggers.some((t) => t.name === 'workflow_call')) continue;
      for (const job of wf.jobs) {
        if (job.uses || getPair(job.node, 'environment')) continue;
        const seen = new Set<string>();
        for (const read of secretReads(text, job.node)) {
          if (read.kind !== 'named' || !read.name) continue;
          const name = read.name.toUpperCase();
          // The job token is there whatever the environment; it is governed by `permissions:`.
          if (name === 'GITHUB_TOKEN' || seen.has(name)) continue;
          seen.add(name);
          ctx.report({
            range: read.range,
            message:
              `Job '${job.id}' reads secret '${read.name}' without an \`environment:\`: a repository or organisation secret is handed to every run of the job, on every branch that can start it, with no required reviewer, branch restriction or wait timer in front of it. ` +
              `Move the secret into a deployment environment and set \`environment: <name>\` on the job (or ignore this for secrets meant for every run).`,
          });
        }
      }
    }
  },
});
