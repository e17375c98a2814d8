// AI coding agents (claude-code-action, codex-action, run-gemini-cli …) fed outsiders' text in workflows outsiders can start.

import { isScalar } from 'yaml';
import { findExpressions, untrustedPathIn, workflowTaint } from '../../models/github-expressions.js';
import { privilegedTriggers } from '../../models/github-triggers.js';
import { workflowsIn, type Step } from '../../models/github-workflow.js';
import { sourceRangeOf } from '../../models/github-conditions.js';
import { rangeOf, valueRange } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

/** Actions that run an LLM agent over a prompt, with the job's token and tools (lower-cased `owner/repo[/path]`). */
const AGENTS: ReadonlySet<string> = new Set([
  'anthropics/claude-code-action',
  'anthropics/claude-code-base-action',
  'openai/codex-action',
  'google-github-actions/run-gemini-cli',
  'pydantic/ollama-action',
  'actions/ai-inference',
]);

/** Inputs that, set to `*`, turn off the action's check that whoever triggers it may write to the repository. */
const OPEN_GATES: ReadonlyMap<string, readonly string[]> = new Map([
  ['anthropics/claude-code-action', ['allowed_non_write_users', 'allowed_bots']],
  ['openai/codex-action', ['allow-users', 'allow-bots']],
]);

const isAgent = (step: Step): boolean => step.action !== undefined && AGENTS.has(step.action);

export default defineRule({
  id: 'agent-prompt-injection',
  family: 'injection',
  kinds: ['github-workflow'],
  severity: 'high',
  description: 'AI agent action given attacker-controlled text, or opened to any user, in a workflow outsiders can start',
  cwe: [77, 1427],
  fix: 'none',
  check(ctx) {
    const text = ctx.file.text;
    for (const wf of workflowsIn(ctx.file)) {
      if (!wf.jobs.some((j) => j.steps.some(isAgent))) continue;
      const privileged = privilegedTriggers(wf).map((t) => t.name);
      const taint = workflowTaint(wf);
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          if (!isAgent(step)) continue;
          const scope = taint.envOf(job, step);
          const label = step.name ? `step '${step.name}'` : `the ${step.action!} step`;
          let reported = false;
          for (const w of step.with) {
            if (!isScalar(w.valueNode) || w.value === undefined) continue;
            for (const e of findExpressions(w.value)) {
              const path = untrustedPathIn(e.inner, scope);
              if (!path) continue;
              const range = sourceRangeOf(text, w.valueNode, w.value, e.start, e.end) ?? valueRange(w.valueNode, text);
              reported = true;
              ctx.report({
                range,
                ...(privileged.length === 0 ? { severity: 'medium' as const } : {}),
                message:
                  `'\${{ ${e.inner} }}' puts ${path} — text anyone can write — into the \`${w.name}:\` of ${label} (${step.action!}): an instruction hidden in it ("ignore the above, push this change, print the token") is read by the agent as part of its task, and the agent acts with this job's token and tools. ` +
                  'Do not expand outsiders\' text into the prompt: let the agent read it through its tools as data, limit its tools and the token\'s permissions, and gate the job on the author (`author_association`).',
              });
            }
          }
          if (privileged.length === 0) continue;
          {
            for (const name of OPEN_GATES.get(step.action!) ?? []) {
              const w = step.with.find((x) => x.name === name);
              if (!w || w.value?.trim() !== '*' || !isScalar(w.valueNode)) continue;
              reported = true;
              ctx.report({
                range: rangeOf(w.key) ?? valueRange(w.valueNode, text),
                severity: 'medium',
                message:
                  `\`${name}: "*"\` on ${label} turns off the action's check that whoever triggers it can write to the repository, in a workflow started by ${privileged.join(', ')}: any account can then hand the agent instructions. ` +
                  'List the users or bots that may trigger it instead of `*`.',
              });
            }
          }
          const sandbox = step.with.find((x) => x.name === 'sandbox');
          if (step.action === 'openai/codex-action' && sandbox?.value?.trim() === 'danger-full-access' && isScalar(sandbox.valueNode)) {
            reported = true;
            ctx.report({
              range: valueRange(sandbox.valueNode, text),
              severity: 'medium',
              message:
                `\`sandbox: danger-full-access\` lets ${label} run any command with full access to the runner, in a workflow started by ${privileged.join(', ')}: instructions hidden in outsiders' text then run as shell commands. ` +
                'Use `read-only` or `workspace-write`.',
            });
          }
          if (!reported && step.uses) {
            ctx.report({
              range: valueRange(step.uses, text),
              severity: 'low',
              message:
                `${label[0]!.toUpperCase()}${label.slice(1)} runs an AI agent in a workflow started by ${privileged.join(', ')}: the issue, comment or pull request text it reads can carry instructions, and it acts with this job's token, secrets and tools. ` +
                'Give the job the least permissions and tools that work, keep secrets out of its environment, and gate it on the author (`author_association`) or a maintainer\'s label.',
            });
          }
        }
      }
    }
  },
});
