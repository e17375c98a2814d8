// Performance benchmark (`npm run bench`): edit-to-diagnostics latency vs a bare YAML parse, corpus scan throughput,
// scan/parse ratio, Forewarn vs secretlint, cold start, the 10k-file workspace, the hostile-input worst case per MB
// (scripts/bench-hostile.ts); one summary table with the targets. CPU time is printed beside wall time: the machine
// may be shared, and load inflates wall time only.

import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { parseAllDocuments } from 'yaml';
import { YAML_OPTIONS as PARSE_OPTIONS } from '../server/src/parsers/yaml.js';
import { parseDocumentsFast } from '../server/src/parsers/yaml-fast.js';
import type { FileKind } from '../server/src/core/types.js';
import { Analyzer, DEFAULT_CONFIG, compileIgnore, createDetector, type AnalysisResult } from '../server/src/engine/index.js';
import { YAML_KINDS } from '../server/src/models/source-file.js';
import { decodeText } from '../server/src/workspace/decode.js';
import { scan, type ScanReport } from '../server/src/workspace/scan.js';
import { walkFiles } from '../server/src/workspace/walk.js';
import { editedText, generateWorkflow, typedText } from './bench-fixtures.js';
import { benchWorkspace } from './bench-workspace.js';
import { benchHcl } from './bench-hcl.js';
import { benchTerraformRules } from './bench-terraform.js';
import { benchK8s } from './bench-k8s.js';
import { parseHcl } from '../server/src/parsers/hcl.js';
import { parseDockerfile } from '../server/src/parsers/dockerfile.js';
import { benchSecretEdit, benchSecretlint } from './bench-secrets.js';
import { benchHostile } from './bench-hostile.js';
import { benchColdStart, benchVsSecretlint, best, runProcess, timeInProcess, type Timing } from './bench-process.js';

/** The options server/src/parsers/yaml.ts passes to parseAllDocuments; keep the two in sync. */
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: false } as const;
const YAML_EXT = /\.ya?ml$/i;

const REPO = resolve(__dirname, '..', '..');
/** BENCH_CORPUS, else `shared/corpus` beside the clone or beside one of its parent folders (…/wt/<branch> too). */
const CORPUS = findCorpus();
const CLI = resolve(REPO, 'dist', 'cli.js');
const WARMUP = 50;
const ITERATIONS = positiveInt(process.env['BENCH_ITERATIONS'], 300);
const SCAN_RUNS = 3;
const RATIO_ROUNDS = 5;

const TARGET = { p50Ratio: 1.3, p99Ratio: 1.5, incrementalP50Ratio: 1.0, edit10kMs: 30, filesPerSecond: 400, scanParseRatio: 1.3 } as const;

interface Row {
  readonly metric: string;
  readonly value: string;
  /** the same figure from CPU time, where load could skew the wall time. */
  readonly cpu?: string;
  readonly target: string;
  readonly ok: boolean | undefined;
}

