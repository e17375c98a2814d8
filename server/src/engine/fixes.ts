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
  const taken = new TakenEdits();
  const fixed: Finding[] = [];
  for (const f of findings) {
    let fix = f.fixes.find((x) => x.safety === 'safe');
    if (!fix && unsafe) fix = f.fixes.find((x) => x.safety === 'unsafe');
    if (!fix || fix.safety === 'needs-network') continue;
    if (fix.edits.some((e) => taken.overlaps(e))) continue;
    for (const e of fix.edits) taken.add(e);
    fixed.push(f);
  }
  return { edits: taken.sorted, fixed };
}

/** The edits of every finding's first safe fix, skipping fixes that overlap one already taken. */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  return selectFixes(findings).edits;
}

/**
 * Non-overlapping edits kept sorted by start: an edit overlaps the set only if it overlaps its neighbour on either
 * side, so each check is a binary search. Two insertions at the same point count as overlapping (their order would
 * be arbitrary).
 */
class TakenEdits {
  readonly sorted: TextEdit[] = [];

  overlaps(e: TextEdit): boolean {
    const i = this.firstAtOrAfter(e.range.start);
    const next = this.sorted[i];
    if (next && (next.range.start === e.range.start || next.range.start < e.range.end)) return true;
    const prev = this.sorted[i - 1];
    return !!prev && prev.range.end > e.range.start;
  }

  add(e: TextEdit): void {
    const i = this.firstAtOrAfter(e.range.start);
    if (i === this.sorted.length) this.sorted.push(e);
    else this.sorted.splice(i, 0, e);
  }

  private firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.range.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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
