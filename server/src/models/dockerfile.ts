// Dockerfile views: the base image of each stage, with build-arg defaults resolved when they are literal.

import type { Dockerfile } from '../parsers/dockerfile.js';
import type { Range } from '../core/types.js';
import type { LineIndex } from '../core/text.js';

export interface FromView {
  /** the image argument as written (`node:${V}`), and where it is. */
  readonly raw: string;
  readonly range: Range;
  /** the image after substituting literal ARG defaults; undefined when a variable has no literal value. */
  readonly resolved: string | undefined;
  /** the argument names an earlier stage (`FROM build`), not an image. */
  readonly isStage: boolean;
  readonly stageName: string | undefined;
  readonly platform: string | undefined;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** End of the variable name starting at `at`, or `at` when none starts there. */
function nameEnd(raw: string, at: number): number {
  NAME.lastIndex = at;
  return NAME.test(raw) ? NAME.lastIndex : at;
}

/**
 * Replaces every `$X`, `${X}` and `${X<op>word}` (op `:-`, `-`, `:+`, `+`; word up to the first `}`) in `raw`, left to
 * right like a global regex would. A scan: a regex's `[^}]*` would rescan the rest of the text from every `${X:-`
 * when no `}` follows.
 */
function replaceVars(
  raw: string,
  fn: (m: string, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => string,
): string {
  let out = '';
  let done = 0;
  /** the first `}` at or after the last position asked for (-1: none there, nor after any later position). */
  let close: number | undefined;
  let i = raw.indexOf('$');
  while (i !== -1) {
    let end = -1;
    if (raw[i + 1] === '{') {
      const n = nameEnd(raw, i + 2);
      if (n > i + 2) {
        const name = raw.slice(i + 2, n);
        if (raw[n] === '}') {
          end = n + 1;
          out += raw.slice(done, i) + fn(raw.slice(i, end), name, undefined, undefined, undefined);
        } else {
          const op = raw[n] === ':' && (raw[n + 1] === '-' || raw[n + 1] === '+') ? raw.slice(n, n + 2) : raw[n] === '-' || raw[n] === '+' ? raw[n]! : '';
          const from = n + op.length;
          if (op && close !== -1 && (close === undefined || close < from)) close = raw.indexOf('}', from);
          if (op && close !== undefined && close !== -1) {
            end = close + 1;
            out += raw.slice(done, i) + fn(raw.slice(i, end), name, op, raw.slice(from, close), undefined);
          }
        }
      }
    } else {
      const n = nameEnd(raw, i + 1);
      if (n > i + 1) {
        end = n;
        out += raw.slice(done, i) + fn(raw.slice(i, end), undefined, undefined, undefined, raw.slice(i + 1, n));
      }
    }
    if (end !== -1) done = end;
    i = raw.indexOf('$', end !== -1 ? end : i + 1);
  }
  return done === 0 ? raw : out + raw.slice(done);
}

/**
 * Substitutes `$X`, `${X}`, `${X:-word}`, `${X-word}`, `${X:+word}`, `${X+word}` from `vars`
 * (a name mapped to undefined is declared without a value). Returns undefined when the result
 * depends on a value that is not known.
 */
export function substitute(raw: string, vars: ReadonlyMap<string, string | undefined>): string | undefined {
  let unknown = false;
  const out = replaceVars(raw, (m, braced, op, word, bare) => {
    const name = braced ?? bare ?? '';
    const declared = vars.has(name);
    const value = vars.get(name);
    const set = value !== undefined;
    switch (op) {
      case ':-':
        if (set && value !== '') return value;
        if (!declared || value === '') return word ?? '';
        break; // declared without a value: supplied at build time, unknown
      case '-':
        if (set) return value;
        if (!declared) return word ?? '';
        break;
      case ':+':
      case '+':
        if (set) return op === '+' || value !== '' ? word ?? '' : '';
        if (!declared) return '';
        break;
      default:
        if (set) return value;
    }
    unknown = true;
    return m;
  });
  return unknown ? undefined : out;
}

export function fromViews(df: Dockerfile, lines: LineIndex): FromView[] {
  const globals = new Map<string, string | undefined>();
  for (const arg of df.getInitialARGs()) {
    const prop = arg.getProperty();
    const name = prop?.getName();
    // A default may use earlier build args (`ARG IMAGE=${BASE}`): substitute them; unknown stays unknown.
    const raw = prop?.getValue() ?? undefined;
    if (name) globals.set(name, raw === undefined ? undefined : substitute(raw, globals));
  }
  const stages = new Set<string>();
  const out: FromView[] = [];
  for (const from of df.getFROMs()) {
    const r = from.getImageRange();
    const raw = from.getImage();
    const stageName = from.getBuildStage() ?? undefined;
    if (r && raw) {
      const range = { start: lines.offsetAt(r.start), end: lines.offsetAt(r.end) };
      const resolved = substitute(raw, globals);
      out.push({
        raw,
        range,
        resolved,
        // `FROM build-${VARIANT}` names a stage once the build arg is substituted.
        isStage: stages.has(raw.toLowerCase()) || (resolved !== undefined && stages.has(resolved.toLowerCase())),
        stageName,
        platform: from.getPlatformFlag()?.getValue() ?? undefined,
      });
    }
    if (stageName) stages.add(stageName.toLowerCase());
  }
  return out;
}
