// Performance benchmark (`npm run bench`): edit-to-diagnostics latency vs a bare YAML parse, corpus scan throughput, scan/parse ratio.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import type { FileKind } from '../server/src/core/types.js';
import { Analyzer, DEFAULT_CONFIG, compileIgnore, createDetector, type AnalysisResult } from '../server/src/engine/index.js';
import { YAML_KINDS } from '../server/src/models/source-file.js';
import { decodeText } from '../server/src/workspace/decode.js';
import { scan, type ScanReport } from '../server/src/workspace/scan.js';
import { walkFiles } from '../server/src/workspace/walk.js';
import { editedText, generateWorkflow } from './bench-fixtures.js';
import { benchWorkspace } from './bench-workspace.js';
import { benchHcl } from './bench-hcl.js';
import { benchTerraformRules } from './bench-terraform.js';
import { benchK8s } from './bench-k8s.js';
import { parseHcl } from '../server/src/parsers/hcl.js';
import { benchSecretEdit, benchSecretlint } from './bench-secrets.js';

/** The options server/src/parsers/yaml.ts passes to parseAllDocuments; keep the two in sync. */
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: false } as const;
const YAML_EXT = /\.ya?ml$/i;

const REPO = resolve(__dirname, '..', '..');
/** ../shared/corpus next to the repository; BENCH_CORPUS points elsewhere. */
const CORPUS = resolve(REPO, process.env['BENCH_CORPUS'] ?? join('..', 'shared', 'corpus'));
const CLI = resolve(REPO, 'dist', 'cli.js');
const WARMUP = 50;
const ITERATIONS = positiveInt(process.env['BENCH_ITERATIONS'], 300);
const SCAN_RUNS = 3;
const RATIO_ROUNDS = 5;

const TARGET = { p50Ratio: 1.3, p99Ratio: 1.5, filesPerSecond: 400, scanParseRatio: 1.3 } as const;

interface Row {
  readonly metric: string;
  readonly value: string;
  readonly target: string;
  readonly ok: boolean | undefined;
}

const rows: Row[] = [];
/** Results are folded into this so no timed work can be optimized away. */
let sink = 0;

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

