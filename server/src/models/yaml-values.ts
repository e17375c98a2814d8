// Scalar values as text, and `KEY: value` entries of maps (`env:`, `with:`, `variables:`), shared by the pipeline models.

import { isScalar, type Pair, type Scalar } from 'yaml';
import { entries } from './yaml-nodes.js';

/** A scalar's value as a string (booleans and numbers too, as YAML wrote them), or undefined. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return node.source ?? String(v);
  return undefined;
}

/** One `KEY: value` of an `env:`, `with:`, `outputs:` or `variables:` map. */
export interface Entry {
  readonly name: string;
  readonly pair: Pair<unknown, unknown>;
  readonly key: Scalar;
  readonly valueNode: unknown;
  /** the value as text when it is a scalar; undefined for maps, sequences and nulls. */
  readonly value: string | undefined;
}

export function entryList(node: unknown): Entry[] {
  const out: Entry[] = [];
  for (const [name, pair] of entries(node)) {
    out.push({ name, pair, key: pair.key as Scalar, valueNode: pair.value, value: scalarText(pair.value) });
  }
  return out;
}

/** A YAML truthy value as written in `env:`/`variables:` (`true`, `'true'`, `1`, `yes`, `on`), case-insensitive. */
export function isTruthy(value: string | undefined): boolean {
  return value !== undefined && /^(true|1|yes|on)$/i.test(value.trim());
}
