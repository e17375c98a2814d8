// HCL2 (Terraform) parsing that never throws: blocks, attributes and expressions with UTF-16 ranges, comments, and
// parse errors; recovers from half-typed input so the intact blocks of a broken file still come out.

import type { ParseError, Range } from '../core/types.js';

// ---------------------------------------------------------------------------------------------------------------
// Syntax tree

export interface HclFile {
  readonly body: HclBody;
  readonly comments: readonly HclComment[];
  readonly errors: readonly ParseError[];
}

export interface HclComment {
  /** `#` and `//` run to the end of the line (line end excluded); `/* … *\/` may span lines. */
  readonly style: '#' | '//' | '/*';
  readonly range: Range;
}

export interface HclBody {
  /** attributes and blocks in source order. */
  readonly items: readonly (HclAttribute | HclBlock)[];
  readonly range: Range;
}

export interface HclAttribute {
  readonly kind: 'attribute';
  readonly name: string;
  readonly nameRange: Range;
  readonly value: HclExpr;
  /** from the name to the end of the value. */
  readonly range: Range;
}

export interface HclLabel {
  readonly value: string;
  /** the label as written, quotes included. */
  readonly range: Range;
}

export interface HclBlock {
  readonly kind: 'block';
  readonly type: string;
  readonly typeRange: Range;
  readonly labels: readonly HclLabel[];
  readonly body: HclBody;
  /** from the type to the closing brace (or to where the parser gave up, when it is missing). */
  readonly range: Range;
  /** false when the closing brace is missing (the file is being edited). */
  readonly closed: boolean;
}

export interface HclObjectItem {
  /** the key when it is an identifier or a literal string; undefined for a computed key. */
  readonly key: string | undefined;
  readonly keyExpr: HclExpr;
  readonly value: HclExpr;
  readonly range: Range;
}

/**
 * An expression. `string` (no interpolation), `number`, `bool`, `null`, and `tuple`/`object` of those are literals;
 * everything else depends on something only known when Terraform runs.
 */
export type HclExpr =
  | {
      readonly type: 'string';
      readonly range: Range;
      readonly value: string;
      /** the characters of the value in the file: inside the quotes, or the heredoc's lines. */
      readonly valueRange: Range;
      readonly heredoc: boolean;
    }
  | { readonly type: 'number'; readonly range: Range; readonly value: number }
  | { readonly type: 'bool'; readonly range: Range; readonly value: boolean }
  | { readonly type: 'null'; readonly range: Range }
  | { readonly type: 'tuple'; readonly range: Range; readonly items: readonly HclExpr[] }
  | { readonly type: 'object'; readonly range: Range; readonly items: readonly HclObjectItem[] }
  /** a quoted string or heredoc with `${…}` or `%{…}`. */
  | { readonly type: 'template'; readonly range: Range; readonly heredoc: boolean }
  /** `var.x`, `local.y`, `data.a.b.c`, `each.value`, `module.m.out[0]`, a bare identifier … */
  | { readonly type: 'reference'; readonly range: Range; readonly root: string }
  | { readonly type: 'call'; readonly range: Range; readonly name: string; readonly nameRange: Range; readonly args: readonly HclExpr[] }
  | { readonly type: 'for'; readonly range: Range }
  /** unary, binary and conditional operations, indexing and splats of other expressions, parentheses. */
  | { readonly type: 'operation'; readonly range: Range; readonly operands: readonly HclExpr[] }
  /** nothing parseable here (the user is typing). */
  | { readonly type: 'invalid'; readonly range: Range };

// ---------------------------------------------------------------------------------------------------------------
// Lexer

const enum T {
  Ident,
  Number,
  /** a quoted string, complete with its quotes (or up to the line end when unterminated). */
  String,
  Heredoc,
  Newline,
  Punct,
  EOF,
}

interface Token {
  readonly t: T;
  readonly start: number;
  readonly end: number;
  /** identifier name, punctuation text. */
  readonly text: string;
  /** first token on its line, at column 0. */
  readonly atLineStart: boolean;
  /** String/Heredoc: decoded value, or undefined when it is a template. */
  readonly value?: string | undefined;
  /** String/Heredoc: where the content sits. */
  readonly inner?: Range;
  readonly unterminated?: boolean;
}

/** Block types Terraform accepts at the top level: a line starting with one of these at column 0 starts a new block. */
const TOP_LEVEL = new Set(['resource', 'data', 'module', 'provider', 'variable', 'output', 'locals', 'terraform', 'moved', 'import', 'check', 'removed', 'ephemeral']);

