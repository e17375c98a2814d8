// Workflow tokens with more power than the jobs need: no `permissions:` at all, `write-all`, write scopes for every job,
// write scopes and `id-token: write` that nothing in the job uses, and reusable workflows that inherit write scopes.

import { isScalar } from 'yaml';
import type { Fix, Range, TextEdit } from '../../core/types.js';
import { grantsWrite, scalarText, workflowsIn, type Job, type Permissions, type Workflow } from '../../models/github-workflow.js';
import { jobTokenNeeds, leastPrivilege, type TokenNeeds } from '../../models/token-needs.js';
import { eolOf } from '../../models/yaml-edit.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule, type RuleContext } from '../define.js';

/** Actions that write through the token, and the scope they need. */
const WRITERS: ReadonlyMap<string, string> = new Map([
  ['actions/github-script', 'depends on the script'],
  ['actions/create-release', 'contents: write'],
  ['softprops/action-gh-release', 'contents: write'],
  ['ncipollo/release-action', 'contents: write'],
  ['peter-evans/create-pull-request', 'contents: write, pull-requests: write'],
  ['peter-evans/create-or-update-comment', 'issues: write or pull-requests: write'],
  ['marocchino/sticky-pull-request-comment', 'pull-requests: write'],
  ['actions/labeler', 'pull-requests: write'],
  ['actions/stale', 'issues: write, pull-requests: write'],
  ['release-drafter/release-drafter', 'contents: write'],
  ['peaceiris/actions-gh-pages', 'contents: write'],
  ['jamesives/github-pages-deploy-action', 'contents: write'],
  ['actions/deploy-pages', 'pages: write, id-token: write'],
  ['github/codeql-action/upload-sarif', 'security-events: write'],
  ['github/codeql-action/analyze', 'security-events: write'],
  ['actions/attest-build-provenance', 'id-token: write, attestations: write'],
  ['aws-actions/configure-aws-credentials', 'id-token: write (OIDC)'],
  ['google-github-actions/auth', 'id-token: write (OIDC)'],
  ['azure/login', 'id-token: write (OIDC)'],
  ['pypa/gh-action-pypi-publish', 'id-token: write (trusted publishing)'],
  ['docker/login-action', 'packages: write (to push to ghcr.io)'],
  ['stefanzweifel/git-auto-commit-action', 'contents: write'],
]);

/** What a job visibly does with the token, for the message: `build (actions/deploy-pages: pages: write, …)`. */
function needsOf(job: Job): string[] {
  const out: string[] = [];
  for (const step of job.steps) {
    const need = step.action ? WRITERS.get(step.action) : undefined;
    if (need) out.push(`${step.action}: ${need}`);
    const run = typeof step.run?.value === 'string' ? step.run.value : '';
    if (/\bgit\s+push\b/.test(run)) out.push('git push: contents: write');
    else if (/\bgh\s+(pr|issue|release|api|label)\b/.test(run)) out.push('gh CLI: the scopes of what it changes');
  }
  if (job.uses) out.push('reusable workflow: the scopes it declares');
  return [...new Set(out)];
}

function insertFix(text: string, wf: Workflow): Fix | undefined {
  const jobs = getPair(wf.doc.contents, 'jobs');
  const key = rangeOf(jobs?.key);
  if (!key || !isScalar(jobs?.key)) return undefined;
  const lineStart = text.lastIndexOf('\n', key.start - 1) + 1;
  // Only a top-level `jobs:` at column 0 on its own line gives an unambiguous insertion point.
  if (lineStart !== key.start) return undefined;
  const eol = eolOf(text);
  return {
    title: 'Add a top-level `permissions:` block with `contents: read` (grant more per job where needed)',
    safety: 'unsafe',
    edits: [{ range: { start: lineStart, end: lineStart }, newText: `permissions:${eol}  contents: read${eol}${eol}` }],
  };
}

/**
 * Replaces a scalar `permissions: write-all` with a block of the given scopes (or `{}`), indented under the key and in
 * the file's line endings. Undefined when the key is not alone at the start of its line or the value is not plain.
 */
