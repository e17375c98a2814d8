// GitHub Actions views: the `uses:` references of workflows (steps and reusable-workflow jobs) and composite actions.

import { isScalar, type Document, type Scalar } from 'yaml';
import { entries, get, items } from './yaml-nodes.js';

export interface UsesNode {
  readonly node: Scalar;
  readonly value: string;
  /** a step's `uses:` or a job's (reusable workflow). */
  readonly level: 'step' | 'job';
}

function usesOf(holder: unknown, level: UsesNode['level'], out: UsesNode[]): void {
  const node = get(holder, 'uses');
  if (isScalar(node) && typeof node.value === 'string') out.push({ node, value: node.value, level });
}

export function workflowUses(doc: Document.Parsed): UsesNode[] {
  const out: UsesNode[] = [];
  for (const [, job] of entries(get(doc.contents, 'jobs'))) {
    usesOf(job.value, 'job', out);
    for (const step of items(get(job.value, 'steps'))) usesOf(step, 'step', out);
  }
  return out;
}

export function actionUses(doc: Document.Parsed): UsesNode[] {
  const out: UsesNode[] = [];
  for (const step of items(get(get(doc.contents, 'runs'), 'steps'))) usesOf(step, 'step', out);
  return out;
}
