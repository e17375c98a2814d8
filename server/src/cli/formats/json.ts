// `--format json`: the documented contract, version 1 (docs/cli.md); changes only with a new version number.

import type { FormatInput } from './index.js';

export function formatJson(input: FormatInput): string {
  const json = {
    version: 1,
    findings: input.findings.map(({ path, finding: f, start, end, fingerprint }) => ({
      ruleId: f.ruleId,
      family: f.family,
      severity: f.severity,
      path,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      message: f.message,
      // Fixes that need a network lookup are not counted until a resolver can apply them.
      fixable: f.fixes.some((x) => x.safety !== 'needs-network'),
      fingerprint,
    })),
    // Only the documented fields (absPath is for the formats that show paths from the repository root).
    errors: input.errors.map(({ path, type, message, line, column }) => ({ path, type, message, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) })),
    baselined: input.baselined,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
