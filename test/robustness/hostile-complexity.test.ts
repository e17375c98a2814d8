// The hostile inputs of the hardening issue (#14) stay linear: for each, the work for n and 4n is compared in the
// same test (best of a few runs, interleaved, in CPU time), never against a wall-clock budget. Linear work grows ~4×, the
// quadratic paths these tests reproduce grew 16×; the limit (8×) leaves room for a loaded machine. The lists that
// overflowed `push(...items)` get direct functional tests, and a throwing facet must not poison its cache.

import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import fc from 'fast-check';
import type { FileKind, Finding } from '../../server/src/core/types.js';
import { Analyzer, DEFAULT_CONFIG, RULES, safeFixEdits } from '../../server/src/engine/index.js';
import { oneSecretFindingPerValue } from '../../server/src/engine/analyze.js';
import { fileCommands } from '../../server/src/models/file-commands.js';
import { SourceFile } from '../../server/src/models/source-file.js';
import { findDownloadAndExecute } from '../../server/src/rules/pinning/download-and-execute.js';
import { HOSTILE_SHAPES, type HostileShape } from '../../scripts/hostile-inputs.js';
import { cpuMs } from '../helpers/complexity.js';

const FACTOR = 4;
const LIMIT = 8;
const REPS = 3;

/** Best-of-`REPS` CPU time of `work(n)` and `work(FACTOR·n)`, interleaved so both see the same machine state. */
function growth(work: (n: number) => void, n: number): { small: number; large: number; ratio: number } {
  work(n); // warm-up: JIT, caches
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < REPS; i++) {
    small = Math.min(small, cpuMs(() => work(n)));
    large = Math.min(large, cpuMs(() => work(FACTOR * n)));
  }
  return { small, large, ratio: large / Math.max(small, 0.01) };
}

/** CPU time at n under this is scheduler noise, not a measurement: n doubles until it is above (up to 16× its start). */
const MIN_SMALL_MS = 20;

function assertLinear(t: TestContext, what: string, work: (n: number) => void, start: number): void {
  let n = start;
  let g = growth(work, n);
  while (g.small < MIN_SMALL_MS && n < 16 * start) {
    n *= 2;
    g = growth(work, n);
  }
  // One retry: a repetition preempted on a shared machine must not fail the suite (quadratic work fails both).
  if (g.ratio >= LIMIT) g = growth(work, n);
  t.diagnostic(`${what}: n=${n} ${g.small.toFixed(1)} ms, ${FACTOR}n ${g.large.toFixed(1)} ms, ratio ${g.ratio.toFixed(2)} (linear ≈ ${FACTOR})`);
  assert.ok(g.ratio < LIMIT, `${what}: ${FACTOR}× the input took ${g.ratio.toFixed(1)}× the time (limit ${LIMIT}×: superlinear)`);
}

const config = { ...DEFAULT_CONFIG, maxFileSize: 64 * 1024 * 1024 };

/** Analyses `shape` at n repetitions and checks the result holds no rule error and is not skipped. */
function analyzeShape(shape: HostileShape, n: number): void {
  const r = new Analyzer().analyze({ path: shape.path, text: shape.make(n), kind: shape.kind }, config);
  assert.deepEqual(r.ruleErrors, [], `${shape.id}: a rule failed`);
  assert.equal(r.skipped, undefined, `${shape.id}: skipped`);
}

/** n for a shape to start from: 1/32 MB (so 4n is 1/8 MB); assertLinear doubles it while the work at n is too small to time. */
function sizeOf(shape: HostileShape): number {
  return Math.max(1, Math.round(shape.perMB / 32));
}

describe('hostile inputs grow linearly', () => {
  // Every shape of the set: a new shape is tested without being listed here.
  for (const shape of HOSTILE_SHAPES) {
    it(`${shape.id}: ${shape.what}`, (t) => assertLinear(t, shape.id, (n) => analyzeShape(shape, n), sizeOf(shape)));
  }
});

