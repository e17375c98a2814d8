// The Dockerfile lexer: one pass over the text, offsets only (no line/character objects), argument values built
// from slices. It reads a file exactly as dockerfile-ast 0.7 does — parser directives and the escape character,
// comments, instruction boundaries (continuations, comment lines inside them, heredoc bodies), keywords, arguments
// with their escapes, flags, ONBUILD triggers — and is 8–13× faster, linear on any input (measured by
// scripts/measure-dockerfile.ts; docs/decisions/0004-dockerfile-parser.md). parsers/dockerfile.ts puts the
// instruction API the models read on top of it.

export interface LexArgument {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface LexFlag {
  readonly name: string;
  /** undefined for `--flag` without `=`. */
  readonly value: string | undefined;
  /** the whole argument. */
  readonly start: number;
  readonly end: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly valueStart: number | undefined;
  readonly valueEnd: number | undefined;
}

export interface LexInstruction {
  /** the keyword as written (escape characters of a continued keyword included), and upper-cased. */
  readonly instruction: string;
  readonly keyword: string;
  /** the whole instruction: keyword to the line end that ends it (after any heredoc body). */
  readonly start: number;
  readonly end: number;
  /** end of the keyword. */
  readonly keywordEnd: number;
  /** every argument, flags included. */
  readonly rawArguments: readonly LexArgument[];
  /** `--name=value` options before the first operand (FROM, RUN, ADD, COPY, HEALTHCHECK). */
  readonly flags: readonly LexFlag[];
  /** the arguments after the flags. */
  readonly arguments: readonly LexArgument[];
  /** ONBUILD's trigger instruction. */
  readonly trigger: LexInstruction | undefined;
}

export interface LexDirective {
  readonly name: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface LexedDockerfile {
  readonly escape: string;
  readonly directives: readonly LexDirective[];
  readonly comments: readonly { readonly start: number; readonly end: number }[];
  readonly instructions: readonly LexInstruction[];
}

const isNl = (c: string | undefined): boolean => c === '\r' || c === '\n';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** Instructions whose leading `--` arguments are flags, and the test that ends the flags. */
const FLAG_STOP: ReadonlyMap<string, (value: string) => boolean> = new Map([
  ['ADD', (v: string) => !v.includes('--')],
  ['COPY', (v: string) => !v.includes('--')],
  ['FROM', (v: string) => !v.includes('--')],
  ['RUN', (v: string) => !v.includes('--')],
  ['HEALTHCHECK', (v: string) => v.toUpperCase() === 'CMD' || v.toUpperCase() === 'NONE'],
]);

/** Runs of characters the argument scan passes over (by escape character: `\\`, then the backtick). */
const PLAIN_ARGS = [/[^\r\n\t #\\]+/y, /[^\r\n\t #`]+/y];
/** Runs of characters an argument value copies as they are. */
const WORD_CHARS = [/[^\r\n\t \\]+/y, /[^\r\n\t `]+/y];

/** Keywords whose arguments may open heredocs (ONBUILD through its trigger). */
const HEREDOC_KEYWORDS = new Set(['ADD', 'COPY', 'RUN', 'ONBUILD']);

export function lexDockerfile(text: string): LexedDockerfile {
  return new Lexer(text).run();
}

class Lexer {
  private escape = '\\';
  private readonly comments: { start: number; end: number }[] = [];
  private readonly instructions: LexInstruction[] = [];
  /** offsets where a line starts (for the directive count → first parsed line). */
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** dockerfile-ast's positions never point inside a `\r\n`: an offset on its `\n` means the `\r`. */
  private canon(o: number): number {
    const t = this.text;
    return o > 0 && t[o] === '\n' && t[o - 1] === '\r' ? o - 1 : o;
  }

  run(): LexedDockerfile {
    const t = this.text;
    const directives = this.directives();
    let offset = 0;
    if (directives.length > 0) {
      for (const d of directives) {
        if (d.name.toLowerCase() === 'escape' && (d.value === '\\' || d.value === '`')) {
          this.escape = d.value;
          break;
        }
      }
      offset = this.lineStart(directives.length);
    } else if (t.charCodeAt(0) === 0xfeff) offset = 1;
    for (let i = offset; i < t.length; i++) {
      const c = t[i];
      if (isWs(c)) continue;
      if (c === '#') i = this.comment(i);
      else i = this.instruction(i);
    }
    return { escape: this.escape, directives, comments: this.comments, instructions: this.instructions };
  }