const PUNCT3 = new Set(['...']);
const PUNCT2 = new Set(['==', '!=', '<=', '>=', '&&', '||', '=>', '::']);
const PUNCT1 = '{}[]()=<>!+-*/%?:.,;~&|^$@';

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}
function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57) || c === 45;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

class Lexer {
  readonly tokens: Token[] = [];
  readonly comments: HclComment[] = [];
  private pos = 0;
  private lineStart = true;
  /** heredoc markers with no closing line after the given offset. */
  private readonly noCloser = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly errors: ParseError[],
  ) {}

  run(): Token[] {
    const s = this.text;
    const n = s.length;
    while (this.pos < n) {
      const start = this.pos;
      const c = s.charCodeAt(start);
      const atLineStart = this.lineStart && this.isColumn0(start);
      if (c === 32 || c === 9 || c === 0xfeff) {
        this.pos++;
        continue;
      }
      if (c === 10 || c === 13) {
        this.pos += c === 13 && s.charCodeAt(start + 1) === 10 ? 2 : 1;
        this.push({ t: T.Newline, start, end: this.pos, text: '\n', atLineStart: false });
        this.lineStart = true;
        continue;
      }
      if (c === 35 || (c === 47 && s.charCodeAt(start + 1) === 47)) {
        this.pos = lineEnd(s, start);
        this.comments.push({ style: c === 35 ? '#' : '//', range: { start, end: this.pos } });
        continue;
      }
      if (c === 47 && s.charCodeAt(start + 1) === 42) {
        const close = s.indexOf('*/', start + 2);
        if (close === -1) {
          this.pos = n;
          this.error('Unterminated comment: `/*` has no closing `*/`', start, start + 2);
        } else this.pos = close + 2;
        this.comments.push({ style: '/*', range: { start, end: this.pos } });
        continue;
      }
      this.lineStart = false;
      if (isIdStart(c)) {
        let i = start + 1;
        while (i < n && isIdPart(s.charCodeAt(i))) i++;
        this.pos = i;
        this.push({ t: T.Ident, start, end: i, text: s.slice(start, i), atLineStart });
        continue;
      }
      if (isDigit(c)) {
        this.pos = this.number(start);
        this.push({ t: T.Number, start, end: this.pos, text: s.slice(start, this.pos), atLineStart });
        continue;
      }
      if (c === 34) {
        this.push(this.quoted(start, atLineStart));
        continue;
      }
      if (c === 60 && s.charCodeAt(start + 1) === 60 && /^<<-?[A-Za-z_][\w-]*[ \t]*\r?\n/.test(s.slice(start, start + 260))) {
        this.push(this.heredoc(start, atLineStart));
        continue;
      }
      const three = s.slice(start, start + 3);
      const two = s.slice(start, start + 2);
      const op = PUNCT3.has(three) ? three : PUNCT2.has(two) ? two : PUNCT1.includes(s[start]!) ? s[start]! : undefined;
      if (op !== undefined) {
        this.pos += op.length;
        this.push({ t: T.Punct, start, end: this.pos, text: op, atLineStart });
        continue;
      }
      // A character HCL does not use (or a lone surrogate): one error per run of them.
      let i = start + 1;
      while (i < n && isStray(s.charCodeAt(i))) i++;
      this.pos = i;
      this.error('Unexpected character: HCL does not use it outside strings and comments', start, i);
    }
    this.push({ t: T.EOF, start: n, end: n, text: '', atLineStart: false });
    return this.tokens;
  }

  private isColumn0(at: number): boolean {
    const p = this.text.charCodeAt(at - 1);
    return at === 0 || p === 10 || p === 13;
  }

  private push(tok: Token): void {
    this.tokens.push(tok);
  }

  private error(message: string, start: number, end: number): void {
    this.errors.push({ message, range: { start, end } });
  }

  private number(start: number): number {
    const s = this.text;
    let i = start;
    while (isDigit(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) === 46 && isDigit(s.charCodeAt(i + 1))) {
      i++;
      while (isDigit(s.charCodeAt(i))) i++;
    }
    const e = s.charCodeAt(i);
    if (e === 101 || e === 69) {
      let j = i + 1;
      if (s.charCodeAt(j) === 43 || s.charCodeAt(j) === 45) j++;
      if (isDigit(s.charCodeAt(j))) {
        while (isDigit(s.charCodeAt(j))) j++;
        i = j;
      }
    }
    return i;
  }

  /** A quoted string starting at `start`; a template when it holds `${` or `%{`. */
  private quoted(start: number, atLineStart: boolean): Token {
    const s = this.text;
    const scan = scanQuoted(s, start, true);
    let end = scan.end;
    const unterminated = scan.unterminated;
    if (unterminated) {
      // Unterminated: the string ends with its line, so the rest of the file still parses.
      end = lineEnd(s, start);
      this.error('Unterminated string: a closing `"` is missing', start, end);
    }
    this.pos = end;
    const inner = { start: start + 1, end: unterminated ? end : end - 1 };
    const template = scan.template && !unterminated;
    return {
      t: T.String,
      start,
      end,
      text: '"',
      atLineStart,
      value: template ? undefined : decodeQuoted(s.slice(inner.start, inner.end)),
      inner,
      unterminated,
    };
  }

  private heredoc(start: number, atLineStart: boolean): Token {
    const s = this.text;
    const header = /^<<(-?)([A-Za-z_][\w-]*)[ \t]*(\r?\n)/.exec(s.slice(start, start + 260))!;
    const indent = header[1] === '-';
    const marker = header[2]!;
    const bodyStart = start + header[0].length;
    let i = bodyStart;
    let bodyEnd = -1;
    let end = -1;
    let fallback = -1;
    // A search for this marker already ran to the end of the file from before here: it will not be found again.
    const hopeless = (this.noCloser.get(marker) ?? Infinity) <= bodyStart;
    while (i < s.length) {
      const le = lineEnd(s, i);
      const line = s.slice(i, le);
      if (hopeless) {
        if (startsTopLevelBlock(line)) {
          fallback = i;
          break;
        }
        i = nextLine(s, le);
        continue;
      }
      if (line.trim() === marker) {
        bodyEnd = i;
        end = i + line.trimEnd().length;
        break;
      }
      if (fallback === -1 && startsTopLevelBlock(line)) fallback = i;
      i = nextLine(s, le);
    }
    let unterminated = false;
    if (end === -1) {
      unterminated = true;
      if (!hopeless) this.noCloser.set(marker, bodyStart);
      // Mid-edit: end before the next top-level block rather than swallow the rest of the file.
      let stop = fallback === -1 ? s.length : fallback;
      // Leave the line break before that block to the lexer: it ends the attribute.
      if (stop > bodyStart && s.charCodeAt(stop - 1) === 10) stop--;
      if (stop > bodyStart && s.charCodeAt(stop - 1) === 13) stop--;
      bodyEnd = end = stop;
      this.error(`Unterminated heredoc: no line '${marker}' closes it`, start, start + 2 + (indent ? 1 : 0) + marker.length);
    }
    this.pos = end;
    const raw = s.slice(bodyStart, bodyEnd);
    const template = hasInterpolation(raw);
    return {
      t: T.Heredoc,
      start,
      end,
      text: '<<',
      atLineStart,
      value: template ? undefined : heredocValue(raw, indent),
      inner: { start: bodyStart, end: bodyEnd },
      unterminated,
    };
  }
}

