// Scanning files and folders on disk with the engine: the batch job behind `forewarn scan`.

import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { LineIndex } from '../core/text.js';
import type { Finding } from '../core/types.js';
import { Analyzer, compileGlobs, createDetector, type ForewarnConfig, type KindDetector } from '../engine/index.js';
import { decodeText } from './decode.js';
import { isDirectory, walkFiles } from './walk.js';

export interface ScanOptions {
  readonly config: ForewarnConfig;
  /** folder that config globs and kind globs are relative to (the config file's folder, or the cwd). */
  readonly root: string;
  readonly analyzer?: Analyzer;
}

export interface ScannedFinding {
  readonly path: string;
  readonly finding: Finding;
  /** 0-based positions of the finding's range. */
  readonly start: { line: number; character: number };
  readonly end: { line: number; character: number };
}

export interface ScanError {
  readonly path: string;
  readonly type: 'parse' | 'skipped' | 'internal' | 'read';
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export interface ScanReport {
  /** supported files analyzed. */
  files: number;
  readonly findings: ScannedFinding[];
  readonly errors: ScanError[];
}

const YAML_EXT = /\.ya?ml$/i;

/** Analyzes every supported file under `targets` (files or folders, absolute or relative to the cwd). */
export function scan(targets: readonly string[], opts: ScanOptions): ScanReport {
  const analyzer = opts.analyzer ?? new Analyzer();
  const detector = createDetector(opts.config.kinds);
  const ignored = compileGlobs(opts.config.ignore);
  // Outside the root, globs see the absolute path (a relative one would start with `..`).
  const rel = (p: string) => {
    const r = relative(opts.root, p);
    return (r.startsWith('..') ? p : r).split(sep).join('/');
  };
  // Only files whose path names a kind, or YAML that content sniffing may claim, are read.
  const wanted = (p: string) => !ignored(rel(p)) && (detector.byPath(rel(p)) !== undefined || YAML_EXT.test(p));
  const report: ScanReport = { files: 0, findings: [], errors: [] };
  const seen = new Set<string>();
  for (const target of targets) {
    const abs = resolve(target);
    const files = isDirectory(abs) ? walkFiles(abs, wanted) : [abs];
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      scanFile(file, rel(file), analyzer, detector, opts.config, report);
    }
  }
  return report;
}

function scanFile(abs: string, relPath: string, analyzer: Analyzer, detector: KindDetector, config: ForewarnConfig, report: ScanReport): void {
  const shown = displayPath(abs);
  let text: string;
  try {
    if (statSync(abs).size > config.maxFileSize) {
      // Cheap pre-check before reading; the engine applies the same limit to the decoded text.
      if (detector.byPath(relPath) || YAML_EXT.test(abs)) {
        report.errors.push({ path: shown, type: 'skipped', message: `Skipped: larger than ${config.maxFileSize} bytes (maxFileSize).` });
      }
      return;
    }
    text = decodeText(readFileSync(abs));
  } catch (e) {
    report.errors.push({ path: shown, type: 'read', message: `Cannot read: ${(e as Error).message}` });
    return;
  }
  const result = analyzer.analyze({ path: relPath, text }, config);
  if (!result.kind) return;
  report.files++;
  if (result.skipped) {
    report.errors.push({ path: shown, type: 'skipped', message: result.skipped.message });
    return;
  }
  const lines: LineIndex | undefined = result.file?.lines;
  if (!lines) return;
  for (const e of result.parseErrors) {
    const p = lines.positionAt(e.range.start);
    report.errors.push({ path: shown, type: 'parse', message: e.message, line: p.line + 1, column: p.character + 1 });
  }
  for (const e of result.ruleErrors) report.errors.push({ path: shown, type: 'internal', message: e.message });
  for (const f of result.findings) {
    report.findings.push({ path: shown, finding: f, start: lines.positionAt(f.range.start), end: lines.positionAt(f.range.end) });
  }
  analyzer.forget(relPath);
}

/** Paths are shown relative to the current directory, with forward slashes. */
function displayPath(abs: string): string {
  const r = relative(process.cwd(), abs);
  return (isAbsolute(r) || r === '' ? abs : r).split(sep).join('/');
}
