// One secret name used by a production job and a pre-production job of the same workflow, neither scoped by `environment:`.

import type { Range } from '../../core/types.js';
import { deployActionTier, deployTierOfScript, isNonprodName, isProdName, targetsNonprodByName, type Tier } from '../../models/deploy-targets.js';
import { workflowsIn, type Job } from '../../models/github-workflow.js';
import { scriptsByJob } from '../../models/scripts.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule, type RuleContext } from '../define.js';

/** `secrets.NAME` (dot form; the index form `secrets['x']` is rare and left out). */
const SECRET_REF = /\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g;

interface Use {
  readonly name: string;
  readonly range: Range;
}

function tierOf(ctx: RuleContext, job: Job): Tier | undefined {
  const label = [job.id, job.name ?? ''].join(' ');
  const prod = isProdName(label);
  const non = isNonprodName(label);
  if (prod && non) return undefined; // both: a matrix or a promotion job, not one target
  if (prod) return 'prod';
  if (targetsNonprodByName(label)) return 'nonprod';
  // No telling name: the deploy commands and deploy actions decide, when they all agree.
  const tiers = new Set<Tier>();
  for (const s of scriptsByJob(ctx.file.facets.scripts, 'github-run').get(job.id) ?? []) {
    const t = deployTierOfScript(s.text)?.tier;
    if (t) tiers.add(t);
  }
  for (const step of job.steps) {
    const t = deployActionTier(step)?.tier;
    if (t) tiers.add(t);
  }
  return tiers.size === 1 ? [...tiers][0] : undefined;
}

function usesOf(text: string, job: Job): Use[] {
  const r = job.range;
  const body = text.slice(r.start, r.end);
  const out: Use[] = [];
  for (const m of body.matchAll(SECRET_REF)) {
    const name = m[1]!;
    if (name.toUpperCase() === 'GITHUB_TOKEN') continue;
    const start = r.start + m.index!;
    out.push({ name, range: { start, end: start + m[0].length } });
  }
  return out;
}

export default defineRule({
  id: 'shared-environment-secrets',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'low',
  description: 'The same secret is used by production and pre-production jobs without environment-scoped secrets',
  cwe: [653],
  fix: 'none',
  check(ctx) {
    for (const wf of workflowsIn(ctx.file)) {
      // Jobs with `environment:` read environment secrets first; reusable calls pass secrets to jobs we cannot see.
      const judged = wf.jobs.filter((j) => j.uses === undefined && getPair(j.node, 'environment') === undefined);
      const prod: Job[] = [];
      const nonprodSecrets = new Map<string, string>();
      for (const job of judged) {
        const tier = tierOf(ctx, job);
        if (tier === 'prod') prod.push(job);
        else if (tier === 'nonprod') for (const u of usesOf(ctx.file.text, job)) if (!nonprodSecrets.has(u.name)) nonprodSecrets.set(u.name, job.id);
      }
      if (nonprodSecrets.size === 0) continue;
      for (const job of prod) {
        if (!rangeOf(job.key)) continue;
        for (const u of usesOf(ctx.file.text, job)) {
          const other = nonprodSecrets.get(u.name);
          if (other === undefined) continue;
          ctx.report({
            range: u.range,
            message: `Secret '${u.name}' is used both here, in production job '${job.id}', and in pre-production job '${other}', with no \`environment:\` on either: both environments share one credential, so whoever can run or change the pre-production job holds production access. Create separate environments with their own '${u.name}' secret and set \`environment:\` on both jobs.`,
          });
        }
      }
    }
  },
});
