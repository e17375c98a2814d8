// A job that deploys to production without the environment gate where approvals and protection rules live.

import { isMap, isScalar, type Scalar } from 'yaml';
import type { Fix, Range } from '../../core/types.js';
import { azurePipelines, type AzureJob } from '../../models/azure.js';
import { deployActionTier, deploysToProdByName, deployTierOfScript, environmentTier, isProdName } from '../../models/deploy-targets.js';
import { scalarText, workflowsIn, type Step } from '../../models/github-workflow.js';
import { gitlabPipelines } from '../../models/gitlab.js';
import { scriptsByJob } from '../../models/scripts.js';
import type { Script } from '../../models/source-file.js';
import { addMapEntries } from '../../models/yaml-edit.js';
import { get, getPair, items, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule, type RuleContext } from '../define.js';

interface Evidence {
  /** what shows the job deploys to production, for the message. */
  readonly what: string;
  /** a deploy command (medium) rather than only a name (low). */
  readonly command: boolean;
}

const inside = (r: Range, outer: Range): boolean => r.start >= outer.start && r.end <= outer.end;

function commandEvidence(scripts: readonly Script[]): Evidence | undefined {
  for (const s of scripts) {
    const hit = deployTierOfScript(s.text);
    if (hit?.tier === 'prod') {
      const cmd = s.text.slice(hit.index, hit.index + Math.min(hit.length, 80));
      return { what: `the command \`${cmd}${hit.length > 80 ? '…' : ''}\` deploys to a production target`, command: true };
    }
  }
  return undefined;
}

function actionEvidence(steps: readonly Step[]): Evidence | undefined {
  for (const s of steps) {
    const hit = deployActionTier(s);
    if (hit?.tier === 'prod') return { what: `step \`${s.action}\` has \`${hit.input}: ${hit.value.slice(0, 80)}\``, command: true };
  }
  return undefined;
}

function nameEvidence(names: readonly (string | undefined)[]): Evidence | undefined {
  const n = names.find((x) => deploysToProdByName(x));
  return n === undefined ? undefined : { what: `the name '${n.slice(0, 80)}' says it deploys to production`, command: false };
}

/** An `environment: name: production` stub before `anchor` (GitHub `steps:`, Azure `strategy:`). */
function stubFix(ctx: RuleContext, job: unknown, anchor: string): Fix | undefined {
  const edits = addMapEntries(ctx.file.text, job, 'environment', getPair(job, anchor), [{ name: 'name', value: 'production' }]);
  return edits
    ? { title: 'Add an `environment: production` stub (then configure required reviewers for it in the repository settings)', safety: 'unsafe', edits }
    : undefined;
}

function githubCheck(ctx: RuleContext): void {
  const byJob = scriptsByJob(ctx.file.facets.scripts, 'github-run');
  for (const wf of workflowsIn(ctx.file)) {
    for (const job of wf.jobs) {
      // A reusable-workflow call: its jobs (and their environments) live in the called file, which we cannot see.
      if (job.uses !== undefined || getPair(job.node, 'environment') !== undefined) continue;
      const scripts = (byJob.get(job.id) ?? []).filter((s) => inside(s.range, job.range));
      const ev = commandEvidence(scripts) ?? actionEvidence(job.steps) ?? nameEvidence([job.id, job.name, ...job.steps.map((s) => s.name)]);
      if (!ev) continue;
      const range = rangeOf(job.key);
      if (!range) continue;
      const fix = stubFix(ctx, job.node, 'steps');
      ctx.report({
        range,
        severity: ev.command ? 'medium' : 'low',
        message: `Job '${job.id}' deploys to production (${ev.what}) without an \`environment:\`. Required reviewers, wait timers and branch restrictions are attached to environments, so nothing stops an unreviewed push from reaching production. Add \`environment: production\` and configure its protection rules.`,
        fixes: fix ? [fix] : [],
      });
    }
  }
}

const ENV_ACTIONS_NOT_DEPLOYING = new Set(['stop', 'prepare', 'verify', 'access']);

function isManual(node: unknown): boolean {
  if (scalarText(get(node, 'when')) === 'manual') return true;
  return items(get(node, 'rules')).some((r) => scalarText(get(r, 'when')) === 'manual');
}

