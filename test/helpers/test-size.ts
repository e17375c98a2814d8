// How big the heavy tests run: `npm test` uses sizes that fit a busy 2-core machine; FOREWARN_FULL_TESTS=1 (the
// second step of .ci/run) runs the full sizes. docs/testing.md lists what each one changes.

export const FULL = process.env.FOREWARN_FULL_TESTS === '1';

/** A size for the default run and one for the full run; an explicit environment variable wins over both. */
export function sized(envName: string, normal: number, full: number): number {
  const v = process.env[envName];
  return v !== undefined && v !== '' ? Number(v) : FULL ? full : normal;
}
