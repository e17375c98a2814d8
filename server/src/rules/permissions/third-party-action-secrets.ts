// Secrets handed over `with:`/`env:` to a third-party action that is not pinned, in a `pull_request_target` workflow.

import { Minimatch } from 'minimatch';
import { classifyRef } from '../../models/source-file.js';
import { secretReads } from '../../models/github-secrets.js';
import { workflowsIn, type Step } from '../../models/github-workflow.js';
import { getPair } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

/** Owners whose actions GitHub itself publishes. */
const FIRST_PARTY = new Set(['actions', 'github']);

const compiled = new WeakMap<readonly string[], Minimatch[]>();
function allowList(globs: readonly string[]): Minimatch[] {
  let list = compiled.get(globs);
  if (!list) compiled.set(globs, (list = globs.map((g) => new Minimatch(g, { nocase: true }))));
  return list;
}

/** `owner/repo` and the ref of a third-party step that is not pinned to a commit; undefined otherwise. */
function unpinnedThirdParty(step: Step, allowed: readonly Minimatch[]): { repo: string; ref: string | undefined } | undefined {
  const uses = step.usesValue;
  if (!uses || !step.action) return undefined;
  const repo = step.action.split('/').slice(0, 2).join('/');
  if (FIRST_PARTY.has(repo.split('/')[0]!) || allowed.some((m) => m.match(repo))) return undefined;
  const at = uses.lastIndexOf('@');
  const ref = at === -1 ? undefined : uses.slice(at + 1);
  return classifyRef(ref) === 'sha' ? undefined : { repo, ref };
}

export default defineRule({
  id: 'third-party-action-secrets',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'high',
  description: 'Secret passed to an unpinned third-party action in a pull_request_target workflow',
  cwe: [829, 522],
  fix: 'none',
  check(ctx) {
    const text = ctx.file.text;
    const allowed = allowList(ctx.options.allowedActions);
    for (const wf of workflowsIn(ctx.file)) {
      if (!wf.triggers.some((t) => t.name === 'pull_request_target')) continue;
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const tp = unpinnedThirdParty(step, allowed);
          if (!tp) continue;
          for (const key of ['with', 'env'] as const) {
            const pair = getPair(step.node, key);
            if (!pair) continue;
            for (const read of secretReads(text, pair.value)) {
              if (read.kind === 'named' && read.name?.toUpperCase() === 'GITHUB_TOKEN') continue;
              const what = read.kind === 'named' ? `secret '${read.name}'` : 'secrets';
              ctx.report({
                range: read.range,
                message:
                  `Step '${step.name ?? step.usesValue}' of job '${job.id}' hands ${what} over \`${key}:\` to the third-party action '${tp.repo}'${tp.ref ? `@${tp.ref}` : ''} in a \`pull_request_target\` workflow: the workflow runs for any fork's pull request, and whoever can move that ref (a compromised maintainer account, as with tj-actions/changed-files) receives the secret. ` +
                  'Pin the action to a full commit SHA you have reviewed, or run it without the secret.',
              });
            }
          }
        }
      }
    }
  },
});
