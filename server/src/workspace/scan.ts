// Scanning files and folders on disk with the engine: the batch job behind `forewarn scan`.

import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { LineIndex } from '../core/text.js';
import type { FileKind, Finding } from '../core/types.js';
import { Analyzer, YAML_EXT, compileIgnore, tooLarge, type AnalysisResult, type ForewarnConfig } from '../engine/index.js';
import type { Redactor } from '../engine/redaction.js';
import { decodeText } from './decode.js';
import type { ModuleContext } from '../models/terraform-values.js';
import { ModuleContextLoader } from './module-context.js';
import { nodeCrypto } from './node-crypto.js';
import { safeRead } from './safe-read.js';
import { isDirectory, walkFiles } from './walk.js';

export interface ScanOptions {
  readonly config: ForewarnConfig;
  /** folder that config globs and kind globs are relative to (the config file's folder, or the cwd). */
  readonly root: string;
  /** folder that reported paths are relative to; default the process's current directory. */
  readonly cwd?: string;
  readonly analyzer?: Analyzer;
  /** called for every file analyzed, with what a fixer needs to rewrite it (the snapshot is taken only then). */
  readonly onFile?: (file: ScannedFile) => void;
  /** where Terraform files' folder contexts come from (default: read once per folder for this scan). */
  readonly modules?: ModuleContextLoader;
}

/** What the file on disk looked like when it was read: a writer compares it again just before writing. */
export interface FileSnapshot {
  readonly size: number;
  readonly mtimeMs: number;
  /** SHA-256 of the bytes read, hex. */
  readonly sha256: string;
  /** the bytes decode to the text and encode back unchanged (UTF-8, with or without a BOM). */
  readonly utf8: boolean;
  readonly bom: boolean;
}

export interface ScannedFile {
  readonly absPath: string;
  /** as reported (relative to the cwd). */
  readonly path: string;
  /** relative to the config root: what kind detection and globs see. */
  readonly relPath: string;
  readonly kind: FileKind;
  readonly text: string;
  readonly result: AnalysisResult;
  /** undefined for text that did not come from disk (`--stdin`). */
  readonly snapshot: FileSnapshot | undefined;
  /** a Terraform file's folder context, for analysing the fixed text the same way. */
  readonly module?: ModuleContext;
}

/** A note for a file named on the command line whose kind Forewarn cannot tell (docs/cli.md). */
export const UNKNOWN_KIND_MESSAGE = 'not a file kind Forewarn reads; map it with `kinds:` in .forewarn.yml (see docs/configuration.md#file-kinds).';

export interface ScannedFinding {
  readonly path: string;
  /** the file's absolute path (for stdin, where it would be). */
  readonly absPath: string;
  /** the file's text and line table, for fingerprints and fix positions. */
  readonly lines: LineIndex;
  readonly finding: Finding;
  /** masks the file's secrets: source lines (the pretty report, diffs) are shown only through it. */
  readonly redactor: Redactor;
  /** 0-based positions of the finding's range. */
  readonly start: { line: number; character: number };
  readonly end: { line: number; character: number };
  /** the file's kind (`text` files — .env, .npmrc, state files — are never quoted). */
  readonly kind?: FileKind;
}

