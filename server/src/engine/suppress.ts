// Inline suppressions: `# forewarn-ignore[rule-a,rule-b] reason` (that line, or the next from a comment line)
// and `# forewarn-ignore-file[rule]`. `//` comments count in Terraform.

import type { LineIndex } from '../core/text.js';
import type { FileKind, TextEdit } from '../core/types.js';

const DIRECTIVE = /(#|\/\/)[ \t]*forewarn-ignore(-file)?\[([^\]\r\n]*)\]/g;

export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

const NONE: Suppressions = { isSuppressed: () => false };

export function findSuppressions(text: string, lines: LineIndex, kind: FileKind): Suppressions {
  if (!text.includes('forewarn-ignore')) return NONE;
  const fileWide = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  for (const m of text.matchAll(DIRECTIVE)) {
    if (m[1] === '//' && kind !== 'terraform') continue;
    const line = lines.lineOf(m.index);
    const before = text.slice(lines.lineStart(line), m.index);
    // The marker must start a comment: at the line start or after white space.
    if (before.length > 0 && !/[ \t]$/.test(before)) continue;
    const ids = (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (m[2]) {
      ids.forEach((id) => fileWide.add(id));
      continue;
    }
    // A comment alone on its line covers the next line; a trailing comment covers its own line.
    const target = before.trim() === '' ? line + 1 : line;
    const set = byLine.get(target) ?? new Set<string>();
    ids.forEach((id) => set.add(id));
    byLine.set(target, set);
  }
  return {
    isSuppressed: (ruleId, line) => fileWide.has(ruleId) || (byLine.get(line)?.has(ruleId) ?? false),
  };
}

const FILE_DIRECTIVE = /^[ \t]*#[ \t]*forewarn-ignore-file\[([^\]\r\n]*)\]/m;
/** Dockerfile parser directives (`# syntax=…`) must stay the first lines. */
const DOCKER_DIRECTIVE = /^#[ \t]*[A-Za-z]+[ \t]*=.*$/;

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** An edit that silences `ruleId` on `line`: joins a directive on the line above or inserts one. */
export function suppressLineEdit(text: string, lines: LineIndex, line: number, ruleId: string): TextEdit {
  if (line > 0) {
    const above = lines.lineText(line - 1);
    const m = /^([ \t]*#[ \t]*forewarn-ignore\[)([^\]\r\n]*)\]/.exec(above);
    if (m) {
      const at = lines.lineStart(line - 1) + m[1]!.length + m[2]!.length;
      return { range: { start: at, end: at }, newText: m[2]!.trim() ? `,${ruleId}` : ruleId };
    }
  }
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  return { range: { start, end: start }, newText: `${indent}# forewarn-ignore[${ruleId}] <reason>${eol(text)}` };
}

/** An edit that silences `ruleId` in the whole file. */
export function suppressFileEdit(text: string, lines: LineIndex, kind: FileKind, ruleId: string): TextEdit {
  const m = FILE_DIRECTIVE.exec(text);
  if (m) {
    const at = m.index + m[0].length - 1;
    return { range: { start: at, end: at }, newText: m[1]!.trim() ? `,${ruleId}` : ruleId };
  }
  let line = 0;
  if (kind === 'dockerfile') while (line < lines.lineCount && DOCKER_DIRECTIVE.test(lines.lineText(line))) line++;
  // Keep a shebang first.
  if (line === 0 && text.startsWith('#!')) line = 1;
  const start = lines.lineStart(line);
  const nl = eol(text);
  const needsNl = start === text.length && text.length > 0 && !text.endsWith('\n');
  return { range: { start, end: start }, newText: `${needsNl ? nl : ''}# forewarn-ignore-file[${ruleId}] <reason>${nl}` };
}
