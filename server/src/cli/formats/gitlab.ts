// `--format gitlab`: GitLab's code quality report (a JSON array of issues), shown in merge requests.

import type { Severity } from '../../core/types.js';
import { rootPath, type FormatInput } from './index.js';

/** GitLab's code quality severities, lowest first: info, minor, major, critical, blocker. */
export const GITLAB_SEVERITY: Readonly<Record<Severity, string>> = {
  info: 'info',
  low: 'minor',
  medium: 'major',
  high: 'critical',
  critical: 'blocker',
};

export function formatGitlab(input: FormatInput): string {
  // GitLab keys issues by fingerprint: identical findings in one file get distinct ones, in order.
  const seen = new Map<string, number>();
  const issues = input.findings.map(({ absPath, finding: f, start, end, rootFingerprint: fingerprint }) => {
    const n = seen.get(fingerprint) ?? 0;
    seen.set(fingerprint, n + 1);
    return {
      type: 'issue',
      description: f.message,
      check_name: f.ruleId,
      fingerprint: n === 0 ? fingerprint : `${fingerprint}-${n + 1}`,
      severity: GITLAB_SEVERITY[f.severity],
      categories: ['Security'],
      location: { path: rootPath(input.root, absPath), lines: { begin: start.line + 1, end: end.line + 1 } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