async function main(): Promise<void> {
  console.log('Forewarn benchmark');
  console.log('==================');
  benchEdit();
  const scanned = benchScan();
  if (scanned) benchScanVsParse(scanned);
  else console.log('\n[3] Scan time vs read + decode + parse of the same files\n    skipped: corpus not found');
  rows.push(...(await benchWorkspace(existsSync(CORPUS) ? CORPUS : undefined)));
  for (const r of benchSecretEdit(Math.min(ITERATIONS, 200))) rows.push({ ...r, target: '', ok: undefined });
  if (existsSync(CORPUS)) for (const r of await benchSecretlint(CORPUS, SCAN_RUNS)) rows.push({ ...r, target: '', ok: undefined });
  printEnvironment();
  for (const r of benchHcl(CORPUS)) rows.push({ ...r, target: '', ok: undefined });
  for (const r of benchTerraformRules(CORPUS)) rows.push({ ...r, target: '', ok: undefined });
  for (const r of benchK8s(CORPUS)) rows.push({ ...r, target: '', ok: undefined });
  printTable();
  // secretlint (loaded in [5b]) leaves work scheduled that keeps the process alive: end explicitly.
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Re-analysis after a one-character edit vs parseAllDocuments alone.

function benchEdit(): void {
  const fixture = generateWorkflow(1000);
  const path = '.github/workflows/ci.yml';
  const analyzer = new Analyzer();
  console.log('');
  console.log(`[1] Re-analysis of a ${fixture.lineCount}-line GitHub Actions workflow after a one-character edit (engine only)`);
  console.log(`    text: ${fixture.text.length} chars, ${fixture.editOffsets.length} edit positions; warm-up ${WARMUP}, measured ${ITERATIONS} (BENCH_ITERATIONS)`);

  const analyzeNs: number[] = [];
  const parseNs: number[] = [];
  let previous: AnalysisResult | undefined;
  let cacheHits = 0;
  let findings = 0;
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const text = editedText(fixture, i);
    const measured = i >= WARMUP;
    // Alternate which goes first so neither always runs right after the other's garbage.
    let a: number;
    let p: number;
    let result: AnalysisResult;
    if (i % 2 === 0) {
      [a, result] = timeAnalyze(analyzer, path, text);
      p = timeParse(text);
    } else {
      p = timeParse(text);
      [a, result] = timeAnalyze(analyzer, path, text);
    }
    if (previous && result.file === previous.file) cacheHits++;
    previous = result;
    findings = result.findings.length;
    if (measured) {
      analyzeNs.push(a);
      parseNs.push(p);
    }
  }
  const an = stats(analyzeNs);
  const pa = stats(parseNs);
  const r50 = an.p50 / pa.p50;
  const r99 = an.p99 / pa.p99;
  console.log(`    findings per analysis: ${findings}; same-text parse cache hits: ${cacheHits} (must be 0)`);
  console.log(`    analyze  median: ${ms(an.p50)} ms`);
  console.log(`    analyze  p99:    ${ms(an.p99)} ms`);
  console.log(`    parseAllDocuments median: ${ms(pa.p50)} ms`);
  console.log(`    parseAllDocuments p99:    ${ms(pa.p99)} ms`);
  console.log(`    ratio analyze/parse p50: ${r50.toFixed(2)}x (target <= ${TARGET.p50Ratio}x)`);
  console.log(`    ratio analyze/parse p99: ${r99.toFixed(2)}x (target <= ${TARGET.p99Ratio}x)`);
  rows.push({ metric: 'edit: analyze p50', value: `${ms(an.p50)} ms`, target: '', ok: undefined });
  rows.push({ metric: 'edit: analyze p99', value: `${ms(an.p99)} ms`, target: '', ok: undefined });
  rows.push({ metric: 'edit: analyze/parse p50', value: `${r50.toFixed(2)}x`, target: `<= ${TARGET.p50Ratio}x`, ok: r50 <= TARGET.p50Ratio });
  rows.push({ metric: 'edit: analyze/parse p99', value: `${r99.toFixed(2)}x`, target: `<= ${TARGET.p99Ratio}x`, ok: r99 <= TARGET.p99Ratio });
}

function timeAnalyze(analyzer: Analyzer, path: string, text: string): [number, AnalysisResult] {
  const t0 = process.hrtime.bigint();
  const result = analyzer.analyze({ path, text }, DEFAULT_CONFIG);
  const t1 = process.hrtime.bigint();
  sink += result.findings.length;
  return [Number(t1 - t0), result];
}

function timeParse(text: string): number {
  const t0 = process.hrtime.bigint();
  const docs = parseAllDocuments(text, YAML_OPTIONS);
  const t1 = process.hrtime.bigint();
  sink += Array.isArray(docs) ? docs.length : 0;
  return Number(t1 - t0);
}

// ---------------------------------------------------------------------------------------------------------------
// 2. `forewarn scan` over the shared corpus, in-process and as the CLI.

