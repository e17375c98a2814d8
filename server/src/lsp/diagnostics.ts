// Findings → the diagnostics the editor shows. Findings on one span (two rules about the same `run:` line or image)
// become one diagnostic: the most severe one's message, the others as related information, so the hover and the
// Problems panel do not stack near-identical entries and the quick-fix menu can offer one "Ignore" for them all.

import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { LineIndex } from '../core/text.js';
import { severityRank, type Finding } from '../core/types.js';
import { SOURCE, asBaselined, ruleDocsUri, toLspRange, toLspSeverity, type DiagnosticData, type SeverityMap } from './convert.js';

/** How diagnostics are shown; plain data, so it crosses to scan worker threads. */
export interface DisplayOptions {
  readonly severityMap: SeverityMap;
  /** the client shows related information (else the other findings' messages go into the message). */
  readonly relatedInformation: boolean;
}

export interface DiagnosticsInput {
  readonly uri: string;
  readonly lines: LineIndex;
  readonly version: number;
  readonly analysis: number;
  readonly display: DisplayOptions;
  /** indices of findings the workspace's baseline records. */
  readonly baselined?: ReadonlySet<number>;
  /** how those are shown: dimmed (the default) or not at all. */
  readonly baselineDisplay?: 'dimmed' | 'hidden';
}

/**
 * Groups of finding indices that share a span: findings that start on the same line and overlap (or sit at the same
 * point). Findings arrive sorted by start, so one pass with the group's running end is enough.
 */
export function spanGroups(findings: readonly Finding[], indices: readonly number[], lines: LineIndex): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let line = -1;
  let start = -1;
  let end = -1;
  for (const i of indices) {
    const r = findings[i]!.range;
    const l = lines.lineOf(r.start);
    const joins = current.length > 0 && l === line && (r.start < end || (r.start === start && r.end === end));
    if (joins) {
      current.push(i);
      end = Math.max(end, r.end);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [i];
    line = l;
    start = r.start;
    end = r.end;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export function findingDiagnostics(findings: readonly Finding[], input: DiagnosticsInput): Diagnostic[] {
  const shown: number[] = [];
  const dimmed: number[] = [];
  findings.forEach((_, i) => {
    if (!input.baselined?.has(i)) shown.push(i);
    else if (input.baselineDisplay !== 'hidden') dimmed.push(i);
  });
  const out = spanGroups(findings, shown, input.lines).map((g) => groupDiagnostic(findings, g, input));
  for (const g of spanGroups(findings, dimmed, input.lines)) out.push(asBaselined(groupDiagnostic(findings, g, input)));
  return out;
}

function groupDiagnostic(findings: readonly Finding[], group: readonly number[], input: DiagnosticsInput): Diagnostic {
  // The most severe finding leads (the first of equals); the order of the others stays the file's.
  let lead = group[0]!;
  for (const i of group) if (severityRank(findings[i]!.severity) > severityRank(findings[lead]!.severity)) lead = i;
  const indices = [lead, ...group.filter((i) => i !== lead)];
  const f = findings[lead]!;
  let start = f.range.start;
  let end = f.range.end;
  for (const i of group) {
    start = Math.min(start, findings[i]!.range.start);
    end = Math.max(end, findings[i]!.range.end);
  }
  const others = indices.slice(1).map((i) => findings[i]!);
  const data: DiagnosticData = { indices, ruleId: f.ruleId, version: input.version, analysis: input.analysis };
  let message = `${f.severity}: ${f.message}`;
  let relatedInformation: DiagnosticRelatedInformation[] | undefined;
  if (others.length > 0) {
    if (input.display.relatedInformation) {
      // The editor lists them under the message, with their own ranges and rule ids.
      relatedInformation = others.map((o) => ({ location: { uri: input.uri, range: toLspRange(input.lines, o.range) }, message: `${o.severity} ${o.ruleId}: ${o.message}` }));
    } else {
      message += others.map((o) => `\n\n${o.severity} ${o.ruleId}: ${o.message}`).join('');
    }
  }
  return {
    range: toLspRange(input.lines, { start, end }),
    severity: toLspSeverity(f.severity, input.display.severityMap),
    source: SOURCE,
    code: f.ruleId,
    codeDescription: { href: ruleDocsUri(f.ruleId) },
    message,
    ...(relatedInformation ? { relatedInformation } : {}),
    data,
  };
}
