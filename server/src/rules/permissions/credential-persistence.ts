// `actions/checkout` leaving the job token in .git/config in jobs that upload artifacts or hold a write token.

import type { Fix } from '../../core/types.js';
import { effectivePermissions, grantsWrite, workflowsIn, type Step } from '../../models/github-workflow.js';
import { addMapEntries } from '../../models/yaml-edit.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const UPLOADERS = new Set(['actions/upload-artifact', 'actions/upload-pages-artifact']);

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
        for (const step of job.steps) {
          if (step.action !== 'actions/checkout') continue;
          // An explicit value (even `true`, or an expression) is a decision the author made.
          if (step.with.some((w) => w.name === 'persist-credentials')) continue;
          const range = rangeOf(step.uses) ?? rangeOf(getPair(step.node, 'uses')?.key);
          if (!range) continue;
          const why = uploads ? 'this job uploads artifacts, which may include .git/config' : 'this job holds a write token';
          const fix = fixFor(ctx.file.text, step);
          ctx.report({
            range,
            message: `actions/checkout stores the job's token in .git/config by default, where every later step (and ${why}) can read it. Set \`persist-credentials: false\` unless a later step pushes with it.`,
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
});
