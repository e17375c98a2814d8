// Inline suppressions: `# forewarn-ignore[rule-a,rule-b] reason` (that line, or the next from a comment line)
// and `# forewarn-ignore-file[rule]`. `//` comments count in Terraform.

import type { Instruction } from '../parsers/dockerfile.js';
import { SpanIndexCache } from '../core/spans.js';
import type { LineIndex } from '../core/text.js';
import type { FileKind, TextEdit } from '../core/types.js';
import type { SourceFile } from '../models/source-file.js';
import { scalarAt } from '../models/yaml-nodes.js';
import { lineBreakOf } from '../core/text.js';
import { matchesOf } from '../core/regex.js';

const DIRECTIVE = /(#|\/\/)[ \t]*forewarn-ignore(-file)?\[([^\][\r\n]*)\]/g;

export interface Suppressions {
  /** whether `ruleId` is silenced for a finding that starts at `offset`. */
  isSuppressed(ruleId: string, offset: number): boolean;
}

const NONE: Suppressions = { isSuppressed: () => false };

export function findSuppressions(file: SourceFile): Suppressions {
  const { text, lines, kind } = file;
  if (!text.includes('forewarn-ignore')) return NONE;
  const fileWide = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  for (const m of matchesOf(DIRECTIVE, text)) {
    if (m[1] === '//' && kind !== 'terraform') continue;
    const line = lines.lineOf(m.index);
    const before = beforeOnLine(text, lines.lineStart(line), m.index);
    if (!isComment(file, m.index, before)) continue;
    const ids = (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (m[2]) {
      ids.forEach((id) => fileWide.add(id));
      continue;
    }
    // A comment alone on its line covers the next line; a trailing comment covers its own line.
    const target = before.blank ? line + 1 : line;
    const set = byLine.get(target) ?? new Set<string>();
    ids.forEach((id) => set.add(id));
    byLine.set(target, set);
  }
  const onLine = (ruleId: string, line: number) => byLine.get(line)?.has(ruleId) ?? false;
  return {
    isSuppressed: (ruleId, offset) => {
      if (fileWide.has(ruleId)) return true;
      if (byLine.size === 0) return false;
      const line = lines.lineOf(offset);
      if (onLine(ruleId, line)) return true;
      const anchor = suppressionLine(file, offset);
      return anchor !== line && onLine(ruleId, anchor);
    },
  };
}

/** What precedes a directive on its line: nothing, or something ending in white space, or only white space. */
interface Before {
  /** nothing, or white space last (the directive starts a comment). */
  readonly startsComment: boolean;
  /** only white space (the comment stands on its own line). */
  readonly blank: boolean;
}

/**
 * Reads only the white space just before `at`, not the whole line: with many directives on one long line, slicing
 * the line up to each of them was quadratic.
 */
function beforeOnLine(text: string, lineStart: number, at: number): Before {
  if (at === lineStart) return { startsComment: true, blank: true };
  const last = text[at - 1];
  if (last !== ' ' && last !== '\t') return { startsComment: false, blank: false };
  let i = at - 1;
  while (i > lineStart && /\s/.test(text[i - 1]!)) i--;
  return { startsComment: true, blank: i === lineStart && /\s/.test(text[i]!) };
}

/**
 * Whether a directive at `at` is really a comment: it must start one (line start or after white space), not sit
 * inside a YAML or Terraform string, and in a Dockerfile stand on its own line (Docker passes a trailing `#` to the instruction).
 */
function isComment(file: SourceFile, at: number, before: Before): boolean {
  if (!before.startsComment) return false;
  if (file.kind === 'dockerfile') return before.blank;
  const tf = file.terraform;
  if (tf) return tf.isComment(at);
  const docs = file.yaml?.docs;
  return !docs || scalarAt(docs, at) === undefined;
}

/**
 * The line a line-level suppression of a finding at `offset` belongs above: the finding's own line, or, when the
 * finding is inside a multi-line YAML value or a continued Dockerfile instruction, the line where that value or
 * instruction starts — a comment inserted inside it would change the value or break the file.
 */
export function suppressionLine(file: SourceFile, offset: number): number {
  const { lines } = file;
  const line = lines.lineOf(offset);
  const docs = file.yaml?.docs;
  if (docs) {
    const scalar = scalarAt(docs, offset);
    return scalar ? Math.min(line, lines.lineOf(scalar.range![0])) : line;
  }
  const heredoc = file.terraform?.heredocAt(offset);
  if (heredoc) return Math.min(line, lines.lineOf(heredoc.start));
  const df = file.dockerfile;
  if (df) {
    // Asked once per finding: a binary search over the instructions' lines, not a scan of all of them.
    const all = df.getInstructions();
    const [from, to] = INSTRUCTION_LINES.range(all, line);
    for (let i = from; i < to; i++) {
      const r = all[i]!.getRange();
      if (r.start.line <= line && line <= r.end.line) return r.start.line;
    }
  }
  return line;
}

const INSTRUCTION_LINES = new SpanIndexCache<Instruction>((ins) => {
  const r = ins.getRange();
  return { start: r.start.line, end: r.end.line };
});

const FILE_DIRECTIVE = /^[ \t]*#[ \t]*forewarn-ignore-file\[([^\][\r\n]*)\]/m;
/** Dockerfile parser directives (`# syntax=…`) must stay the first lines. */
const DOCKER_DIRECTIVE = /^#[ \t]*[A-Za-z]+[ \t]*=.*$/;

function eol(text: string): string {
  return lineBreakOf(text);
}

/** The word a new suppression comment holds where its reason goes; editors select it for typing. */
export const REASON_PLACEHOLDER = 'reason';

/** A suppression edit; `reason` marks the placeholder inside `newText` when a new comment is inserted. */
export interface SuppressionEdit extends TextEdit {
  readonly reason?: { readonly start: number; readonly end: number };
}

function idList(ruleIds: string | readonly string[]): string {
  return (typeof ruleIds === 'string' ? [ruleIds] : ruleIds).join(',');
}

/** An edit that silences the rules on `line`: joins a directive on the line above or inserts one. */
export function suppressLineEdit(text: string, lines: LineIndex, line: number, ruleIds: string | readonly string[]): SuppressionEdit {
  const ids = idList(ruleIds);
  if (line > 0) {
    const above = lines.lineText(line - 1);
    const m = /^([ \t]*#[ \t]*forewarn-ignore\[)([^\]\r\n]*)\]/.exec(above);
    if (m) {
      const at = lines.lineStart(line - 1) + m[1]!.length + m[2]!.length;
      return { range: { start: at, end: at }, newText: m[2]!.trim() ? `,${ids}` : ids };
    }
  }
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  return inserted({ start, end: start }, `${indent}# forewarn-ignore[${ids}] `, eol(text));
}

/** An edit that silences the rules in the whole file. */
export function suppressFileEdit(text: string, lines: LineIndex, kind: FileKind, ruleIds: string | readonly string[]): SuppressionEdit {
  const ids = idList(ruleIds);
  const m = FILE_DIRECTIVE.exec(text);
  if (m) {
    const at = m.index + m[0].length - 1;
    return { range: { start: at, end: at }, newText: m[1]!.trim() ? `,${ids}` : ids };
  }
  let line = 0;
  if (kind === 'dockerfile') while (line < lines.lineCount && DOCKER_DIRECTIVE.test(lines.lineText(line))) line++;
  // Keep a shebang first.
  if (line === 0 && text.startsWith('#!')) line = 1;
  const start = lines.lineStart(line);
  const nl = eol(text);
  const needsNl = start === text.length && text.length > 0 && !text.endsWith('\n');
  return inserted({ start, end: start }, `${needsNl ? nl : ''}# forewarn-ignore-file[${ids}] `, nl);
}

function inserted(range: TextEdit['range'], before: string, after: string): SuppressionEdit {
  return { range, newText: `${before}${REASON_PLACEHOLDER}${after}`, reason: { start: before.length, end: before.length + REASON_PLACEHOLDER.length } };
}
