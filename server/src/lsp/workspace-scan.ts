// The workspace scan: every supported file of every workspace folder analysed from disk, in the background,
// results cached by content hash, spread over worker threads when the workspace is large.

import { existsSync } from 'node:fs';
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
import type { DiskBaseline, DiskJob, DiskResult, SeverityCounts } from './disk-analysis.js';
import type { WorkerRequest, WorkerResponse } from './scan-worker.js';

/** What the scan needs to know about one file's setting: its effective config and the folder its globs are relative to. */
export interface FileConfig {
  readonly config: ForewarnConfig;
  readonly root: string;
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

  /** Scans the folders; results are published as they come. */
  async scan(folders: readonly FolderScan[], progress: Progress): Promise<ScanSummary> {
    const started = performance.now();
    const jobs: DiskJob[] = [];
    const configs: ForewarnConfig[] = [];
    const configIndex = new Map<ForewarnConfig, number>();
    let walked = 0;
    for (const folder of folders) {
      const excluded = compileExclude(folder.exclude);
      const relToFolder = (p: string): string => relative(folder.root, p).split(sep).join('/');
      const walker = walkFiles(folder.root, {
        dir: (p) => !excluded(relToFolder(p)) && !this.ignoredByConfig(p, true),
        // Configuration files are the server's own business (validated as they are edited).
        file: (p) => !excluded(relToFolder(p)) && !CONFIG_NAMES.has(basename(p)),
      });
      for (const path of walker) {
        if (++walked % 500 === 0) {
          if (progress.cancelled()) return this.summary(started, jobs.length, 0, 0, true, 0);
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
        jobs.push({ path, rel, folder: folder.root, kind, configIndex: index, knownHash: this.entries.get(uri)?.hash, ...(baseline ? { baseline } : {}) });
      }
    }
    const seen = new Set(jobs.map((j) => pathToFileURL(j.path).toString()));
    let analyzed = 0;
    let unchanged = 0;
    let done = 0;
    const onResult = (r: DiskResult): void => {
      done++;
      if (r.status === 'unchanged') unchanged++;
      else if (r.status === 'analyzed') analyzed++;
      this.accept(r);
      if (done % 50 === 0 || done === jobs.length) progress.report(Math.floor((done / Math.max(1, jobs.length)) * 100), `${done}/${jobs.length} files`);
    };
    const workers = this.workerCount(jobs.length);
    const cancelled =
      workers > 0 ? await this.runInWorkers(jobs, configs, workers, onResult, progress) : await this.runHere(jobs, configs, onResult, progress);
    if (!cancelled) {
      // Files gone since the last scan (deleted while nobody watched, or now excluded) lose their problems.
      for (const uri of [...this.entries.keys()]) {
        if (!seen.has(uri)) this.remove(uri);
      }
    }
    return this.summary(started, jobs.length, analyzed, unchanged, cancelled, workers);
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
    const result = await this.host.analyzeDisk({ path, rel, folder, kind, configIndex: 0, knownHash, ...(baseline ? { baseline } : {}) }, fc.config);
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

  private workerCount(files: number): number {
    if (files < (this.opts.threshold ?? WORKER_THRESHOLD)) return 0;
    if (this.workerPath === null) {
      const dir = this.opts.workerDir ?? __dirname;
      this.workerPath = [join(dir, 'scan-worker.js'), join(dir, 'lsp', 'scan-worker.js')].find((p) => existsSync(p));
    }
    if (!this.workerPath) return 0;
    return Math.max(1, Math.min(this.opts.workers ?? availableParallelism(), 4));
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

  private runInWorkers(
    jobs: readonly DiskJob[],
    configs: readonly ForewarnConfig[],
    count: number,
    onResult: (r: DiskResult) => void,
    progress: Progress,
  ): Promise<boolean> {
    const batches: DiskJob[][] = [];
    for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH));
    let next = 0;
    let pending = 0;
    const workers: Worker[] = [];
    return new Promise<boolean>((resolve) => {
      let finished = false;
      const finish = (cancelled: boolean): void => {
        if (finished) return;
        finished = true;
        for (const w of workers) void w.terminate();
        resolve(cancelled);
      };
      const feed = (w: Worker): void => {
        if (progress.cancelled()) return finish(true);
        const batch = next++;
        if (batch >= batches.length) {
          if (pending === 0) finish(false);
          return;
        }
        pending++;
        w.postMessage({ batch, jobs: batches[batch]!, configs } satisfies WorkerRequest);
      };
      for (let i = 0; i < Math.min(count, batches.length); i++) {
        // A modest heap makes V8 collect early: two workers otherwise grow well past what a scan needs.
        const w = startWorker(this.workerPath!, { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 }, (line) => console.log(line));
        workers.push(w);
        w.on('message', (res: WorkerResponse) => {
          pending--;
          if (finished) return;
          for (const r of res.results) onResult(r);
          feed(w);
        });
        w.on('error', (e) => {
          // A worker that dies costs its batch, never the scan: the rest runs here.
          pending--;
          void this.runHere(batches.slice(next).flat(), configs, onResult, progress).then(finish);
          next = batches.length;
          console.error(`[internal error] scan worker failed: ${e.message}`);
        });
        feed(w);
      }
      if (batches.length === 0) finish(false);
    });
  }

  private summary(started: number, files: number, analyzed: number, unchanged: number, cancelled: boolean, workers: number): ScanSummary {
    return { files, analyzed, unchanged, cancelled, workers, ms: Math.round(performance.now() - started) };
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