function benchScan(): ScanReport | undefined {
  console.log('');
  console.log(`[2] forewarn scan over ${CORPUS}`);
  if (!existsSync(CORPUS)) {
    console.log('    skipped: corpus not found');
    rows.push({ metric: 'scan', value: 'skipped', target: '', ok: undefined });
    return undefined;
  }
  const run = (): ScanReport => scan([CORPUS], { config: DEFAULT_CONFIG, root: CORPUS });
  let report = run(); // warm-up: JIT, file system cache
  const times: number[] = [];
  for (let i = 0; i < SCAN_RUNS; i++) {
    collectGarbage();
    times.push(timeNs(() => (report = run())));
  }
  const best = Math.min(...times);
  const median = stats(times).p50;
  const fps = report.files / (best / 1e9);
  console.log(`    (a) in-process, warmed once, ${SCAN_RUNS} runs`);
  console.log(`    files analyzed: ${report.files}`);
  console.log(`    findings: ${report.findings.length}; errors/skips reported: ${report.errors.length}`);
  console.log(`    scan best: ${ms(best)} ms`);
  console.log(`    scan median: ${ms(median)} ms`);
  console.log(`    throughput (best): ${fps.toFixed(0)} files/s (target >= ${TARGET.filesPerSecond} files/s on one core)`);
  rows.push({ metric: 'scan in-process best', value: `${ms(best)} ms`, target: '', ok: undefined });
  rows.push({ metric: 'scan in-process files/s', value: fps.toFixed(0), target: `>= ${TARGET.filesPerSecond}`, ok: fps >= TARGET.filesPerSecond });

  console.log(`    (b) child process: node dist/cli.js scan <corpus> --format json --fail-on none`);
  if (!existsSync(CLI)) {
    console.log('    skipped: dist/cli.js not found (run node build.mjs)');
    return report;
  }
  const cliTimes: number[] = [];
  let cliFindings = -1;
  for (let i = 0; i < SCAN_RUNS; i++) {
    let out = '';
    cliTimes.push(
      timeNs(() => {
        // cwd is the corpus so the CLI's config root matches the in-process scan's.
        out = execFileSync(process.execPath, [CLI, 'scan', CORPUS, '--format', 'json', '--fail-on', 'none'], {
          cwd: CORPUS,
          encoding: 'utf8',
          maxBuffer: 1024 * 1024 * 1024,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      }),
    );
    cliFindings = (JSON.parse(out) as { findings: unknown[] }).findings.length;
  }
  const cliBest = Math.min(...cliTimes);
  const cliFps = report.files / (cliBest / 1e9);
  console.log(`    findings in JSON: ${cliFindings}${cliFindings === report.findings.length ? ' (matches in-process)' : ' (DIFFERS from in-process)'}`);
  console.log(`    CLI wall time best of ${SCAN_RUNS}: ${ms(cliBest)} ms (median ${ms(stats(cliTimes).p50)} ms; includes node start-up and JSON output)`);
  console.log(`    CLI throughput: ${cliFps.toFixed(0)} files/s (${report.files} files, count from the in-process scan)`);
  rows.push({ metric: 'scan CLI wall best', value: `${ms(cliBest)} ms`, target: '', ok: undefined });
  rows.push({ metric: 'scan CLI files/s', value: cliFps.toFixed(0), target: `>= ${TARGET.filesPerSecond}`, ok: cliFps >= TARGET.filesPerSecond });
  return report;
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Scan time vs the bare cost of reading, decoding and parsing the same files.

interface CorpusFile {
  readonly abs: string;
  readonly kind: FileKind;
}

function benchScanVsParse(scanned: ScanReport): void {
  console.log('');
  console.log('[3] Scan time vs read + decode + parse of the same files');
  const files = selectFiles();
  if (files.length !== scanned.files) {
    console.log(`    note: selected ${files.length} files, the scan analyzed ${scanned.files}`);
  }
  const byKind = new Map<string, number>();
  for (const f of files) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  console.log(`    files: ${files.length} (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})`);

  // Scan and parse runs alternate (and swap order each round) so both see the same machine load and heap state.
  const run = (): number => scan([CORPUS], { config: DEFAULT_CONFIG, root: CORPUS }).files;
  parseAll(files); // warm-up (the scan was warmed in [2])
  const scanTimes: number[] = [];
  const parseTimes: number[] = [];
  const timeScan = (): void => {
    collectGarbage();
    scanTimes.push(timeNs(() => (sink += run())));
  };
  const timeParse = (): void => {
    collectGarbage();
    parseTimes.push(timeNs(() => parseAll(files)));
  };
  for (let i = 0; i < RATIO_ROUNDS; i++) {
    if (i % 2 === 0) {
      timeScan();
      timeParse();
    } else {
      timeParse();
      timeScan();
    }
  }
  const walkBest = Math.min(...Array.from({ length: SCAN_RUNS }, () => timeNs(() => (sink += selectPaths().length))));
  const scanBest = Math.min(...scanTimes);
  const parseBest = Math.min(...parseTimes);
  const ratio = scanBest / parseBest;
  const medianRatio = stats(scanTimes).p50 / stats(parseTimes).p50;
  console.log(`    ${RATIO_ROUNDS} interleaved rounds of one scan and one read+decode+parse pass`);
  console.log(`    read+decode+parse best: ${ms(parseBest)} ms (YAML: parseAllDocuments, Dockerfile: DockerfileParser.parse, Terraform: parseHcl)`);
  console.log(`    scan best: ${ms(scanBest)} ms`);
  console.log(`    directory walk + path filter alone (included in scan time): ${ms(walkBest)} ms`);
  console.log(`    ratio scan/parse (best): ${ratio.toFixed(2)}x (aim <= ${TARGET.scanParseRatio}x)`);
  console.log(`    ratio scan/parse (median): ${medianRatio.toFixed(2)}x`);
  rows.push({ metric: 'scan/parse time (best)', value: `${ratio.toFixed(2)}x`, target: `<= ${TARGET.scanParseRatio}x`, ok: ratio <= TARGET.scanParseRatio });
}

/** The files scan() would walk to, with the same path filter (ignore globs, kind by path, or any YAML). */
function selectPaths(): string[] {
  const config = DEFAULT_CONFIG;
  const detector = createDetector(config.kinds);
  const ignored = compileIgnore(config.ignore);
  const rel = (p: string): string => relative(CORPUS, p).split(sep).join('/');
  const wanted = (p: string): boolean => !ignored(rel(p)) && (detector.byPath(rel(p)) !== undefined || YAML_EXT.test(p));
  return [...walkFiles(CORPUS, { file: wanted })];
}

/** The files scan() analyzes: a kind detected (by path or content) and within the limits. */
function selectFiles(): CorpusFile[] {
  const analyzer = new Analyzer();
  const out: CorpusFile[] = [];
  for (const abs of selectPaths()) {
    const text = decodeText(readFileSync(abs));
    if (text.length > DEFAULT_CONFIG.maxFileSize || text.includes('\0')) continue;
    const kind = analyzer.detectKind(relative(CORPUS, abs).split(sep).join('/'), text, DEFAULT_CONFIG);
    if (kind) out.push({ abs, kind });
  }
  return out;
}

function parseAll(files: readonly CorpusFile[]): void {
  for (const { abs, kind } of files) {
    const text = decodeText(readFileSync(abs));
    if (YAML_KINDS.has(kind)) {
      const docs = parseAllDocuments(text, YAML_OPTIONS);
      sink += Array.isArray(docs) ? docs.length : 0;
    } else if (kind === 'dockerfile') {
      sink += DockerfileParser.parse(text).getInstructions().length;
    } else {
      sink += parseHcl(text).body.items.length;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Environment and summary.

function printEnvironment(): void {
  console.log('');
  console.log('[4] Environment');
  console.log(`    node: ${process.version}`);
  console.log(`    cpu: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} logical CPUs available)`);
  console.log(`    threads: single-threaded (main thread: ${isMainThread}, no workers; synchronous file I/O)`);
  console.log(`    global.gc exposed: ${typeof globalThis.gc === 'function' ? 'yes (collected before each timed scan)' : 'no'}`);
}

function printTable(): void {
  console.log('');
  console.log('Summary');
  const header: Row = { metric: 'metric', value: 'value', target: 'target', ok: undefined };
  const all = [header, ...rows];
  const w = [Math.max(...all.map((r) => r.metric.length)), Math.max(...all.map((r) => r.value.length)), Math.max(...all.map((r) => r.target.length))];
  for (const [i, r] of all.entries()) {
    const status = i === 0 ? 'status' : r.ok === undefined ? '' : r.ok ? 'ok' : 'MISS';
    console.log(`${r.metric.padEnd(w[0]!)}  ${r.value.padStart(w[1]!)}  ${r.target.padEnd(w[2]!)}  ${status}`.trimEnd());
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

function stats(ns: readonly number[]): { p50: number; p99: number } {
  const sorted = [...ns].sort((a, b) => a - b);
  // Nearest-rank percentiles.
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return { p50: at(50), p99: at(99) };
}

function timeNs(work: () => unknown): number {
  const t0 = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - t0);
}

function ms(ns: number): string {
  return (ns / 1e6).toFixed(ns < 1e8 ? 2 : 1);
}

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function collectGarbage(): void {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}
