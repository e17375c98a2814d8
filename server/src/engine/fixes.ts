// Applying fixes as text edits: non-overlapping selection for "fix all", and application to a string.

import type { Finding, TextEdit } from '../core/types.js';

/** The edits of every finding's first safe fix, skipping fixes that overlap one already taken. */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  const fixes: (readonly TextEdit[])[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safety === 'safe');
    if (fix && fix.safety === 'safe') fixes.push(fix.edits);
  }
  const taken = new TakenEdits(fixes.flat());
  const out: TextEdit[] = [];
  for (const edits of fixes) {
    if (edits.some((e) => taken.overlaps(e))) continue;
    for (const e of edits) {
      taken.add(e);
      out.push(e);
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
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

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}
