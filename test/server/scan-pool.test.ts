// The workspace scanner's worker pool, with stand-in worker scripts: results that come in while the walk still runs,
// every job answered once, and a worker that dies handing what is left to the server's own path.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Analyzer, DEFAULT_CONFIG } from '../../server/src/engine/index.js';
import { DEFAULT_SEVERITY_MAP } from '../../server/src/lsp/convert.js';
import type { DiskJob, DiskResult } from '../../server/src/lsp/disk-analysis.js';
import { WorkspaceScanner, type Progress, type ScanHost } from '../../server/src/lsp/workspace-scan.js';

const FILES = 1500;

/**
 * A stand-in scan worker: answers every batch with 'unchanged' for each job (first touching FOREWARN_TEST_MARKER when
 * it is set), or, crashing, throws on its first batch.
 */
function workerSource(crash: boolean): string {
  return `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (req) => {
  if (${crash}) throw new Error('stand-in worker crashed');
  if (process.env.FOREWARN_TEST_MARKER) require('node:fs').writeFileSync(process.env.FOREWARN_TEST_MARKER, '');
  parentPort.postMessage({ batch: req.batch, results: req.jobs.map((j) => ({ path: j.path, status: 'unchanged', hash: 'h' })) });
});
`;
}

function host(root: string, here: DiskJob[], listed?: (dir: string) => void): ScanHost {
  return {
    ...(listed && { listed }),
    configFor: () => ({ config: DEFAULT_CONFIG, root, display: { severityMap: DEFAULT_SEVERITY_MAP, relatedInformation: true } }),
    isOpen: () => false,
    publish: () => undefined,
    folderOf: () => root,
    setCounts: () => undefined,
    baselineFor: () => undefined,
    analyzer: new Analyzer(),
    analyzeDisk: async (job: DiskJob): Promise<DiskResult> => {
      here.push(job);
      return { path: job.path, status: 'unchanged', hash: 'h' };
    },
  };
}

function progress(reports: string[]): Progress {
  return { report: (pct, message) => void reports.push(`${pct} ${message}`), cancelled: () => false };
}

describe('workspace scan: worker pool', () => {
  let root = '';
  let workers = '';
  let crashing = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'forewarn-pool-'));
    for (let i = 0; i < FILES; i++) {
      mkdirSync(join(root, `d${i}`));
      writeFileSync(join(root, `d${i}`, 'Dockerfile'), 'FROM node:latest\n');
    }
    workers = mkdtempSync(join(tmpdir(), 'forewarn-pool-worker-'));
    writeFileSync(join(workers, 'scan-worker.js'), workerSource(false));
    crashing = mkdtempSync(join(tmpdir(), 'forewarn-pool-crash-'));
    writeFileSync(join(crashing, 'scan-worker.js'), workerSource(true));
  });
  after(() => {
    for (const d of [root, workers, crashing]) rmSync(d, { recursive: true, force: true });
  });

  it('workers answer while the walk still runs, and every job exactly once', async () => {
    const here: DiskJob[] = [];
    const reports: string[] = [];
    const marker = join(workers, 'got-a-batch');
    process.env['FOREWARN_TEST_MARKER'] = marker;
    // Halfway through the walk, it waits until a worker has had a batch (polling, bounded): so the walk cannot end
    // first, however slowly the workers start on a busy machine.
    let waited = false;
    const halfway = (dir: string): void => {
      if (dir !== join(root, 'd5')) return;
      const until = Date.now() + 60_000;
      while (!existsSync(marker) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      waited = existsSync(marker);
    };
    const scanner = new WorkspaceScanner(host(root, here, halfway), { workerDir: workers, workers: 2, threshold: 100 });
    let summary;
    try {
      summary = await scanner.scan([{ root, exclude: [] }], progress(reports));
    } finally {
      delete process.env['FOREWARN_TEST_MARKER'];
    }
    assert.ok(waited, 'a worker had a batch before the walk was through');
    assert.equal(summary.cancelled, false);
    assert.equal(summary.workers, 2);
    assert.equal(summary.files, FILES);
    assert.equal(summary.unchanged, FILES, 'one result per job');
    assert.equal(here.length, 0, 'nothing ran in the server thread');
    assert.ok(reports.some((r) => /^0 \d+\/\d+\+ files$/.test(r)), `results before the walk ended: ${reports.slice(0, 3).join(', ')}`);
    assert.equal(reports.at(-1), `100 ${FILES}/${FILES} files`);
  });

  it('a cancel while the walk runs stops the workers and the walk, and the scan says it was cancelled', async () => {
    const here: DiskJob[] = [];
    let cancelled = false;
    let listed = 0;
    // cancelled once the walk is a third of the way through (the pool is running by then: threshold 100)
    const scanner = new WorkspaceScanner(host(root, here, () => void (++listed === FILES / 3 && (cancelled = true))), { workerDir: workers, workers: 2, threshold: 100 });
    const summary = await scanner.scan([{ root, exclude: [] }], { report: () => undefined, cancelled: () => cancelled });
    assert.equal(summary.cancelled, true);
    assert.equal(summary.workers, 2, 'the pool had started');
    assert.ok(summary.files < FILES, `the walk stopped early (${summary.files} of ${FILES} files)`);
    assert.equal(here.length, 0);
  });

  it('when the only worker dies, the jobs it did not take run in the server thread', async () => {
    const here: DiskJob[] = [];
    const scanner = new WorkspaceScanner(host(root, here), { workerDir: crashing, workers: 1, threshold: 100 });
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(' '));
    let summary;
    try {
      summary = await scanner.scan([{ root, exclude: [] }], progress([]));
    } finally {
      console.error = original;
    }
    assert.equal(summary.cancelled, false);
    assert.ok(errors.some((e) => e.includes('scan worker failed: stand-in worker crashed')), errors.join('\n'));
    // the batches the worker had in hand (at most two of 40) are lost; every other job ran here, once
    assert.ok(here.length >= FILES - 80 && here.length < FILES, `${here.length} of ${FILES} ran here`);
    assert.equal(new Set(here.map((j) => j.path)).size, here.length);
  });
});
