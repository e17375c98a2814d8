// Worker thread of `forewarn scan` (see scan-threads.ts): analyzes batches of planned files with its own engine and
// posts each batch's results back, bumping the shared counters the main thread sleeps on. The bundled CLI is its own
// worker script (its main() calls startScanWorker in a worker thread).

import { Analyzer } from '../engine/index.js';
import { redactText } from '../engine/redaction.js';
import { ModuleContextLoader } from '../workspace/module-context.js';
import { SCAN_WORKER_ARG, analyzeForThread, workerThreads, type ThreadJob, type ThreadResult, type WorkerSetup } from './scan-threads.js';

/** Whether this thread is a scan worker (started by scan-threads.ts). */
export function isScanWorker(): boolean {
  // A process started any other way never loads node:worker_threads for the question (the CLI's cold start).
  if (!process.argv.includes(SCAN_WORKER_ARG)) return false;
  const { isMainThread, workerData } = workerThreads();
  return !isMainThread && typeof workerData === 'object' && workerData !== null && (workerData as Partial<WorkerSetup>).role === 'forewarn-scan';
}

export function startScanWorker(): void {
  const setup = workerThreads().workerData as WorkerSetup;
  const counters = new Int32Array(setup.signal);
  const analyzer = new Analyzer();
  const modules = new ModuleContextLoader({ validate: false });
  setup.port.on('message', (jobs: ThreadJob[]) => {
    const results: ThreadResult[] = [];
    for (const job of jobs) {
      try {
        results.push(analyzeForThread(job, analyzer, setup.config, modules));
      } catch (e) {
        results.push({ index: job.index, files: 0, errors: [{ path: job.file.shown, absPath: job.file.abs, type: 'internal', message: `internal error: ${redactText(e instanceof Error ? e.message : String(e))}` }], findings: [] });
      }
      Atomics.add(counters, 1 + setup.slot, 1);
    }
    setup.port.postMessage(results);
    Atomics.add(counters, 0, 1);
    Atomics.notify(counters, 0);
  });
}

// Started as its own script (the compiled tree, tests); in the bundle, main.ts starts it.
if (/[\\/]scan-thread-worker\.js$/.test(__filename) && isScanWorker()) startScanWorker();
