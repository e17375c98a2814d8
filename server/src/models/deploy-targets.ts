// Which environment a job deploys to, judged from names and deploy commands: production-like, pre-production, or unknown.

import { escapeRegExp } from '../core/text.js';
import { memoByString } from '../core/memo.js';

/** `prod`, `production`, `live` as words: not `product`, `produce`, `liveness`. Digits may follow (`prod2`). */
const PROD_WORD = /(?:^|[^a-z])(?:prod|production|live)(?![a-z])/i;
/** Pre-production environment words. */
const NONPROD_WORD = /(?:^|[^a-z])(?:staging|stage|stg|dev|development|test|testing|qa|uat|preview|sandbox|nonprod|non-prod)(?![a-z])/i;
/** Words that name a pre-production environment even without a deploy verb (`test`, `dev` alone are build steps). */
const NONPROD_ENV_WORD = /(?:^|[^a-z])(?:staging|stg|uat|sandbox|nonprod)(?![a-z])/i;
const DEPLOY_VERB = /(?:^|[^a-z])(?:deploy|deployment|deploying|release|rollout|promote|ship|publish)(?![a-z])/i;

const MAX_LINE = 2000;
const MAX_TOKENS = 64;

/** `tool … verb`: the tool, then (anywhere later on the line) one of the verbs. */
const TOOL_VERBS: readonly (readonly [string, readonly string[]])[] = [
  ['kubectl', ['apply', 'rollout', 'set', 'replace', 'patch', 'create', 'scale']],
  ['helm', ['upgrade', 'install']],
  ['helmfile', ['apply', 'sync']],
  ['gcloud', ['deploy']],
  ['terraform', ['apply']],
  ['tofu', ['apply']],
  ['pulumi', ['up']],
];
/** Commands written as consecutive words. */
const SEQUENCES: readonly (readonly string[])[] = [
  ['aws', 'ecs', 'update-service'],
  ['aws', 'lambda', 'update-function-code'],
  ['aws', 'deploy', 'create-deployment'],
  ['az', 'webapp', 'deploy'],
  ['az', 'webapp', 'up'],
  ['az', 'functionapp', 'deploy'],
  ['az', 'containerapp', 'update'],
  ['serverless', 'deploy'],
  ['sls', 'deploy'],
  ['cdk', 'deploy'],
  ['flyctl', 'deploy'],
  ['fly', 'deploy'],
];

const VERCEL = 'vercel';

function tokens(line: string): string[] {
  return line.toLowerCase().split(/[\s;&|()]+/, MAX_TOKENS).filter((t) => t !== '');
}

function hasSequence(tok: readonly string[], seq: readonly string[]): boolean {
  for (let i = 0; i + seq.length <= tok.length; i++) if (seq.every((w, j) => tok[i + j] === w)) return true;
  return false;
}

/** A command that changes a running environment. */
function isDeployCommand(tok: readonly string[]): boolean {
  for (const [tool, verbs] of TOOL_VERBS) {
    const at = tok.indexOf(tool);
    if (at >= 0 && tok.slice(at + 1).some((t) => verbs.includes(t))) return true;
  }
  const vercel = tok.indexOf(VERCEL);
  if (vercel >= 0 && tok.slice(vercel + 1).some((t) => t.startsWith('--prod'))) return true;
  return SEQUENCES.some((seq) => hasSequence(tok, seq));
}

function isTerraformApply(tok: readonly string[]): boolean {
  const at = Math.max(tok.indexOf('terraform'), tok.indexOf('tofu'));
  return at >= 0 && tok.slice(at + 1).includes('apply');
}

/** A line choosing the Terraform target: workspace, `-chdir=`, `-var-file`, or a `cd`. */
function isTerraformTarget(tok: readonly string[]): boolean {
  if (tok.includes('cd')) return true;
  const at = Math.max(tok.indexOf('terraform'), tok.indexOf('tofu'));
  if (at < 0) return false;
  const rest = tok.slice(at + 1);
  const ws = rest.indexOf('workspace');
  if (ws >= 0 && (rest[ws + 1] === 'select' || rest[ws + 1] === 'new')) return true;
  return rest.some((t) => t.startsWith('-chdir=') || t.startsWith('-var-file'));
}

/** The line with `${{ … }}`, `${VAR}` and `$VAR` blanked: their values are unknown. One pass. */
export function blankVariables(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const d = line.indexOf('$', i);
    if (d < 0) {
      out += line.slice(i);
      break;
    }
    out += line.slice(i, d) + ' ';
    if (line.startsWith('${{', d)) {
      const e = line.indexOf('}}', d + 3);
      if (e < 0) break;
      i = e + 2;
    } else if (line[d + 1] === '{') {
      const e = line.indexOf('}', d + 2);
      if (e < 0) break;
      i = e + 1;
    } else {
      let j = d + 1;
      while (j < line.length && /[A-Za-z0-9_]/.test(line[j]!)) j++;
      i = j;
    }
  }
  return out;
}