export interface ScanError {
  readonly path: string;
  /** the file's absolute path (not part of the JSON output). */
  readonly absPath: string;
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

/** A file a scan will analyze: where it is, how it is shown, its path for globs and the kind its path gives. */
export interface PlannedFile {
  readonly abs: string;
  readonly shown: string;
  readonly relPath: string;
  readonly kind: FileKind | undefined;
  /** named on the command line (analyzed even when ignored; a note when its kind is unknown). */
  readonly named: boolean;
}

/** Analyzes every supported file under `targets` (files or folders, absolute or relative to the cwd). */
export function scan(targets: readonly string[], opts: ScanOptions): ScanReport {
  const analyzer = opts.analyzer ?? new Analyzer();
  const modules = opts.modules ?? new ModuleContextLoader({ validate: false });
  const report: ScanReport = { files: 0, findings: [], errors: [] };
  for (const f of planScan(targets, { ...opts, analyzer })) scanPlanned(f, analyzer, opts.config, report, modules, opts.onFile);
  return report;
}

/** The files `scan` analyzes, in its order (walked lazily: each is found just before it is analyzed). */
export function* planScan(targets: readonly string[], opts: ScanOptions): Generator<PlannedFile> {
  const { config } = opts;
  const analyzer = opts.analyzer ?? new Analyzer();
  const cwd = opts.cwd ?? process.cwd();
  const ignored = compileIgnore(config.ignore);
  // Outside the root, globs see the absolute path (a relative one would start with `..`).
  const rel = (p: string) => {
    const r = relative(opts.root, p);
    return (r.startsWith('..') || isAbsolute(r) ? p : r).split(sep).join('/');
  };
  /** What the walk learnt of a file from its path, so it is not worked out twice. */
  const byPath = new Map<string, { rel: string; kind: FileKind | undefined }>();
  const seen = new Set<string>();
  const planned = (file: string, relPath: string, kind: FileKind | undefined, named = false): PlannedFile | undefined => {
    if (seen.has(file)) return undefined;
    seen.add(file);
    return { abs: file, shown: displayPath(cwd, file), relPath, kind, named };
  };
  for (const target of targets) {
    const abs = resolve(cwd, target);
    if (!isDirectory(abs)) {
      // A file named explicitly is analyzed even when ignore rules cover it, and gets a note when its kind is unknown.
      const one = planned(abs, rel(abs), analyzer.kindByPath(rel(abs), config, abs), true);
      if (one) yield one;
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
      const one = planned(file, known.rel, known.kind);
      if (one) yield one;
    }
  }
}

/** Reads and analyzes one planned file into `report`. */
export function scanPlanned(f: PlannedFile, analyzer: Analyzer, config: ForewarnConfig, report: ScanReport, modules: ModuleContextLoader, onFile?: ScanOptions['onFile']): void {
  scanFile(f.abs, f.shown, f.relPath, f.kind, analyzer, config, report, modules, onFile, f.named);
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
  analyzeText(abs, displayPath(cwd, abs), relPath, analyzer.kindByPath(relPath, opts.config, abs), text, analyzer, opts.config, report, modules, undefined, opts.onFile, true);
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
  onFile: ScanOptions['onFile'],
  named: boolean,
): void {
  // The size is checked before reading; the engine applies the same limit to the decoded text.
  const read = safeRead(abs, { maxSize: config.maxFileSize });
  if (!read.ok) {
    // A large YAML file that no path glob claims (a lock file, an API spec), or a large `text` file, is not worth a message.
    if (read.reason === 'too-large') {
      if ((pathKind && pathKind !== 'text') || named) report.errors.push({ path: shown, absPath: abs, type: 'skipped', message: tooLarge(config.maxFileSize).message });
    } else report.errors.push({ path: shown, absPath: abs, type: read.reason === 'not-a-file' ? 'skipped' : 'read', message: read.message });
    return;
  }
  const text = decodeText(read.bytes);
  const snapshot = onFile ? snapshotOf(read.bytes, text, read.mtimeMs) : undefined;
  analyzeText(abs, shown, relPath, pathKind, text, analyzer, config, report, modules, snapshot, onFile, named);
}

/** Size, time and hash of what was read, and whether writing the text back as UTF-8 would give the same bytes. */
export function snapshotOf(bytes: Uint8Array, text: string, mtimeMs: number): FileSnapshot {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const again = Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
  return {
    size: bytes.length,
    mtimeMs,
    sha256: nodeCrypto().createHash('sha256').update(bytes).digest('hex'),
    utf8: again.equals(bytes),
    bom,
  };
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
  snapshot: FileSnapshot | undefined,
  onFile: ScanOptions['onFile'],
  named: boolean,
): void {
  // The engine reads the file's own declarations from `text` and ignores its copy among the folder's files.
  const module = pathKind === 'terraform' ? modules.forFile(abs) : undefined;
  const input = pathKind ? { path: relPath, text, kind: pathKind } : { path: relPath, text, fullPath: abs };
  const result = analyzer.analyze(module ? { ...input, module } : input, config);
  analyzer.forget(relPath);
  if (!result.kind) {
    // Silence for a file the user named would look like a clean pass.
    if (named) report.errors.push({ path: shown, absPath: abs, type: 'skipped', message: UNKNOWN_KIND_MESSAGE });
    return;
  }
  if (result.skipped) {
    report.errors.push({ path: shown, absPath: abs, type: 'skipped', message: result.skipped.message });
    return;
  }
  report.files++;
  addResult(report, result, shown, abs);
  onFile?.({ absPath: abs, path: shown, relPath, kind: result.kind, text, result, snapshot, ...(module ? { module } : {}) });
}

/** A file's parse errors, rule failures and findings, added to a report (the file is counted by the caller). */
export function addResult(report: Pick<ScanReport, 'findings' | 'errors'>, result: AnalysisResult, shown: string, abs: string): void {
  const lines: LineIndex | undefined = result.file?.lines;
  if (!lines) return;
  for (const e of result.parseErrors) {
    const p = lines.positionAt(e.range.start);
    report.errors.push({ path: shown, absPath: abs, type: 'parse', message: e.message, line: p.line + 1, column: p.character + 1 });
  }
  for (const e of result.ruleErrors) report.errors.push({ path: shown, absPath: abs, type: 'internal', message: e.message });
  for (const f of result.findings) {
    report.findings.push({ path: shown, absPath: abs, lines, finding: f, redactor: result.redactor, start: lines.positionAt(f.range.start), end: lines.positionAt(f.range.end), ...(result.kind ? { kind: result.kind } : {}) });
  }
}

/** Paths are shown relative to the current directory, with forward slashes. */
function displayPath(cwd: string, abs: string): string {
  const r = relative(cwd, abs);
  return (isAbsolute(r) || r === '' ? abs : r).split(sep).join('/');
}
