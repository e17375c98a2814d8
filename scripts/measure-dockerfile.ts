// Measures the Dockerfile parser candidates (docs/decisions/0004-dockerfile-parser.md): dockerfile-ast against the
// lexer of server/src/parsers/dockerfile-lexer.ts, on every Dockerfile of ../shared/corpus, the Dockerfile texts the
// tests parse (test/fixtures/dockerfile-texts.json) and generated Dockerfile-shaped text: identical results
// (instructions, keywords, ranges, arguments, flags, ONBUILD triggers, comments, escape character) and CPU time,
// over the corpus and over the hostile shapes of issue #14.
//
//   npm run -s compile && node out/scripts/measure-dockerfile.js [--fuzz N]
//
// The test texts are refreshed with scripts/capture-dockerfile-texts.ts.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { DockerfileParser, type Argument, type Dockerfile, type Instruction } from 'dockerfile-ast';
import { LineIndex } from '../server/src/core/text.js';
import { createDetector } from '../server/src/engine/detect.js';
import { DEFAULT_CONFIG } from '../server/src/engine/config.js';
import { walkFiles } from '../server/src/workspace/walk.js';
import { lexDockerfile, type LexInstruction } from '../server/src/parsers/dockerfile-lexer.js';

const REPO = resolve(__dirname, '..', '..');
const CORPUS = resolve(REPO, process.env['DOCKERFILE_CORPUS'] ?? join('..', 'shared', 'corpus'));
export const FIXTURE_TEXTS = join(REPO, 'test', 'fixtures', 'dockerfile-texts.json');

let sink = 0;

/** What both candidates must agree on, as plain data with offsets. */
interface Shape {
  escape: string;
  comments: [number, number][];
  instructions: unknown[];
}

type Pos = { line: number; character: number };
type Rng = { start: Pos; end: Pos };

function libraryShape(text: string, df: Dockerfile = DockerfileParser.parse(text)): Shape {
  const lines = new LineIndex(text);
  const off = (r: Rng | null): [number, number] | null => (r ? [lines.offsetAt(r.start), lines.offsetAt(r.end)] : null);
  const args = (xs: Argument[]): [string, number, number][] => xs.map((a) => [a.getValue(), ...off(a.getRange())!]);
  type Flagged = Instruction & { getFlags?(): { getName(): string; getValue(): string | null; getRange(): Rng; getNameRange(): Rng; getValueRange(): Rng | null }[] };
  type Triggered = Instruction & { getTriggerInstruction?(): Instruction | null };
  const one = (ins: Instruction): unknown => {
    const flags = (ins as Flagged).getFlags?.() ?? [];
    const trigger = ins.getKeyword() === 'ONBUILD' ? (ins as Triggered).getTriggerInstruction?.() : undefined;
    return {
      instruction: ins.getInstruction(),
      keyword: ins.getKeyword(),
      range: off(ins.getRange()),
      keywordRange: off(ins.getInstructionRange()),
      raw: args((ins as unknown as { getRawArguments(): Argument[] }).getRawArguments()),
      args: args(ins.getArguments()),
      flags: flags.map((f) => [f.getName(), f.getValue() ?? undefined, off(f.getRange()), off(f.getNameRange()), off(f.getValueRange())]),
      trigger: trigger ? one(trigger) : undefined,
    };
  };
  return {
    escape: df.getEscapeCharacter(),
    comments: df.getComments().map((c) => off(c.getRange())!),
    instructions: df.getInstructions().map(one),
  };
}

function lexerShape(text: string): Shape {
  const f = lexDockerfile(text);
  const one = (ins: LexInstruction): unknown => ({
    instruction: ins.instruction,
    keyword: ins.keyword,
    range: [ins.start, ins.end],
    keywordRange: [ins.start, ins.keywordEnd],
    raw: ins.rawArguments.map((a) => [a.value, a.start, a.end]),
    args: ins.arguments.map((a) => [a.value, a.start, a.end]),
    flags: ins.flags.map((g) => [g.name, g.value, [g.start, g.end], [g.nameStart, g.nameEnd], g.valueStart === undefined ? null : [g.valueStart, g.valueEnd]]),
    trigger: ins.trigger ? one(ins.trigger) : undefined,
  });
  return { escape: f.escape, comments: f.comments.map((c) => [c.start, c.end]), instructions: f.instructions.map(one) };
}

