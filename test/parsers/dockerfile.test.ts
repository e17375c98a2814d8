// The Dockerfile parser (server/src/parsers/dockerfile.ts over dockerfile-lexer.ts) reads every file exactly as
// dockerfile-ast does, through every method the models call: keywords, ranges, arguments, flags, FROM's image and
// stage, ONBUILD triggers, properties, JSON strings, escape character, initial ARGs. Checked on the Dockerfile texts
// the tests parse (test/fixtures/dockerfile-texts.json), every corpus Dockerfile (skipped without the corpus) and
// generated Dockerfile-shaped text; and the parse stays linear on the hostile shapes that made dockerfile-ast quadratic.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import fc from 'fast-check';
import { parseDockerfile } from '../../server/src/parsers/dockerfile.js';
import { lexDockerfile } from '../../server/src/parsers/dockerfile-lexer.js';
import { corpusDockerfiles, dockerfileSoup, fixtureDockerfiles } from '../../scripts/measure-dockerfile.js';
import { cpuMs } from '../helpers/complexity.js';
import { FUZZ_RUNS } from '../robustness/inputs.js';

type Pos = { line: number; character: number };
type Rng = { start: Pos; end: Pos } | null | undefined;
/** The methods the models call, on either implementation (duck-typed: both expose the same names). */
type Any = Record<string, ((...a: unknown[]) => unknown) | undefined>;

const rng = (r: Rng): unknown => (r ? [r.start.line, r.start.character, r.end.line, r.end.character] : r);
const has = (o: Any, m: string): boolean => typeof o[m] === 'function';
const call = <T>(o: Any, m: string): T => (o[m] as () => T).call(o);

function args(list: Any[]): unknown {
  return list.map((a) => [call(a, 'getValue'), rng(call(a, 'getRange'))]);
}

function property(p: Any | null): unknown {
  if (!p) return p;
  return [call(p, 'getName'), call(p, 'getValue'), call(p, 'getUnescapedValue'), rng(call(p, 'getRange')), rng(call(p, 'getNameRange')), rng(call(p, 'getValueRange'))];
}

function instruction(i: Any): unknown {
  const keyword = call<string>(i, 'getKeyword');
  return {
    keyword,
    instruction: call(i, 'getInstruction'),
    range: rng(call(i, 'getRange')),
    keywordRange: rng(call(i, 'getInstructionRange')),
    args: args(call(i, 'getArguments')),
    argsRange: rng(call(i, 'getArgumentsRange')),
    rawContent: call(i, 'getRawArgumentsContent'),
    flags: has(i, 'getFlags')
      ? call<Any[]>(i, 'getFlags').map((f) => [call(f, 'getName'), call(f, 'getValue'), rng(call(f, 'getRange')), rng(call(f, 'getNameRange')), rng(call(f, 'getValueRange'))])
      : 'none',
    json: has(i, 'getJSONStrings') ? call<Any[]>(i, 'getJSONStrings').map((s) => [call(s, 'getValue'), call(s, 'getJSONValue'), rng(call(s, 'getRange'))]) : 'none',
    properties: has(i, 'getProperties') ? call<Any[]>(i, 'getProperties').map(property) : 'none',
    property: has(i, 'getProperty') ? property(call(i, 'getProperty')) : 'none',
    from: keyword === 'FROM' ? [call(i, 'getImage'), rng(call(i, 'getImageRange')), call(i, 'getBuildStage'), call<Any | null>(i, 'getPlatformFlag') ? call(call<Any>(i, 'getPlatformFlag'), 'getValue') : null] : 'none',
    trigger: has(i, 'getTriggerInstruction') ? ((t: Any | null) => (t ? instruction(t) : t))(call(i, 'getTriggerInstruction')) : 'none',
  };
}

function reading(df: Any): unknown {
  const all = call<Any[]>(df, 'getInstructions');
  return {
    escape: call(df, 'getEscapeCharacter'),
    instructions: all.map(instruction),
    froms: call<Any[]>(df, 'getFROMs').map((f) => all.indexOf(f)),
    initialArgs: call<Any[]>(df, 'getInitialARGs').map((a) => all.indexOf(a)),
  };
}

