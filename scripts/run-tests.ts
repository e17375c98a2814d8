// Runs the compiled test files, and only those (`node --test out/test/` would also run every helper module as a test
// file). Arguments starting with `--` go to `node --test` (e.g. --test-name-pattern); other arguments keep only the
// test files whose path contains one of them (`robustness/load`). Node 20 has no globs for --test.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? testFiles(p) : d.name.endsWith('.test.js') ? [p] : [];
  });
}

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const only = args.filter((a) => !a.startsWith('--'));
const root = resolve(__dirname, '..', 'test');
const files = testFiles(root)
  .filter((f) => only.length === 0 || only.some((o) => f.split('\\').join('/').includes(o)))
  .sort();
if (files.length === 0) {
  console.error(`no test files match ${only.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', ...flags, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
