// The output layer's redactor: every message, fix title, error and log line passes through it, so no rule, parser or
// log call can print a secret, whichever rule quoted the text and whether or not the secret rules are on.
//
// It masks two things: the secrets of the file being reported on (every span the secret rules find in it, run for
// this purpose even when they are off or filtered), and anything in the string itself that is a secret by its shape
// (provider token formats, AWS key ids, URL passwords, Authorization headers, credential query parameters,
// `curl -u user:pass`, `--password X`).

import { redact } from '../core/redact.js';
import type { Range } from '../core/types.js';
import { awsKeyIds } from '../models/secrets/aws-key-id.js';
import { curlUserCredentials, flagCredentials, httpCredentials } from '../models/secrets/commands.js';
import { scanTokens } from '../models/secrets/index.js';

export interface Redactor {
  /** `s` with every secret of the file and every secret-shaped span masked in the `redact()` form (`ghp_…abcd`). */
  text(s: string): string;
  /** The file's text from `start` to `end` with secret spans masked by `*`, same length (for source excerpts). */
  source(start: number, end: number): string;
  /** Whether `s` holds a secret of the file or a secret-shaped span (e.g. a fix's inserted text, a pin lookup). */
  hasSecret(s: string): boolean;
}

/**
 * File secrets shorter than this are not searched for inside other messages: a four-letter password would mask every
 * word that contains it. Their own findings show them redacted, and short values are never quoted elsewhere whole.
 */
const MIN_FILE_SECRET = 6;

/** The file-secret filter reads every PAIR_STEP-th position of a message (at most MIN_FILE_SECRET - 1: the pairs it marks lie in each secret). */
const PAIR_STEP = 4;

/** Distinct strings a file's redactor remembers the spans of (messages and titles repeat across findings). */
const MEMO_LIMIT = 100_000;

/** Credential-bearing query parameters (`?access_token=…`, presigned S3/GCS URLs); a value cannot hold another `?k=`, so matches never overlap. */
const QUERY_SECRET =
  /[?&;](?:access_token|private_token|refresh_token|id_token|auth_token|token|api[_-]?key|apikey|key|secret|client_secret|password|passwd|pwd|auth|sig|signature|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|X-Goog-Signature|X-Goog-Credential)=([^&?;=\s"'`#<>]{4,4096}={0,2})/gi;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** A string's secret spans and the string with them masked. */
interface Masked {
  readonly spans: readonly Span[];
  readonly text: string;
}

/** Secret-shaped spans of any string, found by shape alone. Linear in the length of `s`. */
export function shapedSecrets(s: string): Span[] {
  const spans: Span[] = [];
  for (const m of scanTokens(s)) spans.push(m);
  for (const k of awsKeyIds(s)) spans.push(k);
  for (const c of httpCredentials(s)) spans.push(c);
  for (const c of curlUserCredentials(s)) spans.push(c);
  for (const c of flagCredentials(s)) spans.push(c);
  if (s.includes('=')) {
    for (const m of s.matchAll(QUERY_SECRET)) {
      const v = m[1]!;
      // A reference is not a value: `?token=$TOKEN`, `?key=${{ secrets.K }}`.
      if (v.startsWith('$') || v.startsWith('{{') || v.startsWith('%')) continue;
      const start = m.index + m[0].length - v.length;
      spans.push({ start, end: start + v.length });
    }
  }
  return merge(spans);
}

/** Sorted, non-overlapping. */
function merge(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end) out[out.length - 1] = { start: last.start, end: s.end };
    } else if (s.end > s.start) out.push(s);
  }
  return out;
}

function maskSpans(s: string, spans: readonly Span[]): string {
  if (spans.length === 0) return s;
  let out = '';
  let at = 0;
  for (const sp of spans) {
    out += s.slice(at, sp.start) + redact(s.slice(sp.start, sp.end));
    at = sp.end;
  }
  return out + s.slice(at);
}

/** `s` with its secret-shaped spans masked: for log lines and errors that belong to no file. */
export function redactText(s: string): string {
  return maskSpans(s, shapedSecrets(s));
}

/** Same-length mask that keeps what `redact()` would show of the value (its first and last few characters). */
function starMask(v: string): string {
  const shown = redact(v);
  const ellipsis = shown.indexOf('…');
  const head = shown.slice(0, ellipsis);
  const tail = shown.slice(ellipsis + 1);
  return head + '*'.repeat(Math.max(0, v.length - head.length - tail.length)) + tail;
}

/** The two UTF-16 units at `i`, folded into 16 bits (a filter: collisions only cost a lookup). */
function pairCode(s: string, i: number): number {
  return ((s.charCodeAt(i) << 5) ^ s.charCodeAt(i + 1)) & 0xffff;
}

