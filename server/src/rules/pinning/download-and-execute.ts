// Scripts that download code and run it in one go (`curl … | sh`, `bash <(curl …)`): whatever the server sends runs, unverified.

import { defineRule } from '../define.js';

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash']);
/** Interpreters that run stdin only with no script argument, or with `-`. */
const INTERPRETERS = new Set(['python', 'python2', 'python3', 'perl', 'ruby', 'node', 'php']);

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly shown: string;
}

/** Whitespace, including a `\`-newline continuation (YAML `run: |` blocks keep them). */
function skipSpace(s: string, i: number): number {
  for (;;) {
    if (s[i] === ' ' || s[i] === '\t') i++;
    else if (s[i] === '\\' && (s[i + 1] === '\n' || (s[i + 1] === '\r' && s[i + 2] === '\n'))) i += s[i + 1] === '\r' ? 3 : 2;
    else return i;
  }
}

/** The end of the simple command starting at `i`: the next unquoted `|`, `;`, `&`, `)`, newline or `#` comment. */
function commandEnd(s: string, i: number): { end: number; pipe: boolean } {
  let quote: string | undefined;
  for (let j = i; j < s.length; j++) {
    const c = s[j]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') j++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '\\') j += s[j + 1] === '\r' ? 2 : 1;
    else if (c === '$' && s[j + 1] === '(') {
      // `$(URL)` (an Azure Pipelines macro, or a command substitution) is part of the word, not the end of the command.
      const close = substitutionEnd(s, j + 2);
      if (close === -1) return { end: j, pipe: false };
      j = close;
    } else if (c === '|') return { end: j, pipe: s[j + 1] !== '|' };
    else if (c === ';' || c === '&' || c === ')' || c === '\n' || c === '`') return { end: j, pipe: false };
  }
  return { end: s.length, pipe: false };
}

/** The offset of the `)` that closes a `$(` whose body starts at `i` (nested parentheses counted), or -1. */
function substitutionEnd(s: string, i: number): number {
  let depth = 1;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
    else if (c === '\n') return -1;
  }
  return -1;
}

/** After a pipe: `[sudo [-E|-u user]] [env VAR=x] sh|bash|… [-s …]`, or `python3 -` style. Returns the end of the program word. */
function runsStdin(s: string, i: number): number | undefined {
  const { end } = commandEnd(s, i);
  const tokens = [...s.slice(i, end).matchAll(/\S+/g)].filter((t) => t[0] !== '\\').map((t) => ({ text: t[0], end: i + t.index + t[0].length }));
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k]!.text;
    if (t === 'sudo' || t === 'env' || t === 'command' || t === 'exec' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) k++;
    else if (t.startsWith('-') && k > 0) k += t === '-u' || t === '-g' ? 2 : 1; // options of sudo/env
    else break;
  }
  const prog = tokens[k];
  if (!prog) return undefined;
  const base = prog.text.slice(prog.text.lastIndexOf('/') + 1);
  const next = tokens[k + 1]?.text;
  // `… | bash -c 'cat > x'` runs the -c text, not what was downloaded.
  if (SHELLS.has(base)) return next === '-c' ? undefined : prog.end;
  if (INTERPRETERS.has(base)) return next === undefined ? prog.end : next === '-' ? tokens[k + 1]!.end : undefined;
  return undefined;
}

/** Whether the downloader's output goes to stdout (the default for curl; `-O-` / `-O -` for wget). */
function toStdout(tool: string, args: string): boolean {
  if (tool === 'wget') return /(?:^|\s)-[A-Za-z]*O\s*-(?=\s|$)|--output-document[= ]-(?=\s|$)|-[A-Za-z]*O\s*\/dev\/stdout/.test(args);
  return !/(?:^|\s)(?:-[A-Za-z]*[oO](?!\s*-(?:\s|$))|--output(?![-=\s]*-(?:\s|$))|--remote-name)/.test(args);
}

/**
 * Whether an offset sits inside a quoted string of its line (so `echo "curl x | sh"` is text, not a command), asked
 * for increasing offsets: the scan resumes where the last question left it, so a line with a match every few
 * characters costs one pass instead of one pass per match.
 */
class QuoteTracker {
  private line = -1;
  private at = 0;
  private quote: string | undefined;

  constructor(private readonly s: string) {}

