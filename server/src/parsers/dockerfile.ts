// Dockerfile parsing: the lexer of dockerfile-lexer.ts, behind the part of dockerfile-ast's API the models read
// (instructions, keywords, line/character ranges, arguments, flags, FROM's image and stage, ONBUILD triggers).
//
// dockerfile-ast itself was quadratic on hostile files (every comment tested against every build stage) and re-read
// each instruction's arguments character by character on every call; the lexer reads them once, with identical
// results on the corpus, the test texts and generated input (docs/decisions/0004-dockerfile-parser.md;
// test/parsers/dockerfile.test.ts). ENV/ARG/LABEL properties and JSON-form arguments keep dockerfile-ast's own
// readers: for the few instructions whose properties or JSON strings a rule asks for, the library's instruction
// object is built on demand over the same ranges, so those answers are the library's by construction.

import type * as DockerfileAst from 'dockerfile-ast';
import type { Property } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type * as TextDocumentModule from 'vscode-languageserver-textdocument';
import { LineIndex, type Position } from '../core/text.js';
import { lexDockerfile, type LexArgument, type LexFlag, type LexInstruction } from './dockerfile-lexer.js';

export type { Property };

/**
 * dockerfile-ast and the text document it reads, loaded when a rule first asks for properties or JSON strings: a
 * scan of no Dockerfile (the CLI's one-file cold start) does not evaluate them.
 */
let ast: typeof DockerfileAst | undefined;
function dockerfileAst(): typeof DockerfileAst {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (ast ??= require('dockerfile-ast') as typeof DockerfileAst);
}
let textDocument: typeof TextDocumentModule | undefined;

export interface DockerRange {
  readonly start: Position;
  readonly end: Position;
}

/** What one parse shares with its instructions: the text, positions, and (built on demand) dockerfile-ast's document. */
class Source {
  private doc: TextDocument | undefined;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    readonly escape: string,
  ) {}

  range(start: number, end: number): DockerRange {
    return { start: this.lines.positionAt(start), end: this.lines.positionAt(end) };
  }

  get document(): TextDocument {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    textDocument ??= require('vscode-languageserver-textdocument') as typeof TextDocumentModule;
    return (this.doc ??= textDocument.TextDocument.create('', '', 0, this.text));
  }
}

export class Argument {
  constructor(
    private readonly src: Source,
    private readonly lexed: LexArgument,
  ) {}

  getValue(): string {
    return this.lexed.value;
  }

  getRange(): DockerRange {
    return this.src.range(this.lexed.start, this.lexed.end);
  }
}

export class Flag {
  constructor(
    private readonly src: Source,
    private readonly lexed: LexFlag,
  ) {}

  getName(): string {
    return this.lexed.name;
  }

  getValue(): string | null {
    return this.lexed.value ?? null;
  }

  getRange(): DockerRange {
    return this.src.range(this.lexed.start, this.lexed.end);
  }

  getNameRange(): DockerRange {
    return this.src.range(this.lexed.nameStart, this.lexed.nameEnd);
  }

  getValueRange(): DockerRange | null {
    const { valueStart, valueEnd } = this.lexed;
    return valueStart === undefined || valueEnd === undefined ? null : this.src.range(valueStart, valueEnd);
  }
}

export class Instruction {
  private args: Argument[] | undefined;
  private raw: Argument[] | undefined;

  constructor(
    protected readonly src: Source,
    protected readonly lexed: LexInstruction,
  ) {}

  /** the keyword as written. */
  getInstruction(): string {
    return this.lexed.instruction;
  }

  getKeyword(): string {
    return this.lexed.keyword;
  }

  getRange(): DockerRange {
    return this.src.range(this.lexed.start, this.lexed.end);
  }

  getInstructionRange(): DockerRange {
    return this.src.range(this.lexed.start, this.lexed.keywordEnd);
  }

  /** the arguments after any flags. */
  getArguments(): Argument[] {
    return (this.args ??= this.lexed.arguments.map((a) => new Argument(this.src, a)));
  }

  /** every argument, flags included. */
  getRawArguments(): Argument[] {
    return (this.raw ??= this.lexed.rawArguments.map((a) => new Argument(this.src, a)));
  }

  getArgumentsRange(): DockerRange | null {
    const args = this.lexed.arguments;
    return args.length === 0 ? null : this.src.range(args[0]!.start, args[args.length - 1]!.end);
  }

  getRawArgumentsContent(): string | null {
    const args = this.lexed.arguments;
    return args.length === 0 ? null : this.src.text.slice(args[0]!.start, args[args.length - 1]!.end);
  }

  /** dockerfile-ast's constructor arguments for the same instruction: document, ranges, escape character. */
  protected libraryArgs(): LibArgs {
    const doc = this.src.document;
    const { start, end, keywordEnd, instruction } = this.lexed;
    return [doc, libRange(doc, start, end), null, this.src.escape, instruction, libRange(doc, start, keywordEnd)];
  }
}

type LibRange = { start: { line: number; character: number }; end: { line: number; character: number } };
/** document, range, dockerfile (unused by the readers borrowed here), escape character, keyword, keyword range. */
type LibArgs = [TextDocument, LibRange, null, string, string, LibRange];
type LibClass<T> = new (...args: LibArgs) => T;
const libClass = <T>(c: unknown): LibClass<T> => c as LibClass<T>;

