// Analysing one file as it is on disk, for the workspace scan: read, hash, skip when unchanged, analyse, convert.
// Runs in the server process or in a scan worker thread; everything it returns is structured-cloneable.

import { createHash } from 'node:crypto';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { SEVERITIES, type FileKind, type Severity } from '../core/types.js';
import { BaselineMatcher, type BaselineEntry } from '../engine/baseline.js';
import { tooLarge, type Analyzer, type ForewarnConfig } from '../engine/index.js';
import { fingerprintAt } from '../workspace/baseline-file.js';
import { decodeText } from '../workspace/decode.js';
import type { ModuleContextLoader } from '../workspace/module-context.js';
import { safeRead } from '../workspace/safe-read.js';
import { SOURCE, asBaselined, toDiagnostic } from './convert.js';

export type SeverityCounts = Record<Severity, number>;

export function zeroCounts(): SeverityCounts {
  return { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
}

export interface DiskJob {
  /** absolute path. */
  readonly path: string;
  /** path relative to the config's folder (or the workspace folder), for globs and kind detection. */
  readonly rel: string;
  /** the workspace folder the file must really lie in (links resolved); nothing outside it is read. */
  readonly folder: string;
  /** the kind its path says, if any (YAML is sniffed from its content otherwise). */
  readonly kind: FileKind | undefined;
  readonly configIndex: number;
  /** hash of the content last analysed: when it still matches, the file is not analysed again. */
  readonly knownHash: string | undefined;
  /** the workspace baseline's entries for this file, and how to show the findings they record. */
  readonly baseline?: DiskBaseline;
}

export interface DiskBaseline {
  /** the folder the baseline file sits in (its paths are relative to it). */
  readonly root: string;
  /** this file's path as the baseline stores it. */
  readonly path: string;
  readonly entries: readonly BaselineEntry[];
  readonly display: 'dimmed' | 'hidden';
}

export type DiskResult =
  | { readonly path: string; readonly status: 'unchanged'; readonly hash: string }
  | {
      readonly path: string;
      readonly status: 'analyzed';
      readonly hash: string;
      /** whether the file is one Forewarn analyses at all (a YAML file of no known kind is not). */
      readonly supported: boolean;
      readonly diagnostics: Diagnostic[];
      readonly counts: SeverityCounts;
    }
  | { readonly path: string; readonly status: 'unreadable'; readonly message: string };

/** Diagnostics of files analysed from disk carry no analysis number: code actions re-analyse when the file opens. */
export const DISK_ANALYSIS = -1;

/** `modules` supplies Terraform files' folder contexts; their signature is part of the hash, so a sibling change is seen. */
export function analyzeOnDisk(job: DiskJob, config: ForewarnConfig, analyzer: Analyzer, modules?: ModuleContextLoader): DiskResult {
  // Regular files inside the folder only, size checked before reading: a watcher event for a link to /dev/zero, a
  // FIFO or a file outside the workspace reads nothing.
  const read = safeRead(job.path, { maxSize: config.maxFileSize, within: job.folder });
  if (!read.ok) {
    if (read.reason !== 'too-large') return { path: job.path, status: 'unreadable', message: read.message };
    const hash = `size:${read.size ?? 0}`;
    if (job.knownHash === hash) return { path: job.path, status: 'unchanged', hash };
    // A large YAML file no glob claims (a lock file, an API spec), or a large `text` file, is not worth a message.
    const diagnostics: Diagnostic[] = job.kind && job.kind !== 'text'
      ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: SOURCE, message: tooLarge(config.maxFileSize).message }]
      : [];
    return { path: job.path, status: 'analyzed', hash, supported: job.kind !== undefined && job.kind !== 'text', diagnostics, counts: zeroCounts() };
  }
  const bytes = read.bytes;
  const module = job.kind === 'terraform' ? modules?.forFile(job.path, undefined, job.folder) : undefined;
  const contentHash = createHash('sha1').update(bytes).digest('base64');
  const hash = module ? `${contentHash}+${modules!.signature(module)}` : contentHash;
  if (job.knownHash === hash) return { path: job.path, status: 'unchanged', hash };
  const text = decodeText(bytes);
  const input = job.kind ? { path: job.rel, text, kind: job.kind } : { path: job.rel, text, fullPath: job.path };
  const result = analyzer.analyze(module ? { ...input, module } : input, config);
  analyzer.forget(job.rel);
  const counts = zeroCounts();
  if (!result.kind) return { path: job.path, status: 'analyzed', hash, supported: false, diagnostics: [], counts };
  if (result.skipped) {
    return {
      path: job.path,
      status: 'analyzed',
      hash,
      supported: true,
      diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: SOURCE, message: result.skipped.message }],
      counts,
    };
  }
  const lines = result.file?.lines;
  const diagnostics: Diagnostic[] = [];
  const matcher = job.baseline ? new BaselineMatcher({ version: 1, findings: job.baseline.entries }) : undefined;
  if (lines) {
    result.findings.forEach((f, i) => {
      const d = toDiagnostic(f, i, DISK_ANALYSIS, DISK_ANALYSIS, lines);
      // Findings the baseline records are shown dimmed (or not at all) and not counted.
      if (matcher && job.baseline && matcher.take(f.ruleId, job.baseline.path, fingerprintAt(job.baseline.root, job.path, f.ruleId, text, f.range))) {
        if (job.baseline.display === 'dimmed') diagnostics.push(asBaselined(d));
        return;
      }
      diagnostics.push(d);
      counts[f.severity]++;
    });
  }
  return { path: job.path, status: 'analyzed', hash, supported: true, diagnostics, counts };
}

export function addCounts(into: SeverityCounts, from: SeverityCounts, sign: 1 | -1): void {
  for (const s of SEVERITIES) into[s] += sign * from[s];
}
