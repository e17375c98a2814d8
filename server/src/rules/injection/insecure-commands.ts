// `ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enabling the `::set-env` and `::add-path` workflow commands.

import { isMap } from 'yaml';
import type { Fix } from '../../core/types.js';
import { actionOf, isTruthy, workflowsIn, type Entry } from '../../models/github-workflow.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const NAME = 'ACTIONS_ALLOW_UNSECURE_COMMANDS';

/**
 * Deletes the entry's lines from a block `env:` map (the whole `env:` when it is the only entry). Undefined when the
 * lines are not the entry's alone: flow style, `- env:` opening a list item, other keys on the same line.
 */
function removeFix(text: string, holder: unknown, entry: Entry): Fix | undefined {
  const envPair = getPair(holder, 'env');
  const map = envPair?.value;
  if (!envPair || !isMap(map) || map.flow) return undefined;
  const target = map.items.length === 1 ? envPair : entry.pair;
  const key = rangeOf(target.key);
  const value = rangeOf(target.value);
  if (!key || !value) return undefined;
  const lineStart = text.lastIndexOf('\n', key.start - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, key.start))) return undefined;
  // Through the end of the line where the value ends (block maps end after their last line break already).
  let end = value.end;
  if (!(end > 0 && text[end - 1] === '\n')) {
    const nl = text.indexOf('\n', end);
    end = nl === -1 ? text.length : nl + 1;
  }
  const rest = text.slice(value.end, end).replace(/\r?\n$/, '');
  if (rest.trim() !== '' && !rest.trim().startsWith('#')) return undefined;
  return {
    title: map.items.length === 1 ? `Remove \`env:\` with ${NAME}` : `Remove ${NAME}`,
    safety: 'unsafe',
    edits: [{ range: { start: lineStart, end }, newText: '' }],
  };
}

export default defineRule({
  id: 'insecure-commands',
  family: 'injection',
  kinds: ['github-workflow', 'github-action'],
  severity: 'high',
  description: '`ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables the `::set-env` and `::add-path` log commands',
  cwe: [15, 94],
  fix: 'unsafe',
  check(ctx) {
    const text = ctx.file.text;
    const holders: { holder: unknown; env: readonly Entry[] }[] = [];
    for (const wf of workflowsIn(ctx.file)) {
      holders.push({ holder: wf.doc.contents, env: wf.env });
      for (const job of wf.jobs) {
        holders.push({ holder: job.node, env: job.env });
        for (const step of job.steps) holders.push({ holder: step.node, env: step.env });
      }
    }
    if (ctx.file.kind === 'github-action') {
      for (const doc of ctx.file.yaml?.docs ?? []) {
        const action = actionOf(doc);
        if (!action) continue;
        for (const step of action.steps) holders.push({ holder: step.node, env: step.env });
      }
    }
    for (const { holder, env } of holders) {
      for (const e of env) {
        if (e.name !== NAME || !isTruthy(e.value)) continue;
        const range = rangeOf(e.key);
        if (!range) continue;
        const fix = removeFix(text, holder, e);
        ctx.report({
          range,
          message:
            `\`${NAME}\` re-enables the \`::set-env\` and \`::add-path\` log commands: anything a step prints (a test name, a file, a PR title) can set environment variables or PATH for later steps and take them over. ` +
            'Remove it, and have the steps that need it write to $GITHUB_ENV / $GITHUB_PATH instead.',
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

