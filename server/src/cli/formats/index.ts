// What every output format receives, and the choice of format by name.

import type { Severity } from '../../core/types.js';
import type { RuleMeta } from '../../rules/define.js';
import type { ScanReport, ScannedFinding } from '../../workspace/scan.js';
import type { Format } from '../options.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export interface ReportedFinding extends ScannedFinding {
  /** content fingerprint (see engine/baseline.ts) with the path as shown; stable across line shifts. */
  readonly fingerprint: string;
}

export interface FormatInput {
  readonly findings: readonly ReportedFinding[];
  readonly errors: ScanReport['errors'];
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
  readonly argv: readonly string[];
  readonly color: boolean;
  readonly quiet: boolean;
}

export interface FormatOutput {
  /** the report (standard output, or the --output file). */
  readonly out: string;
  /** for people, on standard error. */
  readonly err: string;
}

export function formatReport(format: Format, input: FormatInput): FormatOutput {
  switch (format) {
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
