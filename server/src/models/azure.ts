// Typed views over Azure Pipelines: stages, jobs and steps in every nesting form, variables in map and list form, checkouts.

import { isMap, isScalar, isSeq, type Document, type Scalar } from 'yaml';
import { entryList, scalarText, type Entry } from './yaml-values.js';
import { entries, get, getPair } from './yaml-nodes.js';

export interface AzureVariable {
  readonly name: string;
  /** the name's node (map key, or the `name:` value of the list form). */
  readonly nameNode: unknown;
  readonly valueNode: unknown;
  readonly value: string | undefined;
}

export type AzureStepKind = 'script' | 'bash' | 'powershell' | 'pwsh' | 'checkout' | 'task' | 'template' | 'other';

export interface AzureStep {
  readonly node: unknown;
  readonly kind: AzureStepKind;
  /** the scalar of `script:`/`bash:`/`powershell:`/`pwsh:`, `checkout:`, `task:` or `template:`. */
  readonly main: Scalar | undefined;
  /** `inputs:` of a task. */
  readonly inputs: readonly Entry[];
  readonly env: readonly Entry[];
  /** the inline script of a shell step or of a Bash/PowerShell/CmdLine task. */
  readonly script: Scalar | undefined;
  /** the shell the script runs in: bash, pwsh, powershell, cmd, or `default` (cmd on Windows, bash elsewhere). */
  readonly shell: 'bash' | 'pwsh' | 'powershell' | 'cmd' | 'default' | undefined;
  /** the job (or deployment) holding the step. */
  readonly job: string | undefined;
}

export interface AzureJob {
  readonly name: string | undefined;
  readonly node: unknown;
  readonly deployment: boolean;
  readonly variables: readonly AzureVariable[];
  readonly steps: readonly AzureStep[];
  readonly pool: unknown;
}

export interface AzureStage {
  readonly name: string | undefined;
  readonly node: unknown;
  readonly variables: readonly AzureVariable[];
  readonly jobs: readonly AzureJob[];
}

export interface AzurePipeline {
  readonly doc: Document.Parsed;
  readonly variables: readonly AzureVariable[];
  readonly stages: readonly AzureStage[];
  /** every job, whether under `stages:`, top-level `jobs:`, or the implicit job of top-level `steps:`. */
  readonly jobs: readonly AzureJob[];
  /** every step anywhere (including deployment strategies and conditional blocks). */
  readonly steps: readonly AzureStep[];
  readonly pool: unknown;
}

/** Variables in map form (`name: value`) or list form (`- name: x\n  value: y`; `group:`/`template:` items are skipped). */
export function azureVariables(node: unknown): AzureVariable[] {
  const out: AzureVariable[] = [];
  if (isMap(node)) {
    for (const e of entryList(node)) out.push({ name: e.name, nameNode: e.key, valueNode: e.valueNode, value: e.value });
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const name = scalarText(get(item, 'name'));
      if (name === undefined) continue;
      const valueNode = get(item, 'value');
      out.push({ name, nameNode: get(item, 'name'), valueNode, value: scalarText(valueNode) });
    }
  }
  return out;
}

const SHELL_KEYS: readonly AzureStepKind[] = ['script', 'bash', 'powershell', 'pwsh'];

function stepOf(node: unknown, job: string | undefined): AzureStep {
  let kind: AzureStepKind = 'other';
  let main: Scalar | undefined;
  for (const k of [...SHELL_KEYS, 'checkout', 'task', 'template'] as const) {
    const v = get(node, k);
    if (v !== undefined) {
      kind = k;
      main = isScalar(v) ? v : undefined;
      break;
    }
  }
  const inputs = entryList(get(node, 'inputs'));
  let script: Scalar | undefined;
  let shell: AzureStep['shell'];
  if (kind === 'script' || kind === 'bash' || kind === 'powershell' || kind === 'pwsh') {
    script = main;
    shell = kind === 'script' ? 'default' : kind;
  } else if (kind === 'task') {
    const task = scalarText(main) ?? '';
    const inline = inputs.find((i) => i.name === 'script' || i.name === 'inlineScript');
    const type = inputs.find((i) => i.name === 'targetType')?.value;
    if (inline && isScalar(inline.valueNode) && (type === undefined || type.toLowerCase() === 'inline')) {
      if (/^bash@/i.test(task)) shell = 'bash';
      else if (/^powershell@/i.test(task)) shell = inputs.find((i) => i.name === 'pwsh')?.value === 'true' ? 'pwsh' : 'powershell';
      else if (/^cmdline@/i.test(task)) shell = 'default';
      if (shell) script = inline.valueNode;
    }
  }
  return { node, kind, main, inputs, env: entryList(get(node, 'env')), script, shell, job };
}

