// A small parser for GitHub Actions expressions (`if:` conditions, `${{ }}` bodies): literals, contexts, calls, operators.

/** Offsets are into the parsed text (the inside of `${{ }}`, or a bare `if:`). */
export type ExprNode =
  | { readonly type: 'string'; readonly value: string; readonly start: number; readonly end: number }
  | { readonly type: 'number' | 'boolean' | 'null'; readonly raw: string; readonly start: number; readonly end: number }
  /** `github.event.issue.title`, `matrix['os']`, `steps.x.outputs.*`: `path` lower-cased, indexes as `.x` / `.*`. */
  | { readonly type: 'context'; readonly path: string; readonly start: number; readonly end: number }
  | { readonly type: 'call'; readonly name: string; readonly args: readonly ExprNode[]; readonly start: number; readonly end: number }
  /** a property or index read on something that is not a plain context (`fromJSON(x).y`, `(a || b).c`). */
  | { readonly type: 'member'; readonly object: ExprNode; readonly start: number; readonly end: number }
  | { readonly type: 'not'; readonly operand: ExprNode; readonly start: number; readonly end: number }
  | { readonly type: 'binary'; readonly op: BinaryOp; readonly left: ExprNode; readonly right: ExprNode; readonly start: number; readonly end: number };

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=';

