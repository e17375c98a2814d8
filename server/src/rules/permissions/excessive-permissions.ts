// Workflow tokens with more power than the jobs need: no `permissions:` at all, `write-all`, or write scopes for every job.

import { isScalar } from 'yaml';
import type { Fix } from '../../core/types.js';
import { workflowsIn, type Job, type Workflow } from '../../models/github-workflow.js';
import { eolOf } from '../../models/yaml-edit.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

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

export default defineRule({
  id: 'excessive-permissions',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'medium',
  description: 'Workflow token gets the repository default or write access that not every job needs',
  cwe: [272, 732],
  fix: 'unsafe',
  check(ctx) {
    for (const wf of workflowsIn(ctx.file)) {
      // A reusable workflow runs with its caller's token: the caller's permissions decide.
      // No `on:` yet: a fragment or a file mid-edit, not a workflow GitHub would run.
      if (wf.jobs.length === 0 || wf.triggers.length === 0 || wf.triggers.every((t) => t.name === 'workflow_call')) continue;
      const wfPerm = wf.permissions;
      if (wfPerm?.kind === 'write-all') {
        ctx.report({
          range: wfPerm.range,
          message: '`permissions: write-all` gives every job a token that can push code, edit releases and change settings-adjacent data: one compromised step owns the repository. Grant `contents: read` here and the write scopes each job needs on that job.',
          severity: 'high',
        });
      }
      for (const job of wf.jobs) {
        if (job.permissions?.kind === 'write-all') {
          ctx.report({
            range: job.permissions.range,
            message: `Job '${job.id}' asks for \`write-all\`: its token can write to every scope. List only the scopes it needs (for example \`contents: write\`).`,
            severity: 'high',
          });
        }
      }
      // A missing key is only known to be missing when the document parsed: mid-edit, it may sit in the broken part.
      if (!wfPerm && wf.doc.errors.length === 0) {
        const bare = wf.jobs.filter((j) => !j.permissions);
        if (bare.length === 0) continue;
        const jobsKey = getPair(wf.doc.contents, 'jobs')?.key;
        const range = rangeOf(jobsKey);
        if (!range) continue;
        const needing = bare.map((j) => ({ id: j.id, needs: needsOf(j) })).filter((j) => j.needs.length > 0);
        const more = needing.length
          ? ` Jobs that may need more once you do: ${needing.map((j) => `'${j.id}' (${j.needs.join('; ')})`).join(', ')}.`
          : '';
        const fix = insertFix(ctx.file.text, wf);
        ctx.report({
          range,
          message:
            `No \`permissions:\` for the workflow${bare.length < wf.jobs.length ? ` nor for job${bare.length > 1 ? 's' : ''} ${bare.map((j) => `'${j.id}'`).join(', ')}` : ' or its jobs'}: ` +
            `the token gets the repository default, often read/write to everything, so any compromised step can push code or tamper with releases. Declare \`permissions: contents: read\` at the top and grant write scopes per job.${more}`,
          fixes: fix ? [fix] : [],
        });
        continue;
      }
      if (wfPerm?.kind === 'map') {
        const writes = [...wfPerm.scopes].filter(([, v]) => v.value === 'write');
        const inheriting = wf.jobs.filter((j) => !j.permissions);
        if (writes.length === 0 || inheriting.length < 2) continue;
        for (const [scope, v] of writes) {
          ctx.report({
            range: v.range,
            message: `\`${scope}: write\` at workflow level applies to all ${inheriting.length} jobs without their own \`permissions:\` (${inheriting.map((j) => `'${j.id}'`).join(', ')}). Set it on the jobs that need it and keep the workflow at read.`,
          });
        }
      }
    }
  },
});
