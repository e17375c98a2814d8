// `forewarn scan` on every core: beyond a few hundred files the files are analyzed by worker threads (one per core,
// two at most on the machines this is measured on), in batches, and the report is put together in the order a
// single-threaded scan gives. The CLI stays synchronous: results are read with receiveMessageOnPort while the main
// thread sleeps on a shared counter the workers bump.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MessagePort, Worker } from 'node:worker_threads';
import type * as OsModule from 'node:os';
import type * as WorkerThreadsModule from 'node:worker_threads';
import { append } from '../core/arrays.js';
import { LineIndex } from '../core/text.js';
import type { FileKind, Finding, Range } from '../core/types.js';
import { Analyzer, type ForewarnConfig } from '../engine/index.js';
import { createRedactor, redactorSpans } from '../engine/redaction.js';
import { ModuleContextLoader } from '../workspace/module-context.js';
import { planScan, scanPlanned, type PlannedFile, type ScanError, type ScanOptions, type ScanReport } from '../workspace/scan.js';

/** Fewer files than this are scanned in this thread: starting a worker (loading the engine) costs about 200 files' time. */
export const MIN_FILES_FOR_THREADS = 300;
/**
 * Appended to a scan worker's process.argv, so that a process can tell it is none without loading node:worker_threads
 * (about 4 ms of a one-file cold start; see scan-thread-worker.ts).
 */
export const SCAN_WORKER_ARG = '--forewarn-scan-worker';
const BATCH = 16;

/** node:worker_threads, loaded when a scan uses threads (a one-file scan never does: the CLI's cold start). */
export function workerThreads(): typeof WorkerThreadsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:worker_threads') as typeof WorkerThreadsModule;
}
/** A worker that finishes no file for this long is given up on (it died, e.g. out of memory): its files run here. */
const STALL_MS = 60_000;

export interface ThreadJob {
  readonly index: number;
  readonly file: PlannedFile;
}

/** One file's share of the report, cloneable: the text and secret spans come along only when there are findings. */
export interface ThreadResult {
  readonly index: number;
  readonly files: number;
  readonly errors: readonly ScanError[];
  readonly findings: readonly { readonly finding: Finding; readonly start: ScanPosition; readonly end: ScanPosition }[];
  readonly text?: string;
  readonly spans?: readonly Range[];
  /** the kind the analysis gave the file (`text` files are never quoted by the reports). */
  readonly kind?: FileKind;
}

interface ScanPosition {
  readonly line: number;
  readonly character: number;
}

export interface WorkerSetup {
  readonly role: 'forewarn-scan';
  readonly config: ForewarnConfig;
  readonly port: MessagePort;
  /** Int32Array over a SharedArrayBuffer: [0] counts posted replies, [1 + worker] counts that worker's files. */
  readonly signal: SharedArrayBuffer;
  readonly slot: number;
}

/** Analyzes one planned file the way `scan` does and returns its cloneable share of the report. */
export function analyzeForThread(job: ThreadJob, analyzer: Analyzer, config: ForewarnConfig, modules: ModuleContextLoader): ThreadResult {
  const part: ScanReport = { files: 0, findings: [], errors: [] };
  scanPlanned(job.file, analyzer, config, part, modules);
  const first = part.findings[0];
  return {
    index: job.index,
    files: part.files,
    errors: part.errors,
    findings: part.findings.map((f) => ({ finding: f.finding, start: f.start, end: f.end })),
    ...(first ? { text: first.lines.text, spans: redactorSpans(first.redactor), ...(first.kind ? { kind: first.kind } : {}) } : {}),
  };
}

/**
 * `scan`, on worker threads when there are enough files and a worker script; otherwise (or with `threads` 1) in this
 * thread. Same report, same order.
 */
export function scanWithThreads(targets: readonly string[], opts: ScanOptions & { threads?: number; minFiles?: number; workerPath?: string }): ScanReport {
  const files = [...planScan(targets, opts)];
  // A per-file hook (--fix, --diff) runs where the files are read: here. Cores are counted only for a scan big enough.
  if (opts.onFile || opts.threads === 1 || files.length < (opts.minFiles ?? MIN_FILES_FOR_THREADS)) return scanHere(files, opts);
  const threads = Math.max(1, Math.min(opts.threads ?? defaultThreads(), 8));
  const workerPath = opts.workerPath ?? findWorker();
  if (threads < 2 || !workerPath) return scanHere(files, opts);
  return scanOnWorkers(files, opts, Math.min(threads, Math.ceil(files.length / BATCH)), workerPath);
}

/** The cores to use: node:os is loaded only here (a one-file scan never counts them: the CLI's cold start). */
function defaultThreads(): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('node:os') as typeof OsModule;
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

function findWorker(): string | undefined {
  // The bundle (dist/cli-bundle.js) is its own worker script, started through the loader beside it (dist/cli.js, which
  // starts it from the code cache) where there is one; the compiled tree has scan-thread-worker.js beside this file.
  if (/[\\/]cli-bundle\.js$/.test(__filename)) {
    const loader = join(__dirname, 'cli.js');
    return existsSync(loader) ? loader : __filename;
  }
  const compiled = join(__dirname, 'scan-thread-worker.js');
  return existsSync(compiled) ? compiled : undefined;
}