interface Token {
  readonly kind: 'string' | 'number' | 'ident' | 'punct' | 'end';
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** decoded value of a string token. */
  readonly value?: string;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /[-+]?(?:0x[0-9A-Fa-f]+|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)/y;
const PUNCT2 = new Set(['==', '!=', '<=', '>=', '&&', '||']);
const PUNCT1 = new Set(['(', ')', '[', ']', '.', ',', '!', '<', '>', '*']);

/** Tokens of an expression, or undefined when it does not lex (an unterminated string, a stray character). */
function tokenize(text: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf("'", j);
        if (q === -1) return undefined;
        value += text.slice(j, q);
        if (text[q + 1] === "'") {
          value += "'";
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      out.push({ kind: 'string', text: text.slice(i, j), start: i, end: j, value });
      i = j;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (PUNCT2.has(two)) {
      out.push({ kind: 'punct', text: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    // A number only where an operand may start (so `a-1` stays one identifier, as GitHub lexes it).
    const prev = out[out.length - 1];
    const operandStart = !prev || (prev.kind === 'punct' && prev.text !== ')' && prev.text !== ']');
    if ((c >= '0' && c <= '9') || ((c === '-' || c === '+' || c === '.') && operandStart)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (m && m[0].length > 0 && (c !== '.' || operandStart)) {
        out.push({ kind: 'number', text: m[0], start: i, end: i + m[0].length });
        i += m[0].length;
        continue;
      }
    }
    IDENT.lastIndex = i;
    const id = IDENT.exec(text);
    if (id) {
      out.push({ kind: 'ident', text: id[0], start: i, end: i + id[0].length });
      i += id[0].length;
      continue;
    }
    if (PUNCT1.has(c)) {
      out.push({ kind: 'punct', text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    return undefined;
  }
  out.push({ kind: 'end', text: '', start: text.length, end: text.length });
  return out;
}

const MAX_DEPTH = 64;

class Parser {
  private i = 0;
  private depth = 0;

  constructor(private readonly toks: readonly Token[]) {}

  private peek(): Token {
    return this.toks[this.i]!;
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }

  private expect(text: string): Token {
    const t = this.peek();
    if (t.kind !== 'punct' || t.text !== text) throw new SyntaxError(`expected ${text}`);
    this.i++;
    return t;
  }

  parseAll(): ExprNode {
    const e = this.or();
    if (this.peek().kind !== 'end') throw new SyntaxError('trailing tokens');
    return e;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new SyntaxError('too deep');
  }

  private or(): ExprNode {
    let left = this.and();
    while (this.isPunct('||')) {
      this.i++;
      const right = this.and();
      left = { type: 'binary', op: '||', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private and(): ExprNode {
    let left = this.equality();
    while (this.isPunct('&&')) {
      this.i++;
      const right = this.equality();
      left = { type: 'binary', op: '&&', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private equality(): ExprNode {
    let left = this.comparison();
    while (this.isPunct('==') || this.isPunct('!=')) {
      const op = this.peek().text as BinaryOp;
      this.i++;
      const right = this.comparison();
      left = { type: 'binary', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private comparison(): ExprNode {
    let left = this.unary();
    while (this.isPunct('<') || this.isPunct('<=') || this.isPunct('>') || this.isPunct('>=')) {
      const op = this.peek().text as BinaryOp;
      this.i++;
      const right = this.unary();
      left = { type: 'binary', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private unary(): ExprNode {
    if (this.isPunct('!')) {
      const start = this.peek().start;
      this.i++;
      this.enter();
      const operand = this.unary();
      this.depth--;
      return { type: 'not', operand, start, end: operand.end };
    }
    return this.postfix();
  }

  private postfix(): ExprNode {
    let node = this.primary();
    let path = node.type === 'context' ? node.path : undefined;
    for (;;) {
      if (this.isPunct('.')) {
        this.i++;
        const t = this.peek();
        if (t.kind !== 'ident' && !(t.kind === 'punct' && t.text === '*')) throw new SyntaxError('expected a property');
        this.i++;
        if (path !== undefined) path += `.${t.text.toLowerCase()}`;
        node = path !== undefined ? { type: 'context', path, start: node.start, end: t.end } : { type: 'member', object: node, start: node.start, end: t.end };
        continue;
      }
      if (this.isPunct('[')) {
        this.i++;
        const t = this.peek();
        let seg = '*';
        if (t.kind === 'string') {
          seg = t.value!.toLowerCase();
          this.i++;
        } else if (t.kind === 'punct' && t.text === '*') this.i++;
        else {
          this.enter();
          this.or();
          this.depth--;
        }
        const close = this.expect(']');
        if (path !== undefined) path += `.${seg}`;
        node = path !== undefined ? { type: 'context', path, start: node.start, end: close.end } : { type: 'member', object: node, start: node.start, end: close.end };
        continue;
      }
      return node;
    }
  }

  private primary(): ExprNode {
    const t = this.peek();
    if (t.kind === 'string') {
      this.i++;
      return { type: 'string', value: t.value!, start: t.start, end: t.end };
    }
    if (t.kind === 'number') {
      this.i++;
      return { type: 'number', raw: t.text, start: t.start, end: t.end };
    }
    if (t.kind === 'punct' && t.text === '(') {
      this.i++;
      this.enter();
      const inner = this.or();
      this.depth--;
      this.expect(')');
      return inner;
    }
    if (t.kind === 'ident') {
      this.i++;
      const lower = t.text.toLowerCase();
      if (this.isPunct('(')) {
        this.i++;
        const args: ExprNode[] = [];
        this.enter();
        if (!this.isPunct(')')) {
          for (;;) {
            args.push(this.or());
            if (this.isPunct(',')) {
              this.i++;
              continue;
            }
            break;
          }
        }
        this.depth--;
        const close = this.expect(')');
        return { type: 'call', name: lower, args, start: t.start, end: close.end };
      }
      if (lower === 'true' || lower === 'false') return { type: 'boolean', raw: t.text, start: t.start, end: t.end };
      if (lower === 'null') return { type: 'null', raw: t.text, start: t.start, end: t.end };
      return { type: 'context', path: lower, start: t.start, end: t.end };
    }
    throw new SyntaxError('unexpected token');
  }
}

/** The syntax tree of an expression body, or undefined when it does not parse (half-typed, or not an expression). */
export function parseExpression(text: string): ExprNode | undefined {
  if (text.length > 20_000) return undefined;
  const toks = tokenize(text);
  if (!toks) return undefined;
  try {
    return new Parser(toks).parseAll();
  } catch {
    return undefined;
  }
}

/** Every node of a tree, parents before children. */
export function walkExpression(node: ExprNode, visit: (n: ExprNode) => void): void {
  const stack: ExprNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    visit(n);
    switch (n.type) {
      case 'call':
        for (let k = n.args.length - 1; k >= 0; k--) stack.push(n.args[k]!);
        break;
      case 'member':
        stack.push(n.object);
        break;
      case 'not':
        stack.push(n.operand);
        break;
      case 'binary':
        stack.push(n.right, n.left);
        break;
      default:
        break;
    }
  }
}

/** What an `if:` value is made of: a bare expression, one `${{ }}` fence, or text around or between fences. */
export type ConditionShape =
  | { readonly kind: 'bare'; readonly body: string; readonly offset: number }
  | { readonly kind: 'fenced'; readonly body: string; readonly offset: number }
  /** `${{ a }}\n`, `${{ a }} && ${{ b }}`: GitHub substitutes into a string, and any non-empty string is true. */
  | { readonly kind: 'template' };

/** The shape of an `if:` value; `offset` is where `body` starts in the value. */
export function conditionShape(value: string): ConditionShape {
  const open = value.indexOf('${{');
  if (open === -1) return { kind: 'bare', body: value, offset: 0 };
  const close = value.indexOf('}}', open + 3);
  if (close === -1) return { kind: 'bare', body: value, offset: 0 };
  const before = value.slice(0, open);
  const after = value.slice(close + 2);
  // GitHub trims nothing outside the fence: any other character makes the result a string.
  if (before === '' && after === '') return { kind: 'fenced', body: value.slice(open + 3, close), offset: open + 3 };
  return { kind: 'template' };
}
