// Analysis off the message loop: open documents and files from disk are analysed in a worker thread, so the server
// answers every request (even shutdown) while a large or hostile file is analysed, and a newer version of a document
// cancels the analysis of an older one (the worker is stopped and started again when that run is long).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { FileKind, Finding, ParseError, ResolveRequest, RuleError, Skipped } from '../core/types.js';
import type { Analyzer, ForewarnConfig, ModuleContext } from '../engine/index.js';
import { suppressionLine } from '../engine/suppress.js';
import type { SourceFile } from '../models/source-file.js';
import { pinRequests } from '../resolver/pin.js';
import { ModuleContextLoader } from '../workspace/module-context.js';
import { analyzeOnDisk, type DiskJob, type DiskResult } from './disk-analysis.js';
import { startWorker } from './workers.js';

export interface DocumentJob {
  readonly uri: string;
  readonly version: number;
  /** path for kind detection and globs (relative to the config's folder), or the URI. */
  readonly path: string;
  readonly fullPath: string | undefined;
  readonly text: string;
  /** the kind the editor's language id says, used when the path and content say none. */
  readonly fallbackKind: FileKind | undefined;
  readonly config: ForewarnConfig;
  /** a Terraform file's folder (its other files, open ones as edited), read by the server. */
  readonly module?: ModuleContext;
  /** git ignores the file: if its kind is `text` it is not analysed (an ignored `.env` is not committed). */
  readonly textIgnored?: boolean;
}

/** What an analysis of a document leaves for diagnostics, code actions and fix-all: structured-cloneable. */
export interface DocumentResult {
  readonly kind: FileKind | undefined;
  readonly findings: readonly Finding[];
  readonly parseErrors: readonly ParseError[];
  readonly ruleErrors: readonly RuleError[];
  readonly skipped: Skipped | undefined;
  /** whether the file was parsed (false for unsupported, skipped or ignored files). */
  readonly parsed: boolean;
  /** every action and image a lookup could pin ("Pin all"). */
  readonly pinRequests: readonly ResolveRequest[];
  /** `#` starts a comment in the file, so an "Ignore on this line" comment can be inserted (not in JSON or XML). */
  readonly hashComments: boolean;
}

export const EMPTY_RESULT: DocumentResult = Object.freeze({ kind: undefined, findings: [], parseErrors: [], ruleErrors: [], skipped: undefined, parsed: false, pinRequests: [], hashComments: true });

/** Worker side: the analysis of one document, and the parse it keeps for suppression-line questions. */
export class DocumentAnalyzer {
  private readonly files = new Map<string, { version: number; file: SourceFile }>();

  constructor(
    readonly analyzer: Analyzer,
    /** Terraform folder contexts of files analysed from disk (the workspace scan). */
    readonly modules: ModuleContextLoader = new ModuleContextLoader({ validate: true }),
  ) {}

  analyze(job: DocumentJob): DocumentResult {
    const kind = this.analyzer.detectKind(job.path, job.text, job.config, job.fullPath) ?? job.fallbackKind;
    if (!kind || (kind === 'text' && job.textIgnored)) return EMPTY_RESULT;
    const r = this.analyzer.analyze({ path: job.uri, text: job.text, kind, ...(job.module ? { module: job.module } : {}) }, job.config);
    if (r.file && !r.skipped) this.files.set(job.uri, { version: job.version, file: r.file });
    else this.files.delete(job.uri);
    return {
      kind: r.kind,
      findings: r.findings,
      parseErrors: r.parseErrors,
      ruleErrors: r.ruleErrors,
      skipped: r.skipped,
      parsed: r.file !== undefined && !r.skipped,
      pinRequests: r.file && !r.skipped ? pinRequests(r.file, job.config.allow.actions) : [],
      hashComments: r.file?.hashComments ?? true,
    };
  }

