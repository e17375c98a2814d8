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

/** Credential-bearing query parameters (`?access_token=…`, presigned S3/GCS URLs); a value cannot hold another `?k=`, so matches never overlap. */
const QUERY_SECRET =
  /[?&;](?:access_token|private_token|refresh_token|id_token|auth_token|token|api[_-]?key|apikey|key|secret|client_secret|password|passwd|pwd|auth|sig|signature|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|X-Goog-Signature|X-Goog-Credential)=([^&?;=\s"'`#<>]{4,4096}={0,2})/gi;

interface Span {
  readonly start: number;
  readonly end: number;
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

/** A redactor for one file's text, given the ranges the secret rules found in it. */
export function createRedactor(text: string, secretRanges: readonly Range[]): Redactor {
  const spans = merge(secretRanges.filter((r) => r.end > r.start).map((r) => ({ start: r.start, end: r.end })));
  // The file's secrets by their first characters: a message is searched for all of them in one pass over it, so a
  // file with a hundred thousand secrets and as many findings stays linear.
  const byPrefix = new Map<string, string[]>();
  for (const sp of spans) {
    const v = text.slice(sp.start, sp.end);
    if (v.length < MIN_FILE_SECRET) continue;
    const key = v.slice(0, MIN_FILE_SECRET);
    const list = byPrefix.get(key);
    if (!list) byPrefix.set(key, [v]);
    else if (list.length < 64 && !list.includes(v)) list.push(v);
  }
  /** Where the file's secrets occur in `s`; overlapping and nested matches are merged by the caller. */
  const fileSpans = (s: string): Span[] => {
    const found: Span[] = [];
    if (byPrefix.size === 0) return found;
    for (let i = 0; i + MIN_FILE_SECRET <= s.length; i++) {
      const list = byPrefix.get(s.slice(i, i + MIN_FILE_SECRET));
      if (!list) continue;
      for (const v of list) if (s.startsWith(v, i)) found.push({ start: i, end: i + v.length });
    }
    return found;
  };
  const all = (s: string): Span[] => merge(fileSpans(s).concat(shapedSecrets(s)));
  return {
    text: (s) => maskSpans(s, all(s)),
    hasSecret: (s) => all(s).length > 0,
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
}

/** For results that belong to no file text (skipped files, nothing analyzed): shapes only. */
export const SHAPES_ONLY: Redactor = createRedactor('', []);
