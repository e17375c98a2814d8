// GitHub App installation tokens minted without limits: every permission of the app, every repository of an owner, no revocation.

import { isScalar } from 'yaml';
import type { Fix } from '../../core/types.js';
import { actionOf, workflowsIn, type Entry, type Job, type Step } from '../../models/github-workflow.js';
import { actionTokenScopes, type Level } from '../../models/token-needs.js';
import { addMapEntries } from '../../models/yaml-edit.js';
import { rangeOf, valueRange } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const CREATE = 'actions/create-github-app-token';
const TIBDEX = 'tibdex/github-app-token';

const withEntry = (step: Step, name: string): Entry | undefined => step.with.find((w) => w.name === name);

/** Later steps of the job that read `steps.<id>.outputs.token`, and whether something we cannot follow reads it. */
function tokenConsumers(job: Job | undefined, steps: readonly Step[], step: Step): { steps: Step[]; opaque: boolean } {
  if (!step.id) return { steps: [], opaque: true };
  const needle = new RegExp(`\\bsteps\\.${step.id.replace(/[^\w-]/g, '')}\\.outputs\\.token\\b`, 'i');
  const reads = (e: readonly Entry[]): boolean => e.some((x) => x.value !== undefined && needle.test(x.value));
  const out: Step[] = [];
  let opaque = job !== undefined && reads(job.outputs);
  for (const s of steps) {
    if (s.index <= step.index) continue;
    const run = isScalar(s.run) && typeof s.run.value === 'string' ? s.run.value : '';
    if (needle.test(run) || reads(s.env)) opaque = true;
    else if (reads(s.with)) out.push(s);
  }
  return { steps: out, opaque };
}

/**
 * `permission-<scope>: <level>` inputs for what the token's consumers need, when every consumer is an action whose needs
 * are documented; undefined otherwise (a script, an unknown action, a checkout whose credentials later scripts use).
 */
function permissionFix(text: string, job: Job | undefined, steps: readonly Step[], step: Step): Fix | undefined {
  const { steps: consumers, opaque } = tokenConsumers(job, steps, step);
  if (opaque || consumers.length === 0) return undefined;
  const need = new Map<string, Level>();
  for (const c of consumers) {
    if (c.action === 'actions/checkout') return undefined;
    const scopes = actionTokenScopes(c);
    if (!scopes) return undefined;
    for (const [k, v] of scopes) if (need.get(k) !== 'write') need.set(k, v);
  }
  if (need.size === 0) return undefined;
  const add = [...need].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => ({ name: `permission-${k}`, value: v }));
  const edits = addMapEntries(text, step.node, 'with', undefined, add);
  if (!edits) return undefined;
  return {
    title: `Limit the token to what ${consumers.map((c) => c.action).join(', ')} need${consumers.length === 1 ? 's' : ''}: ${add.map((a) => `${a.name}: ${a.value}`).join(', ')}`,
    safety: 'unsafe',
    edits,
  };
}

export default defineRule({
  id: 'overscoped-app-token',
  family: 'permissions',
  kinds: ['github-workflow', 'github-action'],
  severity: 'medium',
  description: 'GitHub App token minted with all of the app\'s permissions, for all of an owner\'s repositories, or kept alive after the job',
  cwe: [250, 272, 613],
  fix: 'unsafe',
  check(ctx) {
    const text = ctx.file.text;
    const groups: { job: Job | undefined; steps: readonly Step[] }[] = [];
    for (const wf of workflowsIn(ctx.file)) for (const job of wf.jobs) groups.push({ job, steps: job.steps });
    if (ctx.file.kind === 'github-action') {
      for (const doc of ctx.file.yaml?.docs ?? []) {
        const action = actionOf(doc);
        if (action) groups.push({ job: undefined, steps: action.steps });
      }
    }
    for (const { job, steps } of groups) {
      for (const step of steps) {
        if (step.action !== CREATE && step.action !== TIBDEX) continue;
        const usesRange = step.uses ? valueRange(step.uses, text) : undefined;
        if (!usesRange) continue;
        // `with: ${{ fromJSON(…) }}` or no map at all with inputs we cannot see: only a missing `with:` is known.
        if (step.withNode !== undefined && step.withNode !== null && step.with.length === 0) continue;
        const label = step.name ? `Step '${step.name}'` : `The ${step.action} step`;
        if (step.action === CREATE) {
          if (!step.with.some((w) => w.name.startsWith('permission-'))) {
            const fix = permissionFix(text, job, steps, step);
            ctx.report({
              range: usesRange,
              message:
                `${label} sets no \`permission-*\` input, so the token it mints carries every permission the GitHub App was granted: any step or tool that sees the token (or leaks it) can do all the app can. ` +
                'Add `permission-<scope>: read|write` inputs for just what the job does with the token (for example `permission-contents: read`).',
              fixes: fix ? [fix] : [],
            });
          }
          const owner = withEntry(step, 'owner');
          if (owner && !withEntry(step, 'repositories')) {
            const r = rangeOf(owner.key);
            if (r) {
              ctx.report({
                range: r,
                message:
                  `${label} sets \`owner:\` without \`repositories:\`, so the token reaches every repository of that owner the app is installed on, not just the ones the job works on. ` +
                  'List them in `repositories:` (comma- or newline-separated).',
              });
            }
          }
          const skip = withEntry(step, 'skip-token-revoke');
          if (skip && isScalar(skip.valueNode) && /^true$/i.test(skip.value?.trim() ?? '')) {
            const vr = valueRange(skip.valueNode, text);
            ctx.report({
              range: vr,
              message:
                `${label} sets \`skip-token-revoke: true\`: the token is not revoked when the job ends and stays valid for up to an hour, for anyone who got hold of it (a log, an artifact, a compromised later step). ` +
                'Remove it, or mint a fresh token in each job that needs one.',
              fixes: [{ title: 'Revoke the token at the end of the job (`skip-token-revoke: false`)', safety: 'unsafe', edits: [{ range: vr, newText: 'false' }] }],
            });
          }
        } else if (!withEntry(step, 'permissions')) {
          ctx.report({
            range: usesRange,
            message:
              `${label} sets no \`permissions:\` input, so the token carries every permission the GitHub App was granted. ` +
              'Pass `permissions:` (a JSON object such as `{"contents": "read"}`) with just what the job needs;',
          });
        }
      }
    }
  },
});