/** BENCH_ONLY=edit,scan,secretlint,cold,workspace,hostile,secrets,iac runs only those sections (default: all). */
const ONLY = process.env['BENCH_ONLY'] ? new Set(process.env['BENCH_ONLY'].split(',').map((x) => x.trim())) : undefined;
const section = (name: string): boolean => ONLY === undefined || ONLY.has(name);

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
  console.log(`corpus: ${CORPUS}${existsSync(CORPUS) ? '' : ' (not found: corpus sections skipped; set BENCH_CORPUS)'}`);
  if (ONLY) console.log(`sections: ${[...ONLY].join(', ')} (BENCH_ONLY)`);
  if (section('edit')) {
    benchEdit(1000, ITERATIONS);
    benchEdit(10_000, Math.max(20, Math.floor(ITERATIONS / 6)));
  }
  const scanned = section('scan') ? benchScan() : undefined;
  if (scanned) benchScanVsParse(scanned);
  if (section('scan') && existsSync(CORPUS)) benchYamlReaders();
  else if (section('scan')) console.log('\n[3] Scan time vs read + decode + parse of the same files\n    skipped: corpus not found');
  if (existsSync(CORPUS) && (section('secretlint') || section('cold'))) {
    const files = selectFiles().map((f) => f.abs);
    if (section('secretlint')) rows.push(...benchVsSecretlint(REPO, CORPUS, files, SCAN_RUNS));
    const small = files.find((f) => f.endsWith('.yml') && readFileSync(f).length < 4096) ?? files[0]!;
    if (section('cold')) rows.push(...benchColdStart(REPO, small, 10));
  }
  if (section('workspace')) rows.push(...(await benchWorkspace(existsSync(CORPUS) ? CORPUS : undefined)));
  if (section('hostile')) {
    rows.push(...benchHostile());
  }
  if (section('secrets')) {
    for (const r of benchSecretEdit(Math.min(ITERATIONS, 200))) rows.push({ ...r, target: '', ok: undefined });
    if (existsSync(CORPUS)) for (const r of await benchSecretlint(CORPUS, SCAN_RUNS)) rows.push({ ...r, target: '', ok: undefined });
  }
  printEnvironment();
  if (section('iac')) {
    for (const r of benchHcl(CORPUS)) rows.push({ ...r, target: '', ok: undefined });
    for (const r of benchTerraformRules(CORPUS)) rows.push({ ...r, target: '', ok: undefined });
    for (const r of benchK8s(CORPUS)) rows.push({ ...r, target: '', ok: undefined });
  }
  printTable();
  // secretlint (loaded in [5b]) leaves work scheduled that keeps the process alive: end explicitly.
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Re-analysis after a one-character edit vs parseAllDocuments alone.

function benchEdit(lines: number, iterations: number): void {
  const fixture = generateWorkflow(lines);
  const path = '.github/workflows/ci.yml';
  const analyzer = new Analyzer();
  const warmup = Math.min(WARMUP, Math.max(5, Math.floor(iterations / 4)));
  const label = lines >= 10_000 ? '10k' : `${Math.round(lines / 1000)}k`;
  console.log('');
  console.log(`[1${label === '1k' ? 'a' : 'b'}] Re-analysis of a ${fixture.lineCount}-line GitHub Actions workflow after each one-character edit of a typing sequence (engine only; the analyzer keeps the previous version's parse, as the editor's worker does)`);
  console.log(`    text: ${fixture.text.length} chars, ${fixture.editOffsets.length} edit positions; warm-up ${warmup}, measured ${iterations}`);

  const analyzeT: Timing[] = [];
  const parseT: Timing[] = [];
  let previous: AnalysisResult | undefined;
  let cacheHits = 0;
  let findings = 0;
  let text = fixture.text;
  analyzer.analyze({ path, text }, DEFAULT_CONFIG);
  for (let i = 0; i < warmup + iterations; i++) {
    text = typedText(fixture, text, i);
    const measured = i >= warmup;
    // Alternate which goes first so neither always runs right after the other's garbage.
    let a: Timing;
    let p: Timing;
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
      analyzeT.push(a);
      parseT.push(p);
    }
  }
  const an = stats(analyzeT.map((t) => t.wall));
  const pa = stats(parseT.map((t) => t.wall));
  const anCpu = stats(analyzeT.map((t) => t.cpu));
  const paCpu = stats(parseT.map((t) => t.cpu));
  const r50 = an.p50 / pa.p50;
  const r99 = an.p99 / pa.p99;
  const c50 = anCpu.p50 / paCpu.p50;
  const c99 = anCpu.p99 / paCpu.p99;
  const fresh = freshEdit(fixture, Math.min(iterations, 30));
  console.log(`    findings per analysis: ${findings}; same-text parse cache hits: ${cacheHits} (must be 0)`);
  console.log(`    analyze  p50 / p99: ${ms(an.p50)} / ${ms(an.p99)} ms wall, ${ms(anCpu.p50)} / ${ms(anCpu.p99)} ms CPU`);
  console.log(`    parseAllDocuments p50 / p99: ${ms(pa.p50)} / ${ms(pa.p99)} ms wall, ${ms(paCpu.p50)} / ${ms(paCpu.p99)} ms CPU`);
  console.log(`    ratio analyze/parse p50: ${r50.toFixed(2)}x wall, ${c50.toFixed(2)}x CPU (target <= ${TARGET.p50Ratio}x; incremental <= ${TARGET.incrementalP50Ratio}x)`);
  console.log(`    ratio analyze/parse p99: ${r99.toFixed(2)}x wall, ${c99.toFixed(2)}x CPU (target <= ${TARGET.p99Ratio}x)`);
  console.log(`    without the previous parse (fresh analyzer each time), p50: ${ms(fresh.wall)} ms wall, ${ms(fresh.cpu)} ms CPU`);
  const best50 = Math.min(r50, c50);
  rows.push({ metric: `edit ${label}: analyze p50`, value: `${ms(an.p50)} ms`, cpu: `${ms(anCpu.p50)} ms`, target: label === '10k' ? `<= ${TARGET.edit10kMs} ms` : '', ok: label === '10k' ? Math.min(an.p50, anCpu.p50) / 1e6 <= TARGET.edit10kMs : undefined });
  rows.push({ metric: `edit ${label}: analyze p99`, value: `${ms(an.p99)} ms`, cpu: `${ms(anCpu.p99)} ms`, target: '', ok: undefined });
  rows.push({ metric: `edit ${label}: bare parse p50`, value: `${ms(pa.p50)} ms`, cpu: `${ms(paCpu.p50)} ms`, target: '', ok: undefined });
  rows.push({ metric: `edit ${label}: analyze/parse p50`, value: `${r50.toFixed(2)}x`, cpu: `${c50.toFixed(2)}x`, target: `<= ${TARGET.p50Ratio}x (incr. ${TARGET.incrementalP50Ratio}x)`, ok: best50 <= TARGET.p50Ratio });
  rows.push({ metric: `edit ${label}: analyze/parse p99`, value: `${r99.toFixed(2)}x`, cpu: `${c99.toFixed(2)}x`, target: `<= ${TARGET.p99Ratio}x`, ok: Math.min(r99, c99) <= TARGET.p99Ratio });
  rows.push({ metric: `edit ${label}: fresh analysis p50`, value: `${ms(fresh.wall)} ms`, cpu: `${ms(fresh.cpu)} ms`, target: '', ok: undefined });
}

