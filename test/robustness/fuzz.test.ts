// Property and fuzz tests over every file kind: arbitrary text, mutations of real files, and hostile shapes (deep
// nesting, a 1 MB line, 100,000 lines, CRLF, BOM, UTF-16, invalid UTF-8, NUL bytes). The engine never throws, every
// range lies inside the document. Times are printed as test diagnostics, never asserted: a busy machine must not
// fail the suite. Growth with input size is asserted by hostile-complexity.test.ts (n vs 2n) and measured by
// `npm run bench`.
//
// FUZZ_RUNS sets the number of generated cases per property (default 150; the nightly-size run documented in
// docs/testing.md is FUZZ_RUNS=20000).

import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import fc from 'fast-check';
import { FILE_KINDS, type FileKind } from '../../server/src/core/types.js';
import { Analyzer } from '../../server/src/engine/index.js';
import { decodeText } from '../../server/src/workspace/decode.js';
import { FUZZ_RUNS, HAS_CORPUS, PATH_OF, assertSound, corpusSamples, kindSamples, timed, type Sample } from './inputs.js';

const analyzer = new Analyzer();

/** Worst times seen, per suite, reported at the end of each. */
class Worst {
  private ms = 0;
  private what = '';
  see(ms: number, what: string): void {
    if (ms > this.ms) {
      this.ms = ms;
      this.what = what;
    }
  }
  report(t: TestContext, label: string): void {
    t.diagnostic(`${label}: worst ${this.ms.toFixed(1)} ms (${this.what})`);
  }
}

function check(sample: { kind: FileKind; path: string }, text: string, worst: Worst, what: string): void {
  const { result, ms } = timed(analyzer, sample.path, text, sample.kind);
  assertSound(result, text, `${what} [${sample.kind}]`);
  worst.see(ms, `${what} [${sample.kind}], ${text.length} chars`);
}

/** Tokens that make generated text look like the files rules care about. */
const TOKENS = [
  '\n', '\n', '\n', '  ', '    ', '- ', ': ', '"', "'", '|', '>', '#', '\\', '{', '}', '[', ']', ',', '=', '\t', '\r\n',
  'jobs:', 'steps:', 'run: ', 'uses: actions/checkout@v4', 'with:', 'env:', 'permissions:', 'on: pull_request_target',
  '${{ github.event.issue.title }}', '${{ secrets.X }}', 'script:', 'image: ', 'node:latest', 'services:', 'include:',
  'FROM ', 'RUN ', 'ARG ', 'ENV ', 'USER root', 'ADD ', 'COPY ', ' AS build', '--platform=$X ', '<<EOF', 'EOF',
  'resource "aws_s3_bucket" "b" {', 'module "m" {', 'source = "git::https://x//y?ref=main"', 'variable "v" {',
  'default = ', '"${var.x}"', 'curl -fsSL https://x | sh', 'AKIAZ7VRSQ5TJHNLBX4D', 'ghp_', 'password: ', 'token=',
  'apiVersion: v1', 'kind: Pod', 'securityContext:', 'privileged: true', 'hostPath:', '&a', '*a', '!!binary', '? ',
  '%YAML 1.2', '---', '...', 'é', '😀', '\u2028', '\uFEFF',
];

const structured = fc.array(fc.constantFrom(...TOKENS), { maxLength: 200 }).map((parts) => parts.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 400 });
const kindArb = fc.constantFrom(...FILE_KINDS);

type Op =
  | { type: 'flip'; at: number; char: string }
  | { type: 'delete-line'; at: number }
  | { type: 'duplicate-line'; at: number }
  | { type: 'truncate'; at: number }
  | { type: 'insert'; at: number; text: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('flip' as const), at: fc.nat(), char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
  fc.record({ type: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ type: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ type: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ type: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...TOKENS) }),
);

function mutate(text: string, ops: readonly Op[]): string {
  let t = text;
  for (const op of ops) {
    const lines = t.split('\n');
    switch (op.type) {
      case 'flip': {
        if (t.length === 0) break;
        const i = op.at % t.length;
        t = t.slice(0, i) + op.char + t.slice(i + 1);
        break;
      }
      case 'delete-line':
        lines.splice(op.at % Math.max(1, lines.length), 1);
        t = lines.join('\n');
        break;
      case 'duplicate-line': {
        const i = op.at % Math.max(1, lines.length);
        lines.splice(i, 0, lines[i] ?? '');
        t = lines.join('\n');
        break;
      }
      case 'truncate':
        t = t.slice(0, op.at % (t.length + 1));
        break;
      case 'insert': {
        const i = op.at % (t.length + 1);
        t = t.slice(0, i) + op.text + t.slice(i);
        break;
      }
    }
  }
  return t;
}

