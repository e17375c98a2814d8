// Baselines: recognising findings that were already known, by their content and not their line numbers.
//
// A fingerprint is a hash of the rule id, the file's path, the matched text and the text of the line(s)
// holding it, with whitespace normalized. Lines inserted above or below a finding leave it unchanged;
// editing the finding's own line changes it. The engine does not hash (it imports nothing from Node):
// callers pass the hash function, SHA-256 in the CLI and the server (workspace/baseline-file.ts).

import type { Range } from '../core/types.js';

export type Hasher = (material: string) => string;

export const BASELINE_VERSION = 1;
/** Name of the baseline file the editor reads at a workspace folder's root. */
export const BASELINE_FILE_NAME = '.forewarn-baseline.json';

export interface BaselineEntry {
  readonly ruleId: string;
  /** relative to the baseline file's folder, `/`-separated. */
  readonly path: string;
  readonly fingerprint: string;
}

export interface Baseline {
  readonly version: typeof BASELINE_VERSION;
  readonly findings: readonly BaselineEntry[];
}

/** Context beyond this many characters each side of the match does not count (bounded work on minified lines). */
const CONTEXT_LIMIT = 400;
/** Matched text beyond this length is cut: a finding's identity does not need all of a huge range. */
const MATCH_LIMIT = 2000;

function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function isLineEnd(c: number): boolean {
  return c === 10 || c === 13;
}

/**
 * What is hashed for a finding: never stored or shown as such (it contains the matched text, which may be a
 * secret); only its hash is.
 */
export function fingerprintMaterial(ruleId: string, path: string, text: string, range: Range): string {
  let lineStart = range.start;
  const lowest = Math.max(0, range.start - CONTEXT_LIMIT);
  while (lineStart > lowest && !isLineEnd(text.charCodeAt(lineStart - 1))) lineStart--;
  let lineEnd = range.end;
  const highest = Math.min(text.length, range.end + CONTEXT_LIMIT);
  while (lineEnd < highest && !isLineEnd(text.charCodeAt(lineEnd))) lineEnd++;
  const matched = text.slice(range.start, Math.min(range.end, range.start + MATCH_LIMIT));
  const before = text.slice(lineStart, range.start);
  const after = text.slice(range.end, lineEnd);
  // NUL separators keep fields apart: no field can contain one that shifts a boundary (paths and rule ids never do).
  return [ruleId, path, normalize(matched), normalize(before), normalize(after)].join('\0');
}

export function fingerprint(hash: Hasher, ruleId: string, path: string, text: string, range: Range): string {
  return hash(fingerprintMaterial(ruleId, path, text, range));
}

/** Sorted entries, so a regenerated baseline diffs cleanly in review. */
export function createBaseline(entries: readonly BaselineEntry[]): Baseline {
  const findings = entries
    .map((e) => ({ ruleId: e.ruleId, path: e.path, fingerprint: e.fingerprint }))
    .sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  return { version: BASELINE_VERSION, findings };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type ParsedBaseline = { readonly baseline: Baseline; readonly error?: undefined } | { readonly baseline?: undefined; readonly error: string };

/** Reads a baseline file's text; anything malformed is an error, never a partial baseline. */
export function parseBaseline(text: string): ParsedBaseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // V8's message quotes the text around the mistake; the file may hold anything, so only the position is kept.
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    return { error: `not valid JSON${at === undefined ? '' : ` (at character ${at})`}` };
  }
  const o = raw as { version?: unknown; findings?: unknown } | null;
  if (!o || typeof o !== 'object' || Array.isArray(o)) return { error: 'expected a JSON object with "version" and "findings"' };
  if (o.version !== BASELINE_VERSION) {
    // The value is echoed only when it is a plain number: a string could be anything the file holds.
    const shown = typeof o.version === 'number' && Number.isFinite(o.version) ? ` ${o.version}` : o.version === undefined ? ' (missing)' : ` of type ${typeof o.version}`;
    return { error: `unsupported baseline version${shown} (this Forewarn reads version ${BASELINE_VERSION})` };
  }
  if (!Array.isArray(o.findings)) return { error: '"findings" must be an array' };
  const findings: BaselineEntry[] = [];
  for (const [i, f] of (o.findings as unknown[]).entries()) {
    const e = f as Partial<Record<keyof BaselineEntry, unknown>> | null;
    if (!e || typeof e.ruleId !== 'string' || typeof e.path !== 'string' || typeof e.fingerprint !== 'string') {
      return { error: `findings[${i}] needs string "ruleId", "path" and "fingerprint"` };
    }
    findings.push({ ruleId: e.ruleId, path: e.path, fingerprint: e.fingerprint });
  }
  return { baseline: { version: BASELINE_VERSION, findings } };
}

/**
 * Matches findings against a baseline as a multiset: two identical findings in a file need two entries,
 * so copying a known problem a second time still reports the copy.
 */
export class BaselineMatcher {
  private readonly counts = new Map<string, number>();

  constructor(baseline: Baseline) {
    for (const e of baseline.findings) {
      const k = key(e.ruleId, e.path, e.fingerprint);
      this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    }
  }

  get size(): number {
    return this.counts.size;
  }

  /** True (and the entry is used up) when the baseline holds this finding. */
  take(ruleId: string, path: string, fp: string): boolean {
    const k = key(ruleId, path, fp);
    const n = this.counts.get(k) ?? 0;
    if (n === 0) return false;
    this.counts.set(k, n - 1);
    return true;
  }
}

function key(ruleId: string, path: string, fp: string): string {
  return `${ruleId}\0${path}\0${fp}`;
}