/** Steps of a `steps:` sequence; `- ${{ if … }}:` items hold more steps. */
function stepsFromSeq(seq: unknown, job: string | undefined, out: AzureStep[], depth: number): void {
  if (!isSeq(seq) || depth > 16) return;
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const first = item.items[0]?.key;
    if (isScalar(first) && typeof first.value === 'string' && first.value.startsWith('${{')) {
      for (const p of item.items) stepsFromSeq(p.value, job, out, depth + 1);
      continue;
    }
    out.push(stepOf(item, job));
  }
}

/** Steps of every `steps:` list at or below a node (jobs, deployment strategies, templates). */
function collectSteps(node: unknown, job: string | undefined, out: AzureStep[], depth: number): void {
  if (depth > 32) return;
  if (isSeq(node)) {
    for (const item of node.items) collectSteps(item, job, out, depth + 1);
    return;
  }
  if (!isMap(node)) return;
  // A job (or deployment) names the steps below it.
  const here = scalarText(get(node, 'job')) ?? scalarText(get(node, 'deployment')) ?? job;
  for (const [key, pair] of entries(node)) {
    if (key === 'steps' && isSeq(pair.value)) stepsFromSeq(pair.value, here, out, 0);
    else if (key !== 'variables' && typeof pair.value === 'object' && pair.value !== null) collectSteps(pair.value, here, out, depth + 1);
  }
}

function jobOf(node: unknown): AzureJob {
  const name = scalarText(get(node, 'job')) ?? scalarText(get(node, 'deployment'));
  const steps: AzureStep[] = [];
  collectSteps(node, name, steps, 0);
  return {
    name,
    node,
    deployment: get(node, 'deployment') !== undefined,
    variables: azureVariables(get(node, 'variables')),
    steps,
    pool: get(node, 'pool'),
  };
}

function jobsOf(seq: unknown): AzureJob[] {
  if (!isSeq(seq)) return [];
  return seq.items.filter((j) => isMap(j) && (getPair(j, 'job') || getPair(j, 'deployment'))).map(jobOf);
}

/** The pipeline view of one document, or undefined when it is not a mapping. */
export function azurePipelineOf(doc: Document.Parsed): AzurePipeline | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const stages: AzureStage[] = [];
  const seq = get(root, 'stages');
  if (isSeq(seq)) {
    for (const s of seq.items) {
      if (!isMap(s) || !getPair(s, 'stage')) continue;
      stages.push({ name: scalarText(get(s, 'stage')), node: s, variables: azureVariables(get(s, 'variables')), jobs: jobsOf(get(s, 'jobs')) });
    }
  }
  const jobs = [...stages.flatMap((s) => s.jobs), ...jobsOf(get(root, 'jobs'))];
  if (isSeq(get(root, 'steps'))) {
    const steps: AzureStep[] = [];
    stepsFromSeq(get(root, 'steps'), undefined, steps, 0);
    jobs.push({ name: undefined, node: root, deployment: false, variables: [], steps, pool: get(root, 'pool') });
  }
  // Steps anywhere (templates may hold bare `steps:` under parameters or other shapes).
  const steps: AzureStep[] = [];
  collectSteps(root, undefined, steps, 0);
  return { doc, variables: azureVariables(get(root, 'variables')), stages, jobs, steps, pool: get(root, 'pool') };
}

export function azurePipelines(docs: readonly Document.Parsed[]): AzurePipeline[] {
  return docs.map(azurePipelineOf).filter((p): p is AzurePipeline => p !== undefined);
}

/** Every variable of the pipeline: root, stages and jobs. */
export function allAzureVariables(p: AzurePipeline): AzureVariable[] {
  return [...p.variables, ...p.stages.flatMap((s) => s.variables), ...p.jobs.flatMap((j) => j.variables)];
}