/** The first difference between the two readings of `text`, or undefined when they agree. */
export function firstDifference(text: string): string | undefined {
  const a = JSON.stringify(libraryShape(text));
  const b = JSON.stringify(lexerShape(text));
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `dockerfile-ast …${a.slice(Math.max(0, i - 80), i + 80)}…\n    lexer         …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

export function corpusDockerfiles(root = CORPUS): { path: string; text: string }[] {
  const detector = createDetector(DEFAULT_CONFIG.kinds);
  const out: { path: string; text: string }[] = [];
  try {
    for (const abs of walkFiles(root, { file: (p) => detector.byPath(p.slice(root.length + 1)) === 'dockerfile' })) {
      out.push({ path: abs.slice(root.length + 1), text: readFileSync(abs, 'utf8') });
    }
  } catch {
    return [];
  }
  return out.sort((x, y) => (x.path < y.path ? -1 : 1));
}

export function fixtureDockerfiles(): { path: string; text: string }[] {
  try {
    const texts = JSON.parse(readFileSync(FIXTURE_TEXTS, 'utf8')) as string[];
    return texts.map((text, i) => ({ path: `fixture #${i}`, text }));
  } catch {
    return [];
  }
}

/** Dockerfile-shaped token soup: keywords, flags, escapes, continuations, comments, heredocs, directives, CR/LF. */
export const dockerfileSoup: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      'FROM ', 'RUN ', 'COPY ', 'ADD ', 'ENV ', 'ARG ', 'ONBUILD ', 'HEALTHCHECK ', 'CMD ', 'USER ', 'run ', 'From ',
      '--platform=$P ', '--mount=type=cache,target=/x ', '--from=build ', '--chown=a:b ', '--', '--x', '=', 'a', 'b c', 'node:18 AS build',
      ' ', '  ', '\t', '\n', '\n', '\r\n', '\r', '\\', '\\\n', '\\ \n', '\\\r\n', '`', '`\n', '#', '# c\n', '# escape=`\n', '# syntax=x\n',
      '<<EOF', '<<-EOF', '<<"EOF"', "<<'E'", 'EOF\n', '\tEOF\n', '"', "'", '$', '${X}', '\\$', 'CMD', 'NONE', '[', ']', '"a"', ',', '\uFEFF',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Best CPU time of `reps` runs, in ms (the process's own CPU time: steadier than the wall clock on a shared machine). */
function best(reps: number, work: () => void): number {
  let min = Infinity;
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    work();
    const c = process.cpuUsage(c0);
    min = Math.min(min, (c.user + c.system) / 1000);
  }
  return min;
}

