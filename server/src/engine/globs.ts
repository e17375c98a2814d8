// Glob matching with minimatch: patterns compiled once, paths normalised to forward slashes.

import ignore from 'ignore';
import { Minimatch } from 'minimatch';
import { trimTrailing } from '../core/text.js';

export type PathTest = (path: string) => boolean;

export function normalizePath(p: string): string {
  let s = p.replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  return s;
}

/**
 * Compiles kind globs: a pattern without a slash matches the file name at any depth (`*.build`),
 * one with a slash matches the path from the root (`ci/*.yml`), or at any depth when it starts with `**`.
 */
export function compileGlobs(globs: readonly string[], opts: { nocase?: boolean; lazy?: boolean } = {}): PathTest {
  const patterns = globs.map((g) => normalizePath(g.trim()).replace(/^\/+/, '')).filter(Boolean);
  if (patterns.length === 0) return () => false;
  const nocase = opts.nocase ?? false;
  const compile = (g: string): Minimatch => new Minimatch(g.includes('/') ? g : `**/${g}`, { dot: true, nocase });
  if (!opts.lazy) {
    const matchers = patterns.map(compile);
    return (path) => {
      const p = normalizePath(path).replace(/^\/+/, '');
      return matchers.some((m) => m.match(p));
    };
  }
  // `lazy` (the built-in kind globs): each pattern is compiled the first time a path's file name could match it, so a
  // one-file CLI run compiles few of the ~100 (building a Minimatch is the costly part of a test).
  const lazy = patterns.map((g) => ({ literal: nameLiteral(g, nocase), matcher: undefined as Minimatch | undefined, g }));
  return (path) => {
    const p = normalizePath(path).replace(/^\/+/, '');
    const base = p.slice(p.lastIndexOf('/') + 1);
    const name = nocase ? base.toLowerCase() : base;
    for (const l of lazy) {
      if (l.literal !== undefined && !name.includes(l.literal)) continue;
      l.matcher ??= compile(l.g);
      if (l.matcher.match(p)) return true;
    }
    return false;
  };
}

/**
 * The longest run of literal characters in a glob's last segment, which any matching path's file name contains; none
 * when that segment holds anything but literals and `*` (`?`, classes, braces, extglobs, escapes) or is `**`.
 */
function nameLiteral(glob: string, nocase: boolean): string | undefined {
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  if (last === '' || last === '**' || /[?[\]{}()!+@\\]/.test(last)) return undefined;
  let best = '';
  for (const run of last.split('*')) if (run.length > best.length) best = run;
  if (best === '') return undefined;
  return nocase ? best.toLowerCase() : best;
}

/**
 * Compiles ignore patterns with .gitignore semantics (negation, anchoring with a leading `/`, `dir/`).
 * Paths are relative to the folder the patterns belong to; paths outside it are never ignored.
 */
export function compileIgnore(patterns: readonly string[]): (path: string, isDir?: boolean) => boolean {
  if (patterns.length === 0) return () => false;
  const ig = ignore().add([...patterns]);
  return (path, isDir = false) => {
    const p = trimTrailing(normalizePath(path), '/');
    if (!p || p.startsWith('/') || p.startsWith('../') || p === '..' || /^[A-Za-z]:/.test(p)) return false;
    return ig.ignores(isDir ? `${p}/` : p);
  };
}
