// Writes dist/cli-bundle.cache, the V8 code cache dist/cli.js (server/src/cli/loader.ts) starts the CLI bundle from.
// Run by build.mjs with the Node.js that runs the build: the cache is valid for that Node.js only (another one reads
// nothing from it and compiles the bundle as usual). The bundle is compiled exactly as the loader compiles it, run,
// and given a warm-up so the functions a scan needs are compiled too: V8 puts every function compiled so far into
// the cache. The warm-up is a scan of one workflow: with a scan of all of examples/ the cache is half again as large
// (1.7 MB vs 1.1 MB) and a one-file scan, even of another kind, starts about 7 ms slower (deserializing what it does
// not run costs more than compiling its own few functions). FOREWARN_CACHE_WARMUP=none|one|examples compares them.
// The warm-up's output goes nowhere.
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const bundle = `${dist}cli-bundle.js`;
const cache = `${dist}cli-bundle.cache`;
const loader = require(`${dist}cli.js`);

rmSync(cache, { force: true });
const script = loader.compileBundle(bundle);
const cli = loader.runBundle(script, bundle);
const io = { out() {}, err() {}, cwd: fileURLToPath(new URL('../examples/', import.meta.url)) };
for (const argv of warmUp()) cli.run(argv, io);
writeFileSync(cache, loader.codeCacheFile(script));

function warmUp() {
  const mode = process.env.FOREWARN_CACHE_WARMUP ?? 'one';
  if (mode === 'none') return [];
  if (mode === 'one') return [['scan', '.github/workflows/ci.yml', '--format', 'json', '--fail-on', 'none']];
  return [['scan', '.', '--format', 'json', '--fail-on', 'none']];
}
