// Conversions between UTF-16 offsets and zero-based line/character positions.

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Line-start table over a text; built once per document, O(log n) lookups. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      // Like LSP, a lone \r is a line end too.
      for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line]!;
  }

  /** End of the line's content, before its line end (`\r\n`, `\n` or `\r`). */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1]!;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  lineOf(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: o - this.starts[line]! };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line]!;
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1]! : this.text.length;
    return Math.max(start, Math.min(start + pos.character, next));
  }
}

/** Where the line holding `offset` starts (after the `\n` before it). */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line holding `offset` ends: its `\n`, or the end of the text. */
export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl;
}

/** `s` without its trailing run of `ch` (a loop: `/x+$/` retries every start of a long run of x, quadratic). */
export function trimTrailing(s: string, ch: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === ch) end--;
  return end === s.length ? s : s.slice(0, end);
}

let lastEolText: string | undefined;
let lastEol = '\n';

/**
 * The line break a fix should write into `text`: CRLF when the text has one, else LF. Fixes ask once per finding,
 * and a search of a 1 MB text without CR for every one of 50,000 findings was quadratic: the last answer is kept
 * (the same string object is compared by identity first, so a repeat costs nothing).
 */
export function lineBreakOf(text: string): string {
  if (text !== lastEolText) {
    lastEol = text.includes('\r\n') ? '\r\n' : '\n';
    lastEolText = text;
  }
  return lastEol;
}

/** `text.slice(start, end) === value`, without making the slice (hot in facet walks: once per YAML pair). */
export function sliceEquals(text: string, start: number, end: number, value: string): boolean {
  const len = text.length;
  // slice()'s own clamping: negative offsets count from the end, an end before the start is an empty slice.
  const s = start < 0 ? Math.max(len + start, 0) : Math.min(start, len);
  const e = end < 0 ? Math.max(len + end, 0) : Math.min(end, len);
  if (e <= s) return value === '';
  return e - s === value.length && text.startsWith(value, s);
}

/** `/\s/.test(ch)` for one UTF-16 unit, by its code (JavaScript's white space and line terminators). */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `s` matched literally inside a pattern (a key from the analysed file, a tool name from a table). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The edit that turns `before` into `after`: `[start, oldEnd)` of `before` became `[start, newEnd)` of `after`. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * The changed span between two texts (longest common prefix and suffix). Compared in blocks of 4096, 256, 16 and then
 * single characters: a block comparison runs in native code, a character loop over a 400 kB text took ~2 ms.
 */
export function textChange(before: string, after: string): TextChange {
  const min = Math.min(before.length, after.length);
  let start = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (start + block <= min && before.slice(start, start + block) === after.slice(start, start + block)) start += block;
  }
  let tail = 0;
  const b = before.length;
  const a = after.length;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (tail + block <= min - start && before.slice(b - tail - block, b - tail) === after.slice(a - tail - block, a - tail)) tail += block;
  }
  return { start, oldEnd: b - tail, newEnd: a - tail };
}
