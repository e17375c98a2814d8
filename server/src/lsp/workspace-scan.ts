// The workspace scan: every supported file of every workspace folder analysed from disk, in the background,
// results cached by content hash, spread over worker threads when the workspace is large.

import { existsSync, type Dirent } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startWorker } from './workers.js';
import { Minimatch } from 'minimatch';
import type { Diagnostic } from 'vscode-languageserver';
import type { Analyzer} from '../engine/index.js';
import { CONFIG_FILE_NAMES, YAML_EXT, compileIgnore, type ForewarnConfig } from '../engine/index.js';
import { isGitIgnored, walkFiles } from '../workspace/walk.js';
import type { DisplayOptions } from './diagnostics.js';
import type { DiskBaseline, DiskJob, DiskResult, SeverityCounts } from './disk-analysis.js';
import type { WorkerRequest, WorkerResponse } from './scan-worker.js';

/** What the scan needs to know about one file's setting: its effective config and the folder its globs are relative to. */
export interface FileConfig {
  readonly config: ForewarnConfig;
  readonly root: string;
  /** how the folder's settings show diagnostics (severity map, related information). */
  readonly display: DisplayOptions;
}

export interface ScanHost {
  /** effective configuration for a file (config file + editor settings). */
  configFor(fsPath: string): FileConfig;
  /** open documents are analysed from the editor's text, never from disk. */
  isOpen(uri: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** the workspace folder a path lies in, if any. */
  folderOf(fsPath: string): string | undefined;
  /** the file's finding counts, or undefined when it has none to count (deleted, unsupported). */
  setCounts(uri: string, counts: SeverityCounts | undefined): void;
  /** the baseline entries that apply to a file, if any. */
  baselineFor(fsPath: string): DiskBaseline | undefined;
  /** kinds by path (no file is analysed in the server's thread: see analyzeDisk). */
  readonly analyzer: Analyzer;
  /** analyses one file from disk off the message loop (the document worker). */
  analyzeDisk(job: DiskJob, config: ForewarnConfig): Promise<DiskResult>;
  /** a folder's entries as the walk read them (so the host can tell which config file applies there without a look). */
  listed?(dir: string, entries: readonly Dirent[]): void;
}

export interface FolderScan {
  readonly root: string;
  /** VS Code glob patterns (`files.exclude`, `forewarn.exclude`) relative to the folder. */
  readonly exclude: readonly string[];
}

export interface Progress {
  report(percentage: number, message: string): void;
  readonly cancelled: () => boolean;
}

export interface ScanSummary {
  readonly files: number;
  readonly analyzed: number;
  readonly unchanged: number;
  readonly cancelled: boolean;
  readonly workers: number;
  readonly ms: number;
}

interface Entry {
  hash: string | undefined;
  /** diagnostics were published for it (so an empty list must be sent to clear them). */
  shown: boolean;
}

const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);

/** Below this many files the scan runs in the server's own thread; above it, in worker threads. */
export const WORKER_THRESHOLD = 400;
const BATCH = 40;

export class WorkspaceScanner {
  private readonly entries = new Map<string, Entry>();
  private workerPath: string | undefined | null = null;

  constructor(
    private readonly host: ScanHost,
    private readonly opts: { workerDir?: string; workers?: number; threshold?: number } = {},
  ) {}

  /** Forgets every content hash: the next scan analyses every file again (configuration changed). */
  invalidate(): void {
    for (const e of this.entries.values()) e.hash = undefined;
  }

  /** Whether the file was found by a scan (so closing its editor hands its diagnostics back to the scan). */
  knows(uri: string): boolean {
    return this.entries.has(uri);
  }

  /** Scanned files below a folder. */
  urisBelow(folderUri: string): string[] {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    return [...this.entries.keys()].filter((u) => u.startsWith(prefix));
  }

