// The quick-fix menu and "fix all", built from an analysis and the diagnostics the editor asks about.
// Menu order: each fix once (safe ones first), pins, then one "Ignore … on this line" for every rule on that line, one "Ignore … in
// this file", then each rule's page. Suppression comments are snippets with the reason as a tab stop.

import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type Diagnostic,
  type SnippetTextEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { LineIndex } from '../core/text.js';
import type { Finding, TextEdit } from '../core/types.js';
import { selectFixes, suppressFileEdit, suppressLineEdit, type SuppressionEdit } from '../engine/index.js';
import { SHOW_DOCS_COMMAND, SOURCE, isDiagnosticData, toLspRange } from './convert.js';
import type { DocumentResult } from './document-analysis.js';
import { pinAction } from './pin.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.forewarn`;

/** The analysed text: the version the analysis ran on, and its line table. */
export interface DocumentRef {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
}

export interface QuickFixInput {
  readonly doc: DocumentRef;
  /** the analysis the diagnostics came from (same version, same analysis number). */
  readonly result: DocumentResult;
  readonly analysis: number;
  readonly diagnostics: readonly Diagnostic[];
  /** the client applies snippet edits (`workspace.workspaceEdit.snippetEditSupport`). */
  readonly snippets: boolean;
  /** pin lookups are allowed (trusted workspace, `forewarn.allowNetwork`). */
  readonly network: boolean;
  /**
   * The lines the line-level suppressions of findings at these offsets belong on (a multi-line value's first line).
   * It needs the parse, which the analysis worker keeps; the finding's own line when that version is gone.
   */
  readonly suppressionLines: (offsets: readonly number[]) => Promise<readonly number[]>;
}

export async function quickFixes(input: QuickFixInput): Promise<CodeAction[]> {
  const { doc, result } = input;
  const lines = doc.lines;
  if (!result.parsed || !result.kind) return [];
  // The findings the diagnostics show, each with the diagnostic that shows it.
  const asked: { finding: Finding; diag: Diagnostic }[] = [];
  const seenIndex = new Set<number>();
  for (const diag of input.diagnostics) {
    if (diag.source !== SOURCE || !isDiagnosticData(diag.data) || diag.data.analysis !== input.analysis) continue;
    const [first] = diag.data.indices;
    if (result.findings[first!]?.ruleId !== diag.data.ruleId) continue;
    for (const i of diag.data.indices) {
      const finding = result.findings[i];
      if (!finding || seenIndex.has(i)) continue;
      seenIndex.add(i);
      asked.push({ finding, diag });
    }
  }
  if (asked.length === 0) return [];

  const fixes: CodeAction[] = [];
  const seenFix = new Set<string>();
  const pins: CodeAction[] = [];
  for (const { finding, diag } of asked) {
    for (const fix of finding.fixes) {
      if (fix.safety === 'needs-network') {
        if (input.network) pins.push(pinAction(fix.title, { uri: doc.uri, version: doc.version, requests: [fix.resolve] }, [diag]));
        continue;
      }
      // Two findings can offer the same change (two rules, one remedy): it is listed once.
      const key = `${fix.title}\0${JSON.stringify(fix.edits)}`;
      if (seenFix.has(key)) continue;
      seenFix.add(key);
      fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diag], isPreferred: fix.safety === 'safe', edit: workspaceEdit(doc, fix.edits) });
    }
  }
  // Safe fixes first (the one VS Code marks preferred), then the unsafe ones, each group in the file's order.
  fixes.sort((a, b) => Number(b.isPreferred === true) - Number(a.isPreferred === true));
  if (pins.length > 0) {
    const all = result.pinRequests;
    if (all.length > 1) pins.push(pinAction('Pin all actions and images in this file', { uri: doc.uri, version: doc.version, requests: [...all] }));
  }

  const diagnostics = unique(asked.map((a) => a.diag));
  const fileIds = unique(asked.map((a) => a.finding.ruleId));
  const docs = fileIds.map(
    (id): CodeAction => ({
      title: `Show documentation for ${id}`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      command: { title: `Show documentation for ${id}`, command: SHOW_DOCS_COMMAND, arguments: [id] },
    }),
  );
  // JSON and XML have no `#` comments: a suppression comment would break the file (use text.exclude instead).
  if (!result.hashComments) return [...fixes, ...pins, ...docs];
  // One "Ignore" per line asked about, naming every rule with a finding whose suppression belongs on that line.
  const ignores: CodeAction[] = [];
  const wantedLines = unique(await input.suppressionLines(asked.map((a) => a.finding.range.start)));
  const wanted = new Set(wantedLines);
  const first = wantedLines.reduce((m, l) => Math.min(m, l), Infinity);
  // A suppression line is never below the finding's own line: only findings from the first wanted line on can share one.
  const candidates = result.findings.filter((f) => lines.lineOf(f.range.start) >= first);
  const candidateLines = await input.suppressionLines(candidates.map((f) => f.range.start));
  const lineOf = new Map<number, string[]>();
  candidates.forEach((f, k) => {
    const line = candidateLines[k]!;
    if (!wanted.has(line)) return;
    const ids = lineOf.get(line) ?? [];
    if (!ids.includes(f.ruleId)) ids.push(f.ruleId);
    lineOf.set(line, ids);
  });
  for (const line of wantedLines) {
    const ids = lineOf.get(line) ?? [];
    ignores.push({
      title: `Ignore ${ids.join(', ')} on this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      edit: suppressionWorkspaceEdit(doc, suppressLineEdit(doc.text, lines, line, ids), input.snippets),
    });
  }
  ignores.push({
    title: `Ignore ${fileIds.join(', ')} in this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: suppressionWorkspaceEdit(doc, suppressFileEdit(doc.text, lines, result.kind, fileIds), input.snippets),
  });

  return [...fixes, ...pins, ...ignores, ...docs];
}

