// Engine results → LSP shapes: diagnostics keyed for code actions, ranges, severities.

import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range as LspRange } from 'vscode-languageserver';
import { ruleDocsUrl } from '../core/meta.js';
import type { LineIndex } from '../core/text.js';
import type { Finding, Range, Severity } from '../core/types.js';

export const SOURCE = 'forewarn';

export function toLspRange(lines: LineIndex, r: Range): LspRange {
  return { start: lines.positionAt(r.start), end: lines.positionAt(r.end) };
}

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'critical':
    case 'high':
      return DiagnosticSeverity.Error;
    case 'medium':
      return DiagnosticSeverity.Warning;
    default:
      return DiagnosticSeverity.Information;
  }
}

/** What a diagnostic carries back to the server in a code-action request. */
export interface DiagnosticData {
  /** index of the finding in the analysis numbered `analysis`. */
  readonly index: number;
  readonly ruleId: string;
  readonly version: number;
  /**
   * which analysis published it: a settings or config change re-analyses the same version, and the
   * indices of the new result mean other findings.
   */
  readonly analysis: number;
}

export function toDiagnostic(f: Finding, index: number, version: number, analysis: number, lines: LineIndex): Diagnostic {
  const data: DiagnosticData = { index, ruleId: f.ruleId, version, analysis };
  return {
    range: toLspRange(lines, f.range),
    severity: toLspSeverity(f.severity),
    source: SOURCE,
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    message: f.message,
    data,
  };
}

export function isDiagnosticData(d: unknown): d is DiagnosticData {
  const o = d as Partial<DiagnosticData> | null;
  return !!o && typeof o.index === 'number' && typeof o.ruleId === 'string' && typeof o.version === 'number' && typeof o.analysis === 'number';
}

/** A finding the workspace's baseline already records: still visible, but as dimmed information. */
export function asBaselined(d: Diagnostic): Diagnostic {
  return { ...d, severity: DiagnosticSeverity.Information, tags: [DiagnosticTag.Unnecessary], message: `${d.message} (Known: recorded in the baseline file.)` };
}
