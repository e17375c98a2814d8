// `--format text`: one line per finding for people and terminals that link `path:line:col`; the rest on stderr.

import { SEVERITIES, type Severity } from '../../core/types.js';
import type { FormatInput, FormatOutput } from './index.js';

const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '\x1b[1;35m',
  high: '\x1b[1;31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
  info: '\x1b[2m',
};
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export function formatText(input: FormatInput): FormatOutput {
  const paint = (code: string, s: string) => (input.color ? `${code}${s}${RESET}` : s);
  let out = '';
  for (const { path, finding: f, start } of input.findings) {
    out += `${path}:${start.line + 1}:${start.character + 1} ${paint(SEVERITY_COLOR[f.severity], f.severity)} ${paint(DIM, f.ruleId)} ${f.message}\n`;
  }
  let err = '';
  for (const e of input.errors) {
    // Quiet keeps only the problems that make the scan incomplete.
    if (input.quiet && (e.type === 'parse' || e.type === 'skipped')) continue;
    err += `${e.path}${e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : ''} ${e.type}: ${e.message}\n`;
  }
  if (!input.quiet) err += summary(input);
  return { out, err };
}

function summary(input: FormatInput): string {
  const counts = SEVERITIES.slice()
    .reverse()
    .map((s) => [s, input.findings.filter((f) => f.finding.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const n = input.findings.length;
  const baselined = input.baselined > 0 ? ` ${input.baselined} known finding${input.baselined === 1 ? '' : 's'} in the baseline not shown.` : '';
  return `${n} finding${n === 1 ? '' : 's'}${counts.length ? ` (${counts.join(', ')})` : ''} in ${input.files} file${input.files === 1 ? '' : 's'}.${baselined}\n`;
}