function scanHere(files: readonly PlannedFile[], opts: ScanOptions): ScanReport {
  const analyzer = opts.analyzer ?? new Analyzer();
  const modules = opts.modules ?? new ModuleContextLoader({ validate: false });
  const report: ScanReport = { files: 0, findings: [], errors: [] };
  for (const f of files) scanPlanned(f, analyzer, opts.config, report, modules, opts.onFile);
  return report;
}

interface Running {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly slot: number;
  /** jobs sent and not answered. */
  outstanding: ThreadJob[];
  progress: number;
  lastProgress: number;
  dead: boolean;
}

function scanOnWorkers(files: readonly PlannedFile[], opts: ScanOptions, threads: number, workerPath: string): ScanReport {
  const signal = new SharedArrayBuffer(4 * (threads + 1));
  const counters = new Int32Array(signal);
  const results: (ThreadResult | undefined)[] = new Array<ThreadResult | undefined>(files.length);
  let next = 0;
  let done = 0;
  const send = (r: Running): void => {
    const jobs: ThreadJob[] = [];
    while (jobs.length < BATCH && next < files.length) jobs.push({ index: next, file: files[next++]! });
    append(r.outstanding, jobs);
    if (jobs.length > 0) r.port.postMessage(jobs);
  };
  const { MessageChannel, Worker, receiveMessageOnPort } = workerThreads();
  const running: Running[] = [];
  for (let slot = 0; slot < threads; slot++) {
    const { port1, port2 } = new MessageChannel();
    const setup: WorkerSetup = { role: 'forewarn-scan', config: opts.config, port: port2, signal, slot };
    const worker = new Worker(workerPath, { workerData: setup, argv: [SCAN_WORKER_ARG], transferList: [port2], stdout: false, stderr: false });
    worker.unref();
    const r: Running = { worker, port: port1, slot, outstanding: [], progress: 0, lastProgress: Date.now(), dead: false };
    running.push(r);
    // Two batches in flight per worker, so it never waits for this thread.
    send(r);
    send(r);
  }
  const here = { analyzer: opts.analyzer ?? new Analyzer(), modules: opts.modules ?? new ModuleContextLoader({ validate: false }) };
  try {
    while (done < files.length) {
      const seen = Atomics.load(counters, 0);
      let got = false;
      for (const r of running) {
        if (r.dead) continue;
        for (let m = receiveMessageOnPort(r.port); m; m = receiveMessageOnPort(r.port)) {
          got = true;
          for (const res of m.message as ThreadResult[]) {
            if (results[res.index] === undefined) done++;
            results[res.index] = res;
            r.outstanding = r.outstanding.filter((j) => j.index !== res.index);
          }
          if (r.outstanding.length <= BATCH) send(r);
        }
        const progress = Atomics.load(counters, 1 + r.slot);
        if (progress !== r.progress) {
          r.progress = progress;
          r.lastProgress = Date.now();
        } else if (r.outstanding.length > 0 && Date.now() - r.lastProgress > STALL_MS) {
          // The worker stopped (out of memory on a hostile file, say): its files are analyzed here.
          r.dead = true;
          void r.worker.terminate();
          for (const job of r.outstanding) {
            if (results[job.index] === undefined) done++;
            results[job.index] = analyzeForThread(job, here.analyzer, opts.config, here.modules);
          }
          r.outstanding = [];
        }
      }
      if (running.every((r) => r.dead) && done < files.length) {
        // No worker left: the rest here.
        for (; next < files.length; next++) {
          results[next] = analyzeForThread({ index: next, file: files[next]! }, here.analyzer, opts.config, here.modules);
          done++;
        }
      }
      if (!got && done < files.length) Atomics.wait(counters, 0, seen, 1000);
    }
  } finally {
    for (const r of running) {
      r.port.close();
      void r.worker.terminate();
    }
  }
  return assemble(files, results);
}

/** The report a single-threaded scan gives, from the per-file shares in file order. */
function assemble(files: readonly PlannedFile[], results: readonly (ThreadResult | undefined)[]): ScanReport {
  const report: ScanReport = { files: 0, findings: [], errors: [] };
  for (let i = 0; i < files.length; i++) {
    const r = results[i]!;
    report.files += r.files;
    for (const e of r.errors) report.errors.push(e);
    if (r.findings.length === 0 || r.text === undefined) continue;
    const lines = new LineIndex(r.text);
    const redactor = createRedactor(r.text, r.spans ?? []);
    const f = files[i]!;
    for (const x of r.findings) report.findings.push({ path: f.shown, absPath: f.abs, lines, finding: x.finding, redactor, start: x.start, end: x.end, ...(r.kind ? { kind: r.kind } : {}) });
  }
  return report;
}