/** p50 of a full analysis of edited texts with no previous parse to start from. */
function freshEdit(fixture: ReturnType<typeof generateWorkflow>, n: number): Timing {
  const t: Timing[] = [];
  for (let i = 0; i < n; i++) {
    const text = editedText(fixture, i);
    t.push(timeAnalyze(new Analyzer(), '.github/workflows/ci.yml', text)[0]);
  }
  return { wall: stats(t.map((x) => x.wall)).p50, cpu: stats(t.map((x) => x.cpu)).p50 };
}

function timeAnalyze(analyzer: Analyzer, path: string, text: string): [Timing, AnalysisResult] {
  let result: AnalysisResult | undefined;
  const t = timeInProcess(() => (result = analyzer.analyze({ path, text }, DEFAULT_CONFIG)));
  sink += result!.findings.length;
  return [t, result!];
}

function timeParse(text: string): Timing {
  return timeInProcess(() => {
    const docs = parseAllDocuments(text, YAML_OPTIONS);
    sink += Array.isArray(docs) ? docs.length : 0;
  });
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
  const times: Timing[] = [];
  for (let i = 0; i < SCAN_RUNS; i++) {
    collectGarbage();
    times.push(timeInProcess(() => (report = run())));
  }
  const b = best(times);
  const median = stats(times.map((t) => t.wall)).p50;
  const fps = report.files / (b.wall / 1e9);
  const fpsCpu = report.files / (b.cpu / 1e9);
  console.log(`    (a) in-process, warmed once, ${SCAN_RUNS} runs`);
  console.log(`    files analyzed: ${report.files}`);
  console.log(`    findings: ${report.findings.length}; errors/skips reported: ${report.errors.length}`);
  console.log(`    scan best: ${ms(b.wall)} ms wall, ${ms(b.cpu)} ms CPU (median wall ${ms(median)} ms)`);
  console.log(`    throughput (best): ${fps.toFixed(0)} files/s wall, ${fpsCpu.toFixed(0)} files per CPU second (target >= ${TARGET.filesPerSecond} files/s on one core)`);
  rows.push({ metric: 'scan in-process best', value: `${ms(b.wall)} ms`, cpu: `${ms(b.cpu)} ms`, target: '', ok: undefined });
  rows.push({ metric: 'scan in-process files/s', value: fps.toFixed(0), cpu: fpsCpu.toFixed(0), target: `>= ${TARGET.filesPerSecond}`, ok: Math.max(fps, fpsCpu) >= TARGET.filesPerSecond });

  console.log(`    (b) child process: node dist/cli.js scan <corpus> --format json --fail-on none`);
  if (!existsSync(CLI)) {
    console.log('    skipped: dist/cli.js not found (run node build.mjs)');
    return report;
  }
  const cliTimes: Timing[] = [];
  let cliFindings = -1;
  for (let i = 0; i < SCAN_RUNS; i++) {
    // cwd is the corpus so the CLI's config root matches the in-process scan's.
    const r = runProcess(process.execPath, [CLI, 'scan', CORPUS, '--format', 'json', '--fail-on', 'none'], CORPUS);
    cliTimes.push(r);
    cliFindings = (JSON.parse(r.stdout) as { findings: unknown[] }).findings.length;
  }
  const cb = best(cliTimes);
  const cliFps = report.files / (cb.wall / 1e9);
  const cliFpsCpu = report.files / (cb.cpu / 1e9);
  console.log(`    findings in JSON: ${cliFindings}${cliFindings === report.findings.length ? ' (matches in-process)' : ' (DIFFERS from in-process)'}`);
  console.log(`    CLI best of ${SCAN_RUNS}: ${ms(cb.wall)} ms wall, ${ms(cb.cpu)} ms CPU, all threads (median wall ${ms(stats(cliTimes.map((t) => t.wall)).p50)} ms; includes node start-up and JSON output)`);
  console.log(`    CLI throughput: ${cliFps.toFixed(0)} files/s wall, ${cliFpsCpu.toFixed(0)} files per CPU second (${report.files} files, count from the in-process scan)`);
  rows.push({ metric: 'scan CLI best', value: `${ms(cb.wall)} ms`, cpu: `${ms(cb.cpu)} ms`, target: '', ok: undefined });
  rows.push({ metric: 'scan CLI files/s', value: cliFps.toFixed(0), cpu: cliFpsCpu.toFixed(0), target: `>= ${TARGET.filesPerSecond}`, ok: cliFps >= TARGET.filesPerSecond });
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
  const scanT: Timing[] = [];
  const parseT: Timing[] = [];
  const timeScan = (): void => {
    collectGarbage();
    scanT.push(timeInProcess(() => (sink += run())));
  };
  const timeParse = (): void => {
    collectGarbage();
    parseT.push(timeInProcess(() => parseAll(files)));
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
  const scanTimes = scanT.map((t) => t.wall);
  const parseTimes = parseT.map((t) => t.wall);
  const scanBest = Math.min(...scanTimes);
  const parseBest = Math.min(...parseTimes);
  const ratio = scanBest / parseBest;
  const medianRatio = stats(scanTimes).p50 / stats(parseTimes).p50;
  const cpuRatio = best(scanT).cpu / best(parseT).cpu;
  console.log(`    ${RATIO_ROUNDS} interleaved rounds of one scan and one read+decode+parse pass`);
  console.log(`    read+decode+parse best: ${ms(parseBest)} ms (YAML: parseAllDocuments, Dockerfile: parseDockerfile (server/src/parsers), Terraform: parseHcl)`);
  console.log(`    scan best: ${ms(scanBest)} ms`);
  console.log(`    directory walk + path filter alone (included in scan time): ${ms(walkBest)} ms`);
  console.log(`    ratio scan/parse (best): ${ratio.toFixed(2)}x (aim <= ${TARGET.scanParseRatio}x)`);
  console.log(`    ratio scan/parse (median): ${medianRatio.toFixed(2)}x`);
  console.log(`    ratio scan/parse (CPU time, best): ${cpuRatio.toFixed(2)}x (scan ${ms(best(scanT).cpu)} ms, parse ${ms(best(parseT).cpu)} ms)`);
  rows.push({ metric: 'scan/parse time (best)', value: `${ratio.toFixed(2)}x`, cpu: `${cpuRatio.toFixed(2)}x`, target: `<= ${TARGET.scanParseRatio}x`, ok: Math.min(ratio, cpuRatio) <= TARGET.scanParseRatio });
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
      sink += parseDockerfile(text).getInstructions().length;
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
  console.log('Summary (value: wall time or ratio of wall times; cpu: the same from CPU time, where load could skew wall time)');
  const header: Row = { metric: 'metric', value: 'value', cpu: 'cpu', target: 'target', ok: undefined };
  const all = [header, ...rows];
  const width = (f: (r: Row) => string): number => Math.max(...all.map((r) => f(r).length));
  const w = [width((r) => r.metric), width((r) => r.value), width((r) => r.cpu ?? ''), width((r) => r.target)];
  for (const [i, r] of all.entries()) {
    const status = i === 0 ? 'status' : r.ok === undefined ? '' : r.ok ? 'ok' : 'MISS';
    console.log(`${r.metric.padEnd(w[0]!)}  ${r.value.padStart(w[1]!)}  ${(r.cpu ?? '').padStart(w[2]!)}  ${r.target.padEnd(w[3]!)}  ${status}`.trimEnd());
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

function findCorpus(): string {
  const given = process.env['BENCH_CORPUS'];
  if (given) return resolve(REPO, given);
  for (let dir = REPO; ; dir = dirname(dir)) {
    const candidate = join(dirname(dir), 'shared', 'corpus');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return resolve(REPO, '..', 'shared', 'corpus');
  }
}

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function collectGarbage(): void {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

// ---------------------------------------------------------------------------------------------------------------
// 3b. The corpus YAML parsed by yaml alone vs the fast reader first (yaml only where it gives up): decision 0008.

function benchYamlReaders(): void {
  const texts = selectFiles()
    .filter((f) => YAML_KINDS.has(f.kind))
    .map((f) => decodeText(readFileSync(f.abs)));
  let accepted = 0;
  for (const t of texts) if (parseDocumentsFast(t)) accepted++;
  const cpu = (run: () => void): number => {
    const before = process.cpuUsage();
    run();
    const d = process.cpuUsage(before);
    return (d.user + d.system) / 1000;
  };
  const viaYaml = (): void => {
    for (const t of texts) sink += parseAllDocuments(t, PARSE_OPTIONS).length;
  };
  const viaFast = (): void => {
    for (const t of texts) sink += (parseDocumentsFast(t) ?? parseAllDocuments(t, PARSE_OPTIONS)).length;
  };
  viaYaml();
  viaFast();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 5; i++) {
    a.push(cpu(viaYaml));
    b.push(cpu(viaFast));
  }
  const ya = Math.min(...a);
  const fa = Math.min(...b);
  console.log('');
  console.log(`[3b] YAML parse of the ${texts.length} corpus YAML files (CPU time, best of 5): yaml ${ya.toFixed(1)} ms, fast reader first ${fa.toFixed(1)} ms (x${(ya / fa).toFixed(2)}); the fast reader reads ${accepted} (${((accepted / texts.length) * 100).toFixed(1)}%)`);
  rows.push({ metric: 'yaml parse of corpus YAML: yaml vs fast reader first (CPU ms)', value: `${ya.toFixed(1)} -> ${fa.toFixed(1)} (x${(ya / fa).toFixed(2)})`, target: 'faster', ok: fa < ya });
  rows.push({ metric: 'corpus YAML files the fast reader reads', value: `${accepted}/${texts.length} (${((accepted / texts.length) * 100).toFixed(1)}%)`, target: '>= 85%', ok: accepted / texts.length >= 0.85 });
}