function gitlabCheck(ctx: RuleContext): void {
  const byJob = scriptsByJob(ctx.file.facets.scripts, 'gitlab-script');
  for (const p of gitlabPipelines(ctx.file.yaml?.docs ?? [])) {
    for (const job of p.jobs) {
      // Hidden templates, child-pipeline triggers, and jobs that may inherit `environment`/`when` are not judged.
      if (job.hidden || get(job.node, 'trigger') !== undefined || job.extends.length > 0 || !isMap(job.node)) continue;
      const env = get(job.node, 'environment');
      const envName = isMap(env) ? scalarText(get(env, 'name')) : scalarText(env);
      if (isMap(env) && ENV_ACTIONS_NOT_DEPLOYING.has(scalarText(get(env, 'action')) ?? '')) continue;
      const manual = isManual(job.node);
      if (env !== undefined && manual) continue;
      const scripts = (byJob.get(job.name) ?? []).filter((s) => inside(s.range, rangeOf(job.node) ?? s.range));
      const ev =
        commandEvidence(scripts) ??
        (environmentTier(envName) === 'prod' ? { what: `its environment is '${envName!.slice(0, 80)}'`, command: false } : undefined) ??
        nameEvidence([job.name]);
      if (!ev) continue;
      // An environment with a non-production name is someone's explicit choice of target.
      if (envName !== undefined && environmentTier(envName) === 'nonprod') continue;
      const range = rangeOf(job.key);
      if (!range) continue;
      const missing = env === undefined ? (manual ? '`environment:`' : '`environment:` and `when: manual`') : '`when: manual`';
      ctx.report({
        range,
        severity: ev.command ? 'medium' : 'low',
        message: `Job '${job.name}' deploys to production (${ev.what}) without ${missing}, so every pipeline on its branch deploys with no one approving. Give it \`environment: production\` (protect that environment in Settings > CI/CD) and \`when: manual\` (or a \`rules:\` entry with \`when: manual\`).`,
      });
    }
  }
}

function azureCheck(ctx: RuleContext): void {
  const byJob = scriptsByJob(ctx.file.facets.scripts, 'azure-script');
  for (const p of azurePipelines(ctx.file.yaml?.docs ?? [])) {
    const stageOf = new Map<AzureJob, unknown>();
    for (const st of p.stages) for (const j of st.jobs) stageOf.set(j, st.node);
    for (const job of p.jobs) {
      if (!job.deployment || getPair(job.node, 'environment') !== undefined || getPair(job.node, 'template') !== undefined) continue;
      const stage = stageOf.get(job);
      const names = [job.name, scalarText(get(job.node, 'displayName')), scalarText(get(stage, 'stage')), scalarText(get(stage, 'displayName'))];
      const scripts = (byJob.get(job.name) ?? []).filter((s) => inside(s.range, rangeOf(job.node) ?? s.range));
      const prodName = names.find((n) => isProdName(n));
      const ev = commandEvidence(scripts) ?? (prodName !== undefined ? { what: `it is named '${prodName.slice(0, 80)}'`, command: false } : undefined);
      if (!ev) continue;
      const key = getPair(job.node, 'deployment');
      const range = rangeOf(isScalar(key?.value) ? (key.value as Scalar) : key?.key);
      if (!range) continue;
      const fix = stubFix(ctx, job.node, 'strategy');
      ctx.report({
        range,
        severity: ev.command ? 'medium' : 'low',
        message: `Deployment job '${job.name ?? ''}' deploys to production (${ev.what}) without an \`environment:\`. Approvals and checks are attached to environments, so nothing gates this deployment. Add \`environment: production\` and configure approvals on it.`,
        fixes: fix ? [fix] : [],
      });
    }
  }
}

export default defineRule({
  id: 'unprotected-production-deploy',
  family: 'permissions',
  kinds: ['github-workflow', 'gitlab-ci', 'azure-pipelines'],
  severity: 'medium',
  description: 'A job deploys to production without an environment gate (required reviewers, manual approval)',
  cwe: [284],
  fix: 'unsafe',
  check(ctx) {
    if (ctx.file.kind === 'github-workflow') githubCheck(ctx);
    else if (ctx.file.kind === 'gitlab-ci') gitlabCheck(ctx);
    else azureCheck(ctx);
  },
});
