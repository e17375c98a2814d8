// What every output format receives, and the choice of format by name.

import { isAbsolute, relative, sep } from 'node:path';
import type { Severity } from '../../core/types.js';
import type { RuleMeta } from '../../rules/define.js';
import type { ScanError, ScannedFinding } from '../../workspace/scan.js';
import type { FixReport } from '../fix.js';
import type { Format } from '../options.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export interface ReportedFinding extends ScannedFinding {
  /** content fingerprint (see engine/baseline.ts) with the path as shown; stable across line shifts. */
  readonly fingerprint: string;
  /** the same with the path from the root (SARIF, GitLab), so it does not depend on where the scan ran. */
  readonly rootFingerprint: string;
}

export interface FormatInput {
  readonly findings: readonly ReportedFinding[];
  readonly errors: readonly ScanError[];
  readonly files: number;
  /** findings a baseline held back. */
  readonly baselined: number;
  readonly exitCode: number;
  readonly startTime: Date;
  readonly endTime: Date;
  readonly version: string;
  /** every rule Forewarn knows, with the severity configuration gives it. */
  readonly rules: readonly (RuleMeta & { readonly effectiveSeverity: Severity })[];
  readonly cwd: string;
  /** the folder paths in sarif, gitlab and github output are relative to (the repository root, or --root). */
  readonly root: string;
  readonly argv: readonly string[];
  readonly color: boolean;
  readonly quiet: boolean;
  /** terminal width for the pretty report. */
  readonly width: number;
  /** what `--fix` wrote or `--diff` would write; the findings are then those that remain. */
  readonly fixes?: FixReport;
}

export interface FormatOutput {
  /** the report (standard output, or the --output file). */
  readonly out: string;
  /** for people, on standard error. */
  readonly err: string;
}

export function formatReport(format: Format, input: FormatInput): FormatOutput {
  switch (format) {
    case 'pretty':
      return formatPretty(input);
    case 'text':
      return formatText(input);
    case 'json':
      return { out: formatJson(input), err: '' };
    case 'sarif':
      return { out: formatSarif(input), err: '' };
    case 'gitlab':
      return { out: formatGitlab(input), err: '' };
    case 'github':
      return { out: formatGithub(input), err: '' };
  }
}

/**
 * A path as code scanning, GitLab and GitHub annotations want it: relative to the repository root, with `/`. A file
 * outside the root keeps its absolute path (never `../`, which no consumer maps back to the repository).
 */
export function rootPath(root: string, absPath: string): string {
  const r = relative(root, absPath);
  if (r === '' || r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r)) return absPath.split(sep).join('/');
  return r.split(sep).join('/');
}