function isStray(c: number): boolean {
  return !(c === 32 || c === 9 || c === 10 || c === 13 || c === 34 || c === 35 || isIdStart(c) || isDigit(c) || PUNCT1.includes(String.fromCharCode(c)));
}

function lineEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

function nextLine(s: string, le: number): number {
  if (s.charCodeAt(le) === 13 && s.charCodeAt(le + 1) === 10) return le + 2;
  return le + 1;
}

const TOP_LEVEL_LINE = /^([a-z]+)(?:[ \t]+(?:"[^"\r\n]*"|[A-Za-z_][\w-]*))*[ \t]*\{/;
function startsTopLevelBlock(line: string): boolean {
  const m = TOP_LEVEL_LINE.exec(line.length > 300 ? line.slice(0, 300) : line);
  return m !== null && TOP_LEVEL.has(m[1]!);
}

/**
 * Scans a quoted string from its opening quote: where it ends (after the closing quote) and whether it holds
 * template sequences. Interpolations may contain nested strings and braces, and may span lines.
 */
function scanQuoted(s: string, start: number, allowNewline: boolean, depth = 0): { end: number; unterminated: boolean; template: boolean } {
  let i = start + 1;
  let template = false;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 34) return { end: i + 1, unterminated: false, template };
    if (c === 10 || c === 13) return { end: i, unterminated: true, template };
    if (c === 92) {
      i += 2;
      continue;
    }
    if ((c === 36 || c === 37) && s.charCodeAt(i + 1) === 123) {
      // `$${` and `%%{` are escapes for a literal `${` / `%{`.
      if (s.charCodeAt(i - 1) === c && i - 1 > start && s.charCodeAt(i - 2) !== c) {
        i += 2;
        continue;
      }
      template = true;
      const close = depth >= MAX_DEPTH ? -1 : scanInterpolation(s, i + 2, allowNewline, depth + 1);
      if (close === -1) return { end: s.length, unterminated: true, template };
      i = close;
      continue;
    }
    i++;
  }
  return { end: s.length, unterminated: true, template };
}

