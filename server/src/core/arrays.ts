// Array helpers for unbounded lists: `out.push(...items)` passes every item as an argument and throws RangeError
// (call stack exceeded) past ~120,000 items, which hostile input reaches easily.

/** Appends every item to `out`, one by one; returns `out`. */
export function append<T>(out: T[], items: Iterable<T>): T[] {
  for (const item of items) out.push(item);
  return out;
}
