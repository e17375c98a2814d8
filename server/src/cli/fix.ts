// `forewarn scan --fix` and `--diff`: apply the rules' fixes to files on disk, pass after pass until nothing more
// applies, and write a file only if it is still exactly what was read.

import { closeSync, constants, lstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { parseAllDocuments } from 'yaml';
import { escapeControl } from '../core/escape.js';
import { applyEdits, selectFixes, type AnalysisResult, type Analyzer, type ForewarnConfig } from '../engine/index.js';
import { nodeCrypto } from '../workspace/node-crypto.js';
import type { FileSnapshot, ScannedFile } from '../workspace/scan.js';

/** Enough for fixes that enable other fixes; a pair of fixes undoing each other stops here too. */
const MAX_PASSES = 10;

export interface FixedFile {
  readonly path: string;
  readonly absPath: string;
  /** fixes applied, per rule id. */
  readonly byRule: ReadonlyMap<string, number>;
  readonly count: number;
  /** the analysis of the fixed text (what remains to report). */
  readonly result: AnalysisResult;
  /** unified diff, secrets masked and control characters escaped. */
  readonly diff: string;
  /** lines added and removed, for the summary. */
  readonly added: number;
  readonly removed: number;
  readonly written: boolean;
}

export interface FixProblem {
  readonly path: string;
  readonly absPath: string;
  readonly message: string;
}

export interface FixReport {
  /** `fix`: files were written; `diff`: only shown. */
  readonly mode: 'fix' | 'diff';
  readonly unsafe: boolean;
  readonly files: readonly FixedFile[];
  /** files whose fixes could not be written (changed on disk, not UTF-8, a fix that would break the file). */
  readonly problems: readonly FixProblem[];
  readonly count: number;
  readonly byRule: ReadonlyMap<string, number>;
}

export interface FixOptions {
  readonly mode: 'fix' | 'diff';
  readonly unsafe: boolean;
  readonly analyzer: Analyzer;
  readonly config: ForewarnConfig;
}

/** Fixes files one at a time as the scan reads them (so only changed files are kept), then reports. */
export class Fixer {
  private readonly files: FixedFile[] = [];
  private readonly problems: FixProblem[] = [];
  private readonly byRule = new Map<string, number>();

  constructor(private readonly opts: FixOptions) {}

  add(file: ScannedFile): void {
    const outcome = fixFile(file, this.opts);
    if (!outcome) return;
    if ('problem' in outcome) {
      this.problems.push({ path: file.path, absPath: file.absPath, message: outcome.problem });
      return;
    }
    let written = false;
    if (this.opts.mode === 'fix') {
      const refused = writeIfUnchanged(file.absPath, file.snapshot!, outcome.text);
      if (refused) {
        this.problems.push({ path: file.path, absPath: file.absPath, message: refused });
        return;
      }
      written = true;
    }
    for (const [id, n] of outcome.byRule) this.byRule.set(id, (this.byRule.get(id) ?? 0) + n);
    const diff = displayDiff(file, outcome.result);
    this.files.push({ path: file.path, absPath: file.absPath, byRule: outcome.byRule, count: outcome.count, result: outcome.result, diff: diff.text, added: diff.added, removed: diff.removed, written });
  }

  report(): FixReport {
    const count = this.files.reduce((n, f) => n + f.count, 0);
    return { mode: this.opts.mode, unsafe: this.opts.unsafe, files: this.files, problems: this.problems, count, byRule: this.byRule };
  }
}

type Outcome = { text: string; result: AnalysisResult; byRule: Map<string, number>; count: number } | { problem: string };

/** The file with every applicable fix applied, re-analyzed after each pass; undefined when nothing applies. */
function fixFile(file: ScannedFile, opts: FixOptions): Outcome | undefined {
  if (!file.snapshot) return undefined;
  let text = file.text;
  let result = file.result;
  const byRule = new Map<string, number>();
  let count = 0;
  const yaml = file.kind !== 'dockerfile' && file.kind !== 'terraform';
  let duplicates = yaml ? duplicateKeys(text) : 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const selection = selectFixes(result.findings, opts.unsafe);
    if (selection.edits.length === 0) break;
    let { fixed } = selection;
    let next = applyEdits(text, selection.edits);
    if (next === text) break;
    // Two fixes that are right alone can clash together: both add `persist-credentials: false` to one step. A pass
    // that adds a duplicate key is redone with the first of its fixes only; the next pass sees what that left.
    let addsDuplicate = yaml && fixed.length > 1 && duplicateKeys(next) > duplicates;
    if (addsDuplicate) {
      const [lead] = fixed;
      const fix = lead!.fixes.find((x) => x.safety === 'safe') ?? lead!.fixes.find((x) => x.safety === 'unsafe');
      fixed = [lead!];
      next = fix && fix.safety !== 'needs-network' ? applyEdits(text, fix.edits) : text;
      addsDuplicate = duplicateKeys(next) > duplicates;
    }
    const after = opts.analyzer.analyze({ path: file.relPath, text: next, kind: file.kind, ...(file.module ? { module: file.module } : {}) }, opts.config);
    opts.analyzer.forget(file.relPath);
    // A fix must never break the file: keep what the earlier passes did, and say so.
    if (after.parseErrors.length > result.parseErrors.length || after.skipped || addsDuplicate) {
      if (count === 0) return { problem: `a fix (${[...new Set(fixed.map((f) => f.ruleId))].join(', ')}) would make the file unreadable; nothing was changed. Please report this.` };
      break;
    }
    for (const f of fixed) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    count += fixed.length;
    text = next;
    result = after;
    if (yaml) duplicates = duplicateKeys(text);
  }
  if (count === 0) return undefined;
  if (!file.snapshot.utf8) return { problem: 'not written: the file is not UTF-8 text (UTF-16, or invalid bytes), and writing it back would change more than the fixes.' };
  return { text, result, byRule, count };
}

