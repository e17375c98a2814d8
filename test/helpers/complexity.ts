// Complexity checks without wall-clock budgets: the same work at size n and 2n, timed in the same test, must grow
// linearly (a generous ratio absorbs a busy machine; quadratic work quadruples, and does so at every load).

import assert from 'node:assert/strict';

export interface Growth {
  /** best of the repetitions at n and at 2n, in ms. */
  readonly n: number;
  readonly n2: number;
  readonly ratio: number;
}

/** Work below this many ms is noise at either size: a ratio of two such figures says nothing. */
const FLOOR_MS = 15;

function best(run: () => void, reps: number): number {
  let min = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    run();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

/** Times `work(input(n))` and `work(input(2n))`, best of `reps` each (inputs are built outside the timing). */
export function growth<T>(input: (n: number) => T, work: (x: T) => void, n: number, reps = 3): Growth {
  const small = input(n);
  const large = input(2 * n);
  work(small); // warm up: JIT and lazy module state are not the input's cost
  const a = best(() => work(small), reps);
  const b = best(() => work(large), reps);
  return { n: a, n2: b, ratio: b / Math.max(a, FLOOR_MS) };
}

/**
 * Asserts that doubling the input at most multiplies the time by `maxRatio` (default 3: linear is 2, quadratic 4),
 * unless both sizes finish under the noise floor. Returns the figures for a test diagnostic.
 */
export function assertLinear<T>(what: string, input: (n: number) => T, work: (x: T) => void, n: number, maxRatio = 3, reps = 3): Growth {
  let g = growth(input, work, n, reps);
  // One retry: a single preempted repetition on a shared machine must not fail the suite.
  if (g.ratio > maxRatio && g.n2 > FLOOR_MS) g = growth(input, work, n, reps);
  assert.ok(g.n2 <= FLOOR_MS || g.ratio <= maxRatio, `${what}: n→2n took ${g.n.toFixed(1)} → ${g.n2.toFixed(1)} ms (×${g.ratio.toFixed(2)}, over ×${maxRatio}: not linear)`);
  return g;
}

export function describeGrowth(what: string, g: Growth): string {
  return `${what}: ${g.n.toFixed(1)} ms → ${g.n2.toFixed(1)} ms for 2n (×${(g.n2 / Math.max(g.n, 0.001)).toFixed(2)})`;
}