  private lineStart(line: number): number {
    if (!this.lineStarts) {
      const starts = [0];
      const t = this.text;
      for (let i = 0; i < t.length && starts.length <= line; i++) {
        if (t[i] === '\n' || (t[i] === '\r' && t[i + 1] !== '\n')) starts.push(i + 1);
      }
      this.lineStarts = starts;
    }
    return line < this.lineStarts.length ? this.lineStarts[line]! : this.text.length;
  }

  /** `# name=value` lines at the very top, until a blank line, a comment without `=`, or anything else. */
  private directives(): LexDirective[] {
    const t = this.text;
    const out: LexDirective[] = [];
    let i = t.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (; i < t.length; i++) {
      const c = t[i];
      if (isBlank(c)) continue;
      if (c !== '#') return out;
      let nameStart = -1;
      let nameEnd = -1;
      let j = i + 1;
      let done = false;
      for (; j < t.length; j++) {
        const d = t[j]!;
        if (isBlank(d)) {
          if (nameStart !== -1 && nameEnd === -1) nameEnd = j;
        } else if (isNl(d)) return out;
        else if (d === '=') {
          if (nameEnd === -1) nameEnd = j;
          let valueStart = -1;
          let valueEnd = -1;
          let lineEnd = t.length;
          for (let k = j + 1; k < t.length; k++) {
            const e = t[k];
            if (isNl(e)) {
              if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
              lineEnd = k;
              break;
            }
            if (isBlank(e)) {
              if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
            } else if (valueStart === -1) valueStart = k;
          }
          if (nameStart === -1) return out;
          if (valueStart === -1) {
            valueStart = j + 1;
            valueEnd = lineEnd;
          } else if (valueEnd === -1) valueEnd = t.length;
          out.push({ name: t.slice(nameStart, nameEnd), value: t.slice(valueStart, valueEnd), start: i, end: this.canon(lineEnd) });
          i = t[valueEnd] === '\r' ? valueEnd + 1 : valueEnd;
          done = true;
          break;
        } else if (nameStart === -1) nameStart = j;
      }
      // A comment running to the end of the file without `=`: dockerfile-ast reads on from the character after `#`.
      if (!done) continue;
    }
    return out;
  }

  private comment(start: number): number {
    const t = this.text;
    let end = t.length;
    for (let i = start + 1; i < t.length; i++) {
      if (isNl(t[i])) {
        end = i;
        break;
      }
    }
    this.comments.push({ start, end: this.canon(end) });
    return end;
  }

  /** The instruction starting at `start`; returns where the main loop resumes. */
  private instruction(start: number): number {
    const t = this.text;
    const esc = this.escape;
    let word = t[start]!;
    let wordEnd = -1;
    let escaped = false;
    for (let i = start + 1; i < t.length; i++) {
      const c = t[i]!;
      if (c === esc) {
        escaped = true;
        const next = t[i + 1];
        if (isNl(next)) {
          if (wordEnd === -1) wordEnd = i;
          i++;
        } else if (isBlank(next)) {
          let j = i + 2;
          let resumed = false;
          for (; j < t.length; j++) {
            const d = t[j];
            if (isBlank(d)) continue;
            if (isNl(d)) i = j;
            else {
              wordEnd = i + 1;
              word += esc;
              i = j - 2;
            }
            resumed = true;
            break;
          }
          if (!resumed) {
            wordEnd = i + 1;
            word += esc;
            this.add(word, start, wordEnd, t.length);
            return t.length;
          }
        } else {
          wordEnd = i + 1;
          word += esc;
          escaped = false;
        }
        continue;
      }
      if (isBlank(c)) {
        if (escaped) {
          let j = i + 1;
          let newline = false;
          for (; j < t.length; j++) {
            const d = t[j];
            if (isBlank(d)) continue;
            if (isNl(d)) newline = true;
            break;
          }
          if (newline) {
            i = j;
            continue;
          }
          escaped = false;
        }
        if (wordEnd === -1) wordEnd = i;
        const [end, lexed] = this.argumentsEnd(word, wordEnd, start, i);
        this.instructions.push(lexed && lexed.end === this.canon(end) ? lexed : this.make(word, start, wordEnd, end));
        return end;
      }
      if (isNl(c)) {
        if (escaped) continue;
        this.add(word, start, i, i);
        return i;
      }
      if (c === '#' && escaped) continue;
      wordEnd = i + 1;
      word += c;
      escaped = false;
    }
    if (wordEnd === -1) wordEnd = t.length;
    this.add(word, start, wordEnd, t.length);
    return t.length;
  }

