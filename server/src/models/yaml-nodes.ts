// Small, typed helpers for walking `yaml` ASTs while keeping source ranges.

import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq, type Scalar } from 'yaml';
import { SpanIndexCache } from '../core/spans.js';
import type { Range } from '../core/types.js';
import { sliceEquals } from '../core/text.js';

export type { Node, YAMLMap, YAMLSeq, Scalar };

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

/** Pairs of a map whose key is a plain scalar, with that key as a string. A list (a generator cost more per entry). */
export function entries(node: unknown): [string, Pair<unknown, unknown>][] {
  const out: [string, Pair<unknown, unknown>][] = [];
  const map = asMap(node);
  if (!map) return out;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof key === 'string') out.push([key, pair]);
  }
  return out;
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

/**
 * Whether some scalar parsed from YAML `text` (key or value) can contain `word`, a string or a pattern that matches
 * only text without blanks and line breaks (`secrets`, /fromjson/i). A scalar's value is its source characters, with
 * line breaks and indentation folded into spaces or kept, except for the escapes of a double-quoted scalar, which
 * all start with a backslash: so a text without a backslash holds the word itself. One pass over the text: call it
 * once per file, not per node.
 */
export function yamlMayContain(text: string, word: string | RegExp): boolean {
  if (text.includes('\\')) return true;
  return typeof word === 'string' ? text.includes(word) : word.test(text);
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
    if (typeof node.value === 'string' && sliceEquals(text, r.start + 1, r.end - 1, node.value)) return { start: r.start + 1, end: r.end - 1 };
  }
  return r;
}

/** The span of a map pair (key and value together) or of a node, for the position indexes below. */
function spanOf(item: unknown): { start: number; end: number } | undefined {
  if (isPair(item)) {
    const k = rangeOf(item.key);
    const v = rangeOf(item.value);
    if (!k) return v;
    if (!v) return k;
    return { start: Math.min(k.start, v.start), end: Math.max(k.end, v.end) };
  }
  return rangeOf(item);
}

/**
 * Children of big maps and sequences by position (see core/spans.ts), one cache per parse (its list of documents).
 * Not one for all: an incremental re-parse (parsers/yaml-incremental.ts) keeps the maps around the edit, their item
 * lists included, and moves or replaces their children in place — an index made for the previous version would skip
 * the child that now holds an offset. Every parse, incremental or full, has a new list of documents.
 */
const CHILD_INDEXES = new WeakMap<readonly unknown[], SpanIndexCache<unknown>>();
const DOCS = new SpanIndexCache<{ contents: unknown }>((d) => rangeOf(d.contents));

function childIndexes(docs: readonly unknown[]): SpanIndexCache<unknown> {
  let cache = CHILD_INDEXES.get(docs);
  if (!cache) CHILD_INDEXES.set(docs, (cache = new SpanIndexCache<unknown>(spanOf)));
  return cache;
}

/** The documents that may hold `offset`, in order (a binary search over a long stream, all of a short one). */
export function documentsAround<T extends { contents: unknown }>(docs: readonly T[], offset: number): readonly T[] {
  const [from, to] = DOCS.range(docs, offset);
  return from === 0 && to === docs.length ? docs : docs.slice(from, to);
}

/**
 * The map pair whose scalar value contains `offset` (deepest first), with its key, or undefined. Position lookups
 * run once per finding: only the children whose span can hold `offset` are visited, so a lookup in a map of
 * 200,000 keys or a stream of 500,000 documents is a binary search, not a scan.
 */
export function pairAt(docs: readonly { contents: unknown }[], offset: number): { key: string; value: Scalar } | undefined {
  let found: { key: string; value: Scalar } | undefined;
  const children = childIndexes(docs);
  const walk = (node: unknown): void => {
    const r = rangeOf(node);
    if (!r || offset < r.start || offset > r.end) return;
    if (isMap(node)) {
      const [from, to] = children.range(node.items, offset);
      for (let i = from; i < to; i++) {
        const pair = node.items[i];
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
      const [from, to] = children.range(node.items, offset);
      for (let i = from; i < to; i++) walk(node.items[i]);
    }
  };
  const [from, to] = DOCS.range(docs, offset);
  for (let i = from; i < to; i++) walk(docs[i]!.contents);
  return found;
}

/** The innermost scalar (key or value) whose source range contains `offset`, or undefined (a binary search, like pairAt). */
export function scalarAt(docs: readonly { contents: unknown }[], offset: number): Scalar | undefined {
  const children = childIndexes(docs);
  const visit = (node: unknown): Scalar | undefined => {
    const r = rangeOf(node);
    if (!r || offset < r.start || offset >= r.end) return undefined;
    if (isScalar(node)) return node;
    if (isMap(node)) {
      const [from, to] = children.range(node.items, offset);
      for (let i = from; i < to; i++) {
        const pair = node.items[i];
        if (!isPair(pair)) continue;
        const hit = visit(pair.key) ?? visit(pair.value);
        if (hit) return hit;
      }
    } else if (isSeq(node)) {
      const [from, to] = children.range(node.items, offset);
      for (let i = from; i < to; i++) {
        const hit = visit(node.items[i]);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  const [from, to] = DOCS.range(docs, offset);
  for (let i = from; i < to; i++) {
    const hit = visit(docs[i]!.contents);
    if (hit) return hit;
  }
  return undefined;
}
