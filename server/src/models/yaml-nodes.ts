// Small, typed helpers for walking `yaml` ASTs while keeping source ranges.

import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq, type Scalar } from 'yaml';
import type { Range } from '../core/types.js';

export type { Node, YAMLMap, YAMLSeq, Scalar };

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

/** Pairs of a map whose key is a plain scalar, with that key as a string. */
export function* entries(node: unknown): Generator<[string, Pair<unknown, unknown>]> {
  const map = asMap(node);
  if (!map) return;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof key === 'string') yield [key, pair];
  }
}

export function getPair(node: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(node)) return undefined;
  // A plain loop: this runs for every key lookup on every keystroke.
  for (const pair of node.items) {
    if (isPair(pair) && isScalar(pair.key) && pair.key.value === key) return pair;
  }
  return undefined;
}

export function get(node: unknown, key: string): unknown {
  return getPair(node, key)?.value;
}

export function rangeOf(node: unknown): Range | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** Items of a sequence (or nothing). */
export function items(node: unknown): readonly unknown[] {
  return asSeq(node)?.items ?? [];
}

/**
 * Range of the characters of a plain or quoted scalar's value inside the text, excluding quotes.
 * For block scalars and escaped strings the whole node range is returned (value offsets differ).
 */
export function valueRange(node: Scalar, text: string): Range {
  const r = rangeOf(node) ?? { start: 0, end: 0 };
  if (node.type === 'PLAIN') return r;
  if (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') {
    const inner = text.slice(r.start + 1, r.end - 1);
    if (typeof node.value === 'string' && inner === node.value) return { start: r.start + 1, end: r.end - 1 };
  }
  return r;
}

/** The map pair whose scalar value contains `offset` (deepest first), with its key, or undefined. */
export function pairAt(docs: readonly { contents: unknown }[], offset: number): { key: string; value: Scalar } | undefined {
  let found: { key: string; value: Scalar } | undefined;
  const walk = (node: unknown): void => {
    const r = rangeOf(node);
    if (!r || offset < r.start || offset > r.end) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const v = pair.value;
        if (isScalar(v)) {
          const vr = rangeOf(v);
          if (vr && offset >= vr.start && offset < vr.end && isScalar(pair.key) && typeof pair.key.value === 'string') {
            found = { key: pair.key.value, value: v };
            return;
          }
        } else walk(v);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    }
  };
  for (const doc of docs) walk(doc.contents);
  return found;
}

/** The innermost scalar (key or value) whose source range contains `offset`, or undefined. */
export function scalarAt(docs: readonly { contents: unknown }[], offset: number): Scalar | undefined {
  const visit = (node: unknown): Scalar | undefined => {
    const r = rangeOf(node);
    if (!r || offset < r.start || offset >= r.end) return undefined;
    if (isScalar(node)) return node;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const hit = visit(pair.key) ?? visit(pair.value);
        if (hit) return hit;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const hit = visit(item);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  for (const doc of docs) {
    const hit = visit(doc.contents);
    if (hit) return hit;
  }
  return undefined;
}