function assertSameReading(text: string, what: string): void {
  const lib = reading(DockerfileParser.parse(text) as unknown as Any);
  const ours = reading(parseDockerfile(text) as unknown as Any);
  assert.deepEqual(ours, lib, `${what}: ${JSON.stringify(text.slice(0, 200))}`);
}

describe('the Dockerfile parser reads files exactly as dockerfile-ast', () => {
  it('every Dockerfile text the tests parse', () => {
    const fixtures = fixtureDockerfiles();
    assert.ok(fixtures.length > 100, 'test/fixtures/dockerfile-texts.json is missing or short');
    for (const f of fixtures) assertSameReading(f.text, f.path);
  });

  const corpus = corpusDockerfiles();
  it('every corpus Dockerfile', { skip: corpus.length === 0 ? 'corpus not found' : false }, () => {
    for (const f of corpus) assertSameReading(f.text, f.path);
  });

  it('generated Dockerfile-shaped text (directives, escapes, continuations, comments, heredocs, flags, CR/LF)', () => {
    fc.assert(fc.property(dockerfileSoup, (text) => assertSameReading(text, 'generated')), { numRuns: Math.max(1000, FUZZ_RUNS * 5), seed: 19 });
  });

  it('edge cases written out', () => {
    for (const text of [
      '', '\uFEFFFROM a', '# escape=`\nFROM a\nRUN x `\n  y', '# escape=`\r\nRUN a`\r\nb', '#a=b \n# escape=`\nRUN a`\nb',
      'FROM --platform=linux/amd64 node:18 AS build\nONBUILD RUN --mount=type=cache,target=/x make', 'RUN <<EOF\nx\nEOF\nRUN <<-"E" <<F\n\tE\nF\n',
      'ENV a=1 b="two words" c\\ d=3\nARG X\nARG Y=1 Z=2\nLABEL "k"=v', 'ADD ["a b", "c"]\nCOPY --from=x ["a","b"]\nCMD [ "sh", "-c", "x" ]',
      'RUN a \\\n# comment\n  b \\ \n  c', 'HEALTHCHECK --interval=5s CMD curl x', 'RU\\\nN x', 'FROM a\r\rRUN b\r', 'ONBUILD', 'ONBUILD ADD <<EOF x\nEOF',
    ]) {
      assertSameReading(text, 'edge case');
    }
  });
});

describe('the Dockerfile lexer is linear', () => {
  /** CPU time of lexing 4n repetitions over that of n (best of 3 each, after a warm-up): linear ≈ 4. */
  function growth(make: (n: number) => string, n: number): number {
    const time = (k: number): number => {
      const text = make(k);
      let best = Infinity;
      for (let i = 0; i < 3; i++) best = Math.min(best, cpuMs(() => void lexDockerfile(text)));
      return best;
    };
    time(n);
    return time(4 * n) / Math.max(time(n), 0.01);
  }

  for (const [what, make] of [
    ['stages and comments', (n: number) => 'FROM a:1 AS s\n# c\n'.repeat(n)],
    ['stages and comments, lone CR', (n: number) => 'FROM a:1 AS s\r# c\r'.repeat(n)],
    ['one RUN line of commands', (n: number) => `RUN ${'echo a && '.repeat(n)}`],
    ['continuations with comment lines', (n: number) => `RUN a \\\n${'# c\n  b \\\n'.repeat(n)}  c`],
    ['unterminated heredocs', (n: number) => 'RUN <<EOF\n'.repeat(n)],
    ['ENV with many variables', (n: number) => `ENV ${Array.from({ length: n }, (_, i) => `V${i}=x`).join(' ')}`],
  ] as const) {
    it(what, () => {
      let ratio = growth(make, 20_000);
      // One retry: a repetition preempted on a shared machine must not fail the suite (quadratic work fails both).
      if (ratio >= 8) ratio = growth(make, 20_000);
      assert.ok(ratio < 8, `${what}: 4× the input took ${ratio.toFixed(1)}× the time (superlinear)`);
    });
  }
});
