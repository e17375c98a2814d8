// A small, linear-time shell lexer: simple commands as words with file ranges, enough to spot programs and flags.

import type { Range } from '../core/types.js';

export interface Word {
  /** the word with quotes and escapes removed. */
  readonly value: string;
  /** where the word is in the text, quotes included. */
  readonly range: Range;
  /** contains a `$` expansion outside single quotes: its value is only known at run time. */
  readonly dynamic: boolean;
}

/** One simple command: the words between separators (`;`, `&&`, `||`, `|`, `&`, newlines, parentheses). */
export type Command = readonly Word[];

const SEPARATORS = new Set([';', '&', '|', '(', ')', '`', '\n']);
const BLANKS = new Set([' ', '\t', '\r', '\f', '\v']);
/** The ASCII characters with a special meaning to the lexer (every other character is part of a word as it is). */
const SPECIAL = new Uint8Array(128);
for (const c of '\\ \t\r\f\v\n;&|()`\'"$') SPECIAL[c.charCodeAt(0)] = 1;

/**
 * Splits text[start, end) into commands. A backslash before a line end (a Dockerfile or shell continuation) is
 * a blank; `#` at the start of a word starts a comment. Never throws, whatever the input. `mapRange`, when given,
 * turns each word's range in `text` into the range the word gets (see mappedCommands).
 */
export function shellCommands(text: string, start = 0, end = text.length, mapRange?: (start: number, end: number) => Range): Command[] {
  const commands: Command[] = [];
  let words: Word[] = [];
  let value = '';
  let wordStart = -1;
  let dynamic = false;
  const endWord = (at: number): void => {
    if (wordStart !== -1) words.push({ value, range: mapRange ? mapRange(wordStart, at) : { start: wordStart, end: at }, dynamic });
    value = '';
    wordStart = -1;
    dynamic = false;
  };
  const endCommand = (): void => {
    if (words.length > 0) commands.push(words);
    words = [];
  };
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n' || (next === '\r' && text[i + 2] === '\n')) {
        endWord(i);
        i += next === '\n' ? 2 : 3;
        continue;
      }
      if (wordStart === -1) wordStart = i;
      if (i + 1 < end) value += next;
      i += 2;
      continue;
    }
    if (BLANKS.has(c)) {
      endWord(i);
      i++;
      continue;
    }
    if (SEPARATORS.has(c)) {
      endWord(i);
      endCommand();
      i++;
      continue;
    }
    if (c === '#' && wordStart === -1) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 || nl > end ? end : nl;
      continue;
    }
    if (wordStart === -1) wordStart = i;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const stop = close === -1 || close >= end ? end : close;
      value += text.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < end && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < end) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        if (text[i] === '$') dynamic = true;
        value += text[i];
        i++;
      }
      i++;
      continue;
    }
    if (c === '$') {
      dynamic = true;
      value += c;
      i++;
      continue;
    }
    // A run of ordinary characters in one step: per-character concatenation is slow on long RUN lines. Found by a
    // loop, not a sticky regular expression: its match array per word was a fifth of the lexer's garbage.
    let stop = i + 1;
    for (let code = text.charCodeAt(stop); stop < end && (code >= 128 || SPECIAL[code] === 0); code = text.charCodeAt(++stop));
    value += text.slice(i, stop);
    i = stop;
  }
  endWord(Math.min(i, end));
  endCommand();
  return commands;
}

const KEYWORDS = ['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'time'];
/** Wrappers that run the next word as the program, with the options they take a value for. */
const WRAPPERS: readonly [string, ReadonlySet<string>][] = [
  ['sudo', new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-R', '-T', '-U', '--user', '--group'])],
  ['env', new Set(['-u', '-C', '-S', '--unset', '--chdir'])],
  ['exec', new Set(['-a'])],
  ['command', new Set<string>()],
  ['nohup', new Set<string>()],
];
/**
 * The words before a program that are not it, in one table (one lookup per word: rules ask for the program of every
 * command, several times each): a keyword (null), or a wrapper and the options it takes a value for.
 */
const NOT_PROGRAM: ReadonlyMap<string, ReadonlySet<string> | null> = new Map<string, ReadonlySet<string> | null>([...KEYWORDS.map((k) => [k, null] as const), ...WRAPPERS]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** A `NAME=value` word (a variable assignment before the program). */
export function isAssignment(word: string): boolean {
  return word.indexOf('=') > 0 && ASSIGNMENT.test(word);
}

/** Index of the program word of a command: after variable assignments, keywords and wrappers like `sudo`. */
export function programIndex(cmd: Command): number {
  let i = 0;
  while (i < cmd.length) {
    const w = cmd[i]!.value;
    const takesValue = NOT_PROGRAM.get(w);
    if (takesValue === null || (takesValue === undefined && isAssignment(w))) {
      i++;
      continue;
    }
    if (takesValue === undefined) return i;
    i++;
    while (i < cmd.length && cmd[i]!.value.startsWith('-')) {
      const opt = cmd[i]!.value;
      i += takesValue.has(opt) ? 2 : 1;
    }
  }
  return -1;
}

/** The program's base name (`/usr/bin/curl` → `curl`), or undefined. */
export function programName(cmd: Command): string | undefined {
  return programNameAt(cmd, programIndex(cmd));
}

/** The base name of the word at `at` (the command's programIndex, which a caller that needs both has already). */
export function programNameAt(cmd: Command, at: number): string | undefined {
  if (at === -1) return undefined;
  const w = cmd[at]!.value;
  return w.slice(w.lastIndexOf('/') + 1);
}

/** Commands of a script whose text is not the file's (YAML scalars): ranges mapped back with `fileRange`. */
export function mappedCommands(text: string, fileRange: (start: number, end: number) => Range): Command[] {
  // Mapped as each word is made: a copy of every word and command afterwards was a third of a long script's garbage.
  return shellCommands(text, 0, text.length, fileRange);
}
