// Dockerfile build stages: instructions per stage, the stage each one builds on, the effective USER, RUN commands.

import type { Dockerfile, From, Instruction } from '../parsers/dockerfile.js';
import type { LineIndex } from '../core/text.js';
import type { Range } from '../core/types.js';
import { substitute } from './dockerfile.js';
import { shellCommands, type Command } from './shell-words.js';

export interface Stage {
  readonly index: number;
  /** the `FROM` instruction (undefined for instructions before the first `FROM`). */
  readonly from: Instruction;
  /** `AS <name>`, lower-cased. */
  readonly name: string | undefined;
  /** the base image after literal build-arg substitution; undefined when unknown. */
  readonly image: string | undefined;
  /** index of the earlier stage this one builds on (`FROM build`), if any. */
  readonly parent: number | undefined;
  /** the instructions after `FROM`, up to the next `FROM`. */
  readonly instructions: readonly Instruction[];
}

export function dockerStages(df: Dockerfile): Stage[] {
  const globals = new Map<string, string | undefined>();
  for (const arg of df.getInitialARGs()) {
    const prop = arg.getProperty();
    const name = prop?.getName();
    const raw = prop?.getValue() ?? undefined;
    if (name) globals.set(name, raw === undefined ? undefined : substitute(raw, globals));
  }
  const stages: { index: number; from: Instruction; name: string | undefined; image: string | undefined; parent: number | undefined; instructions: Instruction[] }[] = [];
  const byName = new Map<string, number>();
  const froms = new Map<Instruction, From>(df.getFROMs().map((f) => [f, f]));
  for (const instr of df.getInstructions()) {
    const from = froms.get(instr);
    if (from) {
      const raw = from.getImage() ?? undefined;
      const image = raw === undefined ? undefined : substitute(raw, globals);
      const parent = image === undefined ? undefined : byName.get(image.toLowerCase());
      const name = from.getBuildStage()?.toLowerCase() ?? undefined;
      const index = stages.length;
      stages.push({ index, from: instr, name, image, parent, instructions: [] });
      if (name !== undefined) byName.set(name, index);
      continue;
    }
    stages[stages.length - 1]?.instructions.push(instr);
  }
  return stages;
}

/** The final stage and the stages it builds on, final first. */
export function finalChain(stages: readonly Stage[]): Stage[] {
  const out: Stage[] = [];
  let s = stages[stages.length - 1];
  const seen = new Set<number>();
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.push(s);
    s = s.parent === undefined ? undefined : stages[s.parent];
  }
  return out;
}

export function instructionRange(instr: Instruction, lines: LineIndex): Range {
  const r = instr.getRange();
  return { start: lines.offsetAt(r.start), end: lines.offsetAt(r.end) };
}

export function keywordRange(instr: Instruction, lines: LineIndex): Range {
  const r = instr.getInstructionRange();
  return { start: lines.offsetAt(r.start), end: lines.offsetAt(r.end) };
}

/** Where the arguments of an instruction are in the text (empty at the keyword's end when there are none). */
export function argumentsRange(instr: Instruction, lines: LineIndex): Range {
  const r = instr.getArgumentsRange();
  const whole = instructionRange(instr, lines);
  if (!r) return { start: whole.end, end: whole.end };
  return { start: lines.offsetAt(r.start), end: whole.end };
}

/** The shell commands of a `RUN` (shell form, heredoc bodies included), with file ranges. */
const RUN_COMMANDS = new WeakMap<Instruction, Command[]>();

export function runCommands(instr: Instruction, text: string, lines: LineIndex): Command[] {
  // Several rules read the same RUN: lex each one once per parse.
  const cached = RUN_COMMANDS.get(instr);
  if (cached) return cached;
  // dockerfile-ast ends the instruction after any heredoc body, so bodies are scanned too.
  const r = argumentsRange(instr, lines);
  const cmds = shellCommands(text, r.start, r.end);
  RUN_COMMANDS.set(instr, cmds);
  return cmds;
}

/** The `USER` value's user part (`app` in `app:staff`) and the range of the whole argument. */
export function userOf(instr: Instruction, lines: LineIndex): { user: string; raw: string; range: Range } | undefined {
  const args = instr.getArguments();
  const first = args[0];
  if (!first) return undefined;
  const raw = first.getValue();
  const r = first.getRange();
  const colon = raw.indexOf(':');
  return { user: colon === -1 ? raw : raw.slice(0, colon), raw, range: { start: lines.offsetAt(r.start), end: lines.offsetAt(r.end) } };
}

/** Every command of every `RUN` in the file. */
const COMMANDS = new WeakMap<Dockerfile, Command[]>();

export function dockerfileCommands(df: Dockerfile, text: string, lines: LineIndex): Command[] {
  // Several rules read the same commands: lex each parsed file once.
  const cached = COMMANDS.get(df);
  if (cached) return cached;
  const out: Command[] = [];
  for (const instr of df.getInstructions()) {
    if (instr.getKeyword() !== 'RUN') continue;
    // One by one: spreading a RUN of 200,000 commands into push() overflows the call stack.
    const cmdList = runCommands(instr, text, lines);
    for (let cmdAt = 0; cmdAt < cmdList.length; cmdAt++) out.push(cmdList[cmdAt]!);
  }
  // Cached once complete, so a throw above cannot leave a partial list for the next rule.
  COMMANDS.set(df, out);
  return out;
}