function blockEdit(text: string, perm: Permissions, scopes: readonly [string, string][]): TextEdit | undefined {
  const key = rangeOf(perm.pair.key);
  const value = rangeOf(perm.node);
  if (!key || !value || !isScalar(perm.node) || perm.node.type !== 'PLAIN') return undefined;
  const lineStart = text.lastIndexOf('\n', key.start - 1) + 1;
  const before = text.slice(lineStart, key.start);
  if (!/^ *(- +)?$/.test(before)) return undefined;
  const colon = text.indexOf(':', key.end);
  if (colon === -1 || text.slice(key.end, colon).trim() !== '' || text.slice(colon + 1, value.start).trim() !== '') return undefined;
  if (scopes.length === 0) return { range: { start: colon + 1, end: value.end }, newText: ' {}' };
  const eol = eolOf(text);
  const indent = ' '.repeat(key.start - lineStart + 2);
  return { range: { start: colon + 1, end: value.end }, newText: scopes.map(([s, l]) => `${eol}${indent}${s}: ${l}`).join('') };
}

/** The least-privilege block for jobs, as `[scope, level]` sorted by scope. */
function blockFor(needs: readonly TokenNeeds[]): [string, string][] {
  return [...leastPrivilege(needs)].map(([s, l]): [string, string] => [s, l === 'write-id' ? 'write' : l]).sort((a, b) => a[0].localeCompare(b[0]));
}

function writeAllFix(text: string, perm: Permissions, needs: readonly TokenNeeds[]): Fix[] {
  const scopes = blockFor(needs);
  const edit = blockEdit(text, perm, scopes);
  if (!edit) return [];
  const unknown = [...new Set(needs.flatMap((n) => n.unknown))];
  const shown = scopes.length ? scopes.map(([s, l]) => `${s}: ${l}`).join(', ') : '{}';
  return [
    {
      title: `Replace \`write-all\` with what the steps use (${shown})${unknown.length ? `; check what ${unknown.slice(0, 2).join(', ')}${unknown.length > 2 ? '…' : ''} needs` : ''}`,
      safety: 'unsafe',
      edits: [edit],
    },
  ];
}

/** Whether no job of `jobs` can need `scope` at write level, and the level to offer instead. */
function unneeded(scope: string, jobs: readonly TokenNeeds[]): { level: 'read' | 'none' } | undefined {
  if (scope === 'id-token') return jobs.every((n) => !n.oidc && !n.oidcUnknown) ? { level: 'none' } : undefined;
  // Pushing commits that touch `.github/workflows/` needs `workflows` beside `contents`: judge it as `contents`.
  const key = scope === 'workflows' ? 'contents' : scope;
  for (const n of jobs) {
    if (n.unknown.length > 0 || n.scopes.get(key) === 'write') return undefined;
    if (key === 'contents' && n.contentsOpaque) return undefined;
  }
  return { level: scope !== 'workflows' && jobs.some((n) => n.scopes.get(scope) === 'read') ? 'read' : 'none' };
}

function listUses(jobs: readonly { job: Job; needs: TokenNeeds }[]): string {
  const all = [...new Set(jobs.flatMap((j) => j.needs.uses))];
  return all.length ? all.slice(0, 6).join(', ') + (all.length > 6 ? ', …' : '') : 'no step that uses the token';
}

function reportUnneeded(ctx: RuleContext, scope: string, value: { value: string; range: Range }, jobs: readonly { job: Job; needs: TokenNeeds }[], where: string, level: 'read' | 'none'): void {
  const what =
    scope === 'id-token'
      ? `nothing ${where} requests an OIDC token (no cloud login, trusted publishing, attestation or \`ACTIONS_ID_TOKEN_REQUEST\` use among ${listUses(jobs)}), yet any step can mint one that your cloud trust policies may accept`
      : `nothing ${where} writes through the token with it (${listUses(jobs)}), yet a compromised step could use it`;
  ctx.report({
    range: value.range,
    severity: scope === 'id-token' ? 'medium' : 'low',
    message: `\`${scope}: write\` is not needed: ${what}. Set it to \`${level}\`.`,
    fixes: [{ title: `Set \`${scope}: ${level}\``, safety: 'unsafe', edits: [{ range: value.range, newText: level }] }],
  });
}

