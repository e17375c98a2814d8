// Applying fixes as text edits: non-overlapping selection for "fix all", and application to a string.

import type { Finding, TextEdit } from '../core/types.js';
import { append } from '../core/arrays.js';

/** The edits of every finding's first safe fix, skipping fixes that overlap one already taken. */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safety === 'safe');
    if (!fix || fix.safety !== 'safe') continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    append(taken, fix.edits);
  }
  return taken.sort((a, b) => a.range.start - b.range.start);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point would be ordered arbitrarily: treat them as overlapping.
  if (a.range.start === b.range.start) return true;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}
