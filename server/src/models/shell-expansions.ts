// Where a shell text expands variables (`$NAME`, `${NAME…}`) and where a command begins: linear scans over shell text.

import { programIndex, shellCommands, type Command } from './shell-words.js';
import { memoByString } from '../core/memo.js';

export interface VarRef {
  readonly name: string;
  /** offsets of `$` and just past the name (or the closing `}`) in the scanned text. */
  readonly start: number;
  readonly end: number;
  /** inside double quotes (expanded as one word); false: unquoted (split into words and globbed). */
  readonly quoted: boolean;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Variable expansions in shell text that the shell performs: outside single quotes, not escaped. `$(…)` and backquote
 * bodies are scanned as they come (their expansions count); heredoc bodies are not told apart from commands.
 */
export function varRefs(text: string, from = 0, to = text.length): VarRef[] {
  const out: VarRef[] = [];
  let inDouble = false;
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'" && !inDouble) {
      const close = text.indexOf("'", i + 1);
      i = close === -1 || close >= to ? to : close + 1;
      continue;
    }
    if (c === '"') {
      inDouble = !inDouble;
      i++;
      continue;
    }
    if (c === '$') {
      const braced = text[i + 1] === '{';
      NAME.lastIndex = i + (braced ? 2 : 1);
      const m = NAME.exec(text);
      if (m && NAME.lastIndex <= to) {
        let end = NAME.lastIndex;
        if (braced) {
          const close = text.indexOf('}', end);
          end = close === -1 || close >= to ? end : close + 1;
        }
        out.push({ name: m[0], start: i, end, quoted: inDouble });
        i = end;
        continue;
      }
    }
    i++;
  }
  return out;
}

const COMMAND_WORDS = new Set(['eval', 'exec', 'then', 'do', 'else', 'elif', 'sudo', 'time', 'nohup', 'command', '!']);

/**
 * True when `offset` starts a command word: only blanks since the start of the line or a separator (`;`, `&`, `|`,
 * `(`, `` ` ``, `$(`), or after a word that runs what follows (`eval`, `then`, `sudo` …).
 */
export function atCommandStart(text: string, offset: number): boolean {
  let at = offset;
  // Each round steps back over one keyword; bounded so that a long run of them stays cheap.
  for (let round = 0; round < 8; round++) {
    let i = at - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    if (i < 0) return true;
    const c = text[i]!;
    if (c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === '`' || c === '{') return true;
    let w = i;
    while (w >= 0 && i - w < 8 && /[A-Za-z!]/.test(text[w]!)) w--;
    if (!COMMAND_WORDS.has(text.slice(w + 1, i + 1))) return false;
    at = w + 1;
  }
  return false;
}

export interface Heredoc {
  /** the delimiter word as written, quotes removed. */
  readonly delimiter: string;
  /** quoted delimiter (`<<'EOF'`, `<<"EOF"`, `<<\EOF`): the body is not expanded. */
  readonly quoted: boolean;
  /** offset of `<<` in the text. */
  readonly operator: number;
  /** the body, from the line after the operator's line up to the terminator line (excluded). */
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

const HEREDOC_OP = /<<(-?)[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|\\?([A-Za-z0-9_.-]+))/y;

/** Heredocs of a shell text (`<<<` here-strings excluded, `<<` inside quotes too); an unterminated one runs to the end. */
export function heredocs(text: string): Heredoc[] {
  const out: Heredoc[] = [];
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) break;
      i = nl;
      continue;
    }
    if (c !== '<' || text[i + 1] !== '<' || text[i + 2] === '<' || text[i - 1] === '<') continue;
    HEREDOC_OP.lastIndex = i;
    const m = HEREDOC_OP.exec(text);
    if (!m) continue;
    const delimiter = m[2] ?? m[3] ?? m[4]!;
    const dash = m[1] === '-';
    const lineEnd = text.indexOf('\n', i);
    if (lineEnd === -1) break;
    const bodyStart = lineEnd + 1;
    let bodyEnd = text.length;
    let next = text.length;
    for (let q = bodyStart; q < text.length; ) {
      let e = text.indexOf('\n', q);
      if (e === -1) e = text.length;
      let line = text.slice(q, e);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if ((dash ? line.replace(/^\t+/, '') : line).trim() === delimiter) {
        bodyEnd = q;
        next = e;
        break;
      }
      q = e + 1;
    }
    out.push({ delimiter, quoted: m[2] !== undefined || m[3] !== undefined || m[0].includes('\\'), operator: i, bodyStart, bodyEnd });
    // The rest of the operator's line is scanned on; the body is skipped (a second heredoc on one line is rare).
    const restOfLine = text.slice(i + m[0].length, lineEnd);
    if (!restOfLine.includes('<<')) i = next;
    else i += m[0].length - 1;
  }
  return out;
}

/** True when `offset` lies inside one of the heredoc bodies (sorted by position). */
export function inHeredocBody(bodies: readonly Heredoc[], offset: number): boolean {
  let lo = 0;
  let hi = bodies.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = bodies[mid]!;
    if (offset < b.bodyStart) hi = mid - 1;
    else if (offset >= b.bodyEnd) lo = mid + 1;
    else return true;
  }
  return false;
}

/** A command the shell runs (not heredoc body text), with the index of its program word. */
export interface RunCommand {
  readonly cmd: Command;
  readonly program: number;
}

/** Scripts remembered at most 256: several rules walk the same script's commands in one analysis. */
const runCommandsOf = memoByString(256, (text): readonly RunCommand[] => {
  const bodies = heredocs(text);
  const list: RunCommand[] = [];
  for (const cmd of shellCommands(text)) {
    const first = cmd[0];
    if (!first || inHeredocBody(bodies, first.range.start)) continue;
    const program = programIndex(cmd);
    if (program !== -1) list.push({ cmd, program });
  }
  return list;
});

/**
 * The commands of a shell script that the shell runs: heredoc bodies are data, and a command without a program word
 * (only assignments or redirections) is left out. Split once per script text whichever rule asks.
 */
export function runCommands(text: string): readonly RunCommand[] {
  return runCommandsOf(text);
}
