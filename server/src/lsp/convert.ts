// Engine results → LSP shapes: ranges, severities (through the user's severity map), rule page links.

import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range as LspRange } from 'vscode-languageserver';
import type { LineIndex } from '../core/text.js';
import { SEVERITIES, type Range, type Severity } from '../core/types.js';

export const SOURCE = 'forewarn';
/** The client command that renders a rule's page from the copy bundled with the extension. */
export const SHOW_DOCS_COMMAND = 'forewarn.showRuleDocumentation';

export function toLspRange(lines: LineIndex, r: Range): LspRange {
  return { start: lines.positionAt(r.start), end: lines.positionAt(r.end) };
}

/** How a Forewarn severity shows in the editor (`forewarn.severityMap`). */
export const EDITOR_LEVELS = ['error', 'warning', 'information', 'hint'] as const;
export type EditorLevel = (typeof EDITOR_LEVELS)[number];
export type SeverityMap = Readonly<Record<Severity, EditorLevel>>;

/**
 * Red only for what is urgent: an unpinned action (high) must not look like a leaked key (critical), or most of a
 * file turns red and the squiggles stop meaning anything.
 */
export const DEFAULT_SEVERITY_MAP: SeverityMap = {
  critical: 'error',
  high: 'warning',
  medium: 'warning',
  low: 'information',
  info: 'hint',
};

const LEVEL: Readonly<Record<EditorLevel, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspSeverity(s: Severity, map: SeverityMap = DEFAULT_SEVERITY_MAP): DiagnosticSeverity {
  return LEVEL[map[s]];
}

/** The setting as the client sends it, over the defaults: unknown keys and values are ignored. */
export function readSeverityMap(raw: unknown): SeverityMap {
  if (!raw || typeof raw !== 'object') return DEFAULT_SEVERITY_MAP;
  const o = raw as Record<string, unknown>;
  const map: Record<Severity, EditorLevel> = { ...DEFAULT_SEVERITY_MAP };
  let changed = false;
  for (const s of SEVERITIES) {
    const v = typeof o[s] === 'string' ? (o[s] as string).toLowerCase() : undefined;
    if (v && (EDITOR_LEVELS as readonly string[]).includes(v) && v !== map[s]) {
      map[s] = v as EditorLevel;
      changed = true;
    }
  }
  return changed ? map : DEFAULT_SEVERITY_MAP;
}

/**
 * The rule's page as a link that works offline: a command URI that the editor runs to render the page bundled with
 * the extension (VS Code opens command links from diagnostics' codes and from document links).
 */
export function ruleDocsUri(ruleId: string): string {
  return `command:${SHOW_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}

/** What a diagnostic carries back to the server in a code-action request. */
export interface DiagnosticData {
  /** indices of the findings it shows (several when findings share a span), in the analysis numbered `analysis`. */
  readonly indices: readonly number[];
  /** the rule of the first index (the one the diagnostic's code names). */
  readonly ruleId: string;
  readonly version: number;
  /**
   * which analysis published it: a settings or config change re-analyses the same version, and the
   * indices of the new result mean other findings.
   */
  readonly analysis: number;
}

export function isDiagnosticData(d: unknown): d is DiagnosticData {
  const o = d as Partial<DiagnosticData> | null;
  return (
    !!o &&
    Array.isArray(o.indices) &&
    o.indices.length > 0 &&
    o.indices.every((i) => Number.isInteger(i) && i >= 0) &&
    typeof o.ruleId === 'string' &&
    typeof o.version === 'number' &&
    typeof o.analysis === 'number'
  );
}

/** A finding the workspace's baseline already records: still visible, but as dimmed information. */
export function asBaselined(d: Diagnostic): Diagnostic {
  return { ...d, severity: DiagnosticSeverity.Information, tags: [DiagnosticTag.Unnecessary], message: `${d.message} (Known: recorded in the baseline file.)` };
}
