// Where a workflow reads the `secrets` context: every `${{ }}` under a node, with source ranges and the shape of the read.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Range } from '../core/types.js';
import { findExpressions } from './github-expressions.js';
import { scalarText } from './yaml-values.js';
import { rangeOf } from './yaml-nodes.js';
import { matchesOf } from '../core/regex.js';

export interface SecretRead {
  /** `NAME` of `secrets.NAME` / `secrets['NAME']`; undefined for a dynamic index or the whole context. */
  readonly name: string | undefined;
  readonly kind: 'named' | 'dynamic' | 'whole';
  /** the `${{ … }}` expression it sits in, in the source when it could be located, else the scalar. */
  readonly range: Range;
  /** the text between the braces, trimmed. */
  readonly inner: string;
  /** the scalar holding the expression. */
  readonly node: unknown;
}

/** `secrets.NAME`, `secrets['NAME']`, `secrets["NAME"]`, `secrets[<anything else>]`, and a bare `secrets`. */
const SECRET_ACCESS = /(?<![\w.-])secrets(?:\.([A-Za-z_][A-Za-z0-9_-]*)|\s*\[\s*(?:'([^'\]]*)'|"([^"\]]*)")\s*\]|\s*(\[)|(?![\w.-]))/gi;
/** Strings in expressions: `'…'` with `''` escapes. */
const STRING = /'(?:[^']|'')*'/g;

/** The reads of `secrets` in one expression's inner text (strings blanked so `'secrets.X'` is not a read). */
export function secretAccesses(inner: string): { name: string | undefined; kind: SecretRead['kind'] }[] {
  if (inner.length > 4000 || !/secrets/i.test(inner)) return [];
  // Blank string literals, except those directly inside `secrets[...]`, which name the secret.
  const blanked = inner.replace(STRING, (s, offset: number) => (/secrets\s*\[\s*$/i.test(inner.slice(Math.max(0, offset - 20), offset)) ? s : ' '.repeat(s.length)));
  const out: { name: string | undefined; kind: SecretRead['kind'] }[] = [];
  for (const m of matchesOf(SECRET_ACCESS, blanked)) {
    const name = m[1] ?? m[2] ?? m[3];
    if (name !== undefined) out.push({ name, kind: 'named' });
    else if (m[4] !== undefined) out.push({ name: undefined, kind: 'dynamic' });
    else out.push({ name: undefined, kind: 'whole' });
  }
  return out;
}

/**
 * Every scalar (keys too, unless `keys` is false) under a node whose text passes `keep` (all, without it), in document
 * order, bounded in depth. A list: the nested generators it was made of resumed every level of the tree for each
 * scalar; the filter keeps a rule that wants a few scalars from allocating an entry for each of the others.
 */
export function scalarsUnder(node: unknown, keys = true, keep?: (text: string) => boolean): { text: string; node: unknown }[] {
  const out: { text: string; node: unknown }[] = [];
  collectScalars(node, 0, keys, keep, out);
  return out;
}

function collectScalars(node: unknown, depth: number, keys: boolean, keep: ((text: string) => boolean) | undefined, out: { text: string; node: unknown }[]): void {
  if (depth > 40) return;
  if (isScalar(node)) {
    const t = scalarText(node);
    if (t !== undefined && (keep === undefined || keep(t))) out.push({ text: t, node });
  } else if (isMap(node)) {
    for (const p of node.items) {
      if (keys) collectScalars(p.key, depth + 1, keys, keep, out);
      collectScalars(p.value, depth + 1, keys, keep, out);
    }
  } else if (isSeq(node)) {
    for (const it of node.items) collectScalars(it, depth + 1, keys, keep, out);
  }
}

/** The source range of an expression found in a scalar's value: exact when its text occurs in the scalar's source. */
export function expressionRange(text: string, node: unknown, raw: string, from = 0): Range {
  const r = rangeOf(node) ?? { start: 0, end: 0 };
  const at = text.slice(r.start, r.end).indexOf(raw, from);
  return at === -1 ? r : { start: r.start + at, end: r.start + at + raw.length };
}

/** Every read of the `secrets` context under `node`, in source order. */
export function secretReads(text: string, node: unknown): SecretRead[] {
  const out: SecretRead[] = [];
  for (const s of scalarsUnder(node)) {
    if (s.text.length > 100_000 || !/secrets/i.test(s.text)) continue;
    let from = 0;
    for (const e of findExpressions(s.text)) {
      const raw = s.text.slice(e.start, e.end);
      const range = expressionRange(text, s.node, raw, from);
      const r = rangeOf(s.node);
      if (r && range.start > r.start) from = range.end - r.start;
      for (const a of secretAccesses(e.inner)) out.push({ ...a, range, inner: e.inner, node: s.node });
    }
  }
  return out;
}
