// Self-hosted runners in workflows that pull requests, comments, issues and discussions from outsiders can start.

import { scalarStrings } from '../../models/github-expressions.js';
import { workflowsIn, type Job } from '../../models/github-workflow.js';
import { get } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

/** Events that run a fork's code, or code that handles it: the worst place for a runner that keeps state. */
const CODE_TRIGGERS = new Set(['pull_request', 'pull_request_target', 'workflow_run']);
/** Events anyone can raise with text of their choosing on a public repository. */
const TEXT_TRIGGERS = new Set(['issue_comment', 'pull_request_review', 'pull_request_review_comment', 'issues', 'discussion', 'discussion_comment']);

/** `${{ matrix.x }}` (alone) → the values the matrix lists for `x`, or undefined. */
function matrixLabels(job: Job, expr: string): string[] | undefined {
  const m = /^\$\{\{\s*matrix\.([A-Za-z_][\w-]*)\s*\}\}$/.exec(expr.trim());
  if (!m) return undefined;
  const matrix = get(job.strategy, 'matrix');
  const values = [...scalarStrings(get(matrix, m[1]!)), ...scalarStrings(get(matrix, 'include'))];
  return values;
}

function selfHosted(job: Job): 'literal' | 'matrix' | undefined {
  const ro = job.runsOn;
  if (!ro) return undefined;
  if (ro.labels.some((l) => l.toLowerCase() === 'self-hosted')) return 'literal';
  if (!ro.dynamic) return undefined;
  const expr = typeof (ro.node as { value?: unknown } | null)?.value === 'string' ? ((ro.node as { value: string }).value) : undefined;
  const labels = expr ? matrixLabels(job, expr) : undefined;
  return labels?.some((l) => l.toLowerCase() === 'self-hosted') ? 'matrix' : undefined;
}

export default defineRule({
  id: 'self-hosted-runner',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'high',
  description: 'Self-hosted runner in a workflow that outsiders can trigger (pull requests, comments, issues)',
  cwe: [284],
  fix: 'none',
  check(ctx) {
    for (const wf of workflowsIn(ctx.file)) {
      const code = [...new Set(wf.triggers.filter((t) => CODE_TRIGGERS.has(t.name)).map((t) => t.name))];
      const text = [...new Set(wf.triggers.filter((t) => TEXT_TRIGGERS.has(t.name)).map((t) => t.name))];
      if (code.length === 0 && text.length === 0) continue;
      for (const job of wf.jobs) {
        const how = selfHosted(job);
        if (!how || !job.runsOn) continue;
        const triggers = [...code, ...text].join(', ');
        ctx.report({
          range: job.runsOn.range,
          // Text from outsiders reaches the runner only through an injection; a fork's code runs on it directly.
          severity: code.length > 0 ? 'high' : 'medium',
          message:
            `Job '${job.id}' runs on a self-hosted runner${how === 'matrix' ? ' (its build matrix lists `self-hosted`)' : ''} in a workflow triggered by ${triggers}: ` +
            `${code.length > 0 ? 'code from outside contributors' : 'text from anyone who can open an issue or comment'} reaches a machine that persists between jobs and sits inside your network. ` +
            'Use GitHub-hosted runners for these events, or ephemeral, isolated self-hosted runners and require approval for fork pull requests.',
        });
      }
    }
  },
});
