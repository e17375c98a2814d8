// `actions/checkout` leaving the job token in .git/config in jobs that upload artifacts or hold a write token.

import type { Fix } from '../../core/types.js';
import { effectivePermissions, grantsWrite, workflowsIn, type Step } from '../../models/github-workflow.js';
import { addMapEntries } from '../../models/yaml-edit.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const UPLOADERS = new Set(['actions/upload-artifact', 'actions/upload-pages-artifact']);
/** Actions that push with the credentials checkout left behind. */
const GIT_PUSHERS = new Set(['stefanzweifel/git-auto-commit-action', 'endbug/add-and-commit', 'ad-m/github-push-action', 'changesets/action']);
const REMOTE_GIT = /\bgit\s+(?:-C\s+\S+\s+)?(?:push|fetch|pull|ls-remote|submodule)\b/;

/** A later step talks to the remote with git: turning persistence off would change what it does. */
function laterStepUsesGit(steps: readonly Step[], after: number): boolean {
  return steps.slice(after + 1).some((s) => (s.action !== undefined && GIT_PUSHERS.has(s.action)) || (typeof s.run?.value === 'string' && REMOTE_GIT.test(s.run.value)));
}

function fixFor(text: string, step: Step): Fix | undefined {
  const edits = addMapEntries(text, step.node, 'with', undefined, [{ name: 'persist-credentials', value: 'false' }]);
  return edits ? { title: 'Add `persist-credentials: false` to this checkout', safety: 'safe', edits } : undefined;
}

export default defineRule({
  id: 'credential-persistence',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'medium',
  description: '`actions/checkout` keeps the token in .git/config in a job that uploads artifacts or can write',
  cwe: [522],
  fix: 'safe',
  check(ctx) {
    for (const wf of workflowsIn(ctx.file)) {
      for (const job of wf.jobs) {
        const uploads = job.steps.some((s) => s.action !== undefined && UPLOADERS.has(s.action));
        const writes = grantsWrite(effectivePermissions(wf, job));
        if (!uploads && !writes) continue;
        job.steps.forEach((step, i) => {
          if (step.action !== 'actions/checkout') return;
          // An explicit value (even `true`, or an expression) is a decision the author made.
          if (step.with.some((w) => w.name === 'persist-credentials')) return;
          const range = rangeOf(step.uses) ?? rangeOf(getPair(step.node, 'uses')?.key);
          if (!range) return;
          const why = uploads ? 'this job uploads artifacts, which may include .git/config' : 'this job holds a write token';
          const usesGit = laterStepUsesGit(job.steps, i);
          const fix = usesGit ? undefined : fixFor(ctx.file.text, step);
          ctx.report({
            range,
            message: usesGit
              ? `actions/checkout stores the job's token in .git/config by default, where every later step (and ${why}) can read it. A later step uses git against the remote: give that step the token explicitly (for example in its remote URL) and set \`persist-credentials: false\`.`
              : `actions/checkout stores the job's token in .git/config by default, where every later step (and ${why}) can read it. Set \`persist-credentials: false\`.`,
            fixes: fix ? [fix] : [],
          });
        });
      }
    }
  },
});