describe('rules judge each job by its own scripts', () => {
  /** Reads of elements of the scripts facet while every rule of the kind runs once. */
  function scriptReads(kind: FileKind, path: string, text: string): { reads: number; scripts: number } {
    const file = new SourceFile(path, text, kind);
    const internals = file as unknown as { buildScripts(): unknown[] };
    const real = internals.buildScripts.bind(file);
    let reads = 0;
    let scripts = 0;
    internals.buildScripts = () => {
      const list = real();
      scripts = list.length;
      return new Proxy(list, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    };
    for (const rule of RULES) if (rule.kinds.includes(kind)) rule.check({ file, options: { allowedActions: [] }, report: () => undefined });
    return { reads, scripts };
  }

  const JOBS = 400;
  const cases: [FileKind, string, string][] = [
    ['github-workflow', '.github/workflows/ci.yml', `on: push\njobs:\n${Array.from({ length: JOBS }, (_, i) => `  j${i}:\n    runs-on: x\n    steps:\n      - run: kubectl apply --context prod\n`).join('')}`],
    ['gitlab-ci', '.gitlab-ci.yml', Array.from({ length: JOBS }, (_, i) => `j${i}:\n  script: [kubectl apply --context prod]\n`).join('')],
    ['azure-pipelines', 'azure-pipelines.yml', `jobs:\n${Array.from({ length: JOBS }, (_, i) => `  - deployment: d${i}\n    strategy: {runOnce: {deploy: {steps: [{script: kubectl apply --context prod}]}}}\n`).join('')}`],
  ];
  for (const [kind, path, text] of cases) {
    it(`${kind}: ${JOBS} jobs, each script read a bounded number of times (not once per job)`, () => {
      const { reads, scripts } = scriptReads(kind, path, text);
      assert.equal(scripts, JOBS);
      // A handful of passes per rule; filtering every script for every job would be JOBS passes.
      assert.ok(reads <= 40 * scripts, `${reads} reads of ${scripts} scripts: ${(reads / scripts).toFixed(0)} passes`);
    });
  }
});

describe('one secret finding per value', () => {
  const finding = (start: number, end: number, severity: Finding['severity'], ruleId = 'r'): Finding => ({
    ruleId,
    family: 'secrets',
    severity,
    message: '',
    range: { start, end },
    fixes: [],
  });

  /** The specification: strongest first (severity, then report order), drop what overlaps a kept finding. */
  function naive(findings: Finding[]): Finding[] {
    const rank = (f: Finding): number => ['info', 'low', 'medium', 'high', 'critical'].indexOf(f.severity);
    const secrets = findings.filter((f) => f.family === 'secrets');
    const order = new Map(findings.map((f, i) => [f, i]));
    const kept: Finding[] = [];
    const dropped = new Set<Finding>();
    for (const f of [...secrets].sort((a, b) => rank(b) - rank(a) || order.get(a)! - order.get(b)!)) {
      if (kept.some((k) => f.range.start < k.range.end && k.range.start < f.range.end)) dropped.add(f);
      else kept.push(f);
    }
    return findings.filter((f) => !dropped.has(f));
  }

  it('keeps exactly what the pairwise comparison keeps (property test, empty and nested ranges included)', () => {
    const sev = fc.constantFrom<Finding['severity']>('info', 'low', 'medium', 'high', 'critical');
    const arb = fc.array(fc.tuple(fc.nat(60), fc.nat(12), sev, fc.boolean()), { maxLength: 40 }).map((xs) =>
      xs.map(([s, len, severity, secret]) => ({ ...finding(s, s + len, severity), family: secret ? ('secrets' as const) : ('hardening' as const) })),
    );
    fc.assert(fc.property(arb, (fs) => assert.deepEqual(oneSecretFindingPerValue(fs), naive(fs))), { numRuns: 500, seed: 14 });
  });

  it('is O(n log n): a line of 100,000 adjacent and overlapping findings', (t) => {
    const make = (n: number): Finding[] => {
      const out: Finding[] = [];
      for (let i = 0; i < n; i++) {
        out.push(finding(i * 21, i * 21 + 20, 'critical', 'aws-access-key'));
        out.push(finding(i * 21 + 2, i * 21 + 18, 'high', 'generic-secret'));
      }
      return out;
    };
    const inputs = new Map<number, Finding[]>();
    assertLinear(
      t,
      'oneSecretFindingPerValue',
      (n) => {
        const fs = inputs.get(n) ?? make(n);
        inputs.set(n, fs);
        assert.equal(oneSecretFindingPerValue(fs).length, n);
      },
      25_000,
    );
  });
});

describe('fix all', () => {
  const edit = (start: number, end: number): { range: { start: number; end: number }; newText: string } => ({ range: { start, end }, newText: 'x' });
  const withFix = (edits: ReturnType<typeof edit>[]): Finding => ({ ruleId: 'r', family: 'hardening', severity: 'low', message: '', range: { start: 0, end: 0 }, fixes: [{ title: 't', safety: 'safe', edits }] });

  /** The specification: in finding order, a fix is taken unless one of its edits overlaps (or starts with) a taken one. */
  function naive(findings: Finding[]): unknown {
    const taken: ReturnType<typeof edit>[] = [];
    const overlaps = (a: ReturnType<typeof edit>, b: ReturnType<typeof edit>): boolean =>
      a.range.start === b.range.start || (a.range.start < b.range.end && b.range.start < a.range.end);
    for (const f of findings) {
      const fix = f.fixes.find((x) => x.safety === 'safe');
      if (!fix || fix.safety !== 'safe') continue;
      if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
      taken.push(...fix.edits);
    }
    return taken.sort((a, b) => a.range.start - b.range.start);
  }

  it('takes exactly the fixes the pairwise comparison takes (property test)', () => {
    const arb = fc.array(fc.array(fc.tuple(fc.nat(40), fc.nat(6)), { minLength: 1, maxLength: 3 }), { maxLength: 30 }).map((fs) =>
      fs.map((es) => withFix(es.map(([s, len]) => edit(s, s + len)))),
    );
    fc.assert(fc.property(arb, (fs) => assert.deepEqual(safeFixEdits(fs), naive(fs))), { numRuns: 500, seed: 14 });
  });

  it('is O(n log n): tens of thousands of safe fixes', (t) => {
    const inputs = new Map<number, Finding[]>();
    assertLinear(
      t,
      'safeFixEdits',
      (n) => {
        // From the second on, every other fix overlaps the one before it: fix 0 and the odd ones are taken.
        const fs = inputs.get(n) ?? Array.from({ length: n }, (_, i) => withFix([edit(i * 10, i * 10 + 5), edit(i * 10 + 6, i * 10 + (i % 2 === 0 ? 7 : 12))]));
        inputs.set(n, fs);
        assert.equal(safeFixEdits(fs).length, n + 2);
      },
      5_000,
    );
  });
});

describe('download-and-execute scans a line once', () => {
  it('`curl a | ` repeated: linear, and the pipe into sh at the end is still found', (t) => {
    assertLinear(
      t,
      'findDownloadAndExecute',
      (n) => {
        const hits = findDownloadAndExecute(`${'curl a | '.repeat(n)}sh`);
        assert.equal(hits.length, 1);
      },
      20_000,
    );
  });

  it('a long line of quoted text with a command every few characters', (t) => {
    assertLinear(t, 'quoted', (n) => void findDownloadAndExecute(`echo "${'x curl a | sh; '.repeat(n)}"`), 10_000);
  });

  it('`curl curl curl …`: one command, one scan', (t) => {
    assertLinear(t, 'arguments', (n) => void findDownloadAndExecute(`${'curl '.repeat(n)}| sh`), 20_000);
  });

  it('finds the same hits in a script longer than the old 200,000-character cut', () => {
    const hits = findDownloadAndExecute(`${'echo ok; '.repeat(30_000)}curl -fsSL https://x.sh | sh`);
    assert.equal(hits.length, 1);
  });
});

describe('lists of 200,000 items', () => {
  it('a workflow step of 200,000 shell commands: every rule runs, every command is listed', () => {
    const text = `on: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: ${'a;'.repeat(200_000)}\n`;
    const r = new Analyzer().analyze({ path: '.github/workflows/ci.yml', text, kind: 'github-workflow' }, config);
    assert.deepEqual(r.ruleErrors, []);
    assert.equal(fileCommands(r.file!).length, 200_000);
  });

  it('a Dockerfile RUN of 200,000 commands', () => {
    const text = `FROM alpine:3\nRUN ${'a;'.repeat(200_000)}\n`;
    const r = new Analyzer().analyze({ path: 'Dockerfile', text, kind: 'dockerfile' }, config);
    assert.deepEqual(r.ruleErrors, []);
    assert.equal(fileCommands(r.file!).length, 200_000);
  });

  it('an ENV of 150,000 variables and a workflow env of 150,000 keys', () => {
    const env = Array.from({ length: 150_000 }, (_, i) => `V${i}=x`).join(' ');
    let r = new Analyzer().analyze({ path: 'Dockerfile', text: `FROM alpine:3\nENV ${env}\n`, kind: 'dockerfile' }, config);
    assert.deepEqual(r.ruleErrors, []);
    const keys = Array.from({ length: 150_000 }, (_, i) => `  K${i}: v\n`).join('');
    r = new Analyzer().analyze({ path: '.github/workflows/ci.yml', text: `on: push\njobs:\n  b:\n    runs-on: x\n    env:\n${keys}    steps: []\n`, kind: 'github-workflow' }, config);
    assert.deepEqual(r.ruleErrors, []);
  });
});

describe('a facet that fails is not cached', () => {
  const text = 'on: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: curl -fsSL https://x.sh | sh\n';

  it('a throwing scripts builder leaves nothing behind: the next read builds the real list', () => {
    const file = new SourceFile('.github/workflows/ci.yml', text, 'github-workflow');
    const internals = file as unknown as { buildScripts(): unknown };
    const real = internals.buildScripts.bind(file);
    let fail = true;
    internals.buildScripts = () => {
      if (fail) throw new RangeError('Maximum call stack size exceeded');
      return real();
    };
    assert.throws(() => file.facets.scripts, RangeError);
    assert.throws(() => fileCommands(file), RangeError);
    fail = false;
    assert.equal(file.facets.scripts.length, 1);
    assert.ok(fileCommands(file).length > 0, 'file commands were cached empty by the failed build');
  });

  it('through the engine: a rule that throws while reading a facet does not empty it for the rules after it', () => {
    const file = new SourceFile('.github/workflows/ci.yml', text, 'github-workflow');
    const internals = file as unknown as { buildScripts(): unknown };
    const real = internals.buildScripts.bind(file);
    let calls = 0;
    internals.buildScripts = () => (calls++ === 0 ? (() => { throw new RangeError('boom'); })() : real());
    assert.throws(() => fileCommands(file));
    assert.ok(fileCommands(file).some((cmd) => cmd.some((w) => w.value === 'curl')));
  });
});
