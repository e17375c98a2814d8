// `--format text`: one line per finding for scripts and terminals that link `path:line:col`; the rest on stderr.
// Every piece of file text (paths, messages) is escaped: a file cannot move the cursor or erase a line.

import { escapeControl } from '../../core/escape.js';
import { SEVERITIES, type Severity } from '../../core/types.js';
import type { FixReport } from '../fix.js';
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
    out += `${escapeControl(path)}:${start.line + 1}:${start.character + 1} ${paint(SEVERITY_COLOR[f.severity], f.severity)} ${paint(DIM, f.ruleId)} ${escapeControl(f.message)}\n`;
  }
  let err = '';
  for (const e of input.errors) {
    // Quiet keeps only the problems that make the scan incomplete.
    if (input.quiet && (e.type === 'parse' || e.type === 'skipped')) continue;
    const path = escapeControl(e.path);
    // A skipped file's message says so itself ("Forewarn skipped this file: …").
    if (e.type === 'skipped') err += `${path}: ${escapeControl(e.message)}\n`;
    else err += `${path}${e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : ''} ${e.type}: ${escapeControl(e.message)}\n`;
  }
  if (input.fixes) err += fixLines(input.fixes);
  if (!input.quiet) err += summary(input);
  return { out, err };
}

/** What --fix did, one line per file, on stderr with the summary. */
export function fixLines(report: FixReport): string {
  let err = '';
  const verb = report.mode === 'fix' ? 'fixed' : 'would fix';
  for (const f of report.files) {
    err += `${escapeControl(f.path)}: ${verb} ${f.count} (${[...f.byRule].map(([id, n]) => `${n} ${id}`).join(', ')})\n`;
  }
  for (const p of report.problems) err += `${escapeControl(p.path)}: ${escapeControl(p.message)}\n`;
  if (report.count > 0) err += `${report.mode === 'fix' ? 'Fixed' : 'Would fix'} ${report.count} problem${report.count === 1 ? '' : 's'} in ${report.files.length} file${report.files.length === 1 ? '' : 's'}.\n`;
  else if (report.problems.length === 0) err += 'Nothing to fix automatically.\n';
  return err;
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
