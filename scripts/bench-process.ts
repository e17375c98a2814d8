// Process-level figures for `npm run bench`: CPU time of child processes (the machine is shared, so wall time alone
// misleads), Forewarn vs secretlint as two processes over the same files, and cold start vs `node -e 0`.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Timing {
  /** wall time, ns. */
  readonly wall: number;
  /** CPU time (user + system), ns: of the child for child processes, of this process for in-process work. */
  readonly cpu: number;
}

const TICK_NS = 1e9 / 100; // USER_HZ is 100 on Linux

/** CPU time of this process's waited-for children so far (cutime + cstime of /proc/self/stat), ns. */
function childrenCpuNs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * TICK_NS;
  } catch {
    return NaN;
  }
}

/** Runs a process to its end; its wall and CPU time (CPU at 10 ms resolution, from the kernel's child accounting). */
export function runProcess(cmd: string, args: readonly string[], cwd: string, env?: Readonly<Record<string, string>>): Timing & { stdout: string; status: number | null } {
  const c0 = childrenCpuNs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env: { ...process.env, ...env } } : {}) });
  const wall = Number(process.hrtime.bigint() - t0);
  if (r.error) throw r.error;
  return { wall, cpu: childrenCpuNs() - c0, stdout: r.stdout, status: r.status };
}

/** In-process work: wall and CPU time of this process (all its threads). */
export function timeInProcess(work: () => unknown): Timing {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  work();
  const wall = Number(process.hrtime.bigint() - t0);
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) * 1000 };
}

/** Best (least) wall and least CPU over several timings (each minimum on its own: load skews them differently). */
export function best(ts: readonly Timing[]): Timing {
  return { wall: Math.min(...ts.map((t) => t.wall)), cpu: Math.min(...ts.map((t) => t.cpu)) };
}

export interface ProcessRow {
  readonly metric: string;
  readonly value: string;
  readonly cpu: string;
  readonly target: string;
  readonly ok: boolean | undefined;
}