export interface FixAllSummary {
  /** the edit, when there is anything to fix. */
  readonly edit?: WorkspaceEdit;
  /** findings fixed, per rule id, in the order of the file. */
  readonly fixed: readonly { readonly ruleId: string; readonly count: number }[];
  readonly fixedCount: number;
  /**
   * findings left: with an unsafe fix only, needing a lookup (pin), or with no fix; `again`: a safe fix that
   * overlaps one this edit makes (a second "Fix all" on the changed text takes it, if it is still needed).
   */
  readonly remaining: { readonly unsafe: number; readonly lookup: number; readonly none: number; readonly again: number };
}

/** Every safe fix of the file in one edit, and what it does, for "Fix all" and the fix-all code action. */
export function fixAll(doc: DocumentRef, result: DocumentResult): FixAllSummary {
  const { edits, fixed } = selectFixes(result.findings);
  const counts = new Map<string, number>();
  for (const f of fixed) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  const taken = new Set(fixed);
  const remaining = { unsafe: 0, lookup: 0, none: 0, again: 0 };
  for (const f of result.findings) {
    if (taken.has(f)) continue;
    if (f.fixes.some((x) => x.safety === 'safe')) remaining.again++;
    else if (f.fixes.some((x) => x.safety === 'unsafe')) remaining.unsafe++;
    else if (f.fixes.some((x) => x.safety === 'needs-network')) remaining.lookup++;
    else remaining.none++;
  }
  return {
    ...(edits.length > 0 && result.parsed ? { edit: workspaceEdit(doc, edits) } : {}),
    fixed: [...counts].map(([ruleId, count]) => ({ ruleId, count })),
    fixedCount: fixed.length,
    remaining,
  };
}

/** The fix-all source action's title: how many problems and which rules. */
export function fixAllTitle(s: FixAllSummary): string {
  return `Forewarn: fix ${s.fixedCount} problem${s.fixedCount === 1 ? '' : 's'} (${s.fixed.map((r) => r.ruleId).join(', ')})`;
}

export function workspaceEdit(doc: DocumentRef, edits: readonly TextEdit[]): WorkspaceEdit {
  const lspEdits: LspTextEdit[] = edits.map((e) => ({ range: toLspRange(doc.lines, e.range), newText: e.newText }));
  return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, lspEdits)] };
}

/** A suppression comment: a snippet whose reason is the first tab stop when the client can, else plain text. */
function suppressionWorkspaceEdit(doc: DocumentRef, edit: SuppressionEdit, snippets: boolean): WorkspaceEdit {
  if (!snippets || !edit.reason) return workspaceEdit(doc, [edit]);
  const t = edit.newText;
  const value = `${snippetText(t.slice(0, edit.reason.start))}\${1:${snippetText(t.slice(edit.reason.start, edit.reason.end))}}${snippetText(t.slice(edit.reason.end))}`;
  const snippet: SnippetTextEdit = { range: toLspRange(doc.lines, edit.range), snippet: { kind: 'snippet', value } };
  return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, [snippet])] };
}

/** Literal text inside a snippet: `$`, `}` and `\` are escaped. */
export function snippetText(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