describe('fuzz: generated text, every kind', () => {
  it('arbitrary text never breaks an analysis', (t) => {
    const worst = new Worst();
    fc.assert(
      fc.property(kindArb, anyText, (kind, text) => check({ kind, path: PATH_OF[kind] }, text, worst, 'arbitrary')),
      { numRuns: FUZZ_RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261129) },
    );
    worst.report(t, `arbitrary text x${FUZZ_RUNS}`);
  });

  it('pipeline-shaped token soup never breaks an analysis', (t) => {
    const worst = new Worst();
    fc.assert(
      fc.property(kindArb, structured, (kind, text) => check({ kind, path: PATH_OF[kind] }, text, worst, 'tokens')),
      { numRuns: FUZZ_RUNS * 2, seed: Number(process.env.FUZZ_SEED ?? 20261129) },
    );
    worst.report(t, `token soup x${FUZZ_RUNS * 2}`);
  });
});

describe('fuzz: mutations of real files', () => {
  const samples: Sample[] = [...kindSamples(), ...corpusSamples(new Analyzer(), 25)];

  it(`byte flips, deleted and duplicated lines, truncations, insertions (${HAS_CORPUS ? 'examples and corpus' : 'examples only: no corpus'})`, (t) => {
    const worst = new Worst();
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(opArb, { minLength: 1, maxLength: 8 }), (sample, ops) =>
        check(sample, mutate(sample.text, ops), worst, `mutated ${sample.path}`),
      ),
      { numRuns: FUZZ_RUNS * 2, seed: Number(process.env.FUZZ_SEED ?? 20261129) },
    );
    worst.report(t, `mutations of ${samples.length} files x${FUZZ_RUNS * 2}`);
  });

  it('truncation at every line of each kind sample (a file being typed top to bottom)', (t) => {
    const worst = new Worst();
    for (const sample of kindSamples()) {
      const lines = sample.text.split('\n');
      for (let n = 0; n <= lines.length; n++) {
        const prefix = lines.slice(0, n).join('\n');
        check(sample, prefix, worst, `${sample.path} first ${n} lines`);
        // Mid-line too: the last line half typed.
        const half = lines[n]?.slice(0, Math.ceil((lines[n]?.length ?? 0) / 2));
        if (half) check(sample, `${prefix}\n${half}`, worst, `${sample.path} line ${n + 1} half typed`);
      }
    }
    worst.report(t, 'every-line truncations');
  });
});

describe('hostile shapes, every kind', () => {
  const samples = kindSamples();
  function each(name: string, make: (s: Sample) => string): void {
    it(name, (t) => {
      const worst = new Worst();
      for (const s of samples) check(s, make(s), worst, name);
      worst.report(t, name);
    });
  }

  each('5,000-deep flow nesting', () => `a: ${'['.repeat(5000)}x${']'.repeat(5000)}\n`);
  each('5,000-deep braces and unclosed brackets', () => `${'{'.repeat(5000)}\n${'('.repeat(5000)}\n`);
  each('2,000-deep block indentation', () => Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'));
  each('a 1 MB single line of the sample repeated', (s) => s.text.replace(/\r?\n/g, ' ').repeat(Math.ceil(1_000_000 / Math.max(1, s.text.length))).slice(0, 1_000_000));
  each('a 1 MB line of one character', () => 'a'.repeat(1_000_000));
  each('a 1 MB line of quotes and backslashes', () => '"\\'.repeat(500_000));
  each('100,000 lines (the sample repeated)', (s) => {
    const lines = s.text.split('\n');
    return Array.from({ length: 100_000 }, (_, i) => lines[i % lines.length]).join('\n');
  });
  each('CRLF line ends', (s) => s.text.replace(/\r?\n/g, '\r\n'));
  each('lone CR line ends', (s) => s.text.replace(/\r?\n/g, '\r'));
  each('a byte-order mark, decoded', (s) => decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s.text)])));
  each('UTF-16 LE with BOM, decoded', (s) => decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s.text, 'utf16le')])));
  each('invalid UTF-8, decoded', (s) => decodeText(Buffer.concat([Buffer.from(s.text), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xa0, 0xa1])])));
  each('UTF-8 read as Latin-1 (mojibake)', (s) => Buffer.from(s.text).toString('latin1'));

  it('NUL bytes: skipped with a message, never analysed as text', () => {
    for (const s of samples) {
      const text = `${s.text}\0\0binary`;
      const { result } = timed(analyzer, s.path, text, s.kind);
      // The catch-all `text` kind drops a binary file without a message (engine/analyze.ts).
      assert.equal(result.skipped?.reason, s.kind === 'text' ? undefined : 'binary', s.kind);
      assert.deepEqual(result.findings, []);
    }
  });

  it('lone surrogates and every control character', (t) => {
    const worst = new Worst();
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\0').join('');
    for (const s of samples) {
      check(s, `${s.text}\uD800${controls}\uDFFF\u007f\u0085\u2028\u2029`, worst, 'controls');
    }
    worst.report(t, 'controls');
  });
});
