// Applying fixes as text edits: non-overlapping selection for "fix all", and application to a string.

import type { Finding, TextEdit } from '../core/types.js';

export interface FixSelection {
  /** sorted by position, non-overlapping. */
  readonly edits: TextEdit[];
  /** the findings whose fix is in `edits`, in their order. */
  readonly fixed: Finding[];
}

/**
 * One fix per finding, in the findings' order: the first safe fix, or with `unsafe` the first unsafe one when there
 * is no safe one. A fix whose edits overlap a fix already taken is left for a later pass. Fixes that need a network
 * lookup are never taken.
 */
export function selectFixes(findings: readonly Finding[], unsafe = false): FixSelection {
  const candidates: { finding: Finding; edits: readonly TextEdit[] }[] = [];
  for (const f of findings) {
    let fix = f.fixes.find((x) => x.safety === 'safe');
    if (!fix && unsafe) fix = f.fixes.find((x) => x.safety === 'unsafe');
    if (!fix || fix.safety === 'needs-network') continue;
    candidates.push({ finding: f, edits: fix.edits });
  }
  const taken = new TakenEdits(candidates.flatMap((c) => c.edits));
  const edits: TextEdit[] = [];
  const fixed: Finding[] = [];
  for (const c of candidates) {
    if (c.edits.some((e) => taken.overlaps(e))) continue;
    for (const e of c.edits) {
      taken.add(e);
      edits.push(e);
    }
    fixed.push(c.finding);
  }
  return { edits: edits.sort((a, b) => a.range.start - b.range.start), fixed };
}

/** The edits of every finding's first safe fix, skipping fixes that overlap one already taken. */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  return selectFixes(findings).edits;
}

/**
 * The edits taken so far, asked whether a new one overlaps any of them (see `overlaps`): a Fenwick tree of the
 * largest end among taken edits by start, and the set of taken starts, over the starts of every candidate edit. A
 * "fix all" of tens of thousands of findings compared each edit with every taken one before (quadratic).
 */
class TakenEdits {
  private readonly starts: number[];
  private readonly maxEnd: number[];
  private readonly startsTaken = new Set<number>();

  constructor(all: readonly TextEdit[]) {
    this.starts = [...new Set(all.map((e) => e.range.start))].sort((a, b) => a - b);
    this.maxEnd = new Array<number>(this.starts.length + 1).fill(-Infinity);
  }

  /** how many candidate starts are below `x`. */
  private below(x: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  overlaps(e: TextEdit): boolean {
    // Two insertions at the same point would be ordered arbitrarily: the same start counts as overlapping.
    if (this.startsTaken.has(e.range.start)) return true;
    // Some taken t with t.start < e.end and t.end > e.start.
    let end = -Infinity;
    for (let i = this.below(e.range.end); i > 0; i -= i & -i) end = Math.max(end, this.maxEnd[i]!);
    return end > e.range.start;
  }

  add(e: TextEdit): void {
    this.startsTaken.add(e.range.start);
    for (let i = this.below(e.range.start) + 1; i <= this.starts.length; i += i & -i) this.maxEnd[i] = Math.max(this.maxEnd[i]!, e.range.end);
  }
}

/**
 * Applies non-overlapping edits (any order) to `text`, in one pass. Insertions at the same point end up in reverse
 * order of the list, as if each edit were applied to the text in turn from the last one.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.range.start - b.e.range.start || b.i - a.i).map((x) => x.e);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, Math.max(at, e.range.start)) + e.newText;
    at = Math.max(at, e.range.end);
  }
  return out + text.slice(at);
}
