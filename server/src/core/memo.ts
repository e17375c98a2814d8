// Answers of pure functions of a string, remembered for the strings that recur.

/**
 * `compute` with its answers remembered by string: for work that the same strings ask again and again (the same keys
 * in every file, the same expressions in every step, a script the incremental re-parse kept on the next keystroke).
 * A hit is the answer the same call made before, so answers must never be changed by a caller (freeze them, or keep
 * them read-only). Bounded: emptied when it holds `limit` strings. `undefined` is an answer like any other.
 * Each string is kept as a copy of its own (see `detached`): never as a piece of the file text it came from.
 */
export function memoByString<V>(limit: number, compute: (s: string) => V): (s: string) => V {
  const seen = new Map<string, V>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined || seen.has(s)) return known as V;
    const made = compute(s);
    if (seen.size >= limit) seen.clear();
    seen.set(detached(s), made);
    return made;
  };
}

/**
 * `s` as a string that shares no memory with a longer one. V8 makes a slice of 13 characters or more a view into the
 * string it was cut from, which stays alive as long as the slice does: a remembered expression or script cut from a
 * file's text kept the whole text (a batch scan then held one file per entry, long after analysing it; 200 slices of
 * 1 MB texts: 203 MB of heap, 3.6 MB with copies). Concatenating makes a new string, and slicing it flattens it into
 * one of the string's own length.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
