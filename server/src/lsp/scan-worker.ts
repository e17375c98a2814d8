// The server's worker threads: workspace-scan batches of files from disk, and (in the document worker) single
// documents, disk files and suppression-line questions. Each has its own engine; results are posted back.

import { parentPort } from 'node:worker_threads';
import { Analyzer, RULES, type ForewarnConfig } from '../engine/index.js';
import { analyzeOnDisk, type DiskJob, type DiskResult } from './disk-analysis.js';
import { DocumentAnalyzer, handleRequest, type AnalysisRequest } from './document-analysis.js';
import { loadExtraRules } from './extra-rules.js';
import { ModuleContextLoader } from '../workspace/module-context.js';

export interface WorkerRequest {
  readonly batch: number;
  readonly jobs: readonly DiskJob[];
  readonly configs: readonly ForewarnConfig[];
}

export interface WorkerResponse {
  readonly batch: number;
  readonly results: readonly DiskResult[];
}

if (parentPort) {
  const port = parentPort;
  const analyzer = new Analyzer([...RULES, ...loadExtraRules()]);
  const modules = new ModuleContextLoader({ validate: true });
  const documents = new DocumentAnalyzer(analyzer, modules);
  port.on('message', (req: WorkerRequest | AnalysisRequest) => {
    if ('type' in req) {
      port.postMessage(handleRequest(documents, req));
      return;
    }
    const results = req.jobs.map((job): DiskResult => {
      try {
        return analyzeOnDisk(job, req.configs[job.configIndex]!, analyzer, modules);
      } catch (e) {
        return { path: job.path, status: 'unreadable', message: `internal error: ${(e as Error).message}` };
      }
    });
    port.postMessage({ batch: req.batch, results } satisfies WorkerResponse);
  });
}
