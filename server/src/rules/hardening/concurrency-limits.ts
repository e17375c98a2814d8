// Deploy jobs without a `concurrency:` group: two runs can deploy at once, and an older run can finish last.

import type { Fix } from '../../core/types.js';
import { deployTierOfScript, environmentTier } from '../../models/deploy-targets.js';
import { scalarText, workflowsIn, type Job } from '../../models/github-workflow.js';
import { addMapEntries } from '../../models/yaml-edit.js';
import { get, getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

/** What shows the job deploys, for the message; undefined when nothing does. */
function deployEvidence(job: Job): { what: string; env: string | undefined } | undefined {
  const envNode = get(job.node, 'environment');
  const env = scalarText(envNode) ?? scalarText(get(envNode, 'name'));
  // Environments also gate secrets for jobs that deploy nothing: only a name that reads as a deploy target counts.
  if (env !== undefined && !env.includes('${{') && environmentTier(env)) return { what: `it deploys to the environment '${env}'`, env };
  for (const step of job.steps) {
    if (step.action && /(?:^|[/-])deploy(?:$|[-/])/.test(step.action)) return { what: `it runs '${step.action}'`, env: undefined };
    const run = scalarText(step.run);
    if (run !== undefined && run.length < 100_000 && deployTierOfScript(run)) return { what: 'its script runs a deploy command', env: undefined };
  }
  return undefined;
}

function fixFor(text: string, job: Job, env: string | undefined): Fix[] {
  const group = env && /^[\w.-]+$/.test(env) ? `deploy-${env}` : `\${{ github.workflow }}-${job.id}`;
  const edits = addMapEntries(text, job.node, 'concurrency', getPair(job.node, 'steps'), [
    { name: 'group', value: group },
    { name: 'cancel-in-progress', value: 'false' },
  ]);
  return edits ? [{ title: `Add \`concurrency: { group: ${group}, cancel-in-progress: false }\` (runs queue instead of deploying at once)`, safety: 'unsafe', edits }] : [];
}

export default defineRule({
  id: 'concurrency-limits',
  family: 'hardening',
  kinds: ['github-workflow'],
  severity: 'low',
  description: 'Deploy job without a `concurrency:` group (runs can deploy at once, and out of order)',
  cwe: [362],
  fix: 'unsafe',
  defaultOff: true,
  check(ctx) {
    for (const wf of workflowsIn(ctx.file)) {
      // A called workflow runs inside its caller's run: the caller's concurrency applies.
      if (wf.triggers.length === 0 || wf.triggers.every((t) => t.name === 'workflow_call')) continue;
      if (getPair(wf.doc.contents, 'concurrency') || wf.doc.errors.length > 0) continue;
      for (const job of wf.jobs) {
        if (job.uses || getPair(job.node, 'concurrency')) continue;
        const ev = deployEvidence(job);
        const range = rangeOf(job.key);
        if (!ev || !range) continue;
        ctx.report({
          range,
          message:
            `Job '${job.id}' deploys (${ev.what}) but neither it nor the workflow sets \`concurrency:\`: two pushes in a row start two deploys that race, and the older one can finish last and roll back the newer release, security fixes included. ` +
            'Add a `concurrency:` group for the target with `cancel-in-progress: false`, so runs queue and the newest wins.',
          fixes: fixFor(ctx.file.text, job, ev.env),
        });
      }
    }
  },
});