  insideQuotes(lineStart: number, i: number): boolean {
    const s = this.s;
    if (lineStart !== this.line) {
      this.line = lineStart;
      this.at = lineStart;
      this.quote = undefined;
    }
    let j = this.at;
    let quote = this.quote;
    for (; j < i; j++) {
      const c = s[j]!;
      if (quote) {
        if (c === quote) quote = undefined;
        else if (c === '\\' && quote === '"') j++;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '\\') j++;
    }
    this.at = j;
    this.quote = quote;
    return quote !== undefined;
  }
}

const DOWNLOADER = /\b(curl|wget)\b/g;

export function findDownloadAndExecute(s: string): Hit[] {
  const hits: Hit[] = [];
  const quotes = new QuoteTracker(s);
  // Each part of the script is scanned a bounded number of times, whatever the number of matches on a line:
  // the start of the match's line moves forward with the matches, the quote state resumes (QuoteTracker), and a
  // match inside the command of an earlier one is that command's argument (`curl … curl`), not a new command.
  let lineStart = 0;
  let nextNewline = s.indexOf('\n');
  let commandSpanEnd = -1;
  for (const m of s.matchAll(DOWNLOADER)) {
    const start = m.index;
    if (start < commandSpanEnd) continue;
    const tool = m[1]!;
    const before = s.slice(Math.max(0, start - 40), start);
    // A command position: line start, after an operator, `(`, `$(`, `<(`, `sudo`.
    if (!/(?:^|[\s;&|(`])$/.test(before) && before !== '') continue;
    while (nextNewline !== -1 && nextNewline < start) {
      lineStart = nextNewline + 1;
      nextNewline = s.indexOf('\n', lineStart);
    }
    const sub = /(\$\(|<\()\s*$/.exec(before);
    if (!sub && quotes.insideQuotes(lineStart, start)) continue;
    const { end, pipe } = commandEnd(s, start);
    commandSpanEnd = end;
    if (sub) {
      // `bash <(curl …)`, `source <(curl …)`, `sh -c "$(curl …)"`, `eval "$(curl …)"`
      const head = s.slice(Math.max(lineStart, start - 80), start - sub[0].length);
      // The runner may be a path (`/bin/bash`: its name follows a `/`) or after `sudo -E` (its name follows a space).
      const runner = sub[1] === '<('
        ? /(?:(?:^|[\s;&|(/])(?:sh|bash|zsh|dash|ksh)|(?:^|[\s;&|(])(?:source|\.))\s*$/.test(head)
        : /(?:(?:^|[\s;&|(/])(?:sh|bash|zsh|dash|ksh)\s+-c|(?:^|[\s;&|(])eval)\s*(?:["']\s*)?$/.test(head);
      if (runner && toStdout(tool, s.slice(start + tool.length, end))) hits.push({ start, end, shown: sub[1] === '<(' ? `<(${tool} …)` : `$(${tool} …)` });
      continue;
    }
    if (!pipe || !toStdout(tool, s.slice(start + tool.length, end))) continue;
    const runEnd = runsStdin(s, end + 1);
    if (runEnd === undefined) continue;
    const runner = s.slice(skipSpace(s, end + 1), runEnd).replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ');
    hits.push({ start, end: runEnd, shown: `${tool} … | ${runner}` });
  }
  return hits;
}

export default defineRule({
  id: 'download-and-execute',
  family: 'pinning',
  kinds: ['github-workflow', 'github-action', 'gitlab-ci', 'azure-pipelines', 'bitbucket-pipelines', 'circleci', 'dockerfile'],
  severity: 'medium',
  description: 'Script downloads code and runs it without verifying it (`curl … | sh`)',
  cwe: [494, 829],
  fix: 'none',
  check(ctx) {
    // Most files download nothing: skip building the scripts facet for them.
    if (!/curl|wget/.test(ctx.file.text)) return;
    for (const script of ctx.file.facets.scripts) {
      if (script.source === 'github-script') continue; // JavaScript, not shell
      for (const hit of findDownloadAndExecute(script.text)) {
        ctx.report({
          range: script.fileRange(hit.start, hit.end),
          message: `'${hit.shown}' downloads code and runs it straight away: whatever the server (or anyone who compromises it or the connection) returns at that moment runs with ${ctx.file.kind === 'dockerfile' ? 'the build\'s network access and secrets, and lands in the image' : 'this job\'s secrets and permissions'}, and the build cannot be reproduced. Download to a file, verify its checksum or signature, then run it — or use a pinned package, image or action.`,
        });
      }
    }
  },
});
