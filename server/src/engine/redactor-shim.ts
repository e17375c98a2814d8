// TEMP (issue 18): stands in for the engine's output-layer redactor (`AnalysisResult.redactor`) until it lands on
// main. Same signature; this stand-in masks nothing. Callers go through `redactorOf` so the switch is one line.

import type { AnalysisResult } from './analyze.js';

export interface Redactor {
  /** `s` with every secret-shaped span of the file masked. */
  text(s: string): string;
  /** the file's text in [start, end) with secret spans masked. */
  source(start: number, end: number): string;
}

/** TEMP: the result's redactor once the engine has one; until then the file's text as it is. */
export function redactorOf(result: AnalysisResult): Redactor {
  const real = (result as { redactor?: Redactor }).redactor;
  if (real) return real;
  const text = result.file?.text ?? '';
  return { text: (s) => s, source: (start, end) => text.slice(start, end) };
}