  /** The lines line-level suppressions of findings at `offsets` belong on, or undefined when that version is gone. */
  suppressionLines(uri: string, version: number, offsets: readonly number[]): number[] | undefined {
    const kept = this.files.get(uri);
    if (!kept || kept.version !== version) return undefined;
    return offsets.map((o) => suppressionLine(kept.file, o));
  }

  forget(uri: string): void {
    this.files.delete(uri);
    this.analyzer.forget(uri);
  }
}

export type AnalysisRequest =
  | { readonly type: 'document'; readonly id: number; readonly job: DocumentJob }
  | { readonly type: 'disk'; readonly id: number; readonly job: DiskJob; readonly config: ForewarnConfig }
  | { readonly type: 'lines'; readonly id: number; readonly uri: string; readonly version: number; readonly offsets: readonly number[] }
  | { readonly type: 'forget'; readonly id: number; readonly uri: string };

export type AnalysisResponse = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: string };

/** Worker side: one request to one response; an exception becomes an error response, never a dead worker. */
export function handleRequest(docs: DocumentAnalyzer, req: AnalysisRequest): AnalysisResponse {
  try {
    switch (req.type) {
      case 'document':
        return { id: req.id, ok: true, value: docs.analyze(req.job) };
      case 'disk':
        return { id: req.id, ok: true, value: analyzeOnDisk(req.job, req.config, docs.analyzer, docs.modules) };
      case 'lines':
        return { id: req.id, ok: true, value: docs.suppressionLines(req.uri, req.version, req.offsets) };
      case 'forget':
        docs.forget(req.uri);
        return { id: req.id, ok: true, value: undefined };
    }
  } catch (e) {
    return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Thrown (as a rejection) for an analysis that a newer version of its document replaced. */
export class Superseded extends Error {
  override readonly name = 'Superseded';
}

interface Pending {
  readonly req: AnalysisRequest;
  readonly resolve: (value: unknown) => void;
  readonly reject: (e: Error) => void;
  /** the document it analyses, for cancellation by a newer version. */
  readonly uri: string | undefined;
}

interface Running extends Pending {
  readonly started: number;
  /** a newer version of its document is waiting: its result is stale. */
  superseded?: boolean;
}

/** A run of an older version that has taken longer than this is stopped (worker restarted) when a newer one comes. */
const CANCEL_AFTER_MS = 250;
/** A document analysis gets a generous heap; running out of it costs that document's analysis, never the server. */
const HEAP_MB = 1024;

/**
 * Main-thread side: one worker thread, one request at a time, newest document versions first in line. Without the
 * bundled worker (unit tests of the server's modules), requests run in this thread.
 */
export class AnalysisHost {
  private worker: Worker | undefined;
  private readonly queue: Pending[] = [];
  private running: Running | undefined;
  private nextId = 1;
  private local: DocumentAnalyzer | undefined;
  private readonly workerPath: string | undefined;
  private disposed = false;

  constructor(
    private readonly makeAnalyzer: () => Analyzer,
    workerDir: string = __dirname,
    private readonly onCrash: (message: string) => void = () => {},
    /** where the worker's console output goes (never the LSP stream). */
    private readonly log: (line: string) => void = () => {},
  ) {
    this.workerPath = [join(workerDir, 'scan-worker.js'), join(workerDir, 'lsp', 'scan-worker.js')].find((p) => existsSync(p));
  }

  /** Analyses a document version; rejects with Superseded when a newer version of it is asked for first. */
  analyzeDocument(job: DocumentJob): Promise<DocumentResult> {
    this.supersede(job.uri);
    return this.enqueue({ type: 'document', id: this.nextId++, job }, job.uri) as Promise<DocumentResult>;
  }

  analyzeDisk(job: DiskJob, config: ForewarnConfig): Promise<DiskResult> {
    return this.enqueue({ type: 'disk', id: this.nextId++, job, config }, undefined) as Promise<DiskResult>;
  }

  /** Suppression lines for findings of an analysed version (undefined when the worker no longer holds it). */
  suppressionLines(uri: string, version: number, offsets: readonly number[]): Promise<number[] | undefined> {
    return this.enqueue({ type: 'lines', id: this.nextId++, uri, version, offsets }, undefined) as Promise<number[] | undefined>;
  }

  forget(uri: string): void {
    this.supersede(uri);
    this.enqueue({ type: 'forget', id: this.nextId++, uri }, undefined).catch(() => {});
  }

  dispose(): void {
    this.disposed = true;
    for (const p of this.queue.splice(0)) p.reject(new Superseded('the server is shutting down'));
    this.running?.reject(new Superseded('the server is shutting down'));
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  /** Drops queued analyses of `uri`, and stops a long one that is running. */
  private supersede(uri: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const p = this.queue[i]!;
      if (p.uri === uri && p.req.type === 'document') {
        this.queue.splice(i, 1);
        p.reject(new Superseded(`a newer version of ${uri} replaced this analysis`));
      }
    }
    const run = this.running;
    if (!run || run.uri !== uri || run.req.type !== 'document') return;
    run.superseded = true;
    // A short run is let finish (a worker restart costs more than it); one still running after CANCEL_AFTER_MS is
    // stopped, the worker restarted, and the newer version analysed at once.
    const left = CANCEL_AFTER_MS - (performance.now() - run.started);
    if (left <= 0) this.cancelRunning(run);
    else setTimeout(() => this.cancelRunning(run), left).unref();
  }

  private cancelRunning(run: Running): void {
    if (this.running !== run || !this.worker) return;
    this.running = undefined;
    run.reject(new Superseded(`a newer version replaced this analysis`));
    void this.worker.terminate();
    this.worker = undefined;
    this.pump();
  }

  private enqueue(req: AnalysisRequest, uri: string | undefined): Promise<unknown> {
    if (this.disposed) return Promise.reject(new Superseded('the server is shutting down'));
    return new Promise((resolve, reject) => {
      this.queue.push({ req, resolve, reject, uri });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || this.queue.length === 0 || this.disposed) return;
    const run: Running = { ...this.queue.shift()!, started: performance.now() };
    this.running = run;
    if (!this.workerPath) {
      // No worker bundle: run here, after the current message has been handled.
      setImmediate(() => this.finish(run, handleRequest((this.local ??= new DocumentAnalyzer(this.makeAnalyzer())), run.req)));
      return;
    }
    try {
      this.ensureWorker().postMessage(run.req);
    } catch (e) {
      // A request that cannot be sent (not cloneable) fails alone; the line moves on.
      this.finish(run, { id: run.req.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = startWorker(this.workerPath!, { maxOldGenerationSizeMb: HEAP_MB }, this.log);
    w.unref();
    w.on('message', (res: AnalysisResponse) => {
      const run = this.running;
      if (w !== this.worker || !run || run.req.id !== res.id) return;
      this.finish(run, res);
    });
    w.on('error', (e) => this.workerDied(w, e.message));
    w.on('exit', (code) => {
      if (w === this.worker) this.workerDied(w, `exited with code ${code}`);
    });
    this.worker = w;
    return w;
  }

  /** The worker crashed (out of memory on a hostile file, say): that request fails, the next ones get a new worker. */
  private workerDied(w: Worker, why: string): void {
    if (w !== this.worker) return;
    this.worker = undefined;
    const run = this.running;
    this.running = undefined;
    if (run) {
      const what = run.req.type === 'document' ? run.req.job.uri : run.req.type === 'disk' ? run.req.job.path : run.req.type;
      this.onCrash(`the analysis worker stopped while analysing ${what} (${why}); other files are not affected.`);
      run.reject(new Error(`analysis failed: ${why}`));
    }
    this.pump();
  }

  private finish(run: Running, res: AnalysisResponse): void {
    if (this.running?.req.id === run.req.id) this.running = undefined;
    if (run.superseded) run.reject(new Superseded('a newer version replaced this analysis'));
    else if (res.ok) run.resolve(res.value);
    else run.reject(new Error(res.error));
    this.pump();
  }
}
