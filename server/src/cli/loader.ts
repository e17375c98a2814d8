// dist/cli.js, the `forewarn` executable: a small loader that starts the CLI bundle (dist/cli-bundle.js) from the V8
// code cache `npm run build` made for it (dist/cli-bundle.cache), so a cold start does not compile 2 MB of
// JavaScript again. The cache is only ever written by the build (build.mjs calls writeCodeCache), never at run time.
//
// Which way the bundle is started:
// - `vm.Script` with the build's cache, when the cache was made by this very Node.js (version, architecture, V8) and
//   its checksum holds (V8 checks versions, flags and lengths, but a release build does not checksum the data: a
//   damaged cache would crash the process or run wrong code); if V8 still refuses it (`cachedDataRejected`: other
//   V8 flags), V8 has compiled the source itself and nothing else changes;
// - otherwise a plain `require`, after `module.enableCompileCache()` where Node.js has it (22.1 and later: Node's
//   own cache, in its default folder under the system's temporary directory, or NODE_COMPILE_CACHE);
// - a plain `require` as well when source maps are on (`--enable-source-maps`): Node maps stack traces only for
//   modules it loads itself;
// - FOREWARN_CODE_CACHE=0 turns both caches off (a plain `require`).
// The bundle itself never depends on how it was started: it exports `main`, which the loader calls.

import { readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** The first line of a cache file: what wrote it, the Node.js it is valid for (see cacheKey), the data's checksum. */
const MAGIC = 'forewarn-code-cache/1';

/** How the bundle was started (`FOREWARN_DEBUG_LOADER=1` prints it on standard error). */
export type LoadMode = 'cache' | 'cache-rejected' | 'require' | 'node-compile-cache';

export interface BundleExports {
  readonly main?: () => void;
}

/** The Node.js a code cache is valid for: V8 would reject data from any other, so it is not even read. */
export function cacheKey(): string {
  return `${process.version} ${process.arch} v8-${process.versions.v8}`;
}

/** The bundle's source in the CommonJS wrapper, as one expression: the same text at build time and at run time. */
function wrapped(source: string): string {
  // No line break before the source: its line numbers (stack traces) stay those of the file.
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/** The bundle compiled as a script, with `cachedData` when given; V8 says whether it used it. */
export function compileBundle(bundlePath: string, cachedData?: Buffer): Script {
  const source = readFileSync(bundlePath, 'utf8');
  return new Script(wrapped(source), { filename: bundlePath, ...(cachedData ? { cachedData } : {}) });
}

/** Runs a compiled bundle as a CommonJS module of its folder; its exports. */
export function runBundle(script: Script, bundlePath: string): BundleExports {
  const mod = { exports: {} as BundleExports, filename: bundlePath, id: bundlePath, loaded: false };
  const fn = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  fn.call(mod.exports, mod.exports, nodeModule.createRequire(bundlePath), mod, bundlePath, join(bundlePath, '..'));
  mod.loaded = true;
  return mod.exports;
}

/** The V8 data of a cache file made for this Node.js, or why there is none to use. */
export function readCodeCache(cachePath: string): { data: Buffer } | { reason: 'absent' | 'other-node' | 'damaged' } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cachePath);
  } catch {
    return { reason: 'absent' };
  }
  const end = bytes.indexOf(0x0a);
  const header = end < 0 ? '' : bytes.toString('latin1', 0, end);
  const [magic, version, arch, v8, sum] = header.trimEnd().split(' ');
  if (magic !== MAGIC || `${version} ${arch} ${v8}` !== cacheKey()) return { reason: 'other-node' };
  const data = bytes.subarray(end + 1);
  return data.length > 0 && sum === `fnv=${checksum(data)}` ? { data } : { reason: 'damaged' };
}

