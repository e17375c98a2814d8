// Which of a list of spans, in order, can hold a position: a binary search instead of a scan of every span, for
// position lookups repeated once per finding or per comment (tens of thousands of each in a hostile file).

/**
 * Spans in list order, with nondecreasing starts. `candidates(p)` gives the index range `[from, to)` of the spans
 * that may hold `p` (start <= p <= end): every span outside it certainly does not, so a caller that tests the
 * spans in that range in order finds the same first hit as one that tests them all. Spans that may overlap are
 * handled (a prefix maximum of the ends), so the index never changes an answer; it only skips spans.
 */
export class SpanIndex {
  private readonly starts: Float64Array;
  /** the largest end among spans 0..i. */
  private readonly maxEnd: Float64Array;

  private constructor(starts: Float64Array, maxEnd: Float64Array) {
    this.starts = starts;
    this.maxEnd = maxEnd;
  }

  /**
   * Builds the index, or returns undefined when the starts are not in order (the caller then scans). A span with
   * no position (`undefined`) can hold nothing: it keeps its neighbour's start so the order holds.
   */
  static of<T>(items: readonly T[], spanOf: (item: T) => { start: number; end: number } | undefined): SpanIndex | undefined {
    const n = items.length;
    const starts = new Float64Array(n);
    const maxEnd = new Float64Array(n);
    let lastStart = -Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const span = spanOf(items[i]!);
      if (span) {
        if (span.start < lastStart) return undefined;
        lastStart = span.start;
        max = Math.max(max, span.end);
      }
      starts[i] = lastStart;
      maxEnd[i] = max;
    }
    return new SpanIndex(starts, maxEnd);
  }

  /** `[from, to)`: the spans that start at or before `p`, from the first whose end (or an earlier one's) reaches `p`. */
  candidates(p: number): [number, number] {
    const { starts, maxEnd } = this;
    // to: the number of spans starting at or before p.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= p) lo = mid + 1;
      else hi = mid;
    }
    const to = lo;
    // from: the first span whose prefix maximum end reaches p (earlier spans all end before p).
    lo = 0;
    hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (maxEnd[mid]! >= p) hi = mid;
      else lo = mid + 1;
    }
    return [lo, to];
  }
}

/** A cache of indexes per list, built on first use; small lists are not worth one (`undefined`: scan them). */
export class SpanIndexCache<T> {
  private readonly cache = new WeakMap<readonly T[], SpanIndex | null>();

  constructor(
    private readonly spanOf: (item: T) => { start: number; end: number } | undefined,
    private readonly minLength = 16,
  ) {}

  get(items: readonly T[]): SpanIndex | undefined {
    if (items.length < this.minLength) return undefined;
    let index = this.cache.get(items);
    if (index === undefined) this.cache.set(items, (index = SpanIndex.of(items, this.spanOf) ?? null));
    return index ?? undefined;
  }

  /** `[from, to)` of the items that may hold `p`: all of them for a small or unordered list. */
  range(items: readonly T[], p: number): [number, number] {
    return this.get(items)?.candidates(p) ?? [0, items.length];
  }
}
