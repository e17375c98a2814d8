// Every `if:` of a workflow or composite action, with where it sits, and edits that replace text inside one.

import { isScalar, type Scalar } from 'yaml';
import type { Range } from '../core/types.js';
import { actionOf, workflowsIn, type Job, type Step, type Workflow } from './github-workflow.js';
import type { SourceFile } from './source-file.js';
import { get, rangeOf } from './yaml-nodes.js';

export interface Condition {
  readonly node: Scalar;
  /** the condition as GitHub reads it (YAML already unquoted and unfolded). */
  readonly value: string;
  readonly wf: Workflow | undefined;
  readonly job: Job | undefined;
  readonly step: Step | undefined;
}

/** Job and step conditions of every workflow document, and step conditions of a composite action. */
export function conditionsOf(file: SourceFile): Condition[] {
  const out: Condition[] = [];
  const add = (node: unknown, wf: Workflow | undefined, job: Job | undefined, step: Step | undefined): void => {
    if (isScalar(node) && typeof node.value === 'string' && node.value.length <= 20_000) out.push({ node, value: node.value, wf, job, step });
  };
  for (const wf of workflowsIn(file)) {
    for (const job of wf.jobs) {
      add(get(job.node, 'if'), wf, job, undefined);
      for (const step of job.steps) add(step.ifNode, wf, job, step);
    }
  }
  if (file.kind === 'github-action') {
    for (const doc of file.yaml?.docs ?? []) {
      const action = actionOf(doc);
      if (action) for (const step of action.steps) add(step.ifNode, undefined, undefined, step);
    }
  }
  return out;
}

/**
 * The file range of `value[start, end)` when the scalar's source spells that text the same way, found as the same
 * occurrence (first, second …) of that text in both; undefined when quoting or folding changed it.
 */
export function sourceRangeOf(text: string, node: Scalar, value: string, start: number, end: number): Range | undefined {
  const r = rangeOf(node);
  if (!r || end <= start) return undefined;
  const needle = value.slice(start, end);
  let k = 0;
  for (let i = value.indexOf(needle); i !== -1 && i < start; i = value.indexOf(needle, i + 1)) k++;
  const src = text.slice(r.start, r.end);
  let at = src.indexOf(needle);
  for (let n = 0; n < k && at !== -1; n++) at = src.indexOf(needle, at + 1);
  if (at === -1) return undefined;
  // The same number of occurrences on both sides, or the k-th could be a different one.
  const count = (s: string): number => s.split(needle).length - 1;
  if (count(src) !== count(value)) return undefined;
  return { start: r.start + at, end: r.start + at + needle.length };
}
