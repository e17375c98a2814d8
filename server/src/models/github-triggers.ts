// Which events start a workflow with the base repository's secrets and a write token while an outsider chooses the data.

import { isMap } from 'yaml';
import { entries, get } from './yaml-nodes.js';
import { scalarText, type Trigger, type Workflow } from './github-workflow.js';

/**
 * Events that run in the context of the base repository (its secrets, a token that can write) and that anyone who can
 * open an issue, comment or pull request can cause: a fork's code or text meets privileged credentials here.
 */
export const PRIVILEGED_TRIGGERS: ReadonlySet<string> = new Set([
  'pull_request_target',
  'workflow_run',
  'issue_comment',
  'issues',
  'discussion',
  'discussion_comment',
]);

/** The workflow's privileged triggers, in file order. */
export function privilegedTriggers(wf: Workflow): Trigger[] {
  return wf.triggers.filter((t) => PRIVILEGED_TRIGGERS.has(t.name));
}

export function hasTrigger(wf: Workflow, name: string): boolean {
  return wf.triggers.some((t) => t.name === name);
}

/** A declared `workflow_dispatch` or `workflow_call` input. */
export interface WorkflowInput {
  readonly name: string;
  /** `string`, `boolean`, `number`, `choice`, `environment`; undefined when not written (a string). */
  readonly type: string | undefined;
  readonly source: 'workflow_dispatch' | 'workflow_call';
}

const inputsCache = new WeakMap<Workflow, ReadonlyMap<string, readonly WorkflowInput[]>>();

/** Declared inputs by lower-cased name (one per trigger that declares it). */
export function workflowInputs(wf: Workflow): ReadonlyMap<string, readonly WorkflowInput[]> {
  const hit = inputsCache.get(wf);
  if (hit) return hit;
  const out = new Map<string, WorkflowInput[]>();
  for (const t of wf.triggers) {
    if (t.name !== 'workflow_dispatch' && t.name !== 'workflow_call') continue;
    const inputs = get(t.config, 'inputs');
    if (!isMap(inputs)) continue;
    for (const [name, pair] of entries(inputs)) {
      const key = name.toLowerCase();
      const list = out.get(key) ?? [];
      list.push({ name, type: scalarText(get(pair.value, 'type'))?.toLowerCase(), source: t.name });
      out.set(key, list);
    }
  }
  inputsCache.set(wf, out);
  return out;
}

/** Input types whose values cannot carry shell or script syntax (GitHub checks them against the type or the options). */
const CONSTRAINED_INPUT_TYPES = new Set(['boolean', 'number', 'choice', 'environment']);

/**
 * How far a caller-supplied input is from an outsider: `call` (a reusable workflow's caller may pass event text),
 * `dispatch` (only people with write access dispatch), or undefined when every declaration constrains its values.
 * An input no trigger declares is treated as `dispatch`.
 */
export function inputExposure(wf: Workflow, name: string): 'call' | 'dispatch' | undefined {
  const decls = workflowInputs(wf).get(name.toLowerCase());
  if (!decls || decls.length === 0) return 'dispatch';
  let exposure: 'call' | 'dispatch' | undefined;
  for (const d of decls) {
    if (d.type !== undefined && CONSTRAINED_INPUT_TYPES.has(d.type)) continue;
    if (d.source === 'workflow_call') return 'call';
    exposure = 'dispatch';
  }
  return exposure;
}
