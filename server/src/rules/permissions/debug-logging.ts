// `ACTIONS_STEP_DEBUG` / `ACTIONS_RUNNER_DEBUG` switched on in a workflow file.

import { isTruthy, workflowsIn, type Entry } from '../../models/github-workflow.js';
import { rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';
import { append } from '../../core/arrays.js';

const DEBUG = new Set(['ACTIONS_STEP_DEBUG', 'ACTIONS_RUNNER_DEBUG']);

export default defineRule({
  id: 'debug-logging',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'medium',
  description: '`ACTIONS_STEP_DEBUG` or `ACTIONS_RUNNER_DEBUG` set to true in a workflow',
  cwe: [215, 532],
  fix: 'none',
  check(ctx) {
    for (const wf of workflowsIn(ctx.file)) {
      const envs: Entry[] = [...wf.env];
      for (const job of wf.jobs) {
        append(envs, job.env);
        for (const step of job.steps) append(envs, step.env);
      }
      for (const e of envs) {
        if (!DEBUG.has(e.name) || !isTruthy(e.value)) continue;
        const range = rangeOf(e.valueNode) ?? rangeOf(e.key);
        if (!range) continue;
        ctx.report({
          range,
          message: `\`${e.name}: ${e.value}\` turns on debug logging for every run: logs then show environment, inputs and command details that may include tokens or internal data, readable by anyone who can see the run. Remove it and enable debug logging for a single re-run instead.`,
        });
      }
    }
  },
});
