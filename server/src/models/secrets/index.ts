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
  for (const d of detectors) {
    if (!d.keywords.some((k) => text.includes(k))) continue;
    // matchAll works on a copy of the (global) pattern, so the shared detector keeps no state.
    for (const m of text.matchAll(d.pattern)) {
      const group = m[1];
      let start = group === undefined ? m.index : m.index + m[0].lastIndexOf(group);
      let end = start + (group ?? m[0]).length;
      if (d.extend) {
        const to = d.extend(text, m.index + m[0].length);
        if (to === undefined) continue;
        start = m.index;
        end = to;
      }
      if (end - start > MAX_TOKEN) continue;
      const secret = text.slice(start, end);
      if (d.id !== 'private-key' && !d.repeats && isPlaceholderToken(secret)) continue;
      if (d.validate && !d.validate(secret, text, start)) continue;
      out.push({ detector: d, start, end, secret });
    }
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
