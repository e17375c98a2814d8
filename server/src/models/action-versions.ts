// Version tags of actions (`v4`, `v4.1`, `4.1.2`), the `# vX.Y.Z` comment beside a SHA pin, and version ranges.

/** A parsed version: up to three numeric parts; `parts` shorter than 3 means a floating tag (`v4` = latest 4.x.x). */
export interface ActionVersion {
  readonly parts: readonly number[];
  /** `-rc.1`, `-beta` … (a pre-release sorts before its release). */
  readonly prerelease: boolean;
  /** written with a leading `v`. */
  readonly v: boolean;
}

const VERSION = /^(v?)(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(s: string | undefined): ActionVersion | undefined {
  if (!s || s.length > 80) return undefined;
  const m = VERSION.exec(s.trim());
  if (!m) return undefined;
  const parts = [m[2], m[3], m[4]].filter((p): p is string => p !== undefined).map(Number);
  return { parts, prerelease: m[5] !== undefined, v: m[1] === 'v' };
}

/** Compares two exact versions (missing parts count as 0; a pre-release is below its release). */
export function compareVersions(a: ActionVersion, b: ActionVersion): number {
  for (let i = 0; i < 3; i++) {
    const d = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  if (a.prerelease !== b.prerelease) return a.prerelease ? -1 : 1;
  return 0;
}

/** One bound of a range such as `>= 4.0.0, < 4.1.7`. */
export interface Bound {
  readonly op: '<' | '<=' | '>' | '>=' | '=';
  readonly version: ActionVersion;
}

const BOUND = /^(<=|>=|<|>|=)?\s*(\S+)$/;

/** `>= 4.0.0, < 4.1.7` (GitHub's `vulnerable_version_range`); undefined when a part does not parse. */
export function parseRange(range: string): Bound[] | undefined {
  const out: Bound[] = [];
  for (const raw of range.split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const m = BOUND.exec(part);
    const version = m ? parseVersion(m[2]) : undefined;
    if (!m || !version) return undefined;
    out.push({ op: (m[1] ?? '=') as Bound['op'], version });
  }
  return out.length ? out : undefined;
}

/** The lowest and the first version above every version a (possibly floating) tag can name: `v4` → [4.0.0, 5.0.0). */
function span(v: ActionVersion): { low: ActionVersion; high: ActionVersion | undefined } {
  const low: ActionVersion = { parts: [v.parts[0] ?? 0, v.parts[1] ?? 0, v.parts[2] ?? 0], prerelease: v.prerelease, v: v.v };
  if (v.parts.length >= 3) return { low, high: undefined };
  const up = v.parts.length === 1 ? [(v.parts[0] ?? 0) + 1, 0, 0] : [v.parts[0] ?? 0, (v.parts[1] ?? 0) + 1, 0];
  return { low, high: { parts: up, prerelease: false, v: v.v } };
}

/**
 * Whether every release a tag can name lies in the range. An exact version (`v4.1.2`) is tested as itself; a floating
 * one (`v4`, `v4.1`) moves to the latest release with that prefix, so it counts only when the whole prefix is affected
 * (`v40` against `< 41` is; `v4` against `>= 4.0.0, < 4.1.7` is not: today's `v4` may be 4.2.0).
 */
export function tagInRange(tag: ActionVersion, bounds: readonly Bound[]): boolean {
  const { low, high } = span(tag);
  for (const b of bounds) {
    const c = compareVersions(low, b.version);
    switch (b.op) {
      case '>=':
        if (c < 0) return false;
        break;
      case '>':
        if (c <= 0) return false;
        break;
      case '=':
        if (high !== undefined || c !== 0) return false;
        break;
      case '<':
        if (high ? compareVersions(high, b.version) > 0 : c >= 0) return false;
        break;
      case '<=':
        // Every x in [low, high) is <= bound exactly when high <= bound (versions are discrete, so x < high <= bound).
        if (high ? compareVersions(high, b.version) > 0 : c > 0) return false;
        break;
    }
  }
  return true;
}

/** `4.1.7` written the way the user writes tags (`v4.1.7` when their ref starts with `v`). */
export function asTag(version: string, like: ActionVersion): string {
  const bare = version.replace(/^v/, '');
  return like.v ? `v${bare}` : bare;
}

/** A trailing comment that names a version: `# v4.1.1`, `# 4.2`, `# tag=v3`, `# pin@v2`, `# v4.2.0 (latest)`. */
const COMMENT_VERSION = /^#\s*(?:(?:tag|pin|version)[=@:]\s*|ratchet:[^@\s]*@)?(v?\d[0-9A-Za-z.+-]*)/;

/** The version a `# …` comment after a `uses:` value names, with its offset; reads the rest of the line from `end`. */
export function trailingVersionComment(text: string, end: number): { version: string; start: number; end: number } | undefined {
  let at = end;
  if (text[at] === '"' || text[at] === "'") at++;
  let eol = text.indexOf('\n', at);
  if (eol === -1) eol = text.length;
  const rest = text.slice(at, Math.min(eol, at + 300));
  const hash = rest.indexOf('#');
  if (hash === -1 || rest.slice(0, hash).trim() !== '') return undefined;
  const m = COMMENT_VERSION.exec(rest.slice(hash));
  if (!m) return undefined;
  // Trailing punctuation (`v4.1.1,`, `v2)`) is not part of the version.
  let cut = m[1]!.length;
  while (cut > 0 && '.,;:)'.includes(m[1]![cut - 1]!)) cut--;
  const version = m[1]!.slice(0, cut);
  const start = at + hash + m[0].length - m[1]!.length;
  return { version, start, end: start + version.length };
}