function libRange(doc: TextDocument, start: number, end: number): LibRange {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** FROM, RUN, ADD, COPY, HEALTHCHECK and the JSON-form instructions: `--name=value` flags before the operands. */
export class ModifiableInstruction extends Instruction {
  private flags: Flag[] | undefined;

  getFlags(): Flag[] {
    return (this.flags ??= this.lexed.flags.map((f) => new Flag(this.src, f)));
  }
}

export class From extends ModifiableInstruction {
  getImage(): string | null {
    return this.lexed.arguments[0]?.value ?? null;
  }

  getImageRange(): DockerRange | null {
    const first = this.lexed.arguments[0];
    return first ? this.src.range(first.start, first.end) : null;
  }

  /** `AS <name>`, as written. */
  getBuildStage(): string | null {
    const args = this.lexed.arguments;
    if (args.length > 2 && args[1]!.value.toUpperCase() === 'AS') return this.src.text.slice(args[2]!.start, args[2]!.end);
    return null;
  }

  getPlatformFlag(): Flag | null {
    const flags = this.getFlags();
    return flags.length === 1 && flags[0]!.getName() === 'platform' ? flags[0]! : null;
  }
}

type JsonString = { getValue(): string; getJSONValue(): string; getRange(): DockerRange };
type JsonReader = { getJSONStrings(): JsonString[] };
let jsonClasses: ReadonlyMap<string, LibClass<JsonReader>> | undefined;
function jsonClass(keyword: string): LibClass<JsonReader> {
  if (!jsonClasses) {
    const { Add, Copy, Run, Cmd, Entrypoint, Shell, Volume } = dockerfileAst();
    jsonClasses = new Map(([['ADD', Add], ['COPY', Copy], ['RUN', Run], ['CMD', Cmd], ['ENTRYPOINT', Entrypoint], ['SHELL', Shell], ['VOLUME', Volume]] as const).map(([k, c]) => [k, libClass<JsonReader>(c)]));
  }
  return jsonClasses.get(keyword)!;
}

/** RUN, ADD, COPY, CMD, ENTRYPOINT, SHELL, VOLUME: the strings of the `["…", "…"]` form. */
export class JSONInstruction extends ModifiableInstruction {
  private json: JsonString[] | undefined;

  getJSONStrings(): JsonString[] {
    if (!this.json) {
      const Lib = jsonClass(this.lexed.keyword);
      this.json = new Lib(...this.libraryArgs()).getJSONStrings();
    }
    return this.json;
  }
}

type PropertyReader = { getProperties(): Property[]; getProperty?(): Property | null };
let propertyClasses: ReadonlyMap<string, LibClass<PropertyReader>> | undefined;
function propertyClass(keyword: string): LibClass<PropertyReader> {
  if (!propertyClasses) {
    const { Env, Label, Arg } = dockerfileAst();
    propertyClasses = new Map(([['ENV', Env], ['LABEL', Label], ['ARG', Arg]] as const).map(([k, c]) => [k, libClass<PropertyReader>(c)]));
  }
  return propertyClasses.get(keyword)!;
}

/** ENV, LABEL and ARG: `name=value` properties, read by dockerfile-ast's own property parser. */
export class PropertyInstruction extends Instruction {
  private reader: PropertyReader | undefined;

  protected library(): PropertyReader {
    return (this.reader ??= new (propertyClass(this.lexed.keyword))(...this.libraryArgs()));
  }

  getProperties(): Property[] {
    return this.library().getProperties();
  }
}

export class ArgInstruction extends PropertyInstruction {
  getProperty(): Property | null {
    return this.library().getProperty?.() ?? null;
  }
}

export class Onbuild extends Instruction {
  private trigger: Instruction | null | undefined;

  getTriggerInstruction(): Instruction | null {
    if (this.trigger === undefined) this.trigger = this.lexed.trigger ? instructionOf(this.src, this.lexed.trigger) : null;
    return this.trigger;
  }
}

/** The class dockerfile-ast would use for the keyword (only the keyword's class decides which methods exist). */
function instructionOf(src: Source, lexed: LexInstruction): Instruction {
  switch (lexed.keyword) {
    case 'FROM':
      return new From(src, lexed);
    case 'HEALTHCHECK':
      return new ModifiableInstruction(src, lexed);
    case 'ADD':
    case 'COPY':
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
    case 'VOLUME':
      return new JSONInstruction(src, lexed);
    case 'ENV':
    case 'LABEL':
      return new PropertyInstruction(src, lexed);
    case 'ARG':
      return new ArgInstruction(src, lexed);
    case 'ONBUILD':
      return new Onbuild(src, lexed);
    default:
      return new Instruction(src, lexed);
  }
}

export class Dockerfile {
  private readonly instructions: Instruction[];
  private froms: From[] | undefined;
  private initialArgs: ArgInstruction[] | undefined;

  constructor(
    private readonly src: Source,
    lexed: readonly LexInstruction[],
  ) {
    this.instructions = lexed.map((l) => instructionOf(src, l));
  }

  getInstructions(): Instruction[] {
    return this.instructions;
  }

  getEscapeCharacter(): string {
    return this.src.escape;
  }

  getFROMs(): From[] {
    return (this.froms ??= this.instructions.filter((i): i is From => i instanceof From));
  }

  /** ARG instructions before the first FROM (build args the FROM lines may use). */
  getInitialARGs(): ArgInstruction[] {
    if (!this.initialArgs) {
      const out: ArgInstruction[] = [];
      for (const i of this.instructions) {
        if (i instanceof From) break;
        if (i instanceof ArgInstruction) out.push(i);
      }
      this.initialArgs = out;
    }
    return this.initialArgs;
  }
}

/** Parses `text` (`lines`: its line index, when the caller has one). Never throws. */
export function parseDockerfile(text: string, lines: LineIndex = new LineIndex(text)): Dockerfile {
  const lexed = lexDockerfile(text);
  return new Dockerfile(new Source(text, lines, lexed.escape), lexed.instructions);
}