  /**
   * Scans the folders; results are published as they come. Workers start as soon as the walk has found enough files
   * for them, and analyse while it goes on: a 10k-file workspace took its whole walk (~2 s) before any analysis began.
   */
  async scan(folders: readonly FolderScan[], progress: Progress): Promise<ScanSummary> {
    const started = performance.now();
    const jobs: DiskJob[] = [];
    const configs: ForewarnConfig[] = [];
    const configIndex = new Map<ForewarnConfig, number>();
    let analyzed = 0;
    let unchanged = 0;
    let done = 0;
    let walking = true;
    let reportedAll = false;
    const onResult = (r: DiskResult): void => {
      done++;
      if (r.status === 'unchanged') unchanged++;
      else if (r.status === 'analyzed') analyzed++;
      this.accept(r);
      // While the walk goes on the total is not known: the count alone, at 0%.
      if (walking) {
        if (done % 50 === 0) progress.report(0, `${done}/${jobs.length}+ files`);
      } else if (done % 50 === 0 || done === jobs.length) {
        reportedAll = done === jobs.length;
        progress.report(Math.floor((done / Math.max(1, jobs.length)) * 100), `${done}/${jobs.length} files`);
      }
    };
    let pool: ScanPool | undefined;
    /** jobs handed to the pool so far (the first `sent` of `jobs`). */
    let sent = 0;
    const stop = (): ScanSummary => {
      pool?.cancel();
      return this.summary(started, jobs.length, analyzed, unchanged, true, pool?.workers ?? 0);
    };
    let walked = 0;
    for (const folder of folders) {
      const excluded = compileExclude(folder.exclude);
      const relToFolder = (p: string): string => relative(folder.root, p).split(sep).join('/');
      const walker = walkFiles(folder.root, {
        dir: (p) => !excluded(relToFolder(p)) && !this.ignoredByConfig(p, true),
        // Configuration files are the server's own business (validated as they are edited).
        file: (p) => !excluded(relToFolder(p)) && !CONFIG_NAMES.has(basename(p)),
        listed: (dir, entries) => this.host.listed?.(dir, entries),
      });
      for (const path of walker) {
        if (++walked % 500 === 0) {
          if (progress.cancelled()) return stop();
          await tick();
        }
        const fc = this.host.configFor(path);
        const rel = relativeTo(fc.root, path);
        if (fc.config.ignore.length > 0 && ignoreTest(fc.config.ignore)(rel)) continue;
        const kind = this.host.analyzer.kindByPath(rel, fc.config, path);
        if (kind === undefined && !YAML_EXT.test(path)) continue;
        let index = configIndex.get(fc.config);
        if (index === undefined) {
          index = configs.push(fc.config) - 1;
          configIndex.set(fc.config, index);
        }
        const uri = pathToFileURL(path).toString();
        const baseline = this.host.baselineFor(path);
        jobs.push({ path, rel, folder: folder.root, kind, configIndex: index, knownHash: this.entries.get(uri)?.hash, display: fc.display, ...(baseline ? { baseline } : {}) });
        if (jobs.length === (this.opts.threshold ?? WORKER_THRESHOLD)) pool = this.startPool(configs, onResult, progress);
        if (pool && jobs.length - sent >= BATCH) {
          pool.add(jobs.slice(sent, jobs.length));
          sent = jobs.length;
        }
      }
    }
    walking = false;
    const seen = new Set(jobs.map((j) => pathToFileURL(j.path).toString()));
    let cancelled: boolean;
    if (pool) {
      if (sent < jobs.length) pool.add(jobs.slice(sent));
      cancelled = await pool.finish();
    } else cancelled = await this.runHere(jobs, configs, onResult, progress);
    if (!cancelled) {
      // every result came in before the walk ended
      if (!reportedAll && jobs.length > 0 && done === jobs.length) progress.report(100, `${done}/${jobs.length} files`);
      // Files gone since the last scan (deleted while nobody watched, or now excluded) lose their problems.
      for (const uri of [...this.entries.keys()]) {
        if (!seen.has(uri)) this.remove(uri);
      }
    }
    return this.summary(started, jobs.length, analyzed, unchanged, cancelled, pool?.workers ?? 0);
  }

