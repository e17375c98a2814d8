// Where a span sits in shell or JavaScript text: unquoted, inside quotes, a heredoc or a comment (linear scans).

export type ShellContext = 'plain' | 'double' | 'single' | 'ansi' | 'heredoc' | 'heredoc-quoted' | 'comment' | 'unknown';

interface Span {
  readonly start: number;
  readonly end: number;
}

type Frame = { kind: 'plain'; depth: number; close: ')' | '`' | '' } | { kind: 'double' };

const HEREDOC = /^<<(-?)[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|\\?([A-Za-z0-9_.-]+))/;

/**
 * The shell context of each span (sorted, non-overlapping), treating the spans themselves as opaque word text.
 * Returns `unknown` for every span when the text does not scan cleanly (unterminated quotes, `$(`, heredocs).
 */
export function shellContexts(text: string, spans: readonly Span[]): ShellContext[] {
  const out: ShellContext[] = spans.map(() => 'unknown');
  const stack: Frame[] = [{ kind: 'plain', depth: 0, close: '' }];
  const pending: { delim: string; quoted: boolean; dash: boolean }[] = [];
  let si = 0;
  let i = 0;
  const n = text.length;
  /** marks spans starting in [from, to) with ctx */
  const mark = (from: number, to: number, ctx: ShellContext): void => {
    while (si < spans.length && spans[si]!.start < to) {
      if (spans[si]!.start >= from) out[si] = ctx;
      si++;
    }
  };
  const wordStart = (k: number): boolean => k === 0 || /[\s;&|()]/.test(text[k - 1]!);
  while (i < n) {
    // Spans are opaque: record the current context and skip them.
    if (si < spans.length && spans[si]!.start === i) {
      const top = stack[stack.length - 1]!;
      out[si] = top.kind === 'double' ? 'double' : 'plain';
      i = spans[si]!.end;
      si++;
      continue;
    }
    const c = text[i]!;
    const top = stack[stack.length - 1]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (top.kind === 'double') {
      if (c === '"') stack.pop();
      else if (c === '$' && text[i + 1] === '(') {
        stack.push({ kind: 'plain', depth: 0, close: ')' });
        i++;
      } else if (c === '`') stack.push({ kind: 'plain', depth: 0, close: '`' });
      i++;
      continue;
    }
    // plain
    if (c === '\n' && pending.length > 0) {
      // Heredoc bodies start on the next line.
      let p = i + 1;
      for (const h of pending) {
        const bodyStart = p;
        let found = false;
        let q = p;
        while (q < n) {
          let e = text.indexOf('\n', q);
          if (e === -1) e = n;
          let line = text.slice(q, e);
          if (line.endsWith('\r')) line = line.slice(0, -1);
          if ((h.dash ? line.replace(/^\t+/, '') : line) === h.delim) {
            mark(bodyStart, q, h.quoted ? 'heredoc-quoted' : 'heredoc');
            p = e + 1;
            found = true;
            break;
          }
          q = e + 1;
        }
        if (!found) return spans.map(() => 'unknown');
      }
      pending.length = 0;
      i = Math.min(p, n);
      continue;
    }
    if (c === "'") {
      const ansi = i > 0 && text[i - 1] === '$';
      let e = i + 1;
      while (e < n && text[e] !== "'") {
        if (si < spans.length && spans[si]!.start === e) {
          out[si] = ansi ? 'ansi' : 'single';
          e = spans[si]!.end;
          si++;
          continue;
        }
        e += ansi && text[e] === '\\' ? 2 : 1;
      }
      if (e >= n) return spans.map(() => 'unknown');
      i = e + 1;
      continue;
    }
    if (c === '"') {
      stack.push({ kind: 'double' });
      i++;
      continue;
    }
    if (c === '#' && wordStart(i)) {
      let e = text.indexOf('\n', i);
      if (e === -1) e = n;
      mark(i, e, 'comment');
      i = e;
      continue;
    }
    if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      const m = HEREDOC.exec(text.slice(i, i + 200));
      if (m) {
        pending.push({ delim: m[2] ?? m[3] ?? m[4]!, quoted: m[2] !== undefined || m[3] !== undefined || m[0].includes('\\'), dash: m[1] === '-' });
        i += m[0].length;
        continue;
      }
    }
    if (c === '$' && text[i + 1] === '(') {
      stack.push({ kind: 'plain', depth: 0, close: ')' });
      i += 2;
      continue;
    }
    if (c === '`') {
      if (top.close === '`') stack.pop();
      else stack.push({ kind: 'plain', depth: 0, close: '`' });
      i++;
      continue;
    }
    if (top.close === ')') {
      if (c === '(') top.depth++;
      else if (c === ')') {
        if (top.depth === 0) stack.pop();
        else top.depth--;
      }
    }
    i++;
  }
  if (stack.length !== 1 || pending.length > 0) return spans.map(() => 'unknown');
  return out;
}

export type JsContext = 'code' | 'single' | 'double' | 'template' | 'comment' | 'unknown';

type JsFrame = { kind: 'code'; depth: number } | { kind: 'template' };

/** The JavaScript context of each span (sorted, non-overlapping); `unknown` for all when the text does not scan cleanly. */
export function jsContexts(text: string, spans: readonly Span[]): JsContext[] {
  const out: JsContext[] = spans.map(() => 'unknown');
  const stack: JsFrame[] = [{ kind: 'code', depth: 0 }];
  let si = 0;
  let i = 0;
  const n = text.length;
  const mark = (from: number, to: number, ctx: JsContext): void => {
    while (si < spans.length && spans[si]!.start < to) {
      if (spans[si]!.start >= from) out[si] = ctx;
      si++;
    }
  };
  while (i < n) {
    const top = stack[stack.length - 1]!;
    if (si < spans.length && spans[si]!.start === i) {
      out[si] = top.kind === 'template' ? 'template' : 'code';
      i = spans[si]!.end;
      si++;
      continue;
    }
    const c = text[i]!;
    if (top.kind === 'template') {
      if (c === '\\') i += 2;
      else if (c === '`') {
        stack.pop();
        i++;
      } else if (c === '$' && text[i + 1] === '{') {
        stack.push({ kind: 'code', depth: 0 });
        i += 2;
      } else i++;
      continue;
    }
    if (c === "'" || c === '"') {
      let e = i + 1;
      while (e < n && text[e] !== c && text[e] !== '\n') {
        if (si < spans.length && spans[si]!.start === e) {
          out[si] = c === "'" ? 'single' : 'double';
          e = spans[si]!.end;
          si++;
          continue;
        }
        e += text[e] === '\\' ? 2 : 1;
      }
      if (e >= n || text[e] !== c) return spans.map(() => 'unknown');
      i = e + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      let e = text.indexOf('\n', i);
      if (e === -1) e = n;
      mark(i, e, 'comment');
      i = e;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      if (e === -1) return spans.map(() => 'unknown');
      mark(i, e, 'comment');
      i = e + 2;
      continue;
    }
    if (c === '`') stack.push({ kind: 'template' });
    else if (c === '{') top.depth++;
    else if (c === '}') {
      if (top.depth === 0 && stack.length > 1) stack.pop();
      else top.depth--;
    }
    i++;
  }
  if (stack.length !== 1) return spans.map(() => 'unknown');
  return out;
}