export default defineRule({
  id: 'excessive-permissions',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'medium',
  description: 'Workflow token gets the repository default, write access that not every job needs, or scopes nothing uses',
  cwe: [272, 732],
  fix: 'unsafe',
  check(ctx) {
    const text = ctx.file.text;
    for (const wf of workflowsIn(ctx.file)) {
      // A reusable workflow runs with its caller's token: the caller's permissions decide.
      // No `on:` yet: a fragment or a file mid-edit, not a workflow GitHub would run.
      if (wf.jobs.length === 0 || wf.triggers.length === 0 || wf.triggers.every((t) => t.name === 'workflow_call')) continue;
      const needsCache = new Map<Job, TokenNeeds>();
      const needs = (job: Job): TokenNeeds => {
        let n = needsCache.get(job);
        if (!n) needsCache.set(job, (n = jobTokenNeeds(wf, job)));
        return n;
      };
      const wfPerm = wf.permissions;
      const inheriting = wf.jobs.filter((j) => !j.permissions);
      if (wfPerm?.kind === 'write-all') {
        ctx.report({
          range: wfPerm.range,
          message: '`permissions: write-all` gives every job a token that can push code, edit releases and change settings-adjacent data: one compromised step owns the repository. Grant `contents: read` here and the write scopes each job needs on that job.',
          severity: 'high',
          fixes: writeAllFix(text, wfPerm, inheriting.map(needs)),
        });
      }
      for (const job of wf.jobs) {
        if (job.permissions?.kind === 'write-all') {
          ctx.report({
            range: job.permissions.range,
            message: `Job '${job.id}' asks for \`write-all\`: its token can write to every scope. List only the scopes it needs (for example \`contents: write\`).`,
            severity: 'high',
            fixes: writeAllFix(text, job.permissions, [needs(job)]),
          });
        }
      }
      // A missing key is only known to be missing when the document parsed: mid-edit, it may sit in the broken part.
      if (!wfPerm && wf.doc.errors.length === 0) {
        const bare = inheriting;
        if (bare.length > 0) {
          const jobsKey = getPair(wf.doc.contents, 'jobs')?.key;
          const range = rangeOf(jobsKey);
          if (range) {
            const needing = bare.map((j) => ({ id: j.id, needs: needsOf(j) })).filter((j) => j.needs.length > 0);
            const more = needing.length
              ? ` Jobs that may need more once you do: ${needing.map((j) => `'${j.id}' (${j.needs.join('; ')})`).join(', ')}.`
              : '';
            const fix = insertFix(text, wf);
            ctx.report({
              range,
              message:
                `No \`permissions:\` for the workflow${bare.length < wf.jobs.length ? ` nor for job${bare.length > 1 ? 's' : ''} ${bare.map((j) => `'${j.id}'`).join(', ')}` : ' or its jobs'}: ` +
                `the token gets the repository default, often read/write to everything, so any compromised step can push code or tamper with releases. Declare \`permissions: contents: read\` at the top and grant write scopes per job.${more}`,
              fixes: fix ? [fix] : [],
            });
          }
        }
      }
      if (wfPerm?.kind === 'map') {
        const judged = inheriting.map((job) => ({ job, needs: needs(job) }));
        for (const [scope, v] of wfPerm.scopes) {
          if (v.value !== 'write') continue;
          const free = unneeded(scope, judged.map((j) => j.needs));
          if (free) {
            const where = judged.length === 0 ? 'at all (every job declares its own `permissions:`)' : `in ${judged.length === 1 ? `job '${judged[0]!.job.id}'` : `the ${judged.length} jobs that inherit it`}`;
            reportUnneeded(ctx, scope, v, judged, where, free.level);
          } else if (judged.length >= 2) {
            ctx.report({
              range: v.range,
              message: `\`${scope}: write\` at workflow level applies to all ${judged.length} jobs without their own \`permissions:\` (${judged.map((j) => `'${j.job.id}'`).join(', ')}). Set it on the jobs that need it and keep the workflow at read.`,
            });
          }
        }
        // A reusable workflow called without `permissions:` runs every one of its jobs with these write scopes.
        if (grantsWrite(wfPerm)) {
          const writes = [...wfPerm.scopes].filter(([, s]) => s.value === 'write').map(([n]) => `${n}: write`);
          for (const job of inheriting) {
            const uses = scalarText(job.uses);
            const range = rangeOf(job.uses);
            if (!uses || !range) continue;
            const local = uses.startsWith('./');
            ctx.report({
              range,
              severity: local ? 'low' : 'medium',
              message:
                `Job '${job.id}' calls '${uses}' without \`permissions:\` of its own, so every job of the called workflow runs with this workflow's ${writes.join(', ')}, whatever it needs${local ? '' : ', and a change in that repository decides what is done with them'}. ` +
                'Set `permissions:` on the calling job to the scopes the called workflow needs.',
            });
          }
        }
      }
      for (const job of wf.jobs) {
        const p = job.permissions;
        if (p?.kind !== 'map') continue;
        for (const [scope, v] of p.scopes) {
          if (v.value !== 'write') continue;
          const n = needs(job);
          const free = unneeded(scope, [n]);
          if (free) reportUnneeded(ctx, scope, v, [{ job, needs: n }], `in job '${job.id}'`, free.level);
        }
      }
    }
  },
});