const MAX_INTERPOLATION = 20_000;

/** From just inside `${`: the offset after the matching `}`, or -1. Bounded by one pass over the text. */
function scanInterpolation(s: string, from: number, allowNewline: boolean, nesting: number): number {
  let depth = 0;
  let i = from;
  // An interpolation may span lines, but not pages: an unclosed one must not make every later string rescan the file.
  const limit = Math.min(s.length, from + MAX_INTERPOLATION);
  while (i < limit) {
    const c = s.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125) {
      if (depth === 0) return i + 1;
      depth--;
    } else if (c === 34) {
      const q = scanQuoted(s, i, allowNewline, nesting);
      if (q.unterminated) return -1;
      i = q.end;
      continue;
    } else if ((c === 10 || c === 13) && !allowNewline) return -1;
    i++;
  }
  return -1;
}

function hasInterpolation(raw: string): boolean {
  for (let i = raw.indexOf('{'); i !== -1; i = raw.indexOf('{', i + 1)) {
    const p = raw.charCodeAt(i - 1);
    if ((p === 36 || p === 37) && raw.charCodeAt(i - 2) !== p) return true;
  }
  return false;
}

function decodeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('${') && !raw.includes('%{')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      const e = raw[++i]!;
      if (e === 'n') out += '\n';
      else if (e === 't') out += '\t';
      else if (e === 'r') out += '\r';
      else if (e === 'u' || e === 'U') {
        const len = e === 'u' ? 4 : 8;
        const hex = raw.slice(i + 1, i + 1 + len);
        const cp = /^[0-9A-Fa-f]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
        if (!Number.isNaN(cp) && cp <= 0x10ffff) {
          out += String.fromCodePoint(cp);
          i += len;
        } else out += e;
      } else out += e;
    } else if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
      out += `${ch}{`;
      i += 2;
    } else out += ch;
  }
  return out;
}

