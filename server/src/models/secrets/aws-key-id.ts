// AWS access key ids: a 4-letter type prefix and 16 base32 characters (AKIA… long-term, ASIA… temporary, A3T… older forms).

import { matchesOf } from '../../core/regex.js';

export const AWS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}(?![A-Za-z0-9])/g;
/** Cheap pre-check: most texts contain none of the prefixes. */
export const AWS_KEY_ID_PREFIX = /A(?:KIA|SIA|BIA|CCA|3T)/;
/** AWS's documentation examples and obvious fillers are placeholders, not keys. */
export const AWS_KEY_ID_PLACEHOLDER = /EXAMPLE|XXXXXXXX|(.)\1{7}/;

/** Every real-looking key id in `text`, as ranges. */
export function awsKeyIds(text: string): { start: number; end: number; secret: string }[] {
  if (!AWS_KEY_ID_PREFIX.test(text)) return [];
  const out: { start: number; end: number; secret: string }[] = [];
  for (const m of matchesOf(AWS_KEY_ID, text)) {
    if (AWS_KEY_ID_PLACEHOLDER.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, secret: m[0] });
  }
  return out;
}