  /**
   * Where the arguments after the keyword end: the first line end not escaped, then past any heredoc bodies; with
   * the instruction up to that line end when it had to be lexed to find its heredocs.
   */
  private argumentsEnd(word: string, wordEnd: number, start: number, offset: number): [number, LexInstruction | undefined] {
    const t = this.text;
    const esc = this.escape;
    let escaped = false;
    const plain = PLAIN_ARGS[esc === '`' ? 1 : 0]!;
    for (let i = offset + 1; i < t.length; i++) {
      // A run of characters that are none of line end, blank, `#` or the escape: skipped in one step.
      plain.lastIndex = i;
      if (plain.test(t)) {
        escaped = false;
        i = plain.lastIndex - 1;
        continue;
      }
      const c = t[i]!;
      if (isNl(c)) {
        if (escaped) continue;
        if (!HEREDOC_KEYWORDS.has(word.toUpperCase())) return [i, undefined];
        const lexed = this.make(word, start, wordEnd, i);
        return [this.heredocsEnd(lexed, i), lexed];
      }
      if (c === esc) {
        const next = t[i + 1];
        if (isNl(next)) {
          escaped = true;
          i++;
        } else if (isBlank(next)) {
          let j = i + 2;
          for (; j < t.length; j++) {
            const d = t[j];
            if (isBlank(d)) continue;
            if (isNl(d)) escaped = true;
            break;
          }
          if (j >= t.length) return [t.length, undefined];
          i = j;
        }
        continue;
      }
      if (c === '#') {
        if (escaped) i = this.comment(i);
        continue;
      }
      if (!isBlank(c)) escaped = false;
    }
    return [t.length, undefined];
  }

  private heredocsEnd(instr: LexInstruction, offset: number): number {
    let target: LexInstruction | undefined = instr;
    if (target.keyword === 'ONBUILD') target = target.trigger;
    if (!target || (target.keyword !== 'ADD' && target.keyword !== 'COPY' && target.keyword !== 'RUN')) return offset;
    const names: string[] = [];
    let tabbed = false;
    for (const a of target.arguments) {
      if (a.value.startsWith('<<') && a.value.length > 2) {
        if (a.value.startsWith('<<-')) tabbed = true;
        const name = heredocName(a.value);
        if (name !== undefined) names.push(name);
      }
    }
    for (const name of names) offset = this.heredocEnd(name, offset, tabbed);
    return offset;
  }

  private heredocEnd(name: string, offset: number, tabbed: boolean): number {
    const t = this.text;
    let word = -1;
    let lineStart = true;
    for (let i = offset; i < t.length; i++) {
      const c = t[i];
      if (c === ' ') lineStart = false;
      else if (c === '\t') {
        if (!tabbed) lineStart = false;
      } else if (isNl(c)) {
        if (word !== -1 && i - word === name.length && t.startsWith(name, word)) return i;
        word = -1;
        lineStart = true;
      } else if (lineStart) {
        word = i;
        lineStart = false;
      }
    }
    return t.length;
  }

  private add(word: string, start: number, wordEnd: number, end: number): void {
    this.instructions.push(this.make(word, start, wordEnd, end));
  }

  /** An instruction from its keyword and extent: arguments, flags and (ONBUILD) trigger read from the text. */
  private make(word: string, start: number, wordEnd: number, end: number): LexInstruction {
    start = this.canon(start);
    wordEnd = this.canon(wordEnd);
    end = this.canon(end);
    const keyword = word.toUpperCase();
    const rawArguments = this.rawArguments(wordEnd, end);
    const flags = this.flags(keyword, rawArguments);
    const args = flags.length === 0 ? rawArguments : rawArguments.slice(flags.length);
    let trigger: LexInstruction | undefined;
    if (keyword === 'ONBUILD' && rawArguments.length > 0) {
      const first = rawArguments[0]!;
      trigger = this.make(this.text.slice(first.start, first.end), first.start, first.end, end);
    }
    return { instruction: word, keyword, start, end, keywordEnd: wordEnd, rawArguments, flags, arguments: args, trigger };
  }

