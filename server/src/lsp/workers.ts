// Starting the server's worker threads. A worker's console writes to the parent's stdout by default, which is the
// LSP stream: one stray console.log from a rule would corrupt it. Their output is captured and sent to the log.

import { Worker, type ResourceLimits } from 'node:worker_threads';

export function startWorker(path: string, resourceLimits: ResourceLimits, log: (line: string) => void): Worker {
  const w = new Worker(path, { resourceLimits, stdout: true, stderr: true });
  for (const stream of [w.stdout, w.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim() !== '') log(`[worker] ${line}`);
    });
  }
  return w;
}