/** Mapping keys that appear twice in one mapping: Forewarn's parse tolerates them, GitHub and GitLab reject the file. */
function duplicateKeys(text: string): number {
  let n = 0;
  for (const doc of parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'silent' })) {
    if ('errors' in doc) for (const e of doc.errors) if (e.code === 'DUPLICATE_KEY') n++;
  }
  return n;
}

/**
 * Writes `text` (with the BOM the file had) only if the file is still the one that was read: same size, same
 * modification time, same bytes. Returns why it did not write, or undefined.
 */
export function writeIfUnchanged(absPath: string, snapshot: FileSnapshot, text: string): string | undefined {
  try {
    // lstat: a file replaced by a symbolic link since it was read is not followed.
    const st = lstatSync(absPath);
    if (!st.isFile()) return 'not written: it is no longer a regular file.';
    if (st.size !== snapshot.size || st.mtimeMs !== snapshot.mtimeMs) return 'not written: the file changed since Forewarn read it. Run the command again.';
    const now = readFileSync(absPath);
    if (nodeCrypto().createHash('sha256').update(now).digest('hex') !== snapshot.sha256) return 'not written: the file changed since Forewarn read it. Run the command again.';
    const fd = openSync(absPath, constants.O_WRONLY | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0));
    try {
      writeSync(fd, Buffer.from((snapshot.bom ? '\ufeff' : '') + text, 'utf8'));
    } finally {
      closeSync(fd);
    }
    return undefined;
  } catch (e) {
    return `not written: ${(e as Error).message}`;
  }
}

/**
 * The change as a unified diff for reading: both sides through their file's redactor (a fix that moves a secret out
 * of the file must not print it), control characters escaped, CRLF shown as line ends.
 */
function displayDiff(file: ScannedFile, after: AnalysisResult): { text: string; added: number; removed: number } {
  const before = file.result.redactor.source(0, file.text.length);
  const afterText = after.file?.text ?? '';
  const now = after.redactor.source(0, afterText.length);
  const patch = createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, before, now, undefined, undefined, { context: 3 });
  let added = 0;
  let removed = 0;
  const lines = patch.split('\n').map((l) => {
    if (l.startsWith('+') && !l.startsWith('+++')) added++;
    else if (l.startsWith('-') && !l.startsWith('---')) removed++;
    return escapeControl(l.endsWith('\r') ? l.slice(0, -1) : l);
  });
  // The first line of createTwoFilesPatch is an `Index:` header and a rule of `=`: not part of a git-style diff.
  const start = lines.findIndex((l) => l.startsWith('--- '));
  return { text: lines.slice(start === -1 ? 0 : start).join('\n'), added, removed };
}