const ms = (ns: number): string => (Number.isNaN(ns) ? 'n/a' : (ns / 1e6).toFixed(ns < 1e8 ? 1 : 0) + ' ms');
const x = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(2)}x` : 'n/a');

/**
 * `forewarn scan FILES` (every family) and `secretlint FILES` (preset-recommend) as processes over the same files,
 * interleaved, best of `runs`. Both start cold (node start-up and module loading are part of what a user waits for).
 */
export function benchVsSecretlint(repo: string, corpus: string, files: readonly string[], runs: number): ProcessRow[] {
  console.log('');
  console.log(`[7] Forewarn (every family) vs secretlint (preset-recommend), both as processes over the same ${files.length} corpus files, best of ${runs}`);
  const cli = join(repo, 'dist', 'cli.js');
  const secretlint = join(repo, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  if (!existsSync(cli) || !existsSync(secretlint)) {
    console.log('    skipped: dist/cli.js or secretlint not found');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-bench-sl-'));
  try {
    const rc = join(dir, 'secretlintrc.json');
    writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
    const fw: Timing[] = [];
    const sl: Timing[] = [];
    let fwFindings = 0;
    let slFindings = 0;
    for (let i = 0; i < runs; i++) {
      const a = runProcess(process.execPath, [cli, 'scan', ...files, '--format', 'json', '--fail-on', 'none'], corpus);
      fw.push(a);
      fwFindings = (JSON.parse(a.stdout) as { findings: unknown[] }).findings.length;
      // secretlint resolves its preset from the repository's node_modules: run it from there, on absolute paths, read
      // as paths (--no-glob: corpus names hold `[`, and matching 1,800 globs cost it minutes). Its report goes to a
      // file: on a pipe, secretlint's JSON came out cut short at ~220 KB.
      const report = join(dir, `secretlint-${i}.json`);
      const b = runProcess(process.execPath, [secretlint, ...files, '--no-glob', '--secretlintrc', rc, '--format', 'json', '--output', report], repo);
      sl.push(b);
      slFindings = (JSON.parse(existsSync(report) ? readFileSync(report, 'utf8') || '[]' : '[]') as { messages: unknown[] }[]).reduce((n, f) => n + f.messages.length, 0);
    }
    const f = best(fw);
    const s = best(sl);
    console.log(`    forewarn scan: wall ${ms(f.wall)}, CPU ${ms(f.cpu)}, ${fwFindings} findings (all families)`);
    console.log(`    secretlint:    wall ${ms(s.wall)}, CPU ${ms(s.cpu)}, ${slFindings} findings (secrets only)`);
    const wallRatio = f.wall / s.wall;
    const cpuRatio = f.cpu / s.cpu;
    console.log(`    Forewarn/secretlint: wall ${x(wallRatio)}, CPU ${x(cpuRatio)} (target <= 1.0x, stretch 0.5x)`);
    return [
      { metric: 'forewarn vs secretlint: forewarn process', value: ms(f.wall), cpu: ms(f.cpu), target: '', ok: undefined },
      { metric: 'forewarn vs secretlint: secretlint process', value: ms(s.wall), cpu: ms(s.cpu), target: '', ok: undefined },
      { metric: 'forewarn/secretlint time', value: x(wallRatio), cpu: x(cpuRatio), target: '<= 1.0x (0.5x)', ok: Math.min(wallRatio, cpuRatio) <= 1 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `forewarn scan` on one small file vs `node -e 0`, interleaved, best of `runs`; the same scan without the code cache
 * (FOREWARN_CODE_CACHE=0: the bundle compiled from source, as before the loader), and where the time goes by the
 * loader's own phase figures (FOREWARN_DEBUG_LOADER=1, CPU in microseconds where the process figures have 10 ms ticks).
 */
export function benchColdStart(repo: string, file: string, runs: number): ProcessRow[] {
  console.log('');
  console.log(`[8] Cold start: node dist/cli.js scan <one file> vs node -e 0, best of ${runs} interleaved`);
  const cli = join(repo, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    console.log('    skipped: dist/cli.js not found');
    return [];
  }
  const args = [cli, 'scan', file, '--format', 'json', '--fail-on', 'none'];
  const scan: Timing[] = [];
  const uncached: Timing[] = [];
  const bare: Timing[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(runProcess(process.execPath, ['-e', '0'], repo));
    scan.push(runProcess(process.execPath, args, repo));
    uncached.push(runProcess(process.execPath, args, repo, { FOREWARN_CODE_CACHE: '0' }));
  }
  const s = best(scan);
  const u = best(uncached);
  const n = best(bare);
  const ratio = s.wall / n.wall;
  const cpuRatio = s.cpu / n.cpu;
  console.log(`    file: ${file}`);
  console.log(`    forewarn scan: wall ${ms(s.wall)}, CPU ${ms(s.cpu)}`);
  console.log(`    node -e 0:     wall ${ms(n.wall)}, CPU ${ms(n.cpu)}`);
  console.log(`    ratio: wall ${x(ratio)}, CPU ${x(cpuRatio)} (target <= 1.5x; CPU at 10 ms resolution)`);
  console.log(`    without the code cache (FOREWARN_CODE_CACHE=0): wall ${ms(u.wall)}, CPU ${ms(u.cpu)}, ratio wall ${x(u.wall / n.wall)}`);
  const phases = loaderPhases(repo, args, runs);
  if (phases) console.log(`    loader phases, median of ${runs} (CPU ms, all threads): ${phases}`);
  return [
    { metric: 'cold start: scan one file', value: ms(s.wall), cpu: ms(s.cpu), target: '', ok: undefined },
    { metric: 'cold start: without code cache', value: ms(u.wall), cpu: ms(u.cpu), target: '', ok: undefined },
    { metric: 'cold start: node -e 0', value: ms(n.wall), cpu: ms(n.cpu), target: '', ok: undefined },
    { metric: 'cold start scan/node', value: x(ratio), cpu: x(cpuRatio), target: '<= 1.5x', ok: ratio <= 1.5 },
  ];
}

/** The median CPU of each phase the loader reports (`forewarn: loader: cache; node start-up 120.1 ms CPU; …`). */
function loaderPhases(repo: string, args: readonly string[], runs: number): string | undefined {
  const byPhase = new Map<string, number[]>();
  let mode = '';
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', env: { ...process.env, FOREWARN_DEBUG_LOADER: '1' } });
    const line = /^forewarn: loader: (.*)$/m.exec(r.stderr)?.[1];
    if (!line) return undefined;
    const parts = line.split(';').map((p) => p.trim()).filter(Boolean);
    mode = parts[0]!;
    for (const p of parts.slice(1)) {
      const m = /^(.+?) ([\d.]+) ms CPU/.exec(p);
      if (m) byPhase.set(m[1]!, [...(byPhase.get(m[1]!) ?? []), Number(m[2])]);
    }
  }
  const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  return `${mode}: ${[...byPhase].map(([k, v]) => `${k} ${median(v).toFixed(1)}`).join(', ')}`;
}