function heredocValue(raw: string, indent: boolean): string {
  const text = raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  if (!indent) return text;
  const lines = text.split(/(?<=\n)/);
  let min = Infinity;
  for (const l of lines) {
    if (l.trim() === '') continue;
    min = Math.min(min, /^[ \t]*/.exec(l)![0].length);
  }
  if (min === Infinity || min === 0) return text;
  return lines.map((l) => l.slice(Math.min(min, /^[ \t]*/.exec(l)![0].length))).join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Parser

const BINARY: Readonly<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

const OPEN_CLOSE: Readonly<Record<string, string>> = { '{': '}', '[': ']', '(': ')' };

/** Nesting deeper than this is not real Terraform; stop descending so a pathological file cannot overflow the stack. */
const MAX_DEPTH = 200;

class Parser {
  private i = 0;
  /** > 0 inside brackets and parentheses, where line ends do not end an expression. */
  private skipNewlines = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly errors: ParseError[],
    private readonly text: string,
  ) {}

  private get textLength(): number {
    return this.text.length;
  }

  parseFile(): HclBody {
    return this.body(undefined);
  }

  // --- token access

  private peek(): Token {
    if (this.skipNewlines > 0) while (this.tokens[this.i]!.t === T.Newline) this.i++;
    return this.tokens[this.i]!;
  }

  private next(): Token {
    const tok = this.peek();
    if (tok.t !== T.EOF) this.i++;
    return tok;
  }

  private lookahead(k: number): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)]!;
  }

  private isPunct(tok: Token, text: string): boolean {
    return tok.t === T.Punct && tok.text === text;
  }

  private prevEnd(): number {
    for (let j = this.i - 1; j >= 0; j--) if (this.tokens[j]!.t !== T.Newline) return this.tokens[j]!.end;
    return 0;
  }

  private error(message: string, start: number, end: number): void {
    // One error per position: recovery may pass the same spot more than once.
    const last = this.errors[this.errors.length - 1];
    if (last && last.range.start === start) return;
    this.errors.push({ message, range: { start, end: Math.max(start, Math.min(end, this.textLength)) } });
  }

  /** A line that starts at column 0 with `resource "…"`, `module "…" {`, `locals {` … : a new top-level block. */
  private atTopLevelStart(): boolean {
    const tok = this.tokens[this.i]!;
    if (tok.t !== T.Ident || !tok.atLineStart || !TOP_LEVEL.has(tok.text)) return false;
    for (let k = 1; k < 8; k++) {
      const t = this.lookahead(k);
      if (this.isPunct(t, '{')) return true;
      if (t.t !== T.String && t.t !== T.Ident) return false;
    }
    return false;
  }

  /** Skips to the end of the line, stepping over balanced brackets that open on it; stops before `}` that would close a block. */
  private skipLine(): void {
    let depth = 0;
    for (;;) {
      const tok = this.tokens[this.i]!;
      if (tok.t === T.EOF) return;
      if (tok.t === T.Newline && depth === 0) return;
      if (tok.t === T.Punct) {
        if (tok.text in OPEN_CLOSE) depth++;
        else if (tok.text === '}' || tok.text === ']' || tok.text === ')') {
          if (depth === 0) return;
          depth--;
        }
      }
      if (depth > 0 && tok.atLineStart && this.atTopLevelStart()) return;
      this.i++;
    }
  }

  // --- bodies and blocks

  /** Items until `}` (nested) or the end of the file (top level, `owner` undefined). */
  private body(owner: Token | undefined): HclBody {
    const saved = this.skipNewlines;
    this.skipNewlines = 0;
    const items: (HclAttribute | HclBlock)[] = [];
    const start = owner ? owner.end : 0;
    for (;;) {
      const tok = this.peek();
      if (tok.t === T.Newline || (tok.t === T.Punct && tok.text === ';')) {
        this.i++;
        continue;
      }
      if (tok.t === T.EOF) break;
      if (this.isPunct(tok, '}')) {
        if (owner) break;
        this.error('Unexpected `}`: no block is open here', tok.start, tok.end);
        this.i++;
        continue;
      }
      if (owner && this.atTopLevelStart()) break;
      const item = this.item();
      if (item) items.push(item);
    }
    this.skipNewlines = saved;
    return { items, range: { start, end: Math.max(start, this.peek().t === T.EOF ? this.textLength : this.peek().start) } };
  }

  private item(): HclAttribute | HclBlock | undefined {
    const first = this.peek();
    if (first.t !== T.Ident) {
      this.error(first.t === T.String ? 'Expected an attribute name or block type, not a string' : 'Expected an attribute name or block type', first.start, first.end);
      this.i++;
      this.skipLine();
      return undefined;
    }
    const second = this.lookahead(1);
    if (this.isPunct(second, '=')) return this.attribute(first);
    if (this.isPunct(second, '{') || second.t === T.String || second.t === T.Ident) return this.block(first);
    // `name` alone on a line, `name:`, `name =` missing: the user is typing.
    this.error("Expected '=' after this name for an attribute, or labels and '{' for a block", first.start, first.end);
    this.i++;
    this.skipLine();
    return undefined;
  }

  private attribute(name: Token): HclAttribute {
    this.i += 2; // name, '='
    const value = this.expression();
    const after = this.peek();
    if (after.t !== T.Newline && after.t !== T.EOF && !this.isPunct(after, '}') && !this.isPunct(after, ';')) {
      this.error('Unexpected text after the attribute value: an attribute ends at the end of its line', after.start, after.end);
      this.skipLine();
    }
    return { kind: 'attribute', name: name.text, nameRange: range(name), value, range: { start: name.start, end: Math.max(value.range.end, name.end) } };
  }

  private block(type: Token): HclBlock {
    this.i++;
    const labels: HclLabel[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t === T.String) {
        this.i++;
        labels.push({ value: tok.value ?? this.textOf(tok.inner!), range: range(tok) });
      } else if (tok.t === T.Ident) {
        this.i++;
        labels.push({ value: tok.text, range: range(tok) });
      } else break;
    }
    const open = this.peek();
    if (!this.isPunct(open, '{')) {
      this.error(`Expected '{' to open the '${type.text}' block`, open.start, open.end);
      this.skipLine();
      const end = this.prevEnd();
      return { kind: 'block', type: type.text, typeRange: range(type), labels, body: { items: [], range: { start: end, end } }, range: { start: type.start, end }, closed: false };
    }
    this.i++;
    if (this.depth >= MAX_DEPTH) {
      this.error('Blocks nested too deeply', open.start, open.end);
      this.skipBalanced('{');
      const end = this.prevEnd();
      return { kind: 'block', type: type.text, typeRange: range(type), labels, body: { items: [], range: { start: open.end, end } }, range: { start: type.start, end }, closed: true };
    }
    this.depth++;
    const body = this.body(open);
    this.depth--;
    const close = this.peek();
    let closed = false;
    let end: number;
    if (this.isPunct(close, '}')) {
      this.i++;
      closed = true;
      end = close.end;
    } else {
      end = Math.max(open.end, this.prevEnd());
      this.error(`The '${type.text}' block is not closed: a '}' is missing`, type.start, open.end);
    }
    return { kind: 'block', type: type.text, typeRange: range(type), labels, body, range: { start: type.start, end }, closed };
  }

  /** Skips to after the bracket matching the one just consumed (or the end of the file). */
  private skipBalanced(open: string): void {
    const stack = [OPEN_CLOSE[open]!];
    while (stack.length > 0) {
      const tok = this.tokens[this.i]!;
      if (tok.t === T.EOF) return;
      this.i++;
      if (tok.t !== T.Punct) continue;
      if (tok.text in OPEN_CLOSE) stack.push(OPEN_CLOSE[tok.text]!);
      else if (tok.text === stack[stack.length - 1]) stack.pop();
    }
  }

  private textOf(r: Range): string {
    return this.text.slice(r.start, r.end);
  }

  // --- expressions

  private expression(): HclExpr {
    if (this.depth >= MAX_DEPTH) {
      const tok = this.peek();
      this.error('Expression nested too deeply', tok.start, tok.end);
      this.skipLine();
      return { type: 'invalid', range: { start: tok.start, end: this.prevEnd() } };
    }
    this.depth++;
    try {
      const cond = this.binary(0);
      const q = this.peek();
      if (!this.isPunct(q, '?')) return cond;
      this.i++;
      const yes = this.expression();
      const colon = this.peek();
      if (!this.isPunct(colon, ':')) {
        this.error("Expected ':' in the conditional expression", colon.start, colon.end);
        return { type: 'operation', range: { start: cond.range.start, end: yes.range.end }, operands: [cond, yes] };
      }
      this.i++;
      const no = this.expression();
      return { type: 'operation', range: { start: cond.range.start, end: no.range.end }, operands: [cond, yes, no] };
    } finally {
      this.depth--;
    }
  }

  private binary(minPrec: number): HclExpr {
    let left = this.unary();
    for (;;) {
      const op = this.peek();
      const prec = op.t === T.Punct ? BINARY[op.text] : undefined;
      if (prec === undefined || prec <= minPrec) return left;
      this.i++;
      const right = this.binary(prec);
      left = { type: 'operation', range: { start: left.range.start, end: Math.max(right.range.end, op.end) }, operands: [left, right] };
    }
  }

  private unary(): HclExpr {
    const tok = this.peek();
    if (this.isPunct(tok, '!') || this.isPunct(tok, '-')) {
      this.i++;
      const operand = this.unary();
      if (this.isPunct(tok, '-') && operand.type === 'number') {
        return { type: 'number', range: { start: tok.start, end: operand.range.end }, value: -operand.value };
      }
      return { type: 'operation', range: { start: tok.start, end: Math.max(tok.end, operand.range.end) }, operands: [operand] };
    }
    return this.postfix(this.primary());
  }

  /** Attribute access, indexing and splats: the result depends on run time unless it indexes nothing known. */
  private postfix(base: HclExpr): HclExpr {
    let expr = base;
    for (;;) {
      const tok = this.peek();
      if (this.isPunct(tok, '.')) {
        const name = this.lookahead(1);
        if (name.t === T.Ident || name.t === T.Number || this.isPunct(name, '*')) {
          this.i += 2;
          expr = this.extend(expr, name.end);
          continue;
        }
        this.error('Expected an attribute name after `.`', tok.start, tok.end);
        this.i++;
        return this.extend(expr, tok.end);
      }
      // An index must follow directly: `a [0]` on the next line is not an index, but HCL allows spaces.
      if (this.isPunct(tok, '[')) {
        this.i++;
        this.skipNewlines++;
        if (this.isPunct(this.peek(), '*')) this.i++;
        else this.expression();
        const close = this.peek();
        this.skipNewlines--;
        if (this.isPunct(close, ']')) {
          this.i++;
          expr = this.extend(expr, close.end);
        } else {
          this.error("Expected ']' to close the index", close.start, close.end);
          return this.extend(expr, this.prevEnd());
        }
        continue;
      }
      return expr;
    }
  }

  private extend(expr: HclExpr, end: number): HclExpr {
    const r = { start: expr.range.start, end };
    if (expr.type === 'reference') return { type: 'reference', range: r, root: expr.root };
    return { type: 'operation', range: r, operands: [expr] };
  }

  private primary(): HclExpr {
    const tok = this.peek();
    switch (tok.t) {
      case T.Number:
        this.i++;
        return { type: 'number', range: range(tok), value: Number(tok.text) };
      case T.String:
      case T.Heredoc:
        this.i++;
        if (tok.value === undefined) return { type: 'template', range: range(tok), heredoc: tok.t === T.Heredoc };
        return { type: 'string', range: range(tok), value: tok.value, valueRange: tok.inner!, heredoc: tok.t === T.Heredoc };
      case T.Ident:
        return this.identifier(tok);
      case T.Punct:
        if (tok.text === '[') return this.tuple(tok);
        if (tok.text === '{') return this.object(tok);
        if (tok.text === '(') return this.paren(tok);
        break;
      default:
        break;
    }
    this.error(tok.t === T.Newline || tok.t === T.EOF ? 'Expected a value' : `Expected a value, not '${tok.text}'`, tok.start, tok.t === T.Newline ? tok.start : tok.end);
    return { type: 'invalid', range: { start: tok.start, end: tok.start } };
  }

  private identifier(tok: Token): HclExpr {
    this.i++;
    if (tok.text === 'true' || tok.text === 'false') return { type: 'bool', range: range(tok), value: tok.text === 'true' };
    if (tok.text === 'null') return { type: 'null', range: range(tok) };
    let nameEnd = tok.end;
    // Provider-defined functions: `provider::aws::arn_parse(…)`.
    while (this.isPunct(this.tokens[this.i]!, '::') && this.tokens[this.i + 1]?.t === T.Ident) {
      nameEnd = this.tokens[this.i + 1]!.end;
      this.i += 2;
    }
    if (this.isPunct(this.tokens[this.i]!, '(')) {
      const open = this.tokens[this.i]!;
      this.i++;
      const { items, end } = this.sequence(open, ')', true);
      return { type: 'call', range: { start: tok.start, end }, name: tok.text, nameRange: { start: tok.start, end: nameEnd }, args: items };
    }
    return { type: 'reference', range: range(tok), root: tok.text };
  }

  private paren(open: Token): HclExpr {
    this.i++;
    this.skipNewlines++;
    const inner = this.expression();
    const close = this.peek();
    this.skipNewlines--;
    if (this.isPunct(close, ')')) {
      this.i++;
      return { type: 'operation', range: { start: open.start, end: close.end }, operands: [inner] };
    }
    this.error("Expected ')'", close.start, close.end);
    return { type: 'operation', range: { start: open.start, end: Math.max(open.end, inner.range.end) }, operands: [inner] };
  }

  private tuple(open: Token): HclExpr {
    this.i++;
    if (this.isForAhead()) return this.forExpr(open, ']');
    const { items, end } = this.sequence(open, ']', false);
    return { type: 'tuple', range: { start: open.start, end }, items };
  }

  private isForAhead(): boolean {
    let k = this.i;
    while (this.tokens[k]!.t === T.Newline) k++;
    const t = this.tokens[k]!;
    const n = this.tokens[k + 1]!;
    return t.t === T.Ident && t.text === 'for' && n.t === T.Ident;
  }

  private forExpr(open: Token, close: string): HclExpr {
    this.skipBalanced(open.text);
    const last = this.tokens[this.i - 1]!;
    if (!(last.t === T.Punct && last.text === close)) this.error(`Expected '${close}' to close the for expression`, open.start, open.end);
    return { type: 'for', range: { start: open.start, end: this.prevEnd() } };
  }

  /** Comma-separated expressions up to `close` (tuples, call arguments); `...` may end call arguments. */
  private sequence(open: Token, close: string, call: boolean): { items: HclExpr[]; end: number } {
    this.skipNewlines++;
    const items: HclExpr[] = [];
    let end = open.end;
    for (;;) {
      const tok = this.peek();
      if (this.isPunct(tok, close)) {
        this.i++;
        end = tok.end;
        break;
      }
      if (tok.t === T.EOF || this.isPunct(tok, '}') || (tok.atLineStart && this.atTopLevelStart())) {
        this.error(`Expected '${close}': the '${open.text}' here is not closed`, open.start, open.end);
        end = this.prevEnd();
        break;
      }
      const before = this.i;
      const item = this.expression();
      if (item.type !== 'invalid') items.push(item);
      const sep = this.peek();
      if (this.isPunct(sep, ',')) this.i++;
      else if (call && this.isPunct(sep, '...')) this.i++;
      else if (!this.isPunct(sep, close)) {
        if (this.i === before) this.i++; // nothing consumed: step over the bad token
        else this.error(`Expected ',' or '${close}'`, sep.start, sep.end);
      }
    }
    this.skipNewlines--;
    return { items, end: Math.max(end, open.end) };
  }

  private object(open: Token): HclExpr {
    this.i++;
    if (this.isForAhead()) return this.forExpr(open, '}');
    this.skipNewlines++;
    const items: HclObjectItem[] = [];
    let end = open.end;
    for (;;) {
      const tok = this.peek();
      if (this.isPunct(tok, '}')) {
        this.i++;
        end = tok.end;
        break;
      }
      if (tok.t === T.EOF || (tok.atLineStart && this.atTopLevelStart())) {
        this.error("Expected '}': the object here is not closed", open.start, open.end);
        end = this.prevEnd();
        break;
      }
      if (this.isPunct(tok, ',')) {
        this.i++;
        continue;
      }
      const before = this.i;
      const keyExpr = this.expression();
      const eq = this.peek();
      if (this.isPunct(eq, '=') || this.isPunct(eq, ':')) {
        this.i++;
        const value = this.expression();
        items.push({ key: objectKey(keyExpr, this.tokens, before), keyExpr, value, range: { start: keyExpr.range.start, end: Math.max(value.range.end, eq.end) } });
      } else {
        this.error("Expected '=' after the object key", eq.start, eq.end);
        if (this.i === before) this.i++;
        else this.skipObjectItem();
      }
    }
    this.skipNewlines--;
    return { type: 'object', range: { start: open.start, end: Math.max(end, open.end) }, items };
  }

  /** After a broken object item: on to the next line (or `,`), staying inside the object. */
  private skipObjectItem(): void {
    let depth = 0;
    for (;;) {
      const tok = this.tokens[this.i]!;
      if (tok.t === T.EOF) return;
      if (depth === 0 && (tok.t === T.Newline || this.isPunct(tok, ',') || this.isPunct(tok, '}'))) return;
      if (tok.atLineStart && this.atTopLevelStart()) return;
      if (tok.t === T.Punct) {
        if (tok.text in OPEN_CLOSE) depth++;
        else if ((tok.text === '}' || tok.text === ']' || tok.text === ')') && depth > 0) depth--;
      }
      this.i++;
    }
  }
}

function objectKey(key: HclExpr, tokens: readonly Token[], at: number): string | undefined {
  if (key.type === 'string') return key.value;
  const tok = tokens[at];
  if (key.type === 'reference' && tok && tok.end === key.range.end) return tok.text;
  if (key.type === 'bool' || key.type === 'null') return tok?.text;
  return undefined;
}

function range(tok: Token): Range {
  return { start: tok.start, end: tok.end };
}

/** Parses HCL2 text. Never throws: a parser bug becomes one parse error and an empty body. */
export function parseHcl(text: string): HclFile {
  const errors: ParseError[] = [];
  try {
    const lexer = new Lexer(text, errors);
    const tokens = lexer.run();
    const body = new Parser(tokens, errors, text).parseFile();
    errors.sort((a, b) => a.range.start - b.range.start);
    return { body, comments: lexer.comments, errors };
  } catch (e) {
    return {
      body: { items: [], range: { start: 0, end: text.length } },
      comments: [],
      errors: [{ message: `HCL parser failed: ${e instanceof Error ? e.message : String(e)}`, range: { start: 0, end: 0 } }],
    };
  }
}
