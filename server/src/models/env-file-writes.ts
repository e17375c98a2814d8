// Writes to the runner's command files ($GITHUB_ENV, $GITHUB_PATH, $GITHUB_OUTPUT) in bash, PowerShell and cmd scripts.

import { heredocs, inHeredocBody, type Heredoc } from './shell-expansions.js';
import { programIndex, shellCommands, type Command, type Word } from './shell-words.js';

export type EnvFile = 'GITHUB_ENV' | 'GITHUB_PATH' | 'GITHUB_OUTPUT';

/**
 * One line a write adds to the file, as far as the script shows it: `assign` (`NAME=value`, the author chose the
 * name), `heredoc-open` (`NAME<<DELIMITER`, a multi-line value follows until the delimiter), or `raw` (anything else:
 * a value that starts the line, or a program's output).
 */
export interface WrittenLine {
  /** offsets in the script of the text that produces the line. */
  readonly start: number;
  readonly end: number;
  readonly shape: 'assign' | 'heredoc-open' | 'raw';
  readonly name?: string;
  /** `heredoc-open`: the delimiter as written (it may be a `$variable`). */
  readonly delimiter?: string;
  /** the line is exactly a delimiter word (closes an open `NAME<<DELIMITER`). */
  readonly bare?: string;
  /** `$VAR` expansions happen in this text (false in a quoted heredoc). */
  readonly expands: boolean;
}

export interface EnvFileWrite {
  readonly file: EnvFile;
  /** offsets in the script of the whole writing statement. */
  readonly start: number;
  readonly end: number;
  readonly lines: readonly WrittenLine[];
  /** `echo "NAME=…" >> "$GITHUB_ENV"` alone on its line: a rewrite can keep the value text as it is. */
  readonly simple?: { readonly name: string; readonly valueStart: number; readonly valueEnd: number } | undefined;
}

const TARGET = /^\$\{?(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)\}?$/;
const REDIRECT = /^\d?>>?(.*)$/;
const ASSIGN = /^([A-Za-z_][A-Za-z0-9_-]*)=/;
const HEREDOC_OPEN = /^([A-Za-z_][A-Za-z0-9_-]*)<<(\S+)$/;
const FORMAT_ONLY = /^(?:%s|%b|\\n|\\r\\n)+$/;

/** The redirect or `tee` target of a command, with the indexes of the words that name it. */
function targetOf(cmd: Command): { file: EnvFile; words: Set<number> } | undefined {
  for (let k = 0; k < cmd.length; k++) {
    const m = REDIRECT.exec(cmd[k]!.value);
    if (!m) continue;
    const inline = m[1]!;
    const t = inline !== '' ? TARGET.exec(inline) : k + 1 < cmd.length ? TARGET.exec(cmd[k + 1]!.value) : null;
    if (t) return { file: t[1] as EnvFile, words: new Set(inline !== '' ? [k] : [k, k + 1]) };
  }
  const p = programIndex(cmd);
  if (p !== -1 && cmd[p]!.value === 'tee') {
    for (let k = p + 1; k < cmd.length; k++) {
      const t = TARGET.exec(cmd[k]!.value);
      if (t) return { file: t[1] as EnvFile, words: new Set([k]) };
    }
  }
  return undefined;
}

function shapeOf(value: string): Pick<WrittenLine, 'shape' | 'name' | 'delimiter'> {
  const h = HEREDOC_OPEN.exec(value);
  if (h) return { shape: 'heredoc-open', name: h[1]!, delimiter: h[2]! };
  const a = ASSIGN.exec(value);
  if (a) return { shape: 'assign', name: a[1]! };
  return { shape: 'raw' };
}

function line(words: readonly Word[], value: string, expands = true): WrittenLine {
  const start = words[0]!.range.start;
  const end = words[words.length - 1]!.range.end;
  const trimmed = value.trim();
  return { start, end, ...shapeOf(trimmed), ...(/^\S+$/.test(trimmed) ? { bare: trimmed } : {}), expands };
}

