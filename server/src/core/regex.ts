// Regular-expression helpers for hot paths.

/**
 * The matches of a global (or sticky) expression in `s`, in order, as `s.matchAll(re)` gives them, but scanned from
 * the start whatever `re.lastIndex` was, and without copying the expression: `matchAll` makes a new RegExp object on
 * every call, ~0.6 µs, ten times the scan itself on the many short strings the scanners read (a script's lines, each
 * finding's message) when nothing matches; this is about a fifth of that. Matches are produced one at a time (a line
 * with 100,000 of them does not hold them all at once), and the position is kept here, not in `re` (0 whenever the
 * caller has a match): a caller may use the same expression again, even for another scan, while it goes through these.
 */
export function* matchesOf(re: RegExp, s: string): Generator<RegExpExecArray, void, undefined> {
  if (!re.global && !re.sticky) throw new TypeError(`matchesOf needs a global expression: ${re.source}`);
  let at = 0;
  for (;;) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (m === null) break;
    // An empty match moves on by one character (a whole surrogate pair in unicode mode), as matchAll does.
    at = m[0].length === 0 ? advance(s, re.lastIndex, re.unicode || re.flags.includes('v')) : re.lastIndex;
    // Left at 0 while the caller has the match (and after a `break`): `re` is as it was for anything else using it.
    re.lastIndex = 0;
    yield m;
  }
}

function advance(s: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= s.length) return at + 1;
  const c = s.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? at + 2 : at + 1;
}