  /** dockerfile-ast's `getRawArguments`: words split at white space, escapes resolved, comment lines in continuations skipped. */
  private rawArguments(from: number, to: number): LexArgument[] {
    const t = this.text;
    const esc = this.escape;
    const out: LexArgument[] = [];
    let start = false;
    let comment = false;
    let found = -1;
    let escapedWs = false;
    let escaping = false;
    let marker = -1;
    let value = '';
    /** a run of characters copied as they are, not yet added to `value`. */
    let run = -1;
    const flush = (i: number): void => {
      if (run !== -1) {
        value += t.slice(run, i);
        run = -1;
      }
    };
    const push = (end: number): void => {
      out.push({ value, start: this.canon(from + found), end: this.canon(from + end) });
      value = '';
      found = -1;
    };
    const n = to - from;
    const word = WORD_CHARS[esc === '`' ? 1 : 0]!;
    for (let i = 0; i < n; i++) {
      const c = t[from + i]!;
      if (isWs(c)) {
        flush(i + from);
        if (escaping) {
          escapedWs = true;
          if (isNl(c)) {
            escapedWs = false;
            if (comment) {
              comment = false;
              start = true;
            }
          }
          continue;
        }
        if (found !== -1) {
          push(marker === -1 ? i : marker);
          marker = -1;
        }
        continue;
      }
      if (c === esc) {
        flush(i + from);
        const next = i + 1 < n ? t[from + i + 1]! : '';
        if (isBlank(next)) {
          for (let j = i + 2; j < n; j++) {
            const d = t[from + j];
            if (isBlank(d)) continue;
            if (isNl(d)) {
              if (d === '\r') j++;
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1) marker = i;
              i = j;
            } else {
              marker = i;
              if (found === -1) i = j - 1;
            }
            break;
          }
        } else if (next === '\r' || next === '\n') {
          comment = false;
          escaping = true;
          start = true;
          if (found !== -1 && marker === -1) marker = i;
          i += next === '\r' ? 2 : 1;
        } else {
          if (escapedWs && marker !== -1) push(marker);
          marker = -1;
          escapedWs = false;
          escaping = false;
          if (next === '') break;
          value += next === '$' ? c + next : next;
          if (found === -1) found = i;
          i++;
        }
        continue;
      }
      if (comment) continue;
      if (start && c === '#') {
        flush(i + from);
        comment = true;
      } else {
        if (escapedWs && marker !== -1) {
          flush(i + from);
          push(marker);
        }
        escapedWs = false;
        escaping = false;
        marker = -1;
        if (run === -1) run = i + from;
        if (found === -1) found = i;
        // The characters after it up to a blank, a line end or the escape are copied as they are (a `#` among
        // them too: only a `#` right after a continued line starts a comment).
        word.lastIndex = from + i + 1;
        if (word.test(t)) i = Math.min(word.lastIndex, to) - from - 1;
      }
      start = false;
    }
    flush(n + from);
    if (found !== -1) push(marker === -1 ? n : marker);
    return out;
  }

  /** dockerfile-ast's `getFlags` (and the argument shift of `getArguments` that goes with it). */
  private flags(keyword: string, args: readonly LexArgument[]): LexFlag[] {
    const stop = FLAG_STOP.get(keyword);
    if (!stop) return [];
    const t = this.text;
    const out: LexFlag[] = [];
    for (const a of args) {
      const value = a.value;
      if (stop(value)) break;
      if (!value.startsWith('--')) continue;
      const raw = t.slice(a.start, a.end);
      const nameIndex = value.indexOf('=');
      const index = raw.indexOf('=');
      let dashes = 0;
      let nameAt = -1;
      for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c === '\\' || isWs(c)) continue;
        if (c === '-' && dashes < 2) {
          dashes++;
          continue;
        }
        nameAt = i;
        break;
      }
      const nameStart = this.canon(a.start + nameAt);
      if (index === -1) {
        out.push({ name: value.substring(2), value: undefined, start: a.start, end: a.end, nameStart, nameEnd: a.end, valueStart: undefined, valueEnd: undefined });
      } else if (index === value.length - 1) {
        out.push({ name: value.substring(2, index), value: '', start: a.start, end: a.end, nameStart, nameEnd: this.canon(a.start + index), valueStart: a.end, valueEnd: a.end });
      } else {
        out.push({
          name: value.substring(2, nameIndex),
          value: value.substring(nameIndex + 1),
          start: a.start,
          end: a.end,
          nameStart,
          nameEnd: this.canon(a.start + index),
          valueStart: this.canon(a.start + index + 1),
          valueEnd: a.end,
        });
      }
    }
    return out;
  }
}

/** dockerfile-ast's `Util.parseHeredocName`: `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`. */
function heredocName(value: string): string | undefined {
  let v = value.slice(2);
  if (v[0] === '-') v = v.slice(1);
  if (v[0] === '"') {
    if (v[v.length - 1] !== '"') return undefined;
    v = v.slice(1, -1);
  }
  if (v[0] === "'") {
    if (v[v.length - 1] !== "'") return undefined;
    v = v.slice(1, -1);
  }
  return v[0] === '<' ? undefined : v;
}
