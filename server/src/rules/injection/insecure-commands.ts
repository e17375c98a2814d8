// Re-enabled `set-env`/`add-path` workflow commands, and attacker data written to $GITHUB_ENV, $GITHUB_PATH or $GITHUB_OUTPUT.

import { findExpressions, untrustedPathIn, workflowTaint } from '../../models/github-expressions.js';
import { isTruthy, workflowsIn, type Entry } from '../../models/github-workflow.js';
import { rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const FILES = /\$\{?(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)\b/;
const SHELL_VAR = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

export default defineRule({
  id: 'insecure-commands',
  family: 'injection',
  kinds: ['github-workflow'],
  severity: 'high',
  description: '`ACTIONS_ALLOW_UNSECURE_COMMANDS` enabled, or attacker-controlled text written to $GITHUB_ENV/$GITHUB_PATH/$GITHUB_OUTPUT',
  cwe: [15, 94],
  fix: 'none',
  check(ctx) {
    const text = ctx.file.text;
    for (const wf of workflowsIn(ctx.file)) {
      const envs: Entry[][] = [[...wf.env]];
      for (const job of wf.jobs) {
        envs.push([...job.env]);
        for (const step of job.steps) envs.push([...step.env]);
      }
      for (const e of envs.flat()) {
        if (e.name !== 'ACTIONS_ALLOW_UNSECURE_COMMANDS' || !isTruthy(e.value)) continue;
        const range = rangeOf(e.key);
        if (range) {
          ctx.report({
            range,
            message: '`ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables the `::set-env` and `::add-path` log commands: anything a step prints (a test name, a file, a PR title) can set environment variables or PATH for later steps and take them over. Remove it and write to $GITHUB_ENV / $GITHUB_PATH instead.',
          });
        }
      }
      const taint = workflowTaint(wf);
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const value = typeof step.run?.value === 'string' ? step.run.value : undefined;
          const r = rangeOf(step.run);
          if (!value || !r || value.length > 100_000) continue;
          const scope = taint.envOf(job, step);
          const src = text.slice(r.start, r.end);
          for (const line of value.split('\n')) {
            if (line.length > 2000) continue;
            const file = FILES.exec(line);
            if (!file) continue;
            let what: string | undefined;
            for (const e of findExpressions(line)) {
              const p = untrustedPathIn(e.inner, scope);
              if (p) {
                what = p;
                break;
              }
            }
            if (!what) {
              for (const m of line.matchAll(SHELL_VAR)) {
                if (scope.env.has(`env.${m[1]!.toLowerCase()}`)) {
                  what = `$${m[1]}`;
                  break;
                }
              }
            }
            if (!what) continue;
            const at = src.indexOf(line.trim());
            const target = file[1]!;
            ctx.report({
              range: at === -1 ? r : { start: r.start + at, end: r.start + at + line.trim().length },
              severity: target === 'GITHUB_OUTPUT' ? 'medium' : 'high',
              message:
                `Attacker-controlled text (${what}) is written to $${target}: a value containing a newline adds ${target === 'GITHUB_PATH' ? 'directories to PATH' : target === 'GITHUB_ENV' ? 'variables such as LD_PRELOAD or NODE_OPTIONS' : 'outputs of its choosing'} for later steps. ` +
                'Validate the value first, or use a random heredoc delimiter (`NAME<<$(uuidgen)`) so it cannot end the entry.',
            });
          }
        }
      }
    }
  },
});