export type Tier = 'prod' | 'nonprod';

/** Bounded, with camelCase split into words (`DeployProd` → `Deploy Prod`). */
function words(s: string): string {
  return s.slice(0, MAX_LINE).replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}

export function isProdName(s: string | undefined): boolean {
  return s !== undefined && PROD_WORD.test(words(s));
}

export function isNonprodName(s: string | undefined): boolean {
  return s !== undefined && NONPROD_WORD.test(words(s));
}

/** A name that says "deploy to production" (`deploy-prod`, `Release to production`). */
export function deploysToProdByName(s: string | undefined): boolean {
  if (s === undefined) return false;
  const t = words(s);
  return PROD_WORD.test(t) && DEPLOY_VERB.test(t) && !NONPROD_WORD.test(t);
}

/** A name that says "pre-production environment" (`staging`, `deploy-dev`). */
export function targetsNonprodByName(s: string | undefined): boolean {
  if (s === undefined) return false;
  const t = words(s);
  if (PROD_WORD.test(t)) return false;
  return NONPROD_ENV_WORD.test(t) || (NONPROD_WORD.test(t) && DEPLOY_VERB.test(t));
}

/** An environment name (GitHub/GitLab/Azure `environment:`) of a given tier; expressions are unknown. */
export function environmentTier(name: string | undefined): Tier | undefined {
  if (name === undefined || name.includes('${{') || name.includes('$')) return undefined;
  name = words(name);
  const prod = PROD_WORD.test(name);
  const non = NONPROD_WORD.test(name);
  if (prod && !non) return 'prod';
  if (non && !prod) return 'nonprod';
  return undefined;
}

/**
 * Every tool whose name a deploy command has as a word, from the tables isDeployCommand reads (TOOL_VERBS, `vercel`,
 * SEQUENCES' first words): a script without one of them (in any case: `u` folds the Kelvin sign to k as toLowerCase
 * does) has no deploy line, so its lines are not split and tokenized.
 */
export const DEPLOY_TOOL = new RegExp([...new Set([...TOOL_VERBS.map(([tool]) => tool), VERCEL, ...SEQUENCES.map((seq) => seq[0]!)])].map(escapeRegExp).join('|'), 'iu');

type ScriptTier = { readonly tier: Tier; readonly index: number; readonly length: number } | undefined;

/**
 * Answers for script texts that run a deploy tool, by text: three rules ask of every script (and a file of thousands
 * of jobs repeats the same deploy line), and a script the incremental re-parse kept (decision 0006) is the same
 * string on the next keystroke. Only texts up to MEMO_MAX_TEXT characters, so the memo's copies stay under 16 MB (a
 * longer text is asked again: the work is linear in it either way).
 */
const tierOfScript = memoByString(4096, (text): ScriptTier => {
  const found = deployTierOfLines(text);
  return found && Object.freeze(found);
});
const MEMO_MAX_TEXT = 4096;

/** The tier of the deploy commands of a script: the lines (first match wins) that deploy and name a target. */
export function deployTierOfScript(text: string): ScriptTier {
  // Most scripts run no deploy tool at all.
  if (!DEPLOY_TOOL.test(text)) return undefined;
  return text.length > MEMO_MAX_TEXT ? deployTierOfLines(text) : tierOfScript(text);
}

/** deployTierOfScript without the prefilter (exported for its test). */
export function deployTierOfLines(text: string): { tier: Tier; index: number; length: number } | undefined {
  let at = 0;
  let tfTarget: Tier | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
    const start = at;
    at += raw.length + 1;
    const trimmed = line.trimStart();
    if (trimmed.startsWith('#') || trimmed.startsWith('echo ')) continue;
    // Shell variables are unknown: `--context $KUBE_CONTEXT` names nothing.
    const known = blankVariables(line);
    const tok = tokens(known);
    if (isTerraformTarget(tok)) {
      const t = environmentTier(known);
      if (t) tfTarget = t;
    }
    if (!isDeployCommand(tok)) continue;
    const tier = environmentTier(known) ?? (isTerraformApply(tok) ? tfTarget : undefined);
    if (tier) {
      const lead = line.length - trimmed.length;
      return { tier, index: start + lead, length: trimmed.trimEnd().length };
    }
  }
  return undefined;
}

/** A deploy action (`azure/webapps-deploy`, `aws-actions/amazon-ecs-deploy-task-definition`, `google-github-actions/deploy-cloudrun` …) and the literal input naming its target. */
export function deployActionTier(step: {
  readonly action: string | undefined;
  readonly with: readonly { readonly name: string; readonly value: string | undefined }[];
}): { tier: Tier; input: string; value: string } | undefined {
  if (step.action === undefined || !/(?:^|[^a-z])deploy(?![a-z])/.test(step.action)) return undefined;
  for (const w of step.with) {
    if (w.value === undefined || w.value.length > 200) continue;
    const tier = environmentTier(w.value);
    if (tier) return { tier, input: w.name, value: w.value };
  }
  return undefined;
}