  /** Re-analyses one file from disk (saved, created or changed outside the editor), off the message loop. */
  async refresh(path: string, force = false): Promise<void> {
    const uri = pathToFileURL(path).toString();
    if (this.host.isOpen(uri)) return;
    const folder = this.host.folderOf(path);
    if (folder === undefined) return;
    const fc = this.host.configFor(path);
    const rel = relativeTo(fc.root, path);
    if (fc.config.ignore.length > 0 && ignoreTest(fc.config.ignore)(rel)) {
      this.remove(uri);
      return;
    }
    const kind = this.host.analyzer.kindByPath(rel, fc.config, path);
    if (kind === undefined && !YAML_EXT.test(path)) return;
    // The scan's walk skips what git ignores; a changed `.env` that git ignores is skipped here too.
    if (kind === 'text' && isGitIgnored(path)) {
      this.remove(uri);
      return;
    }
    const knownHash = force ? undefined : this.entries.get(uri)?.hash;
    const baseline = this.host.baselineFor(path);
    const result = await this.host.analyzeDisk({ path, rel, folder, kind, configIndex: 0, knownHash, display: fc.display, ...(baseline ? { baseline } : {}) }, fc.config);
    // Opened meanwhile: the editor's text is what counts now.
    if (!this.host.isOpen(uri)) this.accept(result);
  }

  /** A file was deleted: its problems go with it. */
  remove(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    this.entries.delete(uri);
    this.host.setCounts(uri, undefined);
    if (entry.shown && !this.host.isOpen(uri)) this.host.publish(uri, []);
  }

  private accept(r: DiskResult): void {
    const uri = pathToFileURL(r.path).toString();
    if (r.status === 'unreadable') {
      this.remove(uri);
      return;
    }
    if (r.status === 'unchanged') return;
    if (!r.supported) {
      // Remembered so that an unchanged YAML file of no known kind is not read and sniffed again.
      this.remove(uri);
      this.entries.set(uri, { hash: r.hash, shown: false });
      return;
    }
    const wasShown = this.entries.get(uri)?.shown ?? false;
    if (this.host.isOpen(uri)) {
      this.entries.set(uri, { hash: r.hash, shown: wasShown });
      return;
    }
    this.host.setCounts(uri, r.counts);
    // Most files have no finding: nothing to send unless an earlier list must be cleared.
    const shown = r.diagnostics.length > 0;
    this.entries.set(uri, { hash: r.hash, shown });
    if (shown || wasShown) this.host.publish(uri, r.diagnostics);
  }

  private ignoredByConfig(dir: string, isDir: boolean): boolean {
    const fc = this.host.configFor(join(dir, '_'));
    if (fc.config.ignore.length === 0) return false;
    const rel = relativeTo(fc.root, dir);
    return rel !== '' && ignoreTest(fc.config.ignore)(rel, isDir);
  }

  /** Worker threads for a large scan, or undefined when there is no worker script (then the scan runs here). */
  private startPool(configs: readonly ForewarnConfig[], onResult: (r: DiskResult) => void, progress: Progress): ScanPool | undefined {
    if (this.workerPath === null) {
      const dir = this.opts.workerDir ?? __dirname;
      this.workerPath = [join(dir, 'scan-worker.js'), join(dir, 'lsp', 'scan-worker.js')].find((p) => existsSync(p));
    }
    if (!this.workerPath) return undefined;
    const count = Math.max(1, Math.min(this.opts.workers ?? availableParallelism(), 4));
    return new ScanPool(this.workerPath, count, configs, onResult, progress, (rest) => this.runHere(rest, configs, onResult, progress));
  }

  /** A small scan: file by file through the document worker, so no analysis runs on the message loop. */
  private async runHere(jobs: readonly DiskJob[], configs: readonly ForewarnConfig[], onResult: (r: DiskResult) => void, progress: Progress): Promise<boolean> {
    for (const job of jobs) {
      if (progress.cancelled()) return true;
      try {
        onResult(await this.host.analyzeDisk(job, configs[job.configIndex]!));
      } catch (e) {
        onResult({ path: job.path, status: 'unreadable', message: (e as Error).message });
      }
    }
    return false;
  }

  private summary(started: number, files: number, analyzed: number, unchanged: number, cancelled: boolean, workers: number): ScanSummary {
    return { files, analyzed, unchanged, cancelled, workers, ms: Math.round(performance.now() - started) };
  }
}

/**
 * Scan workers fed batches of jobs as the walk finds them. Each worker has up to two batches in hand, so it never
 * waits for the walk's thread between two. `configs` may grow while the scan runs: every request carries the list as
 * it is then, and a job's config index is below its length.
 */
