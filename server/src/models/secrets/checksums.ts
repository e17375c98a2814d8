// Offline checks that tell a real token from a look-alike: CRC32 in base62, bech32, base64 that decodes to JSON.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE) of the string's characters, which are ASCII in every token format we check. */
export function crc32(s: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < s.length; i++) c = CRC_TABLE[(c ^ s.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `n` in base62, left-padded with the alphabet's zero to `width`. */
export function base62(n: number, width: number, alphabet = BASE62): string {
  let out = '';
  let v = n;
  do {
    out = alphabet[v % 62]! + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, alphabet[0]);
}

/** GitHub classic tokens and npm tokens: 30 random characters, then their CRC32 as 6 base62 digits. */
export function crc32Base62Valid(body: string): boolean {
  if (body.length !== 36) return false;
  const random = body.slice(0, 30);
  return body.slice(30) === base62(crc32(random), 6);
}

/** Grafana service-account tokens: `glsa_<32 chars>_<crc32 as 8 hex digits>`. */
export function grafanaValid(token: string): boolean {
  const m = /^glsa_([A-Za-z0-9]{32})_([0-9a-f]{8})$/.exec(token);
  if (!m) return false;
  const sum = m[2]!;
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  // The checksum covers the prefixed secret; accept the bare secret too, so a variant is not missed.
  return hex(crc32(`glsa_${m[1]!}`)) === sum || hex(crc32(m[1]!)) === sum;
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

function polymod(values: number[]): number {
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i]!;
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >>> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

/** A bech32 string (either case, not mixed) with a valid checksum. */
export function bech32Valid(s: string): boolean {
  if (s !== s.toLowerCase() && s !== s.toUpperCase()) return false;
  const lower = s.toLowerCase();
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || sep + 7 > lower.length) return false;
  const data: number[] = [];
  for (const ch of lower.slice(sep + 1)) {
    const v = BECH32.indexOf(ch);
    if (v === -1) return false;
    data.push(v);
  }
  return polymod([...hrpExpand(lower.slice(0, sep)), ...data]) === 1;
}

/** The checksum characters that make `hrp1<data>` valid bech32 (for writing test samples). */
export function bech32Checksum(hrp: string, data: string): string {
  const values = [...hrpExpand(hrp), ...[...data].map((c) => BECH32.indexOf(c)), 0, 0, 0, 0, 0, 0];
  const mod = polymod(values) ^ 1;
  let out = '';
  for (let i = 0; i < 6; i++) out += BECH32[(mod >>> (5 * (5 - i))) & 31];
  return out;
}

/** Decodes base64 or base64url (padding optional); undefined when it is not. */
export function decodeBase64(s: string): string | undefined {
  const std = s.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(std) || stripPadding(std).length % 4 === 1) return undefined;
  try {
    return atob(stripPadding(std).padEnd(Math.ceil(stripPadding(std).length / 4) * 4, '='));
  } catch {
    return undefined;
  }
}

/** The base64(url) text decodes to a JSON object. */
export function decodesToJsonObject(s: string): Record<string, unknown> | undefined {
  const text = decodeBase64(s);
  if (text === undefined || !text.startsWith('{')) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (s.length === 0) return 0;
  // Counted by UTF-16 unit in a reused table (a Map per call was a tenth of a scan's allocations on a Dockerfile of
  // ENV secrets); a text with a surrogate is counted by code point, as before.
  if (HAS_SURROGATE.test(s)) return entropyByCodePoint(s);
  let distinct = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const n = UNIT_COUNTS[c]!;
    UNIT_COUNTS[c] = n + 1;
    if (n === 0) SEEN_UNITS[distinct++] = c;
  }
  // In first-occurrence order, as the Map was read: the same sum to the last bit.
  let h = 0;
  for (let k = 0; k < distinct; k++) {
    const c = SEEN_UNITS[k]!;
    const p = UNIT_COUNTS[c]! / s.length;
    UNIT_COUNTS[c] = 0;
    h -= p * Math.log2(p);
  }
  return h;
}

const HAS_SURROGATE = /[\ud800-\udfff]/;
const UNIT_COUNTS = new Uint32Array(65536);
const SEEN_UNITS = new Uint16Array(65536);

function entropyByCodePoint(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** `abc==` → `abc`: base64 padding removed without a regex (an unanchored `=+$` is quadratic on long runs of `=`). */
export function stripPadding(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61 /* = */) end--;
  return s.slice(0, end);
}

/** Within `range` characters before `index`, `text` matches `words`: for formats that need the provider's name nearby. */
export function mentionedBefore(text: string, index: number, words: RegExp, range = 300): boolean {
  return words.test(text.slice(Math.max(0, index - range), index));
}