/** A cache file's bytes for V8 code cache data made by this Node.js. */
export function codeCacheBytes(data: Buffer): Buffer {
  // The header is padded to a multiple of 4 bytes, so the data can be read as 32-bit words where it lies.
  let header = `${MAGIC} ${cacheKey()} fnv=${checksum(data)}`;
  header = header.padEnd(Math.ceil((header.length + 1) / 4) * 4 - 1, ' ');
  return Buffer.concat([Buffer.from(`${header}\n`, 'latin1'), data]);
}

/** The cache file's bytes for a script that has run (the functions it compiled while running are in it). */
export function codeCacheFile(script: Script): Buffer {
  return codeCacheBytes(script.createCachedData());
}

/**
 * FNV-1a over the data as 32-bit words (then its last bytes): any changed word changes it. About 3 ms for the 2 MB
 * cache at start-up, where node:crypto or node:zlib would cost more just to load.
 */
export function checksum(data: Buffer): string {
  const aligned = data.byteOffset % 4 === 0 ? data : Buffer.from(data);
  const n = aligned.length >>> 2;
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, n);
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  for (let i = n * 4; i < aligned.length; i++) h = Math.imul(h ^ aligned[i]!, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function sourceMapsEnabled(): boolean {
  const p = process as { sourceMapsEnabled?: boolean };
  if (p.sourceMapsEnabled === true) return true;
  return [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)].includes('--enable-source-maps');
}

/** Loads the bundle the fastest way this Node.js allows (see the top of this file). */
export function loadBundle(
  bundlePath: string,
  cachePath: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { exports: BundleExports; mode: LoadMode; why?: string } {
  const off = env['FOREWARN_CODE_CACHE'] === '0';
  const maps = sourceMapsEnabled();
  const cache = off || maps ? undefined : readCodeCache(cachePath);
  if (cache && 'data' in cache) {
    const script = compileBundle(bundlePath, cache.data);
    return { exports: runBundle(script, bundlePath), mode: script.cachedDataRejected === true ? 'cache-rejected' : 'cache' };
  }
  const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  const useNodeCache = !off && typeof enable === 'function';
  if (useNodeCache) enable();
  const why = off ? 'FOREWARN_CODE_CACHE=0' : maps ? 'source maps' : `cache ${cache!.reason}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { exports: require(bundlePath) as BundleExports, mode: useNodeCache ? 'node-compile-cache' : 'require', why };
}

if (require.main === module) {
  // FOREWARN_DEBUG_LOADER=1: how the bundle was started, and the CPU and wall time of each phase (stderr, at exit).
  const debug = process.env['FOREWARN_DEBUG_LOADER'] === '1';
  const phases: [string, NodeJS.CpuUsage, bigint][] = debug ? [['node start-up', process.cpuUsage(), process.hrtime.bigint()]] : [];
  const mark = debug ? (name: string) => phases.push([name, process.cpuUsage(), process.hrtime.bigint()]) : () => undefined;
  const { exports, mode, why } = loadBundle(join(__dirname, 'cli-bundle.js'), join(__dirname, 'cli-bundle.cache'));
  mark('load + evaluate the bundle');
  if (typeof exports.main !== 'function') throw new Error('forewarn: dist/cli-bundle.js has no main()');
  exports.main();
  mark('main()');
  if (debug) {
    process.on('exit', () => {
      mark('until exit');
      const ms = (us: number): string => (us / 1000).toFixed(1);
      let line = `forewarn: loader: ${mode}${why ? ` (${why})` : ''};`;
      for (let i = 0; i < phases.length; i++) {
        const [name, cpu, wall] = phases[i]!;
        const prev = phases[i - 1];
        const c = cpu.user + cpu.system - (prev ? prev[1].user + prev[1].system : 0);
        // node start-up: CPU since the process started; its wall time is not known here.
        line += ` ${name} ${ms(c)} ms CPU${prev ? ` ${ms(Number(wall - prev[2]) / 1000)} ms wall` : ''};`;
      }
      process.stderr.write(`${line}\n`);
    });
  }
}
