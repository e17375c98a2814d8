// The token detector table and the scanner over it: every known format, placeholders dropped, bounded work.

import type { Detector } from './types.js';
import { KeywordGroups, type KeywordState } from '../../core/keywords.js';
import { AI } from './detectors/ai.js';
import { CHAT } from './detectors/chat.js';
import { CLOUD } from './detectors/cloud.js';
import { CRYPTO } from './detectors/crypto.js';
import { DEVTOOLS } from './detectors/devtools.js';
import { GITHUB } from './detectors/github.js';
import { GITLAB } from './detectors/gitlab.js';
import { SAAS } from './detectors/saas.js';
import { matchesOf } from '../../core/regex.js';

export type { Detector } from './types.js';

export const DETECTORS: readonly Detector[] = [...GITHUB, ...GITLAB, ...CLOUD, ...CHAT, ...SAAS, ...AI, ...DEVTOOLS, ...CRYPTO];

/** No real token is longer than this; longer runs are data (minified code, base64 blobs). */
const MAX_TOKEN = 20_000;

/** Fillers people write in place of a real value. */
const PLACEHOLDER = /EXAMPLE|[Xx]{6}|(.)\1{7}|\.\.\.|\*{4}|your[-_]?(?:api|token|key|secret)|dummy|placeholder|redacted|0123456789|abcdefgh|ABCDEFGH/i;

/** For the ReDoS check in the tests. */
export const TOKEN_PLACEHOLDER = PLACEHOLDER;

export function isPlaceholderToken(s: string): boolean {
  return PLACEHOLDER.test(s);
}

/** One keyword automaton per detector list (the full table, or a caller's subset). */
const KEYWORDS = new WeakMap<readonly Detector[], KeywordGroups>();

function keywordsOf(detectors: readonly Detector[]): KeywordGroups {
  let k = KEYWORDS.get(detectors);
  if (!k) {
    k = new KeywordGroups(detectors.map((d) => d.keywords));
    KEYWORDS.set(detectors, k);
  }
  return k;
}

export interface TokenMatch {
  readonly detector: Detector;
  /** the secret's range in the text. */
  readonly start: number;
  readonly end: number;
  readonly secret: string;
}

/**
 * The keyword scan's state of a document's version, handed to the next version (models/source-file.ts): `before` is
 * the earlier version's, `after` is set by the scan of this one.
 */
export interface TokenScanCarry {
  before: KeywordState | undefined;
  after?: KeywordState | undefined;
}

/**
 * Every detector match in `text`, placeholders and failed checks dropped, overlapping matches merged (first wins).
 * With a carry from the document's earlier version, the keyword pass reads only what the edit changed.
 */
export function scanTokens(text: string, detectors: readonly Detector[] = DETECTORS, carry?: TokenScanCarry): TokenMatch[] {
  const out: TokenMatch[] = [];
  // One pass over the text says which detectors' keywords occur; only those run.
  const keywords = keywordsOf(detectors);
  let present: readonly number[];
  if (carry) {
    const r = keywords.presentInEdit(text, carry.before);
    present = r.groups;
    // (the earlier text is let go: only the newest version's state is kept)
    carry.before = undefined;
    carry.after = r.state;
  } else present = keywords.present(text);
  for (const i of present) {
    const d = detectors[i]!;
    if (d.near) for (const [from, to] of nearWindows(d.near, text)) collect(d, text, from, to, out);
    else collect(d, text, 0, text.length, out);
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TokenMatch[] = [];
  for (const m of out) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept;
}

/** Characters a detector pattern's lookarounds may read outside its match (see Detector.near). */
export const NEAR_CONTEXT = 8;

/** Where a `near` detector's matches may lie: around each anchor match, overlapping windows merged, in order. */
function nearWindows(near: NonNullable<Detector['near']>, text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of matchesOf(near.anchor, text)) {
    const from = Math.max(0, m.index - near.before);
    const to = Math.min(text.length, m.index + near.after);
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** The detector's matches lying inside text[from, to), read with NEAR_CONTEXT characters of context either side. */
function collect(d: Detector, text: string, from: number, to: number, out: TokenMatch[]): void {
  const base = Math.max(0, from - NEAR_CONTEXT);
  // A copy of the (global) pattern, so the shared detector keeps no state; copies are reused (a validator that scans
  // again takes another one while this is out).
  const free = FREE_PATTERNS.get(d);
  const re = free?.pop() ?? new RegExp(d.pattern.source, d.pattern.flags);
  try {
    scanWith(d, re, text, base, from, to, out);
  } finally {
    if (free) free.push(re);
    else FREE_PATTERNS.set(d, [re]);
  }
}

/** Per detector, copies of its pattern not in use. */
const FREE_PATTERNS = new Map<Detector, RegExp[]>();

function scanWith(d: Detector, re: RegExp, text: string, base: number, from: number, to: number, out: TokenMatch[]): void {
  const part = base === 0 && to >= text.length ? text : text.slice(base, Math.min(text.length, to + NEAR_CONTEXT));
  re.lastIndex = from - base;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    if (m[0].length === 0) re.lastIndex++;
    const at = base + m.index;
    if (at >= to) break;
    if (at + m[0].length > to) continue;
    const group = m[1];
    let start = group === undefined ? at : at + m[0].lastIndexOf(group);
    let end = start + (group ?? m[0]).length;
    if (d.extend) {
      const stop = d.extend(text, at + m[0].length);
      if (stop === undefined) continue;
      start = at;
      end = stop;
    }
    if (end - start > MAX_TOKEN) continue;
    const secret = text.slice(start, end);
    if (d.id !== 'private-key' && !d.repeats && isPlaceholderToken(secret)) continue;
    if (d.validate && !d.validate(secret, text, start)) continue;
    out.push({ detector: d, start, end, secret });
  }
}

const CHECKSUMMED = DETECTORS.filter((d) => d.checksum !== undefined && d.validate !== undefined);

/**
 * The whole value has the shape of a checksummed format (GitHub, npm, Grafana, age) but fails its checksum: a made-up
 * look-alike, not a usable token, so it is silent everywhere, also in a credential slot.
 */
export function failsChecksum(value: string): boolean {
  for (const d of CHECKSUMMED) {
    if (!d.keywords.some((k) => value.startsWith(k))) continue;
    for (const m of matchesOf(d.pattern, value)) {
      if (m.index === 0 && m[0].length === value.length) return !d.validate!(value, value, 0);
    }
  }
  return false;
}