function main(): void {
  const fuzzRuns = Number(process.argv[process.argv.indexOf('--fuzz') + 1] ?? 0) || 2000;
  const corpus = corpusDockerfiles();
  const fixtures = fixtureDockerfiles();
  console.log(`Dockerfile parser measurement (docs/decisions/0004-dockerfile-parser.md)`);
  console.log(`  corpus: ${corpus.length} Dockerfiles (${CORPUS}); test fixtures: ${fixtures.length} texts`);

  // 1. Identical results.
  for (const [label, files] of [['corpus', corpus], ['fixtures', fixtures]] as const) {
    let same = 0;
    const diffs: string[] = [];
    for (const f of files) {
      const d = firstDifference(f.text);
      if (d === undefined) same++;
      else diffs.push(`  ${f.path}:\n    ${d}`);
    }
    console.log(`  equivalence on ${label}: ${same}/${files.length} identical`);
    for (const d of diffs.slice(0, 5)) console.log(d);
  }
  let fuzzSame = 0;
  let fuzzFirst: string | undefined;
  fc.assert(
    fc.property(dockerfileSoup, (text) => {
      const d = firstDifference(text);
      if (d === undefined) fuzzSame++;
      else fuzzFirst ??= `${JSON.stringify(text)}\n    ${d}`;
      return true;
    }),
    { numRuns: fuzzRuns, seed: 4 },
  );
  console.log(`  equivalence on ${fuzzRuns} generated Dockerfile-shaped texts: ${fuzzSame}/${fuzzRuns} identical`);
  if (fuzzFirst) console.log(`  first difference: ${fuzzFirst}`);

  // 2. Speed over the corpus (concatenated runs of every file), best of 10 after a warm-up.
  const texts = corpus.map((f) => f.text);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const libParse = (): void => {
    for (const t of texts) sink += DockerfileParser.parse(t).getInstructions().length;
  };
  // What the rules read of every instruction: arguments, ranges, flags (and the trigger of ONBUILD).
  const libFull = (): void => {
    for (const t of texts) {
      for (const ins of DockerfileParser.parse(t).getInstructions()) {
        sink += ins.getArguments().length + ins.getRange().end.line + ((ins as unknown as { getFlags?(): unknown[] }).getFlags?.().length ?? 0);
      }
    }
  };
  const libFullOf = (t: string): void => {
    for (const ins of DockerfileParser.parse(t).getInstructions()) sink += ins.getArguments().length;
  };
  const lex = (): void => {
    for (const t of texts) sink += lexDockerfile(t).instructions.length;
  };
  for (const w of [libParse, libFull, lex]) w();
  const reps = 10;
  const tParse = best(reps, libParse);
  const tFull = best(reps, libFull);
  const tLex = best(reps, lex);
  const mb = bytes / 1024 / 1024;
  console.log(`  CPU time over the corpus (${texts.length} files, ${mb.toFixed(2)} MB), best of ${reps}:`);
  console.log(`    dockerfile-ast parse only:                       ${tParse.toFixed(1)} ms (${(tParse / mb).toFixed(0)} ms/MB)`);
  console.log(`    dockerfile-ast parse + arguments, ranges, flags: ${tFull.toFixed(1)} ms (${(tFull / mb).toFixed(0)} ms/MB)`);
  console.log(`    lexer (all of the above):                        ${tLex.toFixed(1)} ms (${(tLex / mb).toFixed(0)} ms/MB)`);
  console.log(`    ratio dockerfile-ast / lexer: ${(tParse / tLex).toFixed(1)}x (parse only), ${(tFull / tLex).toFixed(1)}x (as the rules read it)`);

  // 3. The hostile shapes of issue #14, n and 4n repetitions (dockerfile-ast at sizes it finishes in seconds).
  console.log('  hostile shapes, CPU ms for n and 4n repetitions (growth 4 = linear, 16 = quadratic):');
  const shapes: [string, (n: number) => string, number][] = [
    ['FROM + comment, repeated', (n) => 'FROM a:1 AS s\n# c\n'.repeat(n), 2_000],
    ['the same, lone CR', (n) => 'FROM a:1 AS s\r# c\r'.repeat(n), 2_000],
    ['one RUN line of `echo a && `', (n) => `FROM a\nRUN ${'echo a && '.repeat(n)}true\n`, 20_000],
    ['one RUN of `a;`', (n) => `FROM a\nRUN ${'a;'.repeat(n)}\n`, 100_000],
  ];
  for (const [what, make, n] of shapes) {
    const row = [n, 4 * n].map((k) => {
      const text = make(k);
      return [best(2, () => void libFullOf(text)), best(2, () => void lexDockerfile(text))] as const;
    });
    const [[l1, x1], [l4, x4]] = row as [[number, number], [number, number]];
    console.log(`    ${what.padEnd(32)} dockerfile-ast ${l1.toFixed(0)} → ${l4.toFixed(0)} ms (×${(l4 / l1).toFixed(1)}); lexer ${x1.toFixed(1)} → ${x4.toFixed(1)} ms (×${(x4 / x1).toFixed(1)})`);
  }
  if (sink === -1) console.log('');
}

if (require.main === module) main();
