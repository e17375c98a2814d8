// `pull_request_target` and `workflow_run` workflows, which run with a write token and secrets, building untrusted code.

import { findExpressions, contextPaths } from '../../models/github-expressions.js';
import { workflowsIn, type Step } from '../../models/github-workflow.js';
import { rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const PRIVILEGED = new Set(['pull_request_target', 'workflow_run']);

/** Context paths naming the code of a pull request or of the run that triggered a workflow_run. */
const UNTRUSTED_REFS = [
  'github.event.pull_request.head.sha',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.merge_commit_sha',
  'github.event.pull_request.head.repo.full_name',
  'github.event.pull_request.head.repo.clone_url',
  'github.head_ref',
  'github.event.workflow_run.head_sha',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.head_repository.full_name',
];

function readsUntrustedRef(value: string | undefined): boolean {
  if (!value) return false;
  if (/refs\/pull\//.test(value)) return true;
  return findExpressions(value).some((e) => contextPaths(e.inner).some((p) => UNTRUSTED_REFS.includes(p)));
}

/** The step fetches the pull request's (or triggering run's) code into the workspace; returns where. */
function untrustedCheckout(step: Step): unknown {
  if (step.action === 'actions/checkout') {
    for (const w of step.with) {
      if ((w.name === 'ref' || w.name === 'repository') && readsUntrustedRef(w.value)) return w.valueNode;
    }
    return undefined;
  }
  const run = typeof step.run?.value === 'string' ? step.run.value : undefined;
  if (run && (/\bgh\s+pr\s+checkout\b/.test(run) || (/\bgit\s+(fetch|checkout|switch|pull)\b/.test(run) && readsUntrustedRef(run)))) return step.run;
  return undefined;
}

export default defineRule({
  id: 'dangerous-triggers',
  family: 'injection',
  kinds: ['github-workflow'],
  severity: 'critical',
  description: '`pull_request_target`/`workflow_run` workflow that checks out and runs untrusted code (or uses the trigger at all)',
  cwe: [829],
  fix: 'none',
  check(ctx) {
    for (const wf of workflowsIn(ctx.file)) {
      const privileged = wf.triggers.filter((t) => PRIVILEGED.has(t.name));
      if (privileged.length === 0) continue;
      const names = privileged.map((t) => t.name).join('/');
      let found = false;
      for (const job of wf.jobs) {
        job.steps.forEach((step, i) => {
          const where = untrustedCheckout(step);
          const range = rangeOf(where);
          if (!range) return;
          found = true;
          const runsAfter = job.steps.slice(i + 1).some((s) => s.run !== undefined || s.usesValue?.startsWith('./'));
          ctx.report({
            range,
            severity: runsAfter ? 'critical' : 'high',
            message:
              `Job '${job.id}' checks out untrusted code (the pull request's head, or the triggering run's) in a ${names} workflow, which runs with a write token and the repository's secrets` +
              (runsAfter ? ' and then runs steps in that checkout: a fork can replace build scripts, hooks or dependencies and take over the repository.' : ': any tool that later reads that code can be made to run it.') +
              ' Build untrusted code in a `pull_request` workflow instead, and pass results to this one as artifacts treated as data.',
          });
        });
      }
      if (found) continue;
      for (const t of privileged) {
        ctx.report({
          range: t.range,
          severity: 'low',
          message: `\`${t.name}\` runs with a write token and the repository's secrets even for pull requests from forks. This workflow does not check out their code; keep it that way, and do not pass event text to scripts.`,
        });
      }
    }
  },
});
