// The token detector table and the scanner over it: every known format, placeholders dropped, bounded work.

import type { Detector } from './types.js';
import { AI } from './detectors/ai.js';
import { CHAT } from './detectors/chat.js';
import { CLOUD } from './detectors/cloud.js';
import { CRYPTO } from './detectors/crypto.js';
import { DEVTOOLS } from './detectors/devtools.js';
import { GITHUB } from './detectors/github.js';
import { GITLAB } from './detectors/gitlab.js';
import { SAAS } from './detectors/saas.js';

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

/**
 * Which characters and pairs of adjacent characters occur in the text, marked with a stamp per call (no clearing).
 * The output layer scans every message and fix title for tokens: a keyword whose first two characters never occur
 * next to each other is not searched for (68 `includes` per short message cost more than the detectors themselves).
 */
const SEEN_CHAR = new Uint32Array(65536);
const SEEN_PAIR = new Uint32Array(65536);
let stamp = 0;

function pairCode(s: string, i: number): number {
  return ((s.charCodeAt(i) << 5) ^ s.charCodeAt(i + 1)) & 0xffff;
}

/** A filter that may say yes to a keyword the text lacks (then `includes` decides), never no to one it holds. */
function keywordFilter(text: string): (keyword: string) => boolean {
  if (++stamp === 0xffffffff) {
    SEEN_CHAR.fill(0);
    SEEN_PAIR.fill(0);
    stamp = 1;
  }
  const mark = stamp;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    SEEN_CHAR[text.charCodeAt(i)] = mark;
    if (i + 1 < n) SEEN_PAIR[pairCode(text, i)] = mark;
  }
  // A nested call (a validator that scans) re-stamps the tables: from then on every keyword passes to `includes`.
  return (k) => mark !== stamp || k.length === 0 || (k.length === 1 ? SEEN_CHAR[k.charCodeAt(0)] === mark : SEEN_PAIR[pairCode(k, 0)] === mark);
}

export interface TokenMatch {
  readonly detector: Detector;
  /** the secret's range in the text. */
  readonly start: number;
  readonly end: number;
  readonly secret: string;
}

/** Every detector match in `text`, placeholders and failed checks dropped, overlapping matches merged (first wins). */
export function scanTokens(text: string, detectors: readonly Detector[] = DETECTORS): TokenMatch[] {
  const out: TokenMatch[] = [];
  const present = keywordFilter(text);
  for (const d of detectors) {
    if (!d.keywords.some((k) => present(k) && text.includes(k))) continue;
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
  for (const m of text.matchAll(near.anchor)) {
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
  const part = base === 0 && to >= text.length ? text : text.slice(base, Math.min(text.length, to + NEAR_CONTEXT));
  // A copy of the (global) pattern, so the shared detector keeps no state.
  const re = new RegExp(d.pattern.source, d.pattern.flags);
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
    for (const m of value.matchAll(d.pattern)) {
      if (m.index === 0 && m[0].length === value.length) return !d.validate!(value, value, 0);
    }
  }
  return false;
}
