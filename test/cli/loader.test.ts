// dist/cli.js, the loader (server/src/cli/loader.ts): the CLI bundle started from the build's V8 code cache, and every
// way that can fail — no cache, a damaged one, one made by another Node.js, source maps on — gives the same output.
// Timing is the bench's business (scripts/bench-process.ts, section [8]); these tests only check behaviour.

import assert from 'node:assert/strict';
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cacheKey, codeCacheBytes, compileBundle, readCodeCache } from '../../server/src/cli/loader.js';
import { RULES } from '../../server/src/engine/index.js';
import { REPO } from '../helpers/lsp-client.js';

const DIST = join(REPO, 'dist');
const FILES = ['cli.js', 'cli-bundle.js', 'cli-bundle.cache', 'rule-docs.json'];
const EXAMPLES = join(REPO, 'examples');

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  /** how the loader started the bundle (FOREWARN_DEBUG_LOADER), and why not from the cache. */
  readonly mode: string | undefined;
  readonly why: string | undefined;
}

describe('CLI loader and code cache', () => {
  let tmp: string;
  let nodeCache: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'forewarn-loader-'));
    // Node >= 22.1 keeps its own compile cache when ours cannot be used: here, not in the system's temporary folder.
    nodeCache = join(tmp, 'node-compile-cache');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  /** A copy of the built CLI in a folder of its own, with `cache` as its code cache file (undefined: none). */
  function install(name: string, cache: Buffer | undefined, files: readonly string[] = FILES): string {
    const dir = join(tmp, name);
    mkdirSync(dir);
    for (const f of files) if (f !== 'cli-bundle.cache') copyFileSync(join(DIST, f), join(dir, f));
    if (cache) writeFileSync(join(dir, 'cli-bundle.cache'), cache);
    return join(dir, 'cli.js');
  }

  function run(cli: string, args: readonly string[], env: Record<string, string> = {}, nodeArgs: readonly string[] = []): Run {
    const r = spawnSync(process.execPath, [...nodeArgs, cli, ...args], {
      cwd: EXAMPLES,
      encoding: 'utf8',
      env: { ...process.env, FOREWARN_DEBUG_LOADER: '1', NODE_COMPILE_CACHE: nodeCache, ...env },
    });
    const m = /^forewarn: loader: ([a-z-]+)(?: \(([^)]*)\))?;/m.exec(r.stderr);
    return { code: r.status, out: r.stdout, err: r.stderr.replace(/^forewarn: loader: .*\n/m, ''), mode: m?.[1], why: m?.[2] };
  }

  /** The scan of examples/ every variant must print (JSON, so timings aside it is byte-for-byte comparable). */
  const SCAN = ['scan', '.', '--format', 'json', '--fail-on', 'none'];
  let reference: Run;
  before(() => {
    reference = run(join(DIST, 'cli.js'), SCAN);
  });

  const noCacheMode = (): string => (typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function' ? 'node-compile-cache' : 'require');

  it('the build made a cache for this Node.js, and the CLI starts from it', () => {
    assert.ok('data' in readCodeCache(join(DIST, 'cli-bundle.cache')), `dist/cli-bundle.cache is for ${cacheKey()}`);
    assert.equal(reference.mode, 'cache', reference.err);
    assert.equal(reference.code, 0, reference.err);
    const json = JSON.parse(reference.out) as { findings: unknown[] };
    assert.ok(json.findings.length > 100, 'examples/ has findings of every family');
  });

  it('without a cache file it loads the bundle as a module, with the same output', () => {
    const r = run(install('absent', undefined), SCAN);
    assert.deepEqual([r.mode, r.why], [noCacheMode(), 'cache absent']);
    assert.deepEqual([r.code, r.out, r.err], [reference.code, reference.out, reference.err]);
  });

  it('a damaged cache (bytes changed, cut short) fails its checksum and is never given to V8: same output', () => {
    // V8 checks versions, flags and lengths but (in release builds) no checksum: changed data would crash the process.
    const good = readFileSync(join(DIST, 'cli-bundle.cache'));
    const start = good.indexOf(0x0a) + 1;
    const flipped = Buffer.from(good);
    for (let i = start + 64; i < flipped.length; i += 4099) flipped[i] = flipped[i]! ^ 0xff;
    const oneBit = Buffer.from(good);
    oneBit[start + 5000] = oneBit[start + 5000]! ^ 1;
    for (const [name, bytes] of [['flipped', flipped], ['one-bit', oneBit], ['truncated', good.subarray(0, start + 100)], ['header-only', good.subarray(0, start)]] as const) {
      const r = run(install(name, bytes), SCAN);
      assert.deepEqual([r.mode, r.why], [noCacheMode(), 'cache damaged'], name);
      assert.deepEqual([r.code, r.out, r.err], [reference.code, reference.out, reference.err], name);
    }
  });

  it('data V8 refuses (a cache file whose checksum holds) is rejected, and the source compiled: same output', () => {
    const r = run(install('rejected', codeCacheBytes(Buffer.alloc(64 * 1024, 0x5a))), SCAN);
    assert.equal(r.mode, 'cache-rejected');
    assert.deepEqual([r.code, r.out, r.err], [reference.code, reference.out, reference.err]);
  });

  it('a cache for another Node.js, or no cache file format at all, is not even given to V8', () => {
    const good = readFileSync(join(DIST, 'cli-bundle.cache'));
    const data = good.subarray(good.indexOf(0x0a) + 1);
    const other = Buffer.from(codeCacheBytes(data).toString('latin1').replace(cacheKey(), `v0.0.1 ${process.arch} v8-0`), 'latin1');
    for (const [name, bytes] of [['other-node', other], ['raw-v8-data', data], ['empty', Buffer.alloc(0)]] as const) {
      const r = run(install(name, bytes), SCAN);
      assert.deepEqual([r.mode, r.why], [noCacheMode(), 'cache other-node'], name);
      assert.deepEqual([r.code, r.out, r.err], [reference.code, reference.out, reference.err], name);
    }
  });

  it('with source maps on it leaves loading to Node (which maps stack traces only for modules it loads); FOREWARN_CODE_CACHE=0 too', () => {
    const maps = run(join(DIST, 'cli.js'), SCAN, {}, ['--enable-source-maps']);
    assert.deepEqual([maps.mode, maps.why], [noCacheMode(), 'source maps']);
    assert.deepEqual([maps.code, maps.out], [reference.code, reference.out]);
    const viaEnv = run(join(DIST, 'cli.js'), SCAN, { NODE_OPTIONS: '--enable-source-maps' });
    assert.deepEqual([viaEnv.mode, viaEnv.why], [noCacheMode(), 'source maps']);
    const off = run(join(DIST, 'cli.js'), SCAN, { FOREWARN_CODE_CACHE: '0' });
    assert.deepEqual([off.mode, off.why], ['require', 'FOREWARN_CODE_CACHE=0']);
    assert.deepEqual([off.code, off.out, off.err], [reference.code, reference.out, reference.err]);
  });

  it('the built bundle is ASCII (a one-byte string when read: scripts/ascii-bundle.mjs)', () => {
    assert.ok(isAscii(readFileSync(join(DIST, 'cli-bundle.js'))), 'dist/cli-bundle.js holds a non-ASCII byte');
  });

  it('stack traces from the cached bundle name the bundle and its lines', () => {
    // Compiled as the loader compiles it: the wrapper adds no line, so line numbers are the file's.
    const dir = join(tmp, 'stack');
    mkdirSync(dir);
    const bundle = join(dir, 'b.js');
    writeFileSync(bundle, '"use strict";\nmodule.exports = () => {\n  throw new Error("here");\n};\n');
    const script = compileBundle(bundle);
    const mod = { exports: undefined as unknown };
    (script.runInThisContext() as (e: unknown, r: unknown, m: unknown) => void)({}, require, mod);
    assert.throws(() => (mod.exports as () => void)(), (e: Error) => e.stack!.includes(`${bundle}:3:`));
  });

  it('explain and SARIF read the rule pages from rule-docs.json beside the bundle; without it they fall back to descriptions', () => {
    const docs = JSON.parse(readFileSync(join(DIST, 'rule-docs.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(docs).sort(), RULES.map((r) => r.id).sort(), 'a page for every rule, and no other');
    const explain = run(join(DIST, 'cli.js'), ['explain', 'image-latest']);
    assert.equal(explain.out, docs['image-latest']!.endsWith('\n') ? docs['image-latest'] : `${docs['image-latest']}\n`);

    const bare = install('no-docs', readFileSync(join(DIST, 'cli-bundle.cache')), ['cli.js', 'cli-bundle.js']);
    const r = run(bare, ['scan', '.', '--format', 'sarif', '--fail-on', 'none']);
    assert.equal(r.code, 0, r.err);
    const rules = (JSON.parse(r.out) as { runs: { tool: { driver: { rules: { id: string; help: { markdown: string } }[] } } }[] }).runs[0]!.tool.driver.rules;
    assert.equal(rules.length, RULES.length);
    for (const rule of rules) assert.match(rule.help.markdown, new RegExp(`Documentation: \`forewarn explain ${rule.id}\`\\.$`));
    assert.match(run(bare, ['explain', 'image-latest']).out, /^# image-latest\n\n/);
  });

  it('scan worker threads start through the loader too (a scan of enough files gives the single-threaded report)', () => {
    const dir = join(tmp, 'many');
    mkdirSync(join(dir, 'docker'), { recursive: true });
    for (let i = 0; i < 320; i++) writeFileSync(join(dir, 'docker', `Dockerfile.${i}`), `FROM node:latest\nRUN echo ${i}\n`);
    const args = ['scan', '.', '--format', 'json', '--fail-on', 'none'];
    const threaded = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: nodeCache } });
    const bundled = spawnSync(process.execPath, [join(DIST, 'cli-bundle.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: nodeCache } });
    assert.equal(threaded.status, 0, threaded.stderr);
    assert.equal(bundled.status, 0, bundled.stderr);
    const findings = (s: string): unknown[] => (JSON.parse(s) as { findings: unknown[] }).findings;
    assert.equal(findings(threaded.stdout).length, 640);
    assert.deepEqual(findings(threaded.stdout), findings(bundled.stdout));
  });
});