class ScanPool {
  private readonly queue: DiskJob[][] = [];
  /** the live workers and how many batches each has in hand. */
  private readonly inFlight = new Map<Worker, number>();
  private batch = 0;
  /** no more jobs will be added. */
  private closed = false;
  /** every worker died: the queue runs here once the pool is closed. */
  private orphaned = false;
  private finished = false;
  private resolveDone: ((cancelled: boolean) => void) | undefined;
  private readonly done: Promise<boolean>;

  constructor(
    path: string,
    readonly workers: number,
    private readonly configs: readonly ForewarnConfig[],
    private readonly onResult: (r: DiskResult) => void,
    private readonly progress: Progress,
    private readonly runHere: (jobs: readonly DiskJob[]) => Promise<boolean>,
  ) {
    this.done = new Promise<boolean>((resolve) => (this.resolveDone = resolve));
    for (let i = 0; i < workers; i++) {
      // A modest heap makes V8 collect early: two workers otherwise grow well past what a scan needs.
      const w = startWorker(path, { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 }, (line) => console.log(line));
      this.inFlight.set(w, 0);
      w.on('message', (res: WorkerResponse) => {
        this.inFlight.set(w, this.inFlight.get(w)! - 1);
        if (this.finished) return;
        for (const r of res.results) this.onResult(r);
        this.feed(w);
      });
      w.on('error', (e) => {
        // A worker that dies costs the batches it had, never the scan: the others go on, and with none left the rest
        // runs here once the walk has handed every job over.
        console.error(`[internal error] scan worker failed: ${e.message}`);
        this.inFlight.delete(w);
        void w.terminate();
        if (this.finished) return;
        if (this.inFlight.size > 0) return this.checkDone();
        this.orphaned = true;
        if (this.closed) this.runQueueHere();
      });
      this.feed(w);
    }
  }

  /** More jobs (one batch or several). */
  add(jobs: readonly DiskJob[]): void {
    for (let i = 0; i < jobs.length; i += BATCH) this.queue.push(jobs.slice(i, i + BATCH));
    for (const w of this.inFlight.keys()) this.feed(w);
  }

  /** No more jobs: resolves when every result is in, with whether the scan was cancelled. */
  finish(): Promise<boolean> {
    this.closed = true;
    if (this.orphaned) this.runQueueHere();
    else this.checkDone();
    return this.done;
  }

  cancel(): void {
    this.end(true);
  }

  private runQueueHere(): void {
    void this.runHere(this.queue.splice(0).flat()).then((cancelled) => this.end(cancelled));
  }

  private feed(w: Worker): void {
    if (this.finished) return;
    if (this.progress.cancelled()) return this.end(true);
    while (this.inFlight.get(w)! < 2 && this.queue.length > 0) {
      this.inFlight.set(w, this.inFlight.get(w)! + 1);
      w.postMessage({ batch: this.batch++, jobs: this.queue.shift()!, configs: this.configs } satisfies WorkerRequest);
    }
    this.checkDone();
  }

  private checkDone(): void {
    if (!this.closed || this.queue.length > 0) return;
    for (const n of this.inFlight.values()) if (n > 0) return;
    this.end(false);
  }

  private end(cancelled: boolean): void {
    if (this.finished) return;
    this.finished = true;
    for (const w of this.inFlight.keys()) void w.terminate();
    this.resolveDone!(cancelled);
  }
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function relativeTo(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

const ignoreCache = new WeakMap<readonly string[], (path: string, isDir?: boolean) => boolean>();
function ignoreTest(globs: readonly string[]): (path: string, isDir?: boolean) => boolean {
  let t = ignoreCache.get(globs);
  if (!t) ignoreCache.set(globs, (t = compileIgnore(globs)));
  return t;
}

/** VS Code exclude globs (`files.exclude` semantics): matched against the path relative to the folder. */
export function compileExclude(globs: readonly string[]): (rel: string) => boolean {
  const matchers = globs.filter((g) => g.trim() !== '').map((g) => new Minimatch(g.trim().replace(/^\.?\//, ''), { dot: true }));
  if (matchers.length === 0) return () => false;
  return (rel) => rel !== '' && matchers.some((m) => m.match(rel));
}