/** The lines a simple command prints, as far as echo/printf show them; another program's output is one opaque line. */
function printed(cmd: Command, skip: ReadonlySet<number>, body: Heredoc | undefined, text: string): WrittenLine[] {
  const words = cmd.filter((_w, k) => !skip.has(k));
  const p = programIndex(words);
  if (p === -1) return [];
  const prog = words[p]!.value;
  const args = words.slice(p + 1).filter((w) => !w.value.startsWith('<<'));
  if (body) return bodyLines(body, text);
  if (prog === 'echo') {
    let k = 0;
    while (k < args.length && /^-[neE]+$/.test(args[k]!.value)) k++;
    const rest = args.slice(k);
    return rest.length === 0 ? [] : [line(rest, rest.map((w) => w.value).join(' '))];
  }
  if (prog === 'printf') {
    const format = args[0];
    if (!format) return [];
    const rest = args.slice(1);
    if (FORMAT_ONLY.test(format.value) && rest.length > 0) {
      // `printf '%s\n' a b` prints each argument on its own line.
      return format.value.includes('\\n') ? rest.map((w) => line([w], w.value)) : [line(rest, rest.map((w) => w.value).join(''))];
    }
    return [line(args, format.value)];
  }
  // Another program (cat, jq, a script): what it prints is not visible here.
  const all = words.slice(p);
  return [{ start: all[0]!.range.start, end: all[all.length - 1]!.range.end, shape: 'raw', expands: true }];
}

function bodyLines(body: Heredoc, text: string): WrittenLine[] {
  const out: WrittenLine[] = [];
  let q = body.bodyStart;
  while (q < body.bodyEnd) {
    let e = text.indexOf('\n', q);
    if (e === -1 || e > body.bodyEnd) e = body.bodyEnd;
    const content = text.slice(q, e).replace(/\r$/, '');
    if (content.trim() !== '') {
      const lead = content.length - content.trimStart().length;
      const trimmed = content.trim();
      out.push({ start: q + lead, end: q + lead + trimmed.length, ...shapeOf(trimmed), ...(/^\S+$/.test(trimmed) ? { bare: trimmed } : {}), expands: !body.quoted });
    }
    q = e + 1;
  }
  return out;
}

/** The command starts right after a `|` (not `||`): it reads the previous command's output. */
function piped(text: string, cmd: Command): boolean {
  let i = cmd[0]!.range.start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '|' && text[i - 1] !== '|';
}

/** Compound commands whose output a redirect after their closing word captures, by that word. */
const OPENERS: Readonly<Record<string, string>> = { '}': '{', done: 'do', fi: 'if' };
/** How far back a closing word looks for its opener (commands), and `)` for its `(` (characters). */
const MAX_GROUP = 500;
const MAX_PAREN = 20_000;

