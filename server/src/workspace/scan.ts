// Scanning files and folders on disk with the engine: the batch job behind `forewarn scan`.

import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { LineIndex } from '../core/text.js';
import type { FileKind, Finding } from '../core/types.js';
import { Analyzer, YAML_EXT, compileIgnore, tooLarge, type ForewarnConfig } from '../engine/index.js';
import type { Redactor } from '../engine/redaction.js';
import { decodeText } from './decode.js';
import { ModuleContextLoader } from './module-context.js';
import { safeRead } from './safe-read.js';
import { isDirectory, walkFiles } from './walk.js';

export interface ScanOptions {
  readonly config: ForewarnConfig;
  /** folder that config globs and kind globs are relative to (the config file's folder, or the cwd). */
  readonly root: string;
  /** folder that reported paths are relative to; default the process's current directory. */
  readonly cwd?: string;
  readonly analyzer?: Analyzer;
  /** where Terraform files' folder contexts come from (default: read once per folder for this scan). */
  readonly modules?: ModuleContextLoader;
}

export interface ScannedFinding {
  readonly path: string;
  /** the file's absolute path (for stdin, where it would be). */
  readonly absPath: string;
  /** the file's text and line table, for fingerprints and fix positions. */
  readonly lines: LineIndex;
  readonly finding: Finding;
  /** masks the file's secrets: for excerpts of its text and anything else shown from it. */
  readonly redactor: Redactor;
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

/** Analyzes every supported file under `targets` (files or folders, absolute or relative to the cwd). */
export function scan(targets: readonly string[], opts: ScanOptions): ScanReport {
  const { config } = opts;
  const analyzer = opts.analyzer ?? new Analyzer();
  const modules = opts.modules ?? new ModuleContextLoader({ validate: false });
  const cwd = opts.cwd ?? process.cwd();
  const ignored = compileIgnore(config.ignore);
  // Outside the root, globs see the absolute path (a relative one would start with `..`).
  const rel = (p: string) => {
    const r = relative(opts.root, p);
    return (r.startsWith('..') || isAbsolute(r) ? p : r).split(sep).join('/');
  };
  /** What the walk learnt of a file from its path, so it is not worked out twice. */
  const byPath = new Map<string, { rel: string; kind: FileKind | undefined }>();
  const report: ScanReport = { files: 0, findings: [], errors: [] };
  const seen = new Set<string>();
  for (const target of targets) {
    const abs = resolve(cwd, target);
    if (!isDirectory(abs)) {
      // A file named explicitly is analyzed even when ignore rules cover it.
      scanOne(abs, rel(abs), analyzer.kindByPath(rel(abs), config, abs));
      continue;
    }
    // A folder named explicitly is scanned even when ignore rules cover it as a whole.
    const useIgnore = !ignored(rel(abs), true);
    const filters = {
      dir: (p: string) => !useIgnore || !ignored(rel(p), true),
      // Only files whose path names a kind, or YAML that content sniffing may claim, are read.
      file: (p: string) => {
        const r = rel(p);
        if (useIgnore && ignored(r)) return false;
        const kind = analyzer.kindByPath(r, config, p);
        if (kind === undefined && !YAML_EXT.test(p)) return false;
        byPath.set(p, { rel: r, kind });
        return true;
      },
    };
    for (const file of walkFiles(abs, filters)) {
      const known = byPath.get(file)!;
      byPath.delete(file);
      scanOne(file, known.rel, known.kind);
    }
  }
  return report;

  function scanOne(file: string, relPath: string, kind: FileKind | undefined): void {
    if (seen.has(file)) return;
    seen.add(file);
    scanFile(file, displayPath(cwd, file), relPath, kind, analyzer, config, report, modules);
  }
}

/** Analyzes text that is not read from disk (`--stdin`) as if it were the file at `path`. */
export function scanText(path: string, text: string, opts: ScanOptions): ScanReport {
  const analyzer = opts.analyzer ?? new Analyzer();
  const modules = opts.modules ?? new ModuleContextLoader({ validate: false });
  const cwd = opts.cwd ?? process.cwd();
  const abs = resolve(cwd, path);
  const r = relative(opts.root, abs);
  const relPath = (r.startsWith('..') || isAbsolute(r) ? abs : r).split(sep).join('/');
  const report: ScanReport = { files: 0, findings: [], errors: [] };
  analyzeText(abs, displayPath(cwd, abs), relPath, analyzer.kindByPath(relPath, opts.config, abs), text, analyzer, opts.config, report, modules);
  return report;
}

function scanFile(
  abs: string,
  shown: string,
  relPath: string,
  pathKind: FileKind | undefined,
  analyzer: Analyzer,
  config: ForewarnConfig,
  report: ScanReport,
  modules: ModuleContextLoader,
): void {
  // The size is checked before reading; the engine applies the same limit to the decoded text.
  const read = safeRead(abs, { maxSize: config.maxFileSize });
  if (!read.ok) {
    // A large YAML file that no path glob claims (a lock file, an API spec), or a large `text` file, is not worth a message.
    if (read.reason === 'too-large') {
      if (pathKind && pathKind !== 'text') report.errors.push({ path: shown, type: 'skipped', message: tooLarge(config.maxFileSize).message });
    } else report.errors.push({ path: shown, type: read.reason === 'not-a-file' ? 'skipped' : 'read', message: read.message });
    return;
  }
  analyzeText(abs, shown, relPath, pathKind, decodeText(read.bytes), analyzer, config, report, modules);
}

function analyzeText(
  abs: string,
  shown: string,
  relPath: string,
  pathKind: FileKind | undefined,
  text: string,
  analyzer: Analyzer,
  config: ForewarnConfig,
  report: ScanReport,
  modules: ModuleContextLoader,
): void {
  // The engine reads the file's own declarations from `text` and ignores its copy among the folder's files.
  const module = pathKind === 'terraform' ? modules.forFile(abs) : undefined;
  const input = pathKind ? { path: relPath, text, kind: pathKind } : { path: relPath, text, fullPath: abs };
  const result = analyzer.analyze(module ? { ...input, module } : input, config);
  analyzer.forget(relPath);
  if (!result.kind) return;
  if (result.skipped) {
    report.errors.push({ path: shown, type: 'skipped', message: result.skipped.message });
    return;
  }
  report.files++;
  const lines: LineIndex | undefined = result.file?.lines;
  if (!lines) return;
  for (const e of result.parseErrors) {
    const p = lines.positionAt(e.range.start);
    report.errors.push({ path: shown, type: 'parse', message: e.message, line: p.line + 1, column: p.character + 1 });
  }
  for (const e of result.ruleErrors) report.errors.push({ path: shown, type: 'internal', message: e.message });
  for (const f of result.findings) {
    report.findings.push({ path: shown, absPath: abs, lines, finding: f, redactor: result.redactor, start: lines.positionAt(f.range.start), end: lines.positionAt(f.range.end) });
  }
}

/** Paths are shown relative to the current directory, with forward slashes. */
function displayPath(cwd: string, abs: string): string {
  const r = relative(cwd, abs);
  return (isAbsolute(r) || r === '' ? abs : r).split(sep).join('/');
}
