// Measuring how work grows, for complexity tests that compare n with k·n instead of timing against a budget.

/** CPU time of `work()` in ms: on a busy machine the process's own CPU time varies far less than the wall clock. */
export function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}