/** Offset of the `(` that the `)` just before `at` closes, or -1. */
function openingParen(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  if (text[i] !== ')') return -1;
  let depth = 0;
  for (let k = i; k >= 0 && i - k < MAX_PAREN; k--) {
    if (text[k] === ')') depth++;
    else if (text[k] === '(') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

function heredocOf(cmd: Command, bodies: readonly Heredoc[]): Heredoc | undefined {
  const w = cmd.find((x) => x.value.startsWith('<<') && !x.value.startsWith('<<<'));
  if (!w) return undefined;
  return bodies.find((b) => b.operator >= w.range.start && b.operator < w.range.end + 2);
}

/** Writes in a bash or sh script (the text as the shell sees it). */
export function shellEnvFileWrites(text: string): EnvFileWrite[] {
  if (!/GITHUB_(?:ENV|PATH|OUTPUT)/.test(text)) return [];
  const cmds = shellCommands(text);
  const bodies = heredocs(text);
  const out: EnvFileWrite[] = [];
  for (let i = 0; i < cmds.length; i++) {
    const cmd = cmds[i]!;
    if (inHeredocBody(bodies, cmd[0]!.range.start)) continue;
    const target = targetOf(cmd);
    if (!target) continue;
    const body = heredocOf(cmd, bodies);
    const first = cmd.find((_w, k) => !target.words.has(k));
    const closer = first ? OPENERS[first.value] : undefined;
    let lines: WrittenLine[] = [];
    let start = cmd[0]!.range.start;
    let from = -1;
    if (closer) {
      // `{ …; } >> f`, `while …; do …; done >> f`, `if …; fi >> f`: every command back to the opener writes.
      let depth = 0;
      for (let j = i - 1; j >= 0 && i - j <= MAX_GROUP; j--) {
        const w0 = cmds[j]![0]!.value;
        if (w0 === first!.value) depth++;
        else if (w0 === closer) {
          if (depth === 0) {
            from = j;
            break;
          }
          depth--;
        }
      }
    } else if (!first) {
      // `( … ) >> f`
      const open = openingParen(text, cmd[0]!.range.start);
      if (open !== -1) for (let j = i - 1; j >= 0 && cmds[j]![0]!.range.start > open; j--) from = j;
    }
    if (from !== -1) {
      for (let k = from; k < i; k++) {
        const c = cmds[k]!;
        if (!inHeredocBody(bodies, c[0]!.range.start)) lines.push(...printed(c, new Set(), heredocOf(c, bodies), text));
      }
      start = cmds[from]![0]!.range.start;
    } else if (closer || !first) {
      // The opener is not found: what is written is not visible.
      lines = [{ start, end: cmd[cmd.length - 1]!.range.end, shape: 'raw', expands: true }];
    } else if (piped(text, cmd) && i > 0) {
      // `echo "X=$V" | tee -a "$GITHUB_ENV"`: the first command of the pipeline prints the lines.
      let j = i - 1;
      while (j > 0 && piped(text, cmds[j]!)) j--;
      lines = printed(cmds[j]!, new Set(), heredocOf(cmds[j]!, bodies), text);
      start = cmds[j]![0]!.range.start;
    } else {
      lines = printed(cmd, target.words, body, text);
    }
    const end = Math.max(cmd[cmd.length - 1]!.range.end, body?.bodyEnd ?? 0);
    out.push({ file: target.file, start, end, lines, simple: simpleEcho(text, cmd, target.words) });
  }
  return out;
}

/** `echo "NAME=value" >> "$GITHUB_ENV"` and nothing else on its line. */
function simpleEcho(text: string, cmd: Command, targetWords: ReadonlySet<number>): EnvFileWrite['simple'] {
  const rest = cmd.filter((_w, k) => !targetWords.has(k));
  if (rest.length !== 2 || rest[0]!.value !== 'echo') return undefined;
  const arg = rest[1]!;
  const raw = text.slice(arg.range.start, arg.range.end);
  const m = /^"([A-Za-z_][A-Za-z0-9_-]*)=/.exec(raw);
  if (!m || !raw.endsWith('"') || raw.length < m[0].length + 1) return undefined;
  // One double-quoted word: no other quote opens inside it.
  if (raw.slice(1, -1).replace(/\\./g, '').includes('"')) return undefined;
  const lineStart = text.lastIndexOf('\n', cmd[0]!.range.start - 1) + 1;
  const nl = text.indexOf('\n', cmd[cmd.length - 1]!.range.end);
  const lineEnd = nl === -1 ? text.length : nl;
  if (text.slice(lineStart, cmd[0]!.range.start).trim() !== '' || text.slice(cmd[cmd.length - 1]!.range.end, lineEnd).trim() !== '') return undefined;
  return { name: m[1]!, valueStart: arg.range.start + m[0].length, valueEnd: arg.range.end - 1 };
}

const PWSH_TARGET = /\$env:(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)\b/i;
const PWSH_WRITE = /(?:>>|\b(?:Out-File|Add-Content|Set-Content|Tee-Object)\b)/i;
const PWSH_STRING = /"([^"\n]*)"|'([^'\n]*)'/;
const CMD_TARGET = /%(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)%/i;

/** Writes in PowerShell (`"X=$v" >> $env:GITHUB_ENV`, `Add-Content`, `Out-File -Append` …) and cmd (`>> %GITHUB_ENV%`), line by line. */
export function pwshEnvFileWrites(text: string): EnvFileWrite[] {
  if (!/GITHUB_(?:ENV|PATH|OUTPUT)/i.test(text)) return [];
  const out: EnvFileWrite[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const start = at;
    at += raw.length + 1;
    if (raw.length > 4000) continue;
    const ps = PWSH_TARGET.exec(raw);
    const cmd = ps ? null : CMD_TARGET.exec(raw);
    const t = ps ?? cmd;
    if (!t || (ps && !PWSH_WRITE.test(raw)) || (cmd && !/>>?/.test(raw))) continue;
    const file = t[1]!.toUpperCase() as EnvFile;
    // The written text: the line without the target, e.g. `"NAME=$v"` or `echo NAME=%V%`.
    const payload = raw.slice(0, t.index) + ' '.repeat(t[0].length) + raw.slice(t.index + t[0].length);
    const s = PWSH_STRING.exec(payload);
    const literal = s ? (s[1] ?? s[2]!) : payload.replace(/^\s*(?:echo|Write-Output)\s+/i, '');
    const trimmed = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    out.push({
      file,
      start: start + lead,
      end: start + lead + trimmed.length,
      lines: [{ start: start + lead, end: start + lead + trimmed.length, ...shapeOf(literal.trim()), expands: !(s && s[2] !== undefined) }],
    });
  }
  return out;
}
