// Dockerfile parsing via dockerfile-ast, which tolerates any input and keeps line/character ranges.
//
// dockerfile-ast 0.7 hands every comment to its build stages by testing the comment against every stage
// (`organizeComments`, run at the end of each parse): stages × comments, 20 s for 10,000 of each. The method is
// replaced here, once, by one that finds the stage with a binary search and gives each comment to the same
// templates in the same order (test/parsers/dockerfile-linear.test.ts compares the two on every fixture and corpus
// Dockerfile). See docs/decisions/0004-dockerfile-parser.md.

import { DockerfileParser, Instruction, type Argument, type Dockerfile } from 'dockerfile-ast';
import * as dockerfileImpl from 'dockerfile-ast/lib/dockerfile.js';

export type { Dockerfile };

interface Pos {
  readonly line: number;
  readonly character: number;
}
interface Rng {
  readonly start: Pos;
  readonly end: Pos;
}
interface Template {
  getRange(): Rng | null;
  addComment(c: unknown): void;
}
interface DockerfileInternals {
  getComments(): { getRange(): Rng }[];
  readonly initialInstructions: Template;
  readonly buildStages: readonly Template[];
}

const before = (a: Pos, b: Pos): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
/** dockerfile-ast's `Util.isInsideRange`: `start <= p <= end`, by line then character. */
const inside = (p: Pos, r: Rng): boolean => !before(p, r.start) && !before(r.end, p);

/**
 * The same assignment as dockerfile-ast's `organizeComments`: a comment that ends inside the instructions before the
 * first `FROM` goes to them; any other goes to every build stage whose range holds its start. Stage ranges follow
 * one another in the text (a stage ends before the next `FROM`), so the stages holding a position are the last one
 * starting at or before it and, when ranges touch, the ones just before it.
 */
function organizeCommentsLinear(this: DockerfileInternals): void {
  const initial = this.initialInstructions.getRange();
  const stages = this.buildStages;
  const ranges = stages.map((s) => s.getRange());
  for (const comment of this.getComments()) {
    const r = comment.getRange();
    if (initial && inside(r.end, initial)) {
      this.initialInstructions.addComment(comment);
      continue;
    }
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = ranges[mid];
      if (m && before(r.start, m.start)) hi = mid;
      else lo = mid + 1;
    }
    let first = lo;
    while (first > 0) {
      const m = ranges[first - 1];
      if (!m || !inside(r.start, m)) break;
      first--;
    }
    for (let i = first; i < lo; i++) stages[i]!.addComment(comment);
  }
}

type Organize = (this: unknown) => void;
const proto = (dockerfileImpl as unknown as { Dockerfile?: { prototype: { organizeComments?: Organize } } }).Dockerfile?.prototype;
/** the library's own method, kept for the test that compares the two. */
export const libraryOrganizeComments: Organize | undefined = proto?.organizeComments;
if (proto && typeof proto.organizeComments === 'function') proto.organizeComments = organizeCommentsLinear as Organize;

const rawArguments = new WeakMap<object, Argument[]>();
const rawProto = Instruction.prototype as unknown as { getRawArguments?: (this: Instruction) => Argument[] };
/** the library's own method, kept for the test that compares the two. */
export const libraryGetRawArguments = rawProto.getRawArguments;
if (typeof libraryGetRawArguments === 'function') {
  rawProto.getRawArguments = function memoised(this: Instruction): Argument[] {
    let args = rawArguments.get(this);
    if (!args) rawArguments.set(this, (args = libraryGetRawArguments.call(this)));
    return args.slice();
  };
}

export function parseDockerfile(text: string): Dockerfile {
  return DockerfileParser.parse(text);
}
