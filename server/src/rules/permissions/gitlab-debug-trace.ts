// `CI_DEBUG_TRACE` / `CI_DEBUG_SERVICES` switched on in a GitLab CI file.

import { isTruthy } from '../../models/github-workflow.js';
import { gitlabPipelines } from '../../models/gitlab.js';
import { defineRule } from '../define.js';

const DEBUG = new Set(['CI_DEBUG_TRACE', 'CI_DEBUG_SERVICES']);

export default defineRule({
  id: 'gitlab-debug-trace',
  family: 'permissions',
  kinds: ['gitlab-ci'],
  severity: 'medium',
  description: '`CI_DEBUG_TRACE` or `CI_DEBUG_SERVICES` set to true: job logs show every variable, secrets included',
  cwe: [215, 532],
  fix: 'none',
  check(ctx) {
    for (const p of gitlabPipelines(ctx.file.yaml?.docs ?? [])) {
      const vars = [...p.variables.map((v) => ({ v, job: undefined as string | undefined })), ...p.jobs.flatMap((j) => j.variables.map((v) => ({ v, job: j.name })))];
      for (const { v, job } of vars) {
        if (!DEBUG.has(v.name) || !isTruthy(v.value)) continue;
        ctx.report({
          range: v.range,
          message: `\`${v.name}: ${v.value}\`${job ? ` in job '${job}'` : ''} makes the runner print every command with its expanded variables, including masked CI/CD variables and tokens, to a log that everyone with access to the job can read. Remove it; enable it for one run only when needed.`,
        });
      }
    }
  },
});