const SPANS = new WeakMap<Redactor, readonly Range[]>();

/** The pair bitmap of a file with no secret to look for (never read: `fileSpans` returns first). */
const NO_PAIRS = new Uint8Array(0);

/** The file spans a redactor masks, so another thread can make the same redactor (`createRedactor(text, spans)`). */
export function redactorSpans(r: Redactor): readonly Range[] {
  return SPANS.get(r) ?? [];
}

/** A redactor for one file's text, given the ranges the secret rules found in it. */
export function createRedactor(text: string, secretRanges: readonly Range[]): Redactor {
  const spans = merge(secretRanges.filter((r) => r.end > r.start).map((r) => ({ start: r.start, end: r.end })));
  // The file's secrets by their first characters: a message is searched for all of them in one pass over it, so a
  // file with a hundred thousand secrets and as many findings stays linear. A bitmap of the character pairs at the
  // first PAIR_STEP offsets of each secret is read at every PAIR_STEP-th position of a message: any occurrence covers
  // one such position with one of those pairs, so only the starts just before a marked pair are looked up.
  const byPrefix = new Map<string, { lengths: number[]; values: Set<string> }>();
  // Allocated only for a file with a secret to look for: 64 kB zeroed for every file was ~1% of a corpus scan's CPU.
  let pairs = NO_PAIRS;
  for (const sp of spans) {
    const v = text.slice(sp.start, sp.end);
    if (v.length < MIN_FILE_SECRET) continue;
    if (pairs === NO_PAIRS) pairs = new Uint8Array(65536);
    const key = v.slice(0, MIN_FILE_SECRET);
    let entry = byPrefix.get(key);
    if (!entry) byPrefix.set(key, (entry = { lengths: [], values: new Set() }));
    if (entry.values.has(v)) continue;
    entry.values.add(v);
    if (!entry.lengths.includes(v.length)) entry.lengths.push(v.length);
    for (let d = 0; d < PAIR_STEP; d++) pairs[pairCode(v, d)] = 1;
  }
  /** Where the file's secrets occur in `s`; overlapping and nested matches are merged by the caller. */
  const fileSpans = (s: string): Span[] => {
    const found: Span[] = [];
    if (byPrefix.size === 0) return found;
    const lastStart = s.length - MIN_FILE_SECRET;
    for (let p = 0; p <= lastStart + PAIR_STEP - 1; p += PAIR_STEP) {
      if (pairs[pairCode(s, p)] === 0) continue;
      for (let i = Math.max(0, p - PAIR_STEP + 1); i <= p && i <= lastStart; i++) {
        const entry = byPrefix.get(s.slice(i, i + MIN_FILE_SECRET));
        if (!entry) continue;
        for (const length of entry.lengths) {
          if (i + length <= s.length && entry.values.has(s.slice(i, i + length))) found.push({ start: i, end: i + length });
        }
      }
    }
    return found;
  };
  // Findings of one rule often repeat a message word for word (a Pod per document, a step per line): each distinct
  // string is scanned once, and its masked form is one string object that every repetition gets back (so findings
  // that repeat a message share one copy of it: 2 MB of Pods made 160k findings and kept 40 MB of identical text).
  const memo = new Map<string, Masked>();
  const masked = (s: string): Masked => {
    let m = memo.get(s);
    if (m) return m;
    const spans = merge(fileSpans(s).concat(shapedSecrets(s)));
    m = { spans, text: maskSpans(s, spans) };
    if (memo.size < MEMO_LIMIT) memo.set(s, m);
    return m;
  };
  const redactor: Redactor = {
    text: (s) => masked(s).text,
    hasSecret: (s) => masked(s).spans.length > 0,
    source(start, end) {
      const excerpt = text.slice(start, end);
      const local: Span[] = [];
      // The file's own spans first (found with context no excerpt has), then shapes inside the excerpt.
      for (const sp of spans) {
        if (sp.end <= start) continue;
        if (sp.start >= end) break;
        local.push({ start: Math.max(sp.start, start) - start, end: Math.min(sp.end, end) - start });
      }
      const merged = merge(local.concat(shapedSecrets(excerpt)));
      if (merged.length === 0) return excerpt;
      let out = '';
      let at = 0;
      for (const sp of merged) {
        out += excerpt.slice(at, sp.start) + starMask(excerpt.slice(sp.start, sp.end));
        at = sp.end;
      }
      return out + excerpt.slice(at);
    },
  };
  SPANS.set(redactor, spans);
  return redactor;
}

/** For results that belong to no file text (skipped files, nothing analyzed): shapes only. */
export const SHAPES_ONLY: Redactor = createRedactor('', []);
